/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-roster: a standing weekly roster to the technicians of one day.
 *
 * An office keeps its techs' hours as a week, a zone, days off and the
 * shop's holidays; the tools plan from dated shifts. fsd-roster --on
 * DATE makes each tech record that day's (common/roster/), so a cron
 * line never edits a date: fsd-roster --on "$(date +%F)". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "recur/recur.h"
#include "roster/records.h"
#include "zone.h"

static const char *zone, *holidays_path;
static int64_t on_day;
static int have_on;

static const struct fsd_option options[] = {
	{ 0, "on", "DATE", "the day to make (YYYY-MM-DD)",
	  .type = FSD_OPT_DATE, .date = &on_day, .given = &have_on },
	{ 0, "tz", "ZONE", "the zone of rosters that name none (America/Denver)", NULL, &zone },
	{ 0, "holidays", "FILE", "days nobody works, one YYYY-MM-DD a line", NULL, &holidays_path },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-roster", "--on DATE [--tz ZONE] [--holidays FILE] [FILE ...]",
	"turn a weekly roster into the day's technicians with shifts",
	options, FSD_TOOL_RECORDS
};

struct run {
	int64_t day;
	struct recur_holidays holidays;
};

static int
per_tech(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;

	if (roster_apply(rec, run->day, zone, &run->holidays, pos) != 0) {
		fsd_set_exception(rec, "bad_record", "%s", fsd_field_error);
		fsd_emit(rec);
		return 1;
	}
	fsd_emit(rec);
	return 0;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };

	if (!have_on)
		fsd_usage_error("--on DATE is required");
	run.day = on_day;
	if (zone != NULL && !fsd_zone_valid(zone))
		fsd_usage_error("--tz: \"%s\" is not a zone of the tz database "
		    "(America/Denver, Europe/Berlin, UTC...)", zone);
	if (holidays_path != NULL)
		recur_holidays_load(&run.holidays, holidays_path);
	fsd_read_records(argc - first, argv + first, per_tech, &run);
	recur_holidays_free(&run.holidays);
	return fsd_finish();
}
