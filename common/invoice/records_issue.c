#include <stdint.h>
#include <stdlib.h>

#include "field.h"
#include "money.h"
#include "statefile.h"
#include "xalloc.h"
#include "invoice/html.h"
#include "invoice/paylink.h"
#include "invoice/records_emit.h"
#include "invoice/records_issue.h"
#include "invoice/records_render.h"

static int
reject(struct inv_run *r, const struct fsd_scan *d, const char *message)
{
	inv_emit_with_exception(r, d, "bad_record", message);
	return 1;
}

/* Over the not-to-exceed, the customer is asked first: the job goes out
 * with what they are asked to approve, and no invoice. */
static void
ask_approval(struct inv_run *r, const struct fsd_scan *d, const struct inv_job *job)
{
	char total[FSD_MONEY_LEN], nte[FSD_MONEY_LEN], over[FSD_MONEY_LEN];
	char *message = xasprintf("total %s %s is over the not-to-exceed of %s by %s: "
	    "no invoice until the customer approves",
	    fsd_money_format(r->inv.total, r->card.exponent, total), r->card.currency,
	    fsd_money_format(job->nte, r->card.exponent, nte),
	    fsd_money_format(r->inv.overage, r->card.exponent, over));

	inv_emit_open(&r->out, d);
	inv_emit_exception(&r->out, "nte_exceeded", message);
	fsd_buf_puts(&r->out, ",\"approval\":");
	inv_render_approval(&r->out, &r->card, &r->inv, job->nte);
	inv_emit_close(r);
	free(message);
	r->approvals++;
}

static const char *
field_text(const json_t *rec, const char *path)
{
	const char *s = NULL;

	fsd_field_string(rec, path, &s, NULL);
	return s;
}

void
inv_issue_html(struct inv_run *r, const json_t *rec, const struct inv_invoice *inv,
    const struct inv_heading *h)
{
	char err[FSD_STATE_ERROR_LEN + 64];
	/* Borrowed from rec, which outlives the copy's writing. */
	struct inv_bill_to to = {
		.job_id = field_text(rec, "id"),
		.name = field_text(rec, "customer.name"),
		.email = field_text(rec, "customer.email"),
		.phone = field_text(rec, "customer.phone"),
		.billing_address = field_text(rec, "customer.billing.address"),
		.site_address = field_text(rec, "site.address"),
	};

	if (inv_html_save(r->html_dir, &r->card, &to, inv, h, err, sizeof err) == 0)
		return;
	/* Said on the record too: the invoice is issued, its copy is not. */
	fsd_warn_at(NULL, "%s", err);
	inv_emit_exception(&r->out, "html_not_written", err);
}

/* The job's own invoice, in the job's record. */
static void
issue_alone(struct inv_run *r, const struct fsd_scan *d, struct inv_heading *h)
{
	size_t start = r->out.len;

	h->payment_link = inv_pay_link_for(r->signer, r->tmpl, h->number, r->inv.total,
	    r->card.exponent, r->card.currency);
	inv_emit_open(&r->out, d);
	fsd_buf_puts(&r->out, ",\"invoice\":");
	inv_render_invoice(&r->out, &r->card, &r->inv, h);
	inv_emit_to_ledger(r, start, h->number);
	if (r->has_ledger) {
		inv_ledger_add_number(&r->ledger, h->number);
		inv_ledger_add_job(&r->ledger, h->number, h->number);
	}
	if (r->html_dir != NULL) {
		json_t *rec = fsd_scan_json(d, 0);

		inv_issue_html(r, rec, &r->inv, h);
		json_decref(rec);
	}
	inv_emit_close(r);
	free((char *)h->payment_link);
	r->invoices++;
}

void
inv_issue_skip_billed(struct inv_run *r, const struct fsd_scan *d, const char *number,
    const char *where)
{
	char *message = xasprintf("already invoiced as %s (%s); not billed again", number, where);

	inv_emit_with_exception(r, d, "already_invoiced", message);
	free(message);
	r->skipped++;
}

int
inv_issue_job(struct inv_run *r, const struct fsd_scan *d, const struct fsd_pos *pos)
{
	struct inv_job job;
	struct inv_heading h = { 0 };
	char err[INV_ERROR_LEN];
	char *number;
	const char *billed;
	int64_t day;
	int group = r->grouping;
	const char *held, *why;

	/* Not closed: nothing to bill until its proof is mended. */
	if ((held = inv_job_held(d, &why)) != NULL) {
		inv_emit_with_exception(r, d, held, why);
		return 0;
	}
	if (inv_job_read(&r->reader, d, pos, &job, &day) != 0)
		return reject(r, d, fsd_field_error);
	if (day == INT64_MIN && (day = r->default_day) == INT64_MIN) {
		fsd_field_fail(pos, "no invoice date: give \"work.end\", \"completed_at\" "
		    "(\"approved_at\" for a deposit) or --date");
		return reject(r, d, fsd_field_error);
	}
	/* A deposit is billed when the job is approved, on its own. */
	if (job.stage == INV_STAGE_DEPOSIT)
		group = 0;
	if (group && job.customer_id == NULL) {
		fsd_field_fail(pos, "\"customer.id\" is required to group invoices (--group)");
		return reject(r, d, fsd_field_error);
	}
	number = inv_number(&r->card, job.id, job.stage);
	if (r->has_ledger && (billed = inv_ledger_billed(&r->ledger, number)) != NULL) {
		char *where = xasprintf("ledger %s", r->ledger.path);

		inv_issue_skip_billed(r, d, billed, where);
		free(where);
		free(number);
		return 0;
	}
	if (inv_compute(&r->card, &job, &r->inv, err) != 0) {
		fsd_field_fail(pos, "%s", err);
		free(number);
		return reject(r, d, fsd_field_error);
	}
	if (r->inv.nte_exceeded) {
		ask_approval(r, d, &job);
	} else if (group) {
		inv_issue_join_group(r, d, &job, number, day);
	} else {
		h.number = number;
		h.stage = job.stage;
		h.date = day;
		h.due = day + r->card.terms_days;
		h.tax_exempt = job.tax_exempt && r->inv.jurisdiction != NULL;
		h.service = &r->reader.service;
		h.media_url = r->reader.media_url;
		issue_alone(r, d, &h);
	}
	free(number);
	return 0;
}
