/* Records (JSON) into the matcher's structs: with records_rules.c (the
 * rules file), the only part of common/match/ that knows jansson. */
#ifndef FSD_MATCH_RECORDS_H
#define FSD_MATCH_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "match.h"

/* Add the tech in rec to day; on a bad record nothing is added, the
 * problem is reported at pos, and -1 returned. */
int match_read_tech(struct match_day *day, const json_t *rec, const struct fsd_pos *pos);
/* Fill j (from match_add_job) from rec; techs must be loaded and indexed.
 * Returns -1, reported at pos, when rec is bad. */
int match_read_job(struct match_day *day, struct match_job *j, const json_t *rec,
    const struct fsd_pos *pos);

#endif
