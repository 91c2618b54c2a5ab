/* The invoice engine as the tool sees it (it includes this alone), and
 * the map of where everything is.
 *
 * The files, in the order a completed job meets them:
 *     ratecard.c     the rate card read and checked, once (common/sidefile.h)
 *     run.c          the run: its ledger, batches and counts, start and end
 *     job.c          a scanned job record into struct inv_job (JSON: here)
 *     service.c      the work billed as the customer sees it: when, who
 *                    (--techs), where, what was done, signed and proven
 *     calc.c         pricing: lines, discounts, tax, totals (plain C)
 *     issue.c        one job's invoice, approval request or skip
 *     issue_group.c  --group: the job waits for its customer's invoice
 *     group.c        a customer's jobs for a period on one invoice (plain C)
 *     paylink.c      the signed payment link (libcrypto's HMAC-SHA256)
 *     render.c       the invoice as the JSON object written into the job
 *     html.c         the printable copy (--html)
 *     shown.c        the customer's words: labor, categories, a deposit
 *                    under the total
 *     emit.c         batches out: ledger first and synced, then stdout
 *     ledger.c       invoices issued before: numbers and jobs billed
 * error.h holds the one size of a reason (INV_ERROR_LEN).
 *
 * JSON is read by ratecard.c, job.c and ledger.c and the issue files
 * (through the scanned record), and written by render.c, emit.c and
 * html.c; the pricing in calc.c and group.c is plain C over structs,
 * tested without JSON in tests/unit/test_invoice.c. */
#ifndef FSD_INVOICE_ENGINE_H
#define FSD_INVOICE_ENGINE_H

#include "invoice/calc.h"
#include "invoice/group.h"
#include "invoice/issue.h"
#include "invoice/paylink.h"
#include "invoice/ratecard.h"
#include "invoice/records_ratecard.h"
#include "invoice/run.h"
#include "invoice/service.h"
#include "invoice/records_service.h"

#endif
