/* The office's way in and out: local clocks in a zone (a slow twin for
 * the tz arithmetic), date cells, the weekly roster, the mistakes. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "zone.h"
#include "csv/clock.h"
#include "roster/roster.h"
#include "check/mistakes.h"

static int
same_wall(const struct fsd_wall *a, const struct fsd_wall *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day
	    && a->hour == b->hour && a->minute == b->minute && a->second == b->second;
}

/* The slow, obvious twin of fsd_zone_to_time: walk the instants of the
 * day minute by minute and take the first whose wall clock is wall. */
static int
first_instant_showing(const char *zone, const struct fsd_wall *wall, int64_t from, int64_t *out)
{
	for (int64_t t = from; t < from + 2 * 86400; t += 60) {
		struct fsd_wall w;
		int offset;

		fsd_zone_from_time(zone, t, &w, &offset);
		if (same_wall(&w, wall)) {
			*out = t;
			return 0;
		}
	}
	return -1;
}

static void
test_zone_twin(const char *zone, int year, int month, int day, int64_t from)
{
	int agree = 1, skipped = 0, twice = 0;

	for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
		struct fsd_wall wall = { year, month, day, minutes / 60, minutes % 60, 0 };
		struct fsd_time t;
		char err[256];
		int64_t slow;
		int fast = fsd_zone_to_time(zone, &wall, &t, err, sizeof err);
		int brute = first_instant_showing(zone, &wall, from, &slow);

		if (fast != brute || (fast == 0 && t.seconds != slow))
			agree = 0;
		skipped += fast != 0;
		if (fast == 0) {
			struct fsd_wall later;
			int offset;
			/* An hour later the clock shows the same: a time that happens twice. */
			fsd_zone_from_time(zone, t.seconds + 3600, &later, &offset);
			twice += same_wall(&later, &wall);
		}
	}
	CHECK(agree, "zone: every quarter hour of a change day is the first instant showing it");
	CHECK(skipped == 4 || twice == 4, "zone: the change day has its hour skipped or twice");
}

static void
test_zone(void)
{
	struct fsd_wall wall = { 2026, 11, 1, 1, 30, 0 };
	struct fsd_time t;
	char err[256], text[FSD_TIME_LEN];

	CHECK(fsd_zone_valid("America/Denver") && fsd_zone_valid("UTC"), "zone: real names");
	CHECK(!fsd_zone_valid("Mars/Olympus") && !fsd_zone_valid("../etc/passwd")
	    && !fsd_zone_valid("MST7MDT,M3.2.0,M11.1.0"), "zone: no made-up names, paths or rules");
	CHECK(fsd_zone_to_time("America/Denver", &wall, &t, err, sizeof err) == 0
	    && t.offset_minutes == -360, "zone: 01:30 on the night back is the first, at -06:00");
	CHECK_STR(fsd_time_format(t.seconds, t.offset_minutes, text), "2026-11-01T01:30:00-06:00",
	    "zone: formatted");
	wall = (struct fsd_wall){ 2026, 3, 8, 2, 30, 0 };
	CHECK(fsd_zone_to_time("America/Denver", &wall, &t, err, sizeof err) != 0
	    && strstr(err, "skip") != NULL, "zone: 02:30 on the spring night is skipped");
	/* 2026-11-01 and 2026-03-08, from the day before's noon UTC. */
	test_zone_twin("America/Denver", 2026, 11, 1, 1793491200 - 86400 / 2);
	test_zone_twin("America/Denver", 2026, 3, 8, 1772928000 - 86400 / 2);
}

