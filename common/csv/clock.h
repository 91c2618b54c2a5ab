/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Cells holding a person's clock and calendar: "11/23/2026 8:00 AM",
 * "Nov 23, 2026", "14:30", read and written by a strftime(3)-style
 * format (%m/%d/%Y %I:%M %p) in a time zone (zone.h). Records keep RFC
 * 3339 times with their offset and "YYYY-MM-DD" dates (fsd(5)). */
#ifndef FSD_CSV_CLOCK_H
#define FSD_CSV_CLOCK_H

#include <stddef.h>

#include "rfc3339.h"

/* Does the format hold a time of day (%H %I %M %R %T %r %S %p)? One
 * without is a date. */
int fsd_clock_format_has_time(const char *format);

/* The record value for a cell: "2026-11-23T08:00:00-07:00" when the
 * format holds a time of day (read in zone, which must then be given),
 * "2026-11-23" when it holds a date only. A cell already written as RFC
 * 3339 (what fsd-export writes by default) is taken as it is. Writes the
 * value to out (FSD_TIME_LEN bytes) and returns 0, or writes why to err
 * and returns -1. */
int fsd_clock_read(const char *format, const char *zone, const char *text,
    char out[FSD_TIME_LEN], char *err, size_t errlen);

/* A record's time ("2026-11-23T08:00:00-07:00") or date ("2026-11-23")
 * as a cell by format, in zone (NULL: at the time's own offset). Returns
 * 0, or -1 when text is neither. */
int fsd_clock_write(const char *format, const char *zone, const char *text,
    char *out, size_t outlen);

/* zone's UTC offset at an instant, in minutes. */
int fsd_clock_offset(const char *zone, int64_t seconds);

#endif
