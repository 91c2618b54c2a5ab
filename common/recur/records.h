/* fsd-recur's records: contracts in, visit jobs out, and the dates of
 * visits that exist already. The JSON side of common/recur/recur.h. */
#ifndef FSD_RECUR_RECORDS_H
#define FSD_RECUR_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "recur/recur.h"
#include "recur/seen.h"

#define RECUR_DEFAULT_TOLERANCE 3	/* days: lets a weekend date reach Fri or Mon */
#define RECUR_DEFAULT_HOURS_START (8 * 60)
#define RECUR_DEFAULT_HOURS_END (17 * 60)
#define RECUR_DEFAULT_DURATION 60	/* minutes, for --spread when the job has none */

/* Fill c from a contract record; strings are borrowed from record, which
 * must outlive c. default_tz (--tz) may be NULL. Returns 0, or
 * FSD_FIELD_BAD with the problem reported at pos and kept in
 * fsd_field_error. */
int recur_contract_read(const json_t *record, const struct fsd_pos *pos,
    const char *default_tz, struct recur_contract *c);

/* Remember a done or booked visit: its id, and its contract and date
 * ("date", else the local date of "completed" or "window.start", else
 * "due"). A record with no "contract" adds only its id. Returns 0, or
 * FSD_FIELD_BAD (reported at pos) when it names a contract but no date. */
int recur_seen_read(struct recur_seen *s, const json_t *record, const struct fsd_pos *pos);

#define RECUR_ID_LEN 300
/* The visit's id: contract id and due date, "C1001-2026-11-23". */
char *recur_visit_id(const struct recur_contract *c, const struct recur_visit *v,
    char buf[RECUR_ID_LEN]);

/* The job for a visit: the contract's job template with customer, site,
 * territory, window, due, due_range and contract. New reference. */
json_t *recur_visit_job(const json_t *contract_record, const struct recur_contract *c,
    const struct recur_visit *v);

#endif
