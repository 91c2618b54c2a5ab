/* The invoice engine as the tool sees it (it includes this alone), and
 * the map of where everything is.
 *
 * The files, in the order a completed job meets them:
 *     records_ratecard.c  the rate card read and checked, once
 *                         (common/sidefile.h)
 *     ratecard.c          its decimals, lookups and markup (plain C)
 *     run.c               the run: its ledger, batches and counts, start
 *                         and end
 *     records_job.c       a scanned job record into struct inv_job
 *     records_service.c   the work billed as the customer sees it: when,
 *                         who (--techs), where, what was done, signed and
 *                         proven; service.c holds it (plain C)
 *     calc.c              pricing: lines, discounts, tax, totals (plain C)
 *     records_issue.c     one job's invoice, approval request or skip
 *     records_issue_group.c  --group: the job waits for its customer's
 *                         invoice
 *     group.c             a customer's jobs for a period on one invoice
 *                         (plain C)
 *     paylink.c           the signed payment link (libcrypto's HMAC-SHA256)
 *     records_render.c    the invoice as the JSON object written into the
 *                         job (heading.h: what it says above its lines)
 *     html.c              the printable copy (--html), from plain structs
 *     shown.c             the customer's words: labor, categories, a
 *                         deposit under the total
 *     records_emit.c      batches out: ledger first and synced, then stdout
 *     records_ledger.c    invoices issued before, read; ledger.c keeps
 *                         their numbers and jobs billed, locks and appends
 *     records_reissue.c   --reissue: invoices printed again from the ledger
 * error.h holds the one size of a reason (INV_ERROR_LEN).
 *
 * JSON is read and written by the records_* files alone: the issue files
 * write into the record they scanned (common/jsonscan.h), so they are
 * the records layer too. The rest is plain C over structs; the pricing
 * in calc.c and group.c is tested without JSON in
 * tests/unit/test_invoice.c. */
#ifndef FSD_INVOICE_ENGINE_H
#define FSD_INVOICE_ENGINE_H

#include "invoice/calc.h"
#include "invoice/group.h"
#include "invoice/paylink.h"
#include "invoice/ratecard.h"
#include "invoice/records_issue.h"
#include "invoice/records_ratecard.h"
#include "invoice/records_service.h"
#include "invoice/run.h"
#include "invoice/service.h"

#endif
