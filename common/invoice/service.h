/* The work an invoice bills, as the customer is shown it: when the
 * visit was, who did it (by name, from --techs), where when that is not
 * the billing address, what was done and noted, the findings, who signed
 * and the evidence fsd-close recorded. Read from the job's record beside
 * its pricing (records_service.h; records_job.c), written by
 * records_render.c and html.c. */
#ifndef FSD_INVOICE_SERVICE_H
#define FSD_INVOICE_SERVICE_H

#include <stddef.h>

#include "rfc3339.h"

/* --techs: technician ids to the names customers know them by. */
struct inv_tech_name {
	char *id, *name;
};

struct inv_techs {
	struct inv_tech_name *v;	/* sorted by id */
	size_t n;
};

/* Sorted by id, once the names are in (inv_techs_load does it). */
void inv_techs_sort(struct inv_techs *t);
/* The name for an id, or NULL. */
const char *inv_techs_name(const struct inv_techs *t, const char *id);
void inv_techs_free(struct inv_techs *t);

struct inv_evidence {
	const char *role, *path, *sha256;
};

/* Strings are borrowed from the scanned line (or the techs table), so a
 * service lives until the next line is scanned. */
struct inv_service {
	int has_start, has_end;
	struct fsd_time start, end;	/* arrived..completed, else the work span */
	const char *tech_id, *tech_name;	/* name NULL: not in --techs */
	const char *address;	/* the site, when it is not the billing address */
	const char *work_performed, *notes;
	const char *signed_by;
	int has_signed_at;
	struct fsd_time signed_at;
	int closed;		/* fsd-close closed the job */
	struct inv_evidence *evidence;
	size_t nevidence, evidence_cap;
	const char **findings;
	size_t nfindings, findings_cap;
};

/* Anything to show: a time, a tech or a word of the work. */
int inv_service_any(const struct inv_service *s);

void inv_service_free(struct inv_service *s);

#endif
