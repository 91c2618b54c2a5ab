/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-invoice: completed jobs in, each with its invoice out, priced by
 * the shop's rate card, with a signed payment link, an optional printable
 * HTML copy, and a ledger so that nothing is billed twice. The pricing
 * and the issuing are common/invoice/ (run.h, records_issue.h); this file is
 * options, side files and the record loop. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsd.h"
#include "jsonscan.h"
#include "invoice/engine.h"
#include "invoice/records_reissue.h"

static const char *rates_path, *ledger_path, *key_path, *pay_url, *html_dir,
    *verify_url, *group_text, *techs_path, *media_url;
static int64_t default_day = INT64_MIN;	/* none: jobs must carry theirs */
static int reissue;

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
	{ .short_name = 't', .long_name = "techs", .arg_name = "FILE",
	  .help = "technicians, so invoices name the tech who did the work",
	  .value = &techs_path },
	{ .short_name = 0, .long_name = "media-url", .arg_name = "URL",
	  .help = "what evidence paths are relative to in the HTML copy's links",
	  .value = &media_url },
	{ .short_name = 'g', .long_name = "group", .arg_name = "BY",
	  .help = "one invoice per customer (customer) or per customer and period (customer,day|week|month)",
	  .value = &group_text },
	{ .short_name = 0, .long_name = "date", .arg_name = "DATE",
	  .help = "invoice date for jobs that carry none (YYYY-MM-DD)",
	  .type = FSD_OPT_DATE, .date = &default_day },
	{ .short_name = 0, .long_name = "reissue",
	  .help = "print the invoices numbered by the operands again from --ledger; bill nothing",
	  .flag = &reissue },
	{ .short_name = 0, .long_name = "verify-link", .arg_name = "URL",
	  .help = "check a payment link with --key; exit 0 if genuine, 1 if not",
	  .value = &verify_url },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-invoice",
	"--rates FILE [--techs FILE] [--ledger FILE] [--key FILE [--pay-url TEMPLATE]] [--html DIR [--media-url URL]] [--group BY] [--date DATE] [FILE ...] | --ledger FILE --reissue NUMBER ...",
	"price completed jobs by the rate card into invoices with signed payment links",
	options, FSD_TOOL_RECORDS
};

/* --strict ends the run at a bad line: the groups so far are issued
 * first, as the invoices before it are without --group. */
static void
before_stop(void *ctx)
{
	struct inv_run *r = ctx;

	if (r->grouping)
		inv_issue_groups(r);
}

static int
per_job(const struct fsd_scan *d, const struct fsd_pos *pos, void *ctx)
{
	return inv_issue_job(ctx, d, pos);
}

static struct inv_signer *
load_signer(void)
{
	char err[INV_ERROR_LEN];
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
	char err[INV_ERROR_LEN];

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
	char err[INV_ERROR_LEN], *invoice, *amount, *currency;
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

/* --reissue: the operands are invoice numbers, not files. */
static int
reissue_from_ledger(int count, char **numbers)
{
	if (ledger_path == NULL)
		fsd_usage_error("--reissue needs --ledger FILE");
	if (count == 0)
		fsd_usage_error("--reissue needs the numbers of the invoices to print again");
	inv_reissue(ledger_path, numbers, count);
	return fsd_finish();
}

/* The options that need one another or a form, checked before any file
 * is read, into the run. */
static void
check_options(struct inv_run *r)
{
	if (rates_path == NULL)
		fsd_usage_error("--rates FILE is required");
	if (media_url != NULL && html_dir == NULL)
		fsd_usage_error("--media-url is for the links of the HTML copy: give --html DIR");
	if (pay_url != NULL && key_path == NULL)
		fsd_usage_error("--pay-url needs --key FILE to sign the links");
	if (group_text != NULL) {
		if (inv_group_parse(group_text, &r->period) != 0)
			fsd_usage_error("option '--group': \"%s\" is not customer, customer,day, "
			    "customer,week or customer,month", group_text);
		r->grouping = 1;
		r->group_text = group_text;
	}
	r->default_day = default_day;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct inv_run r = { .html_dir = html_dir };
	struct inv_techs techs = { 0 };

	if (verify_url != NULL)
		return verify();
	if (reissue)
		return reissue_from_ledger(argc - first, argv + first);
	check_options(&r);
	if (html_dir != NULL && mkdir(html_dir, 0777) != 0 && errno != EEXIST)
		fsd_die(FSD_EXIT_DATA, "%s: %s", html_dir, strerror(errno));
	inv_ratecard_load(&r.card, rates_path);
	if (key_path != NULL) {
		r.tmpl = checked_template(pay_url ? pay_url : r.card.pay_url);
		r.signer = load_signer();
	}
	if (techs_path != NULL)
		inv_techs_load(&techs, techs_path);
	r.reader.techs = &techs;
	r.reader.media_url = media_url;
	/* With a ledger, output that goes away is an error to report: its
	 * invoices are in the ledger and must be named (records_emit.h). */
	if (ledger_path != NULL)
		signal(SIGPIPE, SIG_IGN);
	inv_run_start(&r, ledger_path);
	/* Jobs are read straight from their text, in fsd_emit's form so
	 * that members can be copied out as they came. */
	fsd_scan_records(argc - first, argv + first, FSD_SCAN_EMITTED, per_job, before_stop, &r);
	inv_run_end(&r);
	inv_run_free(&r);
	inv_techs_free(&techs);
	return fsd_finish();
}
