/* fsd-invoice: completed jobs in, each with its invoice out, priced by
 * the shop's rate card (common/invoice/), with a signed payment link, an
 * optional printable HTML copy, and a ledger so that nothing is billed
 * twice. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsd.h"
#include "invoice/calc.h"
#include "invoice/group.h"
#include "invoice/html.h"
#include "invoice/job.h"
#include "jsonbuf.h"
#include "jsonscan.h"
#include "invoice/ledger.h"
#include "invoice/paylink.h"
#include "invoice/render.h"

static const char *rates_path, *ledger_path, *key_path, *pay_url, *html_dir, *date_text,
    *verify_url, *group_text;

/* Designated initializers: the table reads the same whatever fields
 * struct fsd_option grows. */
static const struct fsd_option options[] = {
	{ .short_name = 'r', .long_name = "rates", .arg_name = "FILE",
	  .help = "the shop's rate card (JSON; see fsd-invoice(1))",
	  .value = &rates_path },
	{ .short_name = 'l', .long_name = "ledger", .arg_name = "FILE",
	  .help = "skip jobs invoiced in FILE; append new invoices to it, locked and synced",
	  .value = &ledger_path },
	{ .short_name = 'k', .long_name = "key", .arg_name = "FILE",
	  .help = "sign payment links with the key in FILE",
	  .value = &key_path },
	{ .short_name = 0, .long_name = "pay-url", .arg_name = "TEMPLATE",
	  .help = "payment link template (default: the rate card's pay_url)",
	  .value = &pay_url },
	{ .short_name = 0, .long_name = "html", .arg_name = "DIR",
	  .help = "also write a printable HTML file per invoice into DIR",
	  .value = &html_dir },
	{ .short_name = 'g', .long_name = "group", .arg_name = "BY",
	  .help = "one invoice per customer (customer) or per customer and period (customer,day|week|month)",
	  .value = &group_text },
	{ .short_name = 0, .long_name = "date", .arg_name = "DATE",
	  .help = "invoice date for jobs that carry none (YYYY-MM-DD)",
	  .value = &date_text },
	{ .short_name = 0, .long_name = "verify-link", .arg_name = "URL",
	  .help = "check a payment link with --key; exit 0 if genuine, 1 if not",
	  .value = &verify_url },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-invoice",
	"--rates FILE [--ledger FILE] [--key FILE [--pay-url TEMPLATE]] [--html DIR] [--group BY] [--date DATE] [FILE ...]",
	"price completed jobs by the rate card into invoices with signed payment links",
	options, FSD_TOOL_RECORDS
};

/* Invoices go out in batches: first into the ledger (appended and synced),
 * then to standard output, so an invoice anyone has seen is in the ledger. */
#define BATCH_RECORDS 512
#define BATCH_BYTES (1 << 20)

struct run {
	struct inv_ratecard card;
	struct inv_job_reader reader;
	struct inv_invoice inv;
	struct inv_signer *signer;
	const char *tmpl;
	int has_ledger;
	struct inv_ledger ledger;
	struct fsd_buf out, ledger_out;
	struct fsd_scan doc;	/* the line being read */
	size_t pending;
	int64_t default_day;
	int grouping;
	enum inv_period period;
	struct inv_groups groups;
	size_t issued_groups;
	long invoices, approvals, skipped, grouped;
};

static void
flush_batch(struct run *r)
{
	if (r->has_ledger)
		inv_ledger_append(&r->ledger, r->ledger_out.data, r->ledger_out.len);
	if (r->out.len > 0 && fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len)
		fsd_output_close();	/* reports the write error and exits */
	r->out.len = r->ledger_out.len = 0;
	r->pending = 0;
}

/* A member this tool writes, so an old one is not kept beside it. */
static int
is_ours(const char *key, size_t len)
{
	switch (len) {
	case 7: return memcmp(key, "invoice", 7) == 0;
	case 8: return memcmp(key, "approval", 8) == 0;
	case 9: return memcmp(key, "exception", 9) == 0;
	case 11: return memcmp(key, "invoiced_in", 11) == 0;
	default: return 0;
	}
}

/* The record as it came, minus what this tool writes itself, left open
 * for the caller's members. The members are copied as they were written,
 * which the scanner made sure is how fsd_emit would write them. */
