/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The roster's JSON side: a technician record's "roster" field
 * ({"zone", "week", "days_off"}, fsd(5)) read into struct roster, and the
 * day it makes written back as "shift" and "off", or "not_working". */
#ifndef FSD_ROSTER_RECORDS_H
#define FSD_ROSTER_RECORDS_H

#include <stdint.h>
#include <jansson.h>

#include "err.h"
#include "recur/recur.h"

/* Make rec the technician of day (a local date): its shift from the
 * roster, in the roster's zone (or zone, --tz, when it names none); days
 * in holidays are not worked. A record with no "roster" is left as it
 * is. Returns 0, or FSD_FIELD_BAD with the problem reported at pos. */
int roster_apply(json_t *rec, int64_t day, const char *zone,
    const struct recur_holidays *holidays, const struct fsd_pos *pos);

#endif
