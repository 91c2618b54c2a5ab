/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Local wall-clock times in an IANA time zone ("America/Denver"), through
 * the system's tz database (Debian's tzdata). Records carry their UTC
 * offset (rfc3339.h) and need no zone; a zone is needed only where a
 * person's clock comes in or goes out: a spreadsheet's "11/23/2026 8:00
 * AM", a roster's "07:00-15:30", an export for a tech's phone. The tz
 * database knows when daylight saving starts and ends, so we never
 * compute it ourselves. */
#ifndef FSD_ZONE_H
#define FSD_ZONE_H

#include <stddef.h>

#include "rfc3339.h"

/* A wall-clock time with no zone. */
struct fsd_wall {
	int year, month, day;	/* month 1-12 */
	int hour, minute, second;
};

/* Is zone a name the tz database has ("America/Denver", "UTC")? */
int fsd_zone_valid(const char *zone);

/* The instant a wall-clock time is in zone, with the offset it has there.
 * A time the clocks skip (02:30 on a spring-forward night) is an error,
 * written to err; a time that happens twice (01:30 on the night the
 * clocks go back) is the first of the two, as a person at a clock reads
 * it first. Returns 0 or -1. */
int fsd_zone_to_time(const char *zone, const struct fsd_wall *wall,
    struct fsd_time *out, char *err, size_t errlen);

/* The wall-clock time of an instant in zone, and zone's offset then. */
void fsd_zone_from_time(const char *zone, int64_t seconds, struct fsd_wall *wall,
    int *offset_minutes);

#endif
