/* What the customer is shown at the foot of an invoice: the charges for
 * the work, then "less deposit paid" and the balance due. The calculator
 * carries a deposit received as a credit line so that its total is what
 * is owed; the invoice shows that credit under the total instead. */
#ifndef INV_SHOWN_H
#define INV_SHOWN_H

#include <stdint.h>

#include "invoice/calc.h"

/* The total before deposits are taken off. */
int64_t inv_shown_charges(const struct inv_invoice *inv);

/* Deposits taken off (a positive amount), 0 when none. */
int64_t inv_shown_deposit(const struct inv_invoice *inv);

#endif