static void
open_record(struct fsd_buf *b, const struct fsd_scan *d)
{
	int first = 1;

	fsd_buf_char(b, '{');
	for (int k = d->nodes[0].child; k >= 0; k = d->nodes[k].next) {
		const struct fsd_scan_node *m = &d->nodes[k];

		if (is_ours(m->key, m->key_len))
			continue;
		if (!first)
			fsd_buf_char(b, ',');
		first = 0;
		fsd_buf_put(b, m->key_raw, m->key_raw_len);
		fsd_buf_char(b, ':');
		fsd_buf_put(b, m->raw, m->raw_len);
	}
	/* Every job has an id, so members follow with a comma. */
	if (first)
		fsd_buf_puts(b, "\"id\":null");
}

static void
close_record(struct run *r)
{
	fsd_buf_puts(&r->out, "}\n");
	/* --strict may end the run at the next line, inside the record loop,
	 * where a batch could not be flushed any more: no batching then. */
	if (++r->pending >= BATCH_RECORDS || r->out.len >= BATCH_BYTES || fsd_record_strict)
		flush_batch(r);
}

static void
put_exception(struct fsd_buf *b, const char *code, const char *message)
{
	int first = 1;

	fsd_buf_puts(b, ",\"exception\":{");
	fsd_buf_key(b, "code", &first);
	fsd_buf_string(b, code);
	fsd_buf_key(b, "message", &first);
	fsd_buf_string(b, message);
	fsd_buf_char(b, '}');
}

static int
reject(struct run *r, const struct fsd_scan *d, const char *message)
{
	open_record(&r->out, d);
	put_exception(&r->out, "bad_record", message);
	close_record(r);
	return 1;
}

static void
ask_approval(struct run *r, const struct fsd_scan *d, const struct inv_job *job)
{
	char total[FSD_MONEY_LEN], nte[FSD_MONEY_LEN], over[FSD_MONEY_LEN];
	char *message = xasprintf("total %s %s is over the not-to-exceed of %s by %s: "
	    "no invoice until the customer approves",
	    fsd_money_format(r->inv.total, r->card.exponent, total), r->card.currency,
	    fsd_money_format(job->nte, r->card.exponent, nte),
	    fsd_money_format(r->inv.overage, r->card.exponent, over));

	open_record(&r->out, d);
	put_exception(&r->out, "nte_exceeded", message);
	fsd_buf_puts(&r->out, ",\"approval\":");
	inv_render_approval(&r->out, &r->card, &r->inv, job->nte);
	close_record(r);
	free(message);
	r->approvals++;
}

static void
write_html(const struct run *r, const json_t *rec, const struct inv_invoice *inv,
    const struct inv_heading *h)
{
	char *name = inv_html_file_name(h->number);
	char *path = xasprintf("%s/%s", html_dir, name);
	struct fsd_replace file;

	inv_html_write(fsd_replace_begin(&file, path), &r->card, rec, inv, h);
	fsd_replace_commit(&file);
	free(path);
	free(name);
}

/* The signed payment link for an invoice, or NULL (no key, nothing to pay). */
static char *
payment_link(const struct run *r, const char *number, int64_t total)
{
	char amount[FSD_MONEY_LEN], token[INV_TOKEN_LEN];

	if (r->signer == NULL || total <= 0)
		return NULL;
	fsd_money_format(total, r->card.exponent, amount);
	inv_pay_token(r->signer, number, amount, r->card.currency, token);
	return inv_pay_link(r->tmpl, number, amount, r->card.currency, token);
}

/* The invoice just written to the output (from start) goes into the
 * ledger batch too, which reaches the disk before the output does. */
static void
to_ledger(struct run *r, size_t start)
{
	if (!r->has_ledger)
		return;
	fsd_buf_put(&r->ledger_out, r->out.data + start, r->out.len - start);
	fsd_buf_puts(&r->ledger_out, "}\n");
}

static void
issue(struct run *r, const struct fsd_scan *d, struct inv_heading *h)
{
	size_t start = r->out.len;

	h->payment_link = payment_link(r, h->number, r->inv.total);
	open_record(&r->out, d);
	fsd_buf_puts(&r->out, ",\"invoice\":");
	inv_render_invoice(&r->out, &r->card, &r->inv, h);
	to_ledger(r, start);
	if (r->has_ledger) {
		inv_ledger_add_number(&r->ledger, h->number);
		inv_ledger_add_job(&r->ledger, h->number, h->number);
	}
	if (html_dir != NULL) {
		json_t *rec = fsd_scan_json(d, 0);

		write_html(r, rec, &r->inv, h);
		json_decref(rec);
	}
	close_record(r);
	free((char *)h->payment_link);
	r->invoices++;
}

/* A job already billed comes out saying on which invoice, and is not
 * billed again. */
