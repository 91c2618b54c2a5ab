/* Issuing invoices: a job's own (records_issue.c), or with --group its
 * customer's for the period (records_issue_group.c), each with its
 * payment link, its printable copy and its place in the ledger. Every
 * job that comes in goes out: invoiced, marked with the invoice that
 * bills it, or with an exception saying why not. These write into the
 * record they scanned: the engine's records layer. */
#ifndef FSD_INVOICE_RECORDS_ISSUE_H
#define FSD_INVOICE_RECORDS_ISSUE_H

#include <stdint.h>

#include "err.h"
#include "jsonscan.h"
#include "invoice/calc.h"
#include "invoice/records_render.h"
#include "invoice/run.h"

/* One scanned job: priced and invoiced, held for approval, skipped as
 * billed before, or joined to its group. 0, or 1 when the job is bad
 * (said at pos, and out with a bad_record exception). */
int inv_issue_job(struct inv_run *r, const struct fsd_scan *d, const struct fsd_pos *pos);

/* A job already billed goes out saying on which invoice (and where that
 * was found: "ledger FILE", "earlier in the input"). */
void inv_issue_skip_billed(struct inv_run *r, const struct fsd_scan *d, const char *number,
    const char *where);

/* A priced job (in r->inv) joins its customer's invoice for the period;
 * it goes out with that invoice, from inv_issue_groups. job_number is the
 * number it would have alone, by which the ledger knows it. */
void inv_issue_join_group(struct inv_run *r, const struct fsd_scan *d, const struct inv_job *job,
    const char *job_number, int64_t day);

/* The invoice's printable copy into --html's folder; when it cannot be
 * written, a warning and an "html_not_written" exception on the record
 * being written (the invoice stands, the run goes on). */
void inv_issue_html(struct inv_run *r, const json_t *rec, const struct inv_invoice *inv,
    const struct inv_heading *h);

/* Every group's invoice, each followed by its jobs; the batch out. */
void inv_issue_groups(struct inv_run *r);

#endif
