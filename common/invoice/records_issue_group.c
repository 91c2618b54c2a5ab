/* --group: a customer's jobs wait in their group until the input ends;
 * then the group's invoice goes out, followed by its jobs, each marked
 * "invoiced_in" with its number. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "xalloc.h"
#include "invoice/html.h"
#include "invoice/paylink.h"
#include "invoice/records_emit.h"
#include "invoice/records_issue.h"
#include "invoice/records_render.h"

/* A group's number: its customer and period, and "-2", "-3"... when an
 * earlier run already issued that number for other jobs. */
static char *
unused_group_number(struct inv_run *r, const char *customer_id, const char *period)
{
	char *base = inv_group_number(&r->card, customer_id, period), *number = xstrdup(base);

	for (int k = 2; r->has_ledger && inv_ledger_has_number(&r->ledger, number); k++) {
		free(number);
		number = xasprintf("%s-%d", base, k);
	}
	if (r->has_ledger)
		inv_ledger_add_number(&r->ledger, number);
	free(base);
	return number;
}

void
inv_issue_join_group(struct inv_run *r, const struct fsd_scan *d, const struct inv_job *job,
    const char *job_number, int64_t day)
{
	char label[INV_PERIOD_LEN];
	const char *period = r->period == INV_PERIOD_NONE ? NULL
	    : inv_period_label(r->period, day, label);
	struct inv_group *g = inv_groups_find(&r->groups, job->customer_id, period);
	int customer = fsd_scan_get(d, 0, "customer");

	if (g == NULL) {
		g = inv_groups_add(&r->groups, job->customer_id, period);
		g->number = unused_group_number(r, job->customer_id, period);
		if (customer >= 0)
			fsd_buf_put(&g->customer, d->nodes[customer].raw, d->nodes[customer].raw_len);
	}
	/* The same job twice in the input is billed once, even without a
	 * ledger to say so. */
	for (size_t i = 0; i < g->njobs; i++)
		if (strcmp(g->jobs[i], job->id) == 0) {
			inv_issue_skip_billed(r, d, g->number, "earlier in the input");
			return;
		}
	inv_group_add_job(g, job, &r->inv, day);
	inv_emit_open(&g->records, d);
	g->ends = xgrow(g->ends, &g->ends_cap, g->njobs, sizeof *g->ends);
	g->ends[g->njobs - 1] = g->records.len;
	if (r->has_ledger)
		inv_ledger_add_job(&r->ledger, job_number, g->number);
	r->grouped++;
}

/* The group's jobs, each marked with the invoice that bills it, or with
 * why none could be issued. */
static void
put_group_jobs(struct inv_run *r, const struct inv_group *g, const char *message)
{
	for (size_t i = 0; i < g->njobs; i++) {
		size_t from = i == 0 ? 0 : g->ends[i - 1];

		fsd_buf_put(&r->out, g->records.data + from, g->ends[i] - from);
		if (message != NULL) {
			inv_emit_exception(&r->out, "bad_record", message);
		} else {
			fsd_buf_puts(&r->out, ",\"invoiced_in\":");
			fsd_buf_string(&r->out, g->number);
		}
		inv_emit_close(r);
	}
}

/* A group's invoice record, {"customer": ..., "invoice": ...}, then its
 * jobs: the invoice reaches the ledger before any job naming it is out. */
static void
issue_group(struct inv_run *r, struct inv_group *g)
{
	struct inv_heading h = {
		.number = g->number, .stage = INV_STAGE_FINAL, .date = g->date,
		.due = g->date + r->card.terms_days, .tax_exempt = g->tax_exempt,
		.group = r->group_text, .period = g->period,
		.jobs = (const char *const *)g->jobs, .njobs = g->njobs
	};
	char err[INV_ERROR_LEN];
	size_t start = r->out.len;
	int first = 1;

	if (inv_group_total(&r->card, g, err) != 0) {
		fsd_warn_at(NULL, "invoice %s: %s", g->number, err);
		put_group_jobs(r, g, err);
		return;
	}
	h.payment_link = inv_pay_link_for(r->signer, r->tmpl, g->number, g->inv.total,
	    r->card.exponent, r->card.currency);
	fsd_buf_char(&r->out, '{');
	if (g->customer.len > 0) {
		fsd_buf_key(&r->out, "customer", &first);
		fsd_buf_put(&r->out, g->customer.data, g->customer.len);
	}
	fsd_buf_key(&r->out, "invoice", &first);
	inv_render_invoice(&r->out, &r->card, &g->inv, &h);
	inv_emit_to_ledger(r, start, h.number);
	if (r->html_dir != NULL) {
		json_t *rec = json_object();

		/* The heading's bill-to comes from the customer. */
		if (g->customer.len > 0)
			json_object_set_new(rec, "customer",
			    json_loadb(g->customer.data, g->customer.len, 0, NULL));
		inv_issue_html(r, rec, &g->inv, &h);
		json_decref(rec);
	}
	inv_emit_close(r);
	free((char *)h.payment_link);
	put_group_jobs(r, g, NULL);
	r->invoices++;
}

void
inv_issue_groups(struct inv_run *r)
{
	for (size_t i = 0; i < r->groups.count; i++)
		issue_group(r, r->groups.list[i]);
	r->issued_groups = r->groups.count;
	inv_groups_free(&r->groups);
	inv_emit_flush(r);
}
