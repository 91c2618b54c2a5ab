/* Status events as records: checked and put in the logged order
 * (fsd(5), STATUS EVENTS), and the ids of logged lines. */
#ifndef FSD_EVENT_RECORDS_H
#define FSD_EVENT_RECORDS_H

#include <stddef.h>

#include <jansson.h>

#include "err.h"
#include "jsonscan.h"
#include "rfc3339.h"
#include "event/status.h"

/* What fills an event's missing fields (the command line's options). */
struct event_defaults {
	const char *tech, *at, *by, *note, *reason;
	int has_position;
	double lat, lon;
};

/* A checked event: borrowed from its record. */
struct event {
	const char *id;		/* NULL until given one */
	const char *job, *tech, *by, *reason;
	enum event_status status;
	struct fsd_time at;
	int has_position;
	double lat, lon;
};

/* Check an event record and fill what it lacks from defaults: a new
 * record in the logged order (kind, id, job, tech, status, at, by,
 * position, reason, note, then the rest as they came; "prev" and "hash"
 * dropped, the log seals its own). NULL when the event is bad, said at
 * pos and kept in fsd_field_error. */
json_t *event_record_make(const json_t *in, const struct event_defaults *d,
    const struct fsd_pos *pos);

/* Read a logged or made event record's fields into ev (strings borrowed).
 * Returns FSD_FIELD_OK or FSD_FIELD_BAD (said at pos). */
int event_read(const json_t *record, struct event *ev, const struct fsd_pos *pos);

/* The id an event is given when it comes without one:
 * EV-<local date of at>-<line number in the log, 4 digits or more>. */
char *event_id_make(const struct fsd_time *at, long line);

/* The "id" of a logged line, or NULL; borrowed until the next call. */
struct event_id_reader {
	struct fsd_scan scan;
};
const char *event_id_of_line(struct event_id_reader *r, const char *line, size_t len);
void event_id_reader_free(struct event_id_reader *r);

#endif
