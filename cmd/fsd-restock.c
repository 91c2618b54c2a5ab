/* fsd-restock: apply the parts used on site to the truck stock, and say
 * what each truck must pull from a warehouse and what must be bought.
 *
 * The stock file is the whole state (common/restock/stockio.h). Usage
 * events decrement it, each exactly once (their ids are kept in the
 * stock); receipts of open orders add to it; the new state is written by
 * write-temp, fsync and rename under a lock, or not at all. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fsd.h"
#include "restock/line.h"
#include "restock/orders.h"
#include "restock/plan.h"
#include "restock/reorder.h"
#include "restock/stockio.h"

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
	int have_time;
	struct fsd_time last_at;	/* the latest usage time seen */
};

/* A record that could not be applied comes out with the reason. */
static int
reject(struct restock_line *l, const char *code, const char *fmt, const char *what)
{
	json_t *record = restock_line_record(l);

	if (code == NULL)	/* a field message, already said at the line */
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	else {
		fsd_warn_at(&l->pos, fmt, what);
		fsd_set_exception(record, code, fmt, what);
	}
	fsd_emit(record);
	return 1;
}

static void
discrepancy(struct restock_stock *s, int location, int sku, long long recorded,
    long long used, const char *event, size_t event_len)
{
	json_t *rec = json_pack("{s:s, s:s, s:s, s:I, s:I}", "kind", "count_discrepancy",
	    "location", restock_location_id(s, location), "sku", restock_sku_name(s, sku),
	    "recorded", (json_int_t)recorded, "used", (json_int_t)used);

	if (event != NULL)
		json_object_set_new(rec, "event", json_stringn(event, event_len));
	fsd_emit(rec);
	json_decref(rec);
}

static void
receipt_short(int location, int sku, long long recorded, long long used, void *ctx)
{
	discrepancy(ctx, location, sku, recorded, used, NULL, 0);
}

/* A string field that must be there and name something. */
static int
need_string(struct restock_line *l, const char *key, const char **out, size_t *len)
{
	int r = restock_line_string(l, key, out, len);

	if (r == FSD_FIELD_ABSENT || (r == FSD_FIELD_OK && *len == 0))
		return fsd_field_fail(&l->pos, "\"%s\" is missing", key);
	return r == FSD_FIELD_OK ? 0 : -1;
}

static int
apply_receipt(struct run *run, struct restock_line *l)
{
	struct restock_stock *s = &run->stock;
	const char *order, *sku_text;
	size_t order_len, sku_len;
	long long qty = RESTOCK_UNSET;
	int sku = -1, r;
	char *id;

	if (need_string(l, "order", &order, &order_len) != 0)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_string(l, "sku", &sku_text, &sku_len);
	if (r == FSD_FIELD_BAD || restock_line_int(l, "qty", &qty) == FSD_FIELD_BAD)
		return reject(l, NULL, NULL, NULL);
	if (qty != RESTOCK_UNSET && (qty < 1 || r != FSD_FIELD_OK)) {
		fsd_field_fail(&l->pos, "\"qty\" of a receipt must be positive and name its \"sku\"");
		return reject(l, NULL, NULL, NULL);
	}
	if (r == FSD_FIELD_OK && (sku = restock_names_find(&s->sku_names, sku_text, sku_len)) < 0)
		return reject(l, "unknown_sku", "\"sku\": unknown SKU \"%s\"",
		    json_string_value(json_object_get(restock_line_record(l), "sku")));
	id = xstrdup(json_string_value(json_object_get(restock_line_record(l), "order")));
	r = restock_receive(s, id, sku, qty, receipt_short, s);
	if (r <= 0)
		reject(l, r == 0 ? "unknown_order" : "bad_record", r == 0
		    ? "\"order\": no open order \"%s\" (for that sku)"
		    : "\"qty\": more than order \"%s\" has open", id);
	free(id);
	return r <= 0;
}

