/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Invoices printed again from the ledger, byte for byte as they were
 * issued, billing nothing: for a run whose output failed after its
 * invoices were written to the ledger (records_emit.h names them). */
#ifndef FSD_INVOICE_RECORDS_REISSUE_H
#define FSD_INVOICE_RECORDS_REISSUE_H

/* Print each ledger line whose "invoice.number" is one of numbers, in
 * ledger order, holding the ledger's lock. A number the ledger does not
 * hold is reported. Returns how many were not found. */
int inv_reissue(const char *ledger_path, char **numbers, int count);

#endif