static void
test_clock(void)
{
	char out[FSD_TIME_LEN], err[256], cell[64];

	CHECK(fsd_clock_read("%m/%d/%Y %I:%M %p", "America/Denver", "11/23/2026 8:00 PM", out,
	    err, sizeof err) == 0, "clock: a US date and time read");
	CHECK_STR(out, "2026-11-23T20:00:00-07:00", "clock: in the zone's offset");
	CHECK(fsd_clock_read("%m/%d/%Y", NULL, "2/29/2026", out, err, sizeof err) != 0,
	    "clock: no February 29 in 2026");
	CHECK(fsd_clock_read("%d.%m.%Y", NULL, "05.12.2026", out, err, sizeof err) == 0, "clock: a date");
	CHECK_STR(out, "2026-12-05", "clock: a date is YYYY-MM-DD");
	CHECK(fsd_clock_read("%m/%d/%Y %I:%M %p", NULL, "11/23/2026 8:00 AM", out, err,
	    sizeof err) != 0 && strstr(err, "--tz") != NULL, "clock: a local time needs a zone");
	CHECK(fsd_clock_write("%m/%d/%Y %I:%M %p", "America/Chicago", "2026-11-23T08:00:00-07:00",
	    cell, sizeof cell) == 0, "clock: written in another zone");
	CHECK_STR(cell, "11/23/2026 09:00 AM", "clock: an hour later in Chicago");
	CHECK(fsd_clock_write("%a %b %d", NULL, "2026-11-23", cell, sizeof cell) == 0, "clock: a date's weekday");
	CHECK_STR(cell, "Mon Nov 23", "clock: 2026-11-23 is a Monday");
}

static void
test_roster(void)
{
	struct roster r = { 0 };
	struct roster_day d;
	char err[256];
	int64_t monday = 20780;	/* 2026-11-23 */

	CHECK(roster_add_hours(&r, "mon-fri 07:00-11:00, 12:00-15:30", err, sizeof err) == 0,
	    "roster: a split week");
	CHECK(roster_add_hours(&r, "sat 22:00-06:00", err, sizeof err) == 0, "roster: a night shift");
	CHECK(roster_add_hours(&r, "someday 07:00-15:00", err, sizeof err) != 0, "roster: no such day");
	CHECK(roster_add_hours(&r, "mon 7-3", err, sizeof err) != 0, "roster: hours are HH:MM");
	CHECK(roster_add_off(&r, "2026-11-27", err, sizeof err) == 0
	    && roster_add_off(&r, "2026-11-24 13:00-14:00", err, sizeof err) == 0
	    && roster_add_off(&r, "2026-11-30..2026-11-29", err, sizeof err) != 0, "roster: days off");
	roster_day(&r, monday, &d);
	CHECK(d.working && d.start_min == 420 && d.end_min == 930 && d.ngaps == 1
	    && d.gaps[0].start_min == 660 && d.gaps[0].end_min == 720, "roster: Monday, its lunch a gap");
	roster_day(&r, monday + 1, &d);
	CHECK(d.working && d.ngaps == 2, "roster: Tuesday, an hour off too");
	roster_day(&r, monday + 4, &d);
	CHECK(!d.working && strcmp(d.why_not, "time off") == 0, "roster: Friday off");
	roster_day(&r, monday + 5, &d);
	CHECK(d.working && d.start_min == 22 * 60 && d.end_min == 30 * 60, "roster: Saturday night into Sunday");
	roster_day(&r, monday + 6, &d);
	CHECK(!d.working, "roster: Sunday not rostered");
	roster_free(&r);
}

static void
test_mistakes(void)
{
	char *skills[] = { "hvac", "plumbing", "electrical", "cert:epa608" };
	double homes[] = { 39.7392, -104.9903, 39.85, -104.98 };
	double nearest, fixed;

	CHECK(check_edit_distance("plumbng", "plumbing", 2) == 1, "edit distance: a letter left out");
	CHECK(check_edit_distance("kitten", "sitting", 5) == 3, "edit distance: the textbook pair");
	CHECK(check_edit_distance("a", "abcdef", 2) == 3, "edit distance: capped");
	CHECK_STR(check_did_you_mean("plumbng", skills, 4), "plumbing", "did you mean plumbing");
	CHECK_STR(check_did_you_mean("elecrtical", skills, 4), "electrical", "did you mean electrical");
	CHECK(check_did_you_mean("roofing", skills, 4) == NULL, "no near skill: nothing said");
	CHECK(check_did_you_mean("hvac", skills, 4) == NULL, "a skill they have is no mistake");
	CHECK(check_joined_skills("hvac, plumbing") && !check_joined_skills("cert:epa608"), "joined skills");
	CHECK(check_far_site(39.7, 104.95, homes, 2, 300, &nearest, &fixed) && nearest > 9000
	    && fixed >= 0 && fixed < 10, "far site: the lost minus sign found");
	CHECK(!check_far_site(39.7, -104.95, homes, 2, 300, &nearest, &fixed), "near site: nothing said");
}

int
main(void)
{
	test_zone();
	test_clock();
	test_roster();
	test_mistakes();
	return UNIT_DONE();
}
