/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-board: the dispatcher's board as one HTML file that opens from
 * disk (no network, nothing to fetch): each tech's day on a timeline,
 * the alerts, the jobs not placed grouped by why, and a map; or a tech's
 * printable day sheet. Reads a plan, and when given the day's status
 * events, the alerts and the invoices. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsd.h"
#include "views/board.h"
#include "views/plan.h"

static const char *techs_path, *events_path, *alerts_path, *invoices_path;
static struct fsd_time now;
static int has_now;
static const char *out_path, *tech_id, *sheets_dir;
static int sheet;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians: names, homes, shifts", NULL, &techs_path },
	{ 'e', "events", "FILE", "the day's status events (fsd-event's log): status colours", NULL, &events_path },
	{ 'a', "alerts", "FILE", "alerts to show (kind \"alert\" records)", NULL, &alerts_path },
	{ 'i', "invoices", "FILE", "invoiced jobs (fsd-invoice's output)", NULL, &invoices_path },
	{ 0, "now", "TIME", "draw the now-line at TIME (RFC 3339)",
	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
	{ 'o', "out", "FILE", "write the page to FILE, whole or not at all (default: standard output)", NULL, &out_path },
	{ 0, "tech", "ID", "with --sheet: the tech whose day sheet to write", NULL, &tech_id },
	{ 0, "sheet", NULL, "write the day sheet of --tech instead of the board", &sheet, NULL },
	{ 0, "all-sheets", "DIR", "also write a day sheet a tech, DIR/ID.html", NULL, &sheets_dir },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-board", "[--techs FILE] [--events FILE] [--alerts FILE] [--invoices FILE] [--now TIME] "
	"[--out FILE] [--tech ID --sheet] [--all-sheets DIR] [FILE ...]",
	"draw the day as one HTML page: timelines, alerts, jobs not placed, map; day sheets",
	options, FSD_TOOL_RECORDS
};

static int
take(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add(ctx, record, pos);
}

/* The status log and the alerts: only their own kind is taken. */
struct side {
	struct view_plan *plan;
	const char *kind;
	size_t other;
};

static int
take_kind(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct side *side = ctx;
	json_t *kind = json_object_get(record, "kind");

	if (!json_is_string(kind) || strcmp(json_string_value(kind), side->kind) != 0) {
		side->other++;
		return 0;
	}
	return view_plan_add(side->plan, record, pos);
}

static void
read_side(struct view_plan *plan, const char *path, const char *kind)
{
	struct side side = { plan, kind, 0 };

	if (path == NULL)
		return;
	fsd_read_record_file(path, take_kind, &side);
	if (side.other > 0)
		fsd_note("%s: %zu record%s not of kind \"%s\": not shown", fsd_display_name(path),
		    side.other, side.other == 1 ? "" : "s", kind);
}

static int
take_invoice(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add_invoice(ctx, record, pos);
}

/* Write a page to path through a temporary file, or to stdout. */
static void
write_page(const char *path, const struct view_plan *plan, int t, const struct view_board_options *o)
{
	struct fsd_replace r;
	FILE *f = path != NULL ? fsd_replace_begin(&r, path) : stdout;

	if (t >= 0)
		view_sheet_write(f, plan, t);
	else
		view_board_write(f, plan, o);
	if (path != NULL)
		fsd_replace_commit(&r);
}

static void
write_all_sheets(const struct view_plan *plan)
{
	if (mkdir(sheets_dir, 0777) != 0 && errno != EEXIST)
		fsd_die(FSD_EXIT_DATA, "%s: %s", sheets_dir, strerror(errno));
	for (size_t t = 0; t < plan->ntechs; t++) {
		char *name = view_file_name(plan->techs[t].id, ".html");
		char *path = xasprintf("%s/%s", sheets_dir, name);

		write_page(path, plan, (int)t, NULL);
		free(path);
		free(name);
	}
}

static int
sheet_tech(const struct view_plan *plan)
{
	for (size_t t = 0; t < plan->ntechs; t++)
		if (strcmp(plan->techs[t].id, tech_id) == 0)
			return (int)t;
	fsd_die(FSD_EXIT_DATA, "--tech: no tech \"%s\" in the techs file or the plan", tech_id);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct view_board_options o = { 0 };
	struct view_plan plan;

	if (sheet && tech_id == NULL)
		fsd_usage_error("--sheet needs --tech ID");
	if (tech_id != NULL && !sheet)
		fsd_usage_error("--tech needs --sheet");
	o.has_now = has_now;
	o.now = now;
	view_plan_init(&plan);
	if (techs_path != NULL)
		view_plan_load_techs(&plan, techs_path);
	fsd_read_records(argc - first, argv + first, take, &plan);
	read_side(&plan, events_path, "status");
	read_side(&plan, alerts_path, "alert");
	if (invoices_path != NULL)
		fsd_read_record_file(invoices_path, take_invoice, &plan);
	view_plan_settle(&plan);
	if (plan.events_unmatched > 0)
		fsd_note("%zu status event%s for no job of the plan, or without job, status or at: not shown",
		    plan.events_unmatched, plan.events_unmatched == 1 ? "" : "s");
	write_page(out_path, &plan, sheet ? sheet_tech(&plan) : -1, &o);
	if (sheets_dir != NULL)
		write_all_sheets(&plan);
	view_plan_free(&plan);
	return fsd_finish();
}
