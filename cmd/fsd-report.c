/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-report: the numbers that run the business -- jobs done, hours,
 * drive, utilization, on-time arrivals, SLA hits, first-time fix, days
 * to invoice, invoices paid, revenue -- per tech and day, per tech, per
 * day and in total, from plans, the status log, closed jobs, invoices
 * and payments over any span of days. What each figure means is in
 * fsd-report(1), so an owner can check it. */
#include <string.h>

#include "fsd.h"
#include "views/kpi.h"
#include "views/plan.h"
#include "views/records_kpi.h"
#include "views/report.h"

static const char *techs_path, *events_path, *invoices_path, *payments_path;
static long ftf_days;
static int table, html;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians: shifts (for utilization) and names", NULL, &techs_path },
	{ 'e', "events", "FILE", "status events (fsd-event's log): arrivals and completions", NULL, &events_path },
	{ 'i', "invoices", "FILE", "invoiced jobs (fsd-invoice's output)", NULL, &invoices_path },
	{ 'p', "payments", "FILE", "payments (kind \"payment\": invoice, amount)", NULL, &payments_path },
	{ 0, "ftf-days", "N", "a return visit within N days undoes a first-time fix",
	  .type = FSD_OPT_WHOLE, .whole = &ftf_days, .min = 0, .max = 3650, .def = 30 },
	{ 0, "table", NULL, "write a table for a terminal instead of records", &table, NULL },
	{ 0, "html", NULL, "write an HTML page with charts instead of records", &html, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-report", "[--techs FILE] [--events FILE] [--invoices FILE] [--payments FILE] [--ftf-days N] "
	"[--table | --html] [FILE ...]",
	"the business's figures per tech and day: jobs, hours, drive, on time, first-time fix, revenue",
	options, FSD_TOOL_RECORDS
};

static int
take(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add(ctx, record, pos);
}

static int
take_invoice(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add_invoice(ctx, record, pos);
}

/* A side file of one kind of record (events, payments). */
struct side {
	struct view_plan *plan;
	const char *kind;
};

static int
take_kind(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct side *side = ctx;
	json_t *kind = json_object_get(record, "kind");

	if (!json_is_string(kind) || strcmp(json_string_value(kind), side->kind) != 0)
		return fsd_field_fail(pos, "not a \"%s\" record", side->kind) != 0;
	return view_plan_add(side->plan, record, pos);
}

static void
read_side(struct view_plan *plan, const char *path, const char *kind)
{
	struct side side = { plan, kind };

	if (path != NULL)
		fsd_read_record_file(path, take_kind, &side);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct view_plan plan;
	struct view_kpis kpis;

	if (table && html)
		fsd_usage_error("--table and --html: choose one");
	view_plan_init(&plan);
	if (techs_path != NULL)
		view_plan_load_techs(&plan, techs_path);
	fsd_read_records(argc - first, argv + first, take, &plan);
	read_side(&plan, events_path, "status");
	read_side(&plan, payments_path, "payment");
	if (invoices_path != NULL)
		fsd_read_record_file(invoices_path, take_invoice, &plan);
	view_plan_settle(&plan);
	view_kpis_compute(&plan, (int)ftf_days, &kpis);
	if (kpis.undated > 0)
		fsd_note("%zu job%s with a tech but no start, arrival or completion: not counted",
		    kpis.undated, kpis.undated == 1 ? "" : "s");
	if (table)
		view_report_table(stdout, &plan, &kpis);
	else if (html)
		view_report_html(stdout, &plan, &kpis);
	else
		for (size_t i = 0; i < kpis.n; i++) {
			json_t *rec = view_kpi_record(&plan, &kpis.rows[i]);

			fsd_emit(rec);
			json_decref(rec);
		}
	view_kpis_free(&kpis);
	view_plan_free(&plan);
	return fsd_finish();
}
