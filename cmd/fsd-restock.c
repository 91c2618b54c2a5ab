/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-restock: apply the parts used on site to the truck stock, and say
 * what each truck must pull from a warehouse and what must be bought.
 *
 * The stock file is the whole state (common/restock/records_stock.h). Usage
 * events decrement it, each exactly once (their ids are kept in the
 * stock); receipts of open orders add to it; the new state is written by
 * write-temp, fsync and rename under a lock, or not at all. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fsd.h"
#include "restock/plan.h"
#include "restock/records_events.h"
#include "restock/records_line.h"
#include "restock/records_orders.h"
#include "restock/records_plan.h"
#include "restock/records_stock.h"
#include "restock/reorder.h"

static const char *stock_path, *plan_path, *out_path;
static struct fsd_time now;
static int in_place, has_now;

static const struct fsd_option options[] = {
	{ 's', "stock", "FILE", "the stock file: locations, stock rows, open orders", NULL, &stock_path },
	{ 'p', "plan", "FILE", "tomorrow's assigned jobs: pull what their parts need", NULL, &plan_path },
	{ 'o', "out", "FILE", "write the updated stock to FILE", NULL, &out_path },
	{ 'i', "in-place", NULL, "replace the stock file with the updated stock", &in_place, NULL },
	{ 0, "now", "TIME", "date orders as of TIME (RFC 3339; default: the last usage)",
	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-restock", "--stock FILE [--plan FILE] [--out FILE | --in-place] [--now TIME] [FILE ...]",
	"apply parts usage to truck stock; emit warehouse pulls and purchase orders",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct restock_stock stock;
	struct restock_events events;	/* applied to stock */
};

static int
per_line(struct restock_line *l, void *ctx)
{
	struct run *run = ctx;

	return restock_event_apply(&run->events, l);
}

/* The day orders are dated: --now, else the last usage, else today. */
static int64_t
order_day(const struct run *run)
{
	struct fsd_time t = has_now ? now : run->events.last_at;
	int64_t local;

	if (!has_now && !run->events.have_time)
		t = (struct fsd_time){ (int64_t)time(NULL), 0 };
	local = t.seconds + (int64_t)t.offset_minutes * 60;

	/* The date on the clock where it was said, floored before 1970 too. */
	return local / 86400 - (local % 86400 < 0);
}

static void
emit_plan_exceptions(const struct restock_plan *plan)
{
	for (size_t j = 0; j < plan->njobs; j++) {
		json_t *job = plan->job[j].record;

		if (plan->job[j].unavailable == NULL)
			continue;
		fsd_set_exception(job, "parts_unavailable", "%s", plan->job[j].unavailable);
		fsd_emit(job);
	}
}

static void
say_unsourced(const struct restock_stock *s, const struct restock_decision *d)
{
	for (size_t i = 0; i < d->nunsourced; i++)
		fsd_warn_at(&(struct fsd_pos){ stock_path, 0 },
		    "%s needs %lld %s and neither a warehouse nor a supplier has it",
		    restock_location_id(s, d->unsourced[i].location), d->unsourced[i].qty,
		    restock_sku_name(s, d->unsourced[i].sku));
}

/* Write the new stock, or leave the old one as it was. */
static void
save(const struct restock_stock *s, const char *path)
{
	struct fsd_replace r;

	restock_stock_write(s, fsd_replace_begin(&r, path));
	fsd_replace_commit(&r);
}

/* Two names for one file share one lock, which must not be taken twice. */
static int
same_file(const char *a, const char *b)
{
	char *ta = fsd_state_target(a), *tb = fsd_state_target(b);
	int same = strcmp(ta, tb) == 0;

	free(ta);
	free(tb);
	return same;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };
	struct restock_plan plan = { 0 };
	struct restock_decision decision;
	const char *target = in_place ? stock_path : out_path;
	int stock_lock = -1, out_lock = -1;
	json_t *orders, *rec;
	size_t i;

	if (stock_path == NULL)
		fsd_usage_error("--stock FILE is required");
	if (in_place && out_path != NULL)
		fsd_usage_error("--out and --in-place do not go together");
	if (target != NULL) {
		char err[FSD_STATE_ERROR_LEN];

		/* Said before any work, as a usage error: the command line
		 * names a place the run could not write (a device, a fifo). */
		if (fsd_replace_check(target, err, sizeof err) != 0)
			fsd_usage_error("%s", err);
		stock_lock = fsd_lock(stock_path);
		fsd_remove_stale_temps(target);
	}
	if (out_path != NULL && !same_file(out_path, stock_path))
		out_lock = fsd_lock(out_path);

	restock_stock_init(&run.stock);
	run.events.stock = &run.stock;
	if (restock_stock_load(&run.stock, stock_path) > 0)
		fsd_die(FSD_EXIT_DATA, "%s: stock file has errors; nothing applied",
		    fsd_display_name(stock_path));
	restock_read_lines(argc - first, argv + first, per_line, &run);
	if (plan_path != NULL)
		restock_plan_load(&plan, &run.stock, plan_path);

	restock_decide(&run.stock, plan.need, &decision);
	restock_plan_cover(&plan, &run.stock, decision.plan_uncovered);
	emit_plan_exceptions(&plan);
	say_unsourced(&run.stock, &decision);
	orders = restock_order_records(&run.stock, &decision, &plan, order_day(&run));
	json_array_foreach(orders, i, rec)
		fsd_emit(rec);

	/* The orders are out before the stock says they were made: a run
	 * that dies between the two is rerun and gives the same order ids. */
	if (fflush(stdout) != 0 || ferror(stdout))
		fsd_die(FSD_EXIT_DATA, "write error; %s not updated", fsd_display_name(stock_path));
	if (target != NULL)
		save(&run.stock, target);
	fsd_unlock(out_lock);
	fsd_unlock(stock_lock);

	json_decref(orders);
	restock_decision_free(&decision);
	restock_plan_free(&plan);
	restock_stock_free(&run.stock);
	return fsd_finish();
}
