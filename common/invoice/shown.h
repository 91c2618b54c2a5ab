/* What the customer is shown at the foot of an invoice: the charges for
 * the work, then "less deposit paid" and the balance due. The calculator
 * carries a deposit received as a credit line so that its total is what
 * is owed; the invoice shows that credit under the total instead. */
#ifndef FSD_INVOICE_SHOWN_H
#define FSD_INVOICE_SHOWN_H

#include <stdint.h>

#include "invoice/calc.h"
#include "invoice/ratecard.h"

/* The total before deposits are taken off. */
int64_t inv_shown_charges(const struct inv_invoice *inv);

/* Deposits taken off (a positive amount), 0 when none. */
int64_t inv_shown_deposit(const struct inv_invoice *inv);

/* The tax categories in the customer's words: "labor", "trip fee",
 * "flat-rate work", "parts". */
extern const char *const inv_category_words[INV_NCATS];

/* A labor line's words for its trade or level: the card's
 * labor.descriptions, else "Labor" -- never the code. */
const char *inv_labor_words(const struct inv_ratecard *card, const char *code);

#endif