static void
skip_billed(struct run *r, const struct fsd_scan *d, const char *number, const char *where)
{
	char *message = xasprintf("already invoiced as %s (%s); not billed again", number, where);

	open_record(&r->out, d);
	put_exception(&r->out, "already_invoiced", message);
	close_record(r);
	free(message);
	r->skipped++;
}

/* A group's number: its customer and period, and "-2", "-3"... when an
 * earlier run already issued that number for other jobs. */
static char *
unused_group_number(struct run *r, const char *customer_id, const char *period)
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

/* A priced job joins its customer's invoice for the period; it comes out
 * with that invoice, at the end of the input. */
static void
join_group(struct run *r, const struct fsd_scan *d, const struct inv_job *job, const char *job_number,
    int64_t day)
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
			skip_billed(r, d, g->number, "earlier in the input");
			return;
		}
	inv_group_add_job(g, job, &r->inv, day);
	open_record(&g->records, d);
	g->ends = xgrow(g->ends, &g->ends_cap, g->njobs, sizeof *g->ends);
	g->ends[g->njobs - 1] = g->records.len;
	if (r->has_ledger)
		inv_ledger_add_job(&r->ledger, job_number, g->number);
	r->grouped++;
}

/* The group's jobs, each marked with the invoice that bills it, or with
 * why none could be issued. */
static void
put_group_jobs(struct run *r, const struct inv_group *g, const char *message)
{
	for (size_t i = 0; i < g->njobs; i++) {
		size_t from = i == 0 ? 0 : g->ends[i - 1];

		fsd_buf_put(&r->out, g->records.data + from, g->ends[i] - from);
		if (message != NULL) {
			put_exception(&r->out, "bad_record", message);
		} else {
			fsd_buf_puts(&r->out, ",\"invoiced_in\":");
			fsd_buf_string(&r->out, g->number);
		}
		close_record(r);
	}
}

/* A group's invoice record, {"customer": ..., "invoice": ...}, then its
 * jobs: the invoice reaches the ledger before any job naming it is out. */
static void
issue_group(struct run *r, struct inv_group *g)
{
	struct inv_heading h = {
		.number = g->number, .stage = INV_STAGE_FINAL, .date = g->date,
		.due = g->date + r->card.terms_days, .tax_exempt = g->tax_exempt,
		.group = group_text, .period = g->period,
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
	h.payment_link = payment_link(r, g->number, g->inv.total);
	fsd_buf_char(&r->out, '{');
	if (g->customer.len > 0) {
		fsd_buf_key(&r->out, "customer", &first);
		fsd_buf_put(&r->out, g->customer.data, g->customer.len);
	}
	fsd_buf_key(&r->out, "invoice", &first);
	inv_render_invoice(&r->out, &r->card, &g->inv, &h);
	to_ledger(r, start);
	if (html_dir != NULL) {
		json_t *rec = json_object();

		/* The heading's bill-to comes from the customer. */
		if (g->customer.len > 0)
			json_object_set_new(rec, "customer",
			    json_loadb(g->customer.data, g->customer.len, 0, NULL));
		write_html(r, rec, &g->inv, &h);
		json_decref(rec);
	}
	close_record(r);
	free((char *)h.payment_link);
	put_group_jobs(r, g, NULL);
	r->invoices++;
}

static int
per_job(struct run *r, const struct fsd_scan *d, const struct fsd_pos *pos)
{
	struct inv_job job;
	struct inv_heading h = { 0 };
	char err[INV_ERROR_LEN];
	char *number;
	const char *billed;
	int64_t day;
	int group = r->grouping;

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
		char *where = xasprintf("ledger %s", ledger_path);

		skip_billed(r, d, billed, where);
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
		join_group(r, d, &job, number, day);
	} else {
		h.number = number;
		h.stage = job.stage;
		h.date = day;
		h.due = day + r->card.terms_days;
		h.tax_exempt = job.tax_exempt && r->inv.jurisdiction != NULL;
		issue(r, d, &h);
	}
	free(number);
	return 0;
}

static void
issue_groups(struct run *r)
{
	for (size_t i = 0; i < r->groups.count; i++)
		issue_group(r, r->groups.list[i]);
	r->issued_groups = r->groups.count;
	inv_groups_free(&r->groups);
	flush_batch(r);
}

/* --strict ends the run at a bad line: the groups so far are issued
 * first, as the invoices before it are without --group. */
static enum fsd_line_result
stop_here(struct run *r, enum fsd_line_result bad)
{
	if (fsd_record_strict && r->grouping)
		issue_groups(r);
	return bad;
}

/* Lines are read straight from their text (common/jsonscan.h), in
 * fsd_emit's form so that members can be copied out as they came. */
