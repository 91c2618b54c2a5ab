#include "invoice/shown.h"

int64_t
inv_shown_deposit(const struct inv_invoice *inv)
{
	int64_t paid = 0;

	for (size_t i = 0; i < inv->nlines; i++)
		if (inv->lines[i].kind == INV_LINE_CREDIT)
			paid -= inv->lines[i].amount;
	return paid;
}

int64_t
inv_shown_charges(const struct inv_invoice *inv)
{
	return inv->total + inv_shown_deposit(inv);
}