static int
apply_usage(struct run *run, struct restock_line *l)
{
	struct restock_stock *s = &run->stock;
	const char *where, *where_key, *sku_text, *id, *at;
	size_t where_len, sku_len, id_len, at_len;
	long long qty = 0;
	int location, sku, r;
	struct restock_row *row;
	struct fsd_time when;

	restock_line_string(l, "id", &id, &id_len);
	/* The truck is the tech's; "location" names another place used from. */
	where_key = "location";
	r = restock_line_string(l, where_key, &where, &where_len);
	if (r == FSD_FIELD_ABSENT)
		r = need_string(l, where_key = "tech", &where, &where_len) == 0 ? FSD_FIELD_OK : -1;
	if (r != FSD_FIELD_OK || need_string(l, "sku", &sku_text, &sku_len) != 0)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_int(l, "qty", &qty);
	if (r == FSD_FIELD_ABSENT)
		fsd_field_fail(&l->pos, "\"qty\" is missing");
	else if (r == FSD_FIELD_OK && qty < 1)
		fsd_field_fail(&l->pos, "\"qty\" must be a positive whole number, not %lld", qty);
	if (r != FSD_FIELD_OK || qty < 1)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_string(l, "at", &at, &at_len);
	if (r == FSD_FIELD_OK) {
		char text[FSD_TIME_LEN];

		snprintf(text, sizeof text, "%.*s", (int)at_len, at);
		if (at_len >= sizeof text || fsd_time_parse(text, &when) != 0) {
			fsd_field_fail(&l->pos, "\"at\" must be an RFC 3339 time, not \"%s\"", text);
			return reject(l, NULL, NULL, NULL);
		}
		if (!run->have_time || when.seconds > run->last_at.seconds)
			run->last_at = when;
		run->have_time = 1;
	} else if (r == FSD_FIELD_BAD)
		return reject(l, NULL, NULL, NULL);

	location = restock_location_find(s, where, where_len);
	if (location < 0 || !s->location[location].declared
	    || s->location[location].kind == RESTOCK_SUPPLIER)
		return reject(l, "unknown_location", where_key[0] == 't'
		    ? "\"tech\": no truck \"%s\" in the stock file"
		    : "\"location\": no truck or warehouse \"%s\" in the stock file",
		    json_string_value(json_object_get(restock_line_record(l), where_key)));
	sku = restock_names_find(&s->sku_names, sku_text, sku_len);
	if (sku < 0)
		return reject(l, "unknown_sku", "\"sku\": unknown SKU \"%s\"",
		    json_string_value(json_object_get(restock_line_record(l), "sku")));

	row = restock_row_find(s, location, sku);
	if (row == NULL)
		row = restock_row_add(s, location, sku);
	long long recorded = row->qty;
	if (restock_decrement(row, qty) > 0)
		discrepancy(s, location, sku, recorded, qty, id, id_len);
	restock_applied_add(&s->applied, id, id_len);
	return 0;
}

static int
per_line(struct restock_line *l, void *ctx)
{
	struct run *run = ctx;
	const char *kind = "usage", *id;
	size_t kind_len = 5, id_len;

	if (restock_line_string(l, "kind", &kind, &kind_len) == FSD_FIELD_BAD
	    || need_string(l, "id", &id, &id_len) != 0)
		return reject(l, NULL, NULL, NULL);
	/* Applied before: in the stock already, so nothing to do. */
	if (restock_applied_has(&run->stock.applied, id, id_len))
		return 0;
	if (kind_len == 7 && memcmp(kind, "receipt", 7) == 0) {
		if (apply_receipt(run, l) != 0)
			return 1;
		restock_applied_add(&run->stock.applied, id, id_len);
		return 0;
	}
	if (kind_len == 5 && memcmp(kind, "usage", 5) == 0)
		return apply_usage(run, l);
	fsd_field_fail(&l->pos, "\"kind\" must be usage or receipt, not \"%.*s\"",
	    (int)kind_len, kind);
	return reject(l, NULL, NULL, NULL);
}

/* The day orders are dated: --now, else the last usage, else today. */
static int64_t
order_day(const struct run *run)
{
	struct fsd_time t = has_now ? now : run->last_at;
	int64_t local;

	if (!has_now && !run->have_time)
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
	FILE *f = fsd_replace_begin(&r, path);
	const char *crash = getenv("FSD_RESTOCK_TEST_CRASH");

	restock_stock_write(s, f);
	/* Test hook (tests/fsd-restock.bats): die as a power cut would, with
	 * the new stock written out but not yet renamed into place. */
	if (crash != NULL && strcmp(crash, "before-rename") == 0) {
		fflush(f);
		raise(SIGKILL);
	}
	fsd_replace_commit(&r);
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
	if (target != NULL)
		stock_lock = fsd_lock(stock_path);
	if (out_path != NULL && strcmp(out_path, stock_path) != 0)
		out_lock = fsd_lock(out_path);

	restock_stock_init(&run.stock);
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
