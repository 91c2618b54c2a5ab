/* Jobs as records for fsd-status: read a job's id, state and tech, and
 * write back what its events told (fsd(5), "Added by fsd-status"). */
#ifndef FSD_STATUS_RECORDS_H
#define FSD_STATUS_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "status/fold.h"

struct status_job {
	json_t *record;		/* owned */
	struct fsd_pos pos;	/* where it came from (file name borrowed) */
	const char *id;
	const char *skip_until;	/* its "status_event": events up to it are in it already */
	int bad;		/* said already; events for it are not applied */
	int other;		/* not a job (a pickup stop, a summary): as it came */
	struct job_day day;
};

/* Take a job record (a reference is kept). A bad one is marked and
 * comes out with its exception; a record with a "kind" is no job and
 * passes as it came. Returns 0 or 1 when it was bad. */
int status_job_read(struct status_job *job, json_t *record, const struct fsd_pos *pos);

/* Write what the events changed into the record. */
void status_job_write(struct status_job *job);

void status_job_free(struct status_job *job);

#endif
