/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A standing weekly roster, and the working day it makes on a date.
 *
 * An office keeps when its techs work as a week ("mon-fri 07:00-15:30;
 * sat 08:00-12:00"), not as dated shifts; the days off ("2026-11-26",
 * "2026-12-24..2026-12-26", a dentist "2026-11-23 13:00-15:00") and the
 * shop's holidays are dates. Turning these into the day's shift happens
 * on the wall clock (minutes from local midnight); the zone turns it
 * into instants (zone.h), where daylight saving is the tz database's
 * business, not ours. Plain C: records.c does the JSON. */
#ifndef FSD_ROSTER_H
#define FSD_ROSTER_H

#include <stddef.h>
#include <stdint.h>

/* Hours on some weekdays: bit 1 Monday ... bit 7 Sunday, as fsd-recur's
 * weekdays (recur_weekdays_parse). An end at or
 * before the start is on the next day (a night shift, 22:00-06:00). */
struct roster_hours {
	unsigned weekdays;
	int start_min, end_min;
};

/* Days off, first to last; with start_min >= 0 only those hours of it. */
struct roster_off {
	int64_t first_day, last_day;
	int start_min, end_min;
};

struct roster {
	struct roster_hours *hours;
	size_t nhours;
	struct roster_off *off;
	size_t noff;
};

/* Add "mon-fri 07:00-15:30" (days as fsd-recur writes them: mon-fri,
 * sat, mon,wed,fri, or daily; several hour ranges after the days, comma
 * separated, make a split day). Returns 0, or
 * -1 with why in err. */
int roster_add_hours(struct roster *r, const char *text, char *err, size_t errlen);
/* Add "2026-11-26", "2026-12-24..2026-12-26" or "2026-11-23 13:00-15:00". */
int roster_add_off(struct roster *r, const char *text, char *err, size_t errlen);
void roster_free(struct roster *r);

#define ROSTER_MAX_GAPS 8

/* What the roster says of one day. */
struct roster_day {
	int working;
	const char *why_not;	/* when not working: "time off", "not rostered" */
	int start_min, end_min;	/* from the day's local midnight; end may pass 24:00 */
	/* Hours inside the day not worked: between split hours, and time off
	 * for part of the day. */
	struct { int start_min, end_min; } gaps[ROSTER_MAX_GAPS];
	size_t ngaps;
};

/* The day (days since 1970-01-01, a local date). */
void roster_day(const struct roster *r, int64_t day, struct roster_day *out);

#endif
