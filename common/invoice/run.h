/* One fsd-invoice run: completed jobs in, one at a time, each out with
 * its invoice, an approval request or why it has none; with --group, the
 * customers' invoices at the end. The tool settles its options and side
 * files into a run (inv_run_start), hands every scanned job to
 * inv_issue_job (records_issue.h) and ends with inv_run_end. */
#ifndef FSD_INVOICE_RUN_H
#define FSD_INVOICE_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "jsonbuf.h"
#include "jsonscan.h"
#include "invoice/calc.h"
#include "invoice/group.h"
#include "invoice/ledger.h"
#include "invoice/ratecard.h"
#include "invoice/records_job.h"

struct inv_signer;

struct inv_run {
	/* Settled by the tool before inv_run_start. */
	struct inv_ratecard card;
	struct inv_signer *signer;	/* NULL: no payment links */
	const char *tmpl;	/* the payment link template, with a signer */
	const char *html_dir;	/* NULL: no printable copies */
	int64_t default_day;	/* --date, or INT64_MIN */
	int grouping;		/* --group given */
	enum inv_period period;
	const char *group_text;	/* --group as given: the invoice's "group" */

	/* The run's own. */
	int has_ledger;
	struct inv_ledger ledger;
	struct inv_job_reader reader;
	struct inv_invoice inv;	/* the job being priced */
	struct fsd_buf out, ledger_out;	/* the batch (records_emit.h) */
	struct fsd_buf batch_numbers;	/* its invoices' numbers, by spaces */
	size_t pending;		/* records in it */
	struct inv_groups groups;
	size_t issued_groups;
	long invoices, approvals, skipped, grouped;
};

/* Ready to take jobs: the reader takes the card's currency and rounding;
 * with a ledger_path (NULL: none) the ledger is locked and read. */
void inv_run_start(struct inv_run *r, const char *ledger_path);

/* After the last job: the grouped invoices, the last batch out, the
 * ledger released, and a note of what was skipped, held or grouped. */
void inv_run_end(struct inv_run *r);

void inv_run_free(struct inv_run *r);

#endif