static enum fsd_line_result
per_line(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct run *r = ctx;

	if (fsd_scan_record(&r->doc, text, len, FSD_SCAN_EMITTED, pos) != 0)
		return stop_here(r, FSD_LINE_NOT_JSON);
	return per_job(r, &r->doc, pos) == 0 ? FSD_LINE_OK : stop_here(r, FSD_LINE_BAD_RECORD);
}

static struct inv_signer *
load_signer(void)
{
	char err[256];
	char *key = inv_pay_key_read(key_path, err);
	struct inv_signer *s;

	if (key == NULL)
		fsd_die(FSD_EXIT_USAGE, "--key %s", err);
	s = inv_signer_new(key);
	/* Not left lying about in freed memory. */
	memset(key, 0, strlen(key));
	free(key);
	return s;
}

static const char *
checked_template(const char *tmpl)
{
	char err[256];

	if (tmpl == NULL)
		fsd_usage_error("--key needs a payment link template: --pay-url or the rate card's pay_url");
	if (inv_pay_template_check(tmpl, err) != 0)
		fsd_usage_error("%s", err);
	return tmpl;
}

/* --verify-link: the template from --pay-url, else the rate card's. */
static int
verify(void)
{
	struct inv_ratecard card = { 0 };
	struct inv_signer *s;
	char err[256], *invoice, *amount, *currency;
	int ok;

	if (key_path == NULL)
		fsd_usage_error("--verify-link needs --key FILE");
	if (pay_url == NULL && rates_path != NULL)
		inv_ratecard_load(&card, rates_path);
	s = load_signer();
	ok = inv_pay_verify(s, checked_template(pay_url ? pay_url : card.pay_url), verify_url,
	    &invoice, &amount, &currency, err);
	if (ok == 0) {
		printf("valid: invoice %s, %s %s\n", invoice, amount, currency);
		free(invoice);
		free(amount);
		free(currency);
	} else {
		fsd_warn_at(NULL, "%s", err);
	}
	inv_signer_free(s);
	inv_ratecard_free(&card);
	return fsd_finish();
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run r = { .default_day = INT64_MIN };

	if (verify_url != NULL)
		return verify();
	if (rates_path == NULL)
		fsd_usage_error("--rates FILE is required");
	if (pay_url != NULL && key_path == NULL)
		fsd_usage_error("--pay-url needs --key FILE to sign the links");
	if (group_text != NULL) {
		if (inv_group_parse(group_text, &r.period) != 0)
			fsd_usage_error("option '--group': \"%s\" is not customer, customer,day, "
			    "customer,week or customer,month", group_text);
		r.grouping = 1;
	}
	if (date_text != NULL && fsd_date_parse(date_text, &r.default_day) != 0)
		fsd_usage_error("option '--date': \"%s\" is not a date like 2026-11-23", date_text);
	if (html_dir != NULL && mkdir(html_dir, 0777) != 0 && errno != EEXIST)
		fsd_die(FSD_EXIT_DATA, "%s: %s", html_dir, strerror(errno));
	inv_ratecard_load(&r.card, rates_path);
	r.reader.currency = r.card.currency;
	r.reader.rounding = r.card.rounding;
	if (key_path != NULL) {
		r.tmpl = checked_template(pay_url ? pay_url : r.card.pay_url);
		r.signer = load_signer();
	}
	if (ledger_path != NULL) {
		inv_ledger_open(&r.ledger, ledger_path, &r.card);
		r.has_ledger = 1;
	}
	fsd_read_lines(argc - first, argv + first, per_line, &r);
	issue_groups(&r);
	if (r.has_ledger)
		inv_ledger_close(&r.ledger);
	if (r.skipped > 0)
		fsd_note("%ld job%s already invoiced: skipped", r.skipped, r.skipped == 1 ? "" : "s");
	if (r.approvals > 0)
		fsd_note("%ld job%s over the not-to-exceed: approval requested, not invoiced",
		    r.approvals, r.approvals == 1 ? "" : "s");
	if (r.grouping)
		fsd_note("%ld job%s on %zu grouped invoice%s", r.grouped, r.grouped == 1 ? "" : "s",
		    r.issued_groups, r.issued_groups == 1 ? "" : "s");
	fsd_buf_free(&r.out);
	fsd_scan_free(&r.doc);
	fsd_buf_free(&r.ledger_out);
	inv_invoice_free(&r.inv);
	inv_job_reader_free(&r.reader);
	inv_signer_free(r.signer);
	inv_ratecard_free(&r.card);
	return fsd_finish();
}
