/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The ledger file's invoice records read into the maps of ledger.h. */
#ifndef FSD_INVOICE_RECORDS_LEDGER_H
#define FSD_INVOICE_RECORDS_LEDGER_H

#include "invoice/ledger.h"

/* Lock path (waiting for a run that holds it) and read the invoices in
 * it. A missing file is an empty ledger. card gives the invoice prefix
 * for the jobs a grouped invoice lists. */
void inv_ledger_open(struct inv_ledger *l, const char *path, const struct inv_ratecard *card);

#endif
