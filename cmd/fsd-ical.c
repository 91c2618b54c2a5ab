/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-ical: a plan as iCalendar (RFC 5545), one event a visit: for the
 * techs' phones and the customers' calendars. A re-plan updates events
 * instead of adding new ones (the UID is the job's), and with --state the
 * SEQUENCE goes up when a visit moves (common/views/ical.h says why it
 * needs the state). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fsd.h"
#include "views/ical.h"
#include "views/plan.h"

static const char *techs_path, *split_text, *dir_path, *state_path;
static struct fsd_time now;
static int has_now;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians: names for the calendars and events", NULL, &techs_path },
	{ 0, "split-by", "KIND", "one calendar a tech or a customer (KIND: tech, customer), into --dir", NULL, &split_text },
	{ 'd', "dir", "DIR", "write each calendar to DIR/ID.ics", NULL, &dir_path },
	{ 's', "state", "FILE", "what was published before: bump SEQUENCE on change, cancel what left", NULL, &state_path },
	{ 0, "now", "TIME", "the DTSTAMP of every event (RFC 3339; default: now)",
	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-ical", "[--techs FILE] [--split-by KIND --dir DIR] [--state FILE] [--now TIME] [FILE ...]",
	"write a plan's visits as iCalendar events, one calendar a tech or customer",
	options, FSD_TOOL_RECORDS
};

static int
take(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add(ctx, record, pos);
}

static enum view_ical_split
split_kind(void)
{
	if (split_text == NULL) {
		if (dir_path != NULL)
			fsd_usage_error("--dir needs --split-by tech or --split-by customer");
		return VIEW_ICAL_ONE;
	}
	if (dir_path == NULL)
		fsd_usage_error("--split-by needs --dir DIR");
	if (strcmp(split_text, "tech") == 0)
		return VIEW_ICAL_TECH;
	if (strcmp(split_text, "customer") == 0)
		return VIEW_ICAL_CUSTOMER;
	fsd_usage_error("--split-by: \"%s\" is not tech or customer", split_text);
}

/* Each calendar to its own file, whole or not at all. */
static void
write_calendars(const struct view_events *ev, const struct fsd_time *stamp)
{
	if (mkdir(dir_path, 0777) != 0 && errno != EEXIST)
		fsd_die(FSD_EXIT_DATA, "%s: %s", dir_path, strerror(errno));
	for (size_t i = 0; i < ev->n; i++) {
		const char *calendar = ev->events[i].calendar;
		char *name, *path;
		struct fsd_replace r;
		size_t k;

		for (k = 0; k < i && strcmp(ev->events[k].calendar, calendar) != 0; k++)
			;
		if (k < i)
			continue;	/* written with its first event */
		name = view_file_name(calendar, ".ics");
		path = xasprintf("%s/%s", dir_path, name);
		view_ical_write(fsd_replace_begin(&r, path), ev, calendar, stamp);
		fsd_replace_commit(&r);
		free(path);
		free(name);
	}
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	enum view_ical_split split = split_kind();
	struct fsd_time stamp = { (int64_t)time(NULL), 0 };
	struct view_ical_state state;
	struct view_events events;
	struct view_plan plan;
	int lock = -1;

	if (has_now)
		stamp = now;
	view_plan_init(&plan);
	if (techs_path != NULL)
		view_plan_load_techs(&plan, techs_path);
	fsd_read_records(argc - first, argv + first, take, &plan);
	if (state_path != NULL) {
		lock = fsd_lock(state_path);
		view_ical_state_load(&state, state_path);
	}
	view_ical_events(&plan, split, state_path != NULL ? &state : NULL, &events);
	if (dir_path != NULL)
		write_calendars(&events, &stamp);
	else
		view_ical_write(stdout, &events, NULL, &stamp);
	if (events.not_placed > 0)
		fsd_note("%zu job%s not placed: no event", events.not_placed,
		    events.not_placed == 1 ? "" : "s");
	if (state_path != NULL) {
		view_ical_state_save(&state, state_path);
		fsd_unlock(lock);
		view_ical_state_free(&state);
	}
	view_events_free(&events);
	view_plan_free(&plan);
	return fsd_finish();
}
