/* An invoice (or an approval request) written as the JSON object that
 * goes into the job's record, straight from the calculator's structs. */
#ifndef FSD_INVOICE_RENDER_H
#define FSD_INVOICE_RENDER_H

#include "invoice/calc.h"
#include "invoice/service.h"
#include "jsonbuf.h"

struct inv_heading {
	const char *number;	/* the invoice number */
	enum inv_stage stage;
	int64_t date, due;	/* days since 1970 */
	const char *payment_link;	/* NULL: none */
	int tax_exempt;
	/* A grouped invoice: how it was grouped ("customer,month"), the
	 * period's label ("2026-11") or NULL, and the jobs it covers. */
	const char *group, *period;
	const char *const *jobs;
	size_t njobs;
	/* The work billed, for a job's own invoice (NULL: none shown), and
	 * what its evidence paths are relative to in links (NULL: as they are). */
	const struct inv_service *service;
	const char *media_url;
};

/* {"number": ..., "service": {...}, "lines": [...], "subtotal", "taxes", "tax",
 * "total", ...}; with a deposit taken off, also "charges" (the total
 * before it), "deposit_paid" and "balance_due" (the total). */
void inv_render_invoice(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, const struct inv_heading *h);

/* {"amount", "nte", "overage", "currency", "lines", ...}: what the
 * customer is asked to approve when the total is over the not-to-exceed. */
void inv_render_approval(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int64_t nte);

#endif
