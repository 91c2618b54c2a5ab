/* An invoice (or an approval request) written as the JSON object that
 * goes into the job's record, straight from the calculator's structs. */
#ifndef FSD_INVOICE_RECORDS_RENDER_H
#define FSD_INVOICE_RECORDS_RENDER_H

#include "jsonbuf.h"
#include "invoice/heading.h"

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
