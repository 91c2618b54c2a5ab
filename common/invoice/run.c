#include "err.h"
#include "jsonbuf.h"
#include "invoice/paylink.h"
#include "invoice/records_issue.h"
#include "invoice/records_ledger.h"
#include "invoice/run.h"

void
inv_run_start(struct inv_run *r, const char *ledger_path)
{
	r->reader.currency = r->card.currency;
	r->reader.rounding = r->card.rounding;
	if (ledger_path != NULL) {
		inv_ledger_open(&r->ledger, ledger_path, &r->card);
		r->has_ledger = 1;
	}
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

void
inv_run_end(struct inv_run *r)
{
	inv_issue_groups(r);
	if (r->has_ledger)
		inv_ledger_close(&r->ledger);
	if (r->skipped > 0)
		fsd_note("%ld job%s already invoiced: skipped", r->skipped, plural(r->skipped));
	if (r->approvals > 0)
		fsd_note("%ld job%s over the not-to-exceed: approval requested, not invoiced",
		    r->approvals, plural(r->approvals));
	if (r->grouping)
		fsd_note("%ld job%s on %zu grouped invoice%s", r->grouped, plural(r->grouped),
		    r->issued_groups, plural((long)r->issued_groups));
}

void
inv_run_free(struct inv_run *r)
{
	fsd_buf_free(&r->out);
	fsd_buf_free(&r->ledger_out);
	fsd_buf_free(&r->batch_numbers);
	inv_invoice_free(&r->inv);
	inv_job_reader_free(&r->reader);
	inv_signer_free(r->signer);
	inv_ratecard_free(&r->card);
}
