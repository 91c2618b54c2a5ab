/* A run's records go out in batches: each batch is appended to the
 * ledger (and synced) before it is written to standard output, so an
 * invoice anyone has seen is in the ledger. Records are written straight
 * into the batch (common/jsonbuf.h): the job's members as they came, then
 * what this tool adds. */
#ifndef FSD_INVOICE_RECORDS_EMIT_H
#define FSD_INVOICE_RECORDS_EMIT_H

#include <stddef.h>

#include "jsonbuf.h"
#include "jsonscan.h"
#include "invoice/run.h"

/* The record scanned in d as it came, minus the members this tool
 * writes itself (invoice, approval, exception, invoiced_in), left open
 * for the caller's members, which start with a comma (a job that is
 * invoiced has its "id" before them). Returns how many were copied. */
size_t inv_emit_open(struct fsd_buf *b, const struct fsd_scan *d);

/* ,"exception":{"code":...,"message":...} */
void inv_emit_exception(struct fsd_buf *b, const char *code, const char *message);

/* Close the record being written into r->out; the batch goes out when
 * it is full. */
void inv_emit_close(struct inv_run *r);

/* The job as it came with an exception, closed. */
void inv_emit_with_exception(struct inv_run *r, const struct fsd_scan *d, const char *code,
    const char *message);

/* The invoice record written into r->out since start (still open) goes
 * into the ledger's batch too, when there is a ledger; its number is
 * kept to be named if standard output fails after the ledger is
 * written. */
void inv_emit_to_ledger(struct inv_run *r, size_t start, const char *number);

/* The batch out now: ledger first, then standard output. When the
 * output fails after the ledger took the batch, the invoices in it are
 * named (and how to --reissue them) and the run ends (1). */
void inv_emit_flush(struct inv_run *r);

#endif
