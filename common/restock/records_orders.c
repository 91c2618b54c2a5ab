#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "money.h"
#include "records_orders.h"
#include "rfc3339.h"
#include "xalloc.h"

/* Order ids carry the day and a number the stock file keeps counting:
 * unique across runs, the same for a rerun of the same state. */
static char *
next_id(struct restock_stock *s, const char *kind, int64_t today)
{
	int64_t year;
	int month, day;

	fsd_civil_from_days(today, &year, &month, &day);
	return xasprintf("%s-%04lld%02d%02d-%04lld", kind, (long long)year, month, day,
	    s->next_order++);
}

static json_t *
date_string(int64_t days)
{
	char buf[FSD_DATE_LEN];

	return json_string(fsd_date_format(days, buf));
}

/* The jobs on truck that need sku, for the pull's line. */
static json_t *
jobs_needing(const struct restock_plan *plan, int truck, int sku)
{
	json_t *jobs = json_array();

	for (size_t j = 0; plan != NULL && j < plan->njobs; j++) {
		const struct restock_plan_job *job = &plan->job[j];
		json_t *id = json_object_get(job->record, "id");

		if (job->truck != truck || job->unavailable != NULL || !json_is_string(id))
			continue;
		for (size_t i = 0; i < job->nparts; i++)
			if (plan->part[job->first_part + i].sku == sku) {
				json_array_append(jobs, id);
				break;
			}
	}
	return jobs;
}

/* Where the warehouse is, for a router to add the stop. */
static json_t *
site_of(const struct restock_stock *s, int location)
{
	json_t *record, *site;

	if (s->location[location].record == NULL)
		return NULL;
	record = json_loads(s->location[location].record, 0, NULL);
	site = json_incref(json_object_get(record, "site"));
	json_decref(record);
	return site;
}

static void
add_pulls(json_t *out, struct restock_stock *s, const struct restock_decision *d,
    const struct restock_plan *plan, int64_t today)
{
	for (size_t i = 0; i < d->npulls;) {
		const struct restock_pull *first = &d->pull[i];
		char *id = next_id(s, "PULL", today);
		json_t *lines = json_array();
		json_t *rec = json_pack("{s:s, s:s, s:s, s:s}", "kind", "pull", "id", id,
		    "from", restock_location_id(s, first->from),
		    "to", restock_location_id(s, first->to));
		json_t *site = site_of(s, first->from);

		if (s->location[first->to].kind == RESTOCK_TRUCK)
			json_object_set_new(rec, "tech", json_string(restock_location_id(s, first->to)));
		if (site != NULL)
			json_object_set_new(rec, "site", site);
		json_object_set_new(rec, "date", date_string(today));
		for (; i < d->npulls && d->pull[i].to == first->to && d->pull[i].from == first->from; i++) {
			const struct restock_pull *p = &d->pull[i];
			json_t *line = json_pack("{s:s, s:I}", "sku", restock_sku_name(s, p->sku),
			    "qty", (json_int_t)p->qty);

			if (p->plan_qty > 0) {
				json_object_set_new(line, "plan_qty", json_integer(p->plan_qty));
				json_object_set_new(line, "jobs", jobs_needing(plan, p->to, p->sku));
			}
			json_array_append_new(lines, line);
			restock_order_add(s, &(struct restock_order){
				.id = xstrdup(id), .location = p->to, .sku = p->sku, .qty = p->qty,
				.from = p->from, .supplier = -1, .expected_day = today,
				.unit_cost = RESTOCK_UNSET });
		}
		json_object_set_new(rec, "lines", lines);
		json_array_append_new(out, rec);
		free(id);
	}
}

static const char *
currency_of(const struct restock_row *r)
{
	return r->currency[0] ? r->currency : "USD";
}

/* One purchase order: the lines of supplier's run [from, to) in currency. */
static json_t *
purchase_order(struct restock_stock *s, const struct restock_decision *d, size_t from,
    size_t to, const char *currency, int64_t today)
{
	char *id = next_id(s, "PO", today);
	json_t *lines = json_array();
	int64_t total = 0, expected = -1;
	int exponent = fsd_currency_exponent(currency);
	json_t *rec = json_pack("{s:s, s:s, s:s, s:o}", "kind", "purchase_order", "id", id,
	    "supplier", restock_location_id(s, d->po[from].supplier), "ordered", date_string(today));

	for (size_t i = from; i < to; i++) {
		const struct restock_po_line *po = &d->po[i];
		const struct restock_row *r = po->row;
		int64_t due = r->lead_days != RESTOCK_UNSET ? today + r->lead_days : -1;
		json_t *line;

		if (strcmp(currency_of(r), currency) != 0)
			continue;
		line = json_pack("{s:s, s:I, s:s}", "sku", restock_sku_name(s, po->sku),
		    "qty", (json_int_t)po->qty, "location", restock_location_id(s, po->location));
		if (r->unit_cost != RESTOCK_UNSET) {
			int64_t amount;
			char buf[FSD_MONEY_LEN];

			if (fsd_money_scale(r->unit_cost, po->qty, 1, FSD_ROUND_HALF_UP, &amount) != 0
			    || fsd_money_add(total, amount, &total) != 0)
				fsd_die(FSD_EXIT_DATA, "purchase order %s: amount for %s out of range (%s x %lld)", id,
				    restock_sku_name(s, po->sku), fsd_money_format(r->unit_cost, exponent, buf),
				    po->qty);
			json_object_set_new(line, "unit_cost", json_integer(r->unit_cost));
			json_object_set_new(line, "amount", json_integer(amount));
		}
		if (due >= 0) {
			json_object_set_new(line, "expected", date_string(due));
			if (due > expected)
				expected = due;
		}
		json_array_append_new(lines, line);
		restock_order_add(s, &(struct restock_order){
			.id = xstrdup(id), .location = po->location, .sku = po->sku, .qty = po->qty,
			.from = -1, .supplier = po->supplier, .expected_day = due,
			.unit_cost = r->unit_cost });
		memcpy(s->order[s->norders - 1].currency, currency, 4);
	}
	if (expected >= 0)
		json_object_set_new(rec, "expected", date_string(expected));
	json_object_set_new(rec, "currency", json_string(currency));
	json_object_set_new(rec, "lines", lines);
	json_object_set_new(rec, "total", json_integer(total));
	free(id);
	return rec;
}

static void
add_purchase_orders(json_t *out, struct restock_stock *s, const struct restock_decision *d,
    int64_t today)
{
	for (size_t i = 0, end; i < d->npo; i = end) {
		for (end = i; end < d->npo && d->po[end].supplier == d->po[i].supplier; end++)
			;
		/* One order per currency: a supplier invoices in one. */
		for (size_t k = i; k < end; k++) {
			const char *currency = currency_of(d->po[k].row);
			int seen = 0;

			for (size_t m = i; m < k && !seen; m++)
				seen = strcmp(currency_of(d->po[m].row), currency) == 0;
			if (!seen)
				json_array_append_new(out, purchase_order(s, d, i, end, currency, today));
		}
	}
}

json_t *
restock_order_records(struct restock_stock *s, const struct restock_decision *d,
    const struct restock_plan *plan, int64_t today)
{
	json_t *out = json_array();

	add_pulls(out, s, d, plan, today);
	add_purchase_orders(out, s, d, today);
	return out;
}
