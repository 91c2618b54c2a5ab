#include "invoice/shown.h"

const char *const inv_category_words[INV_NCATS] = {
	"labor", "trip fee", "flat-rate work", "parts"
};

const char *
inv_labor_words(const struct inv_ratecard *card, const char *code)
{
	const struct inv_named_text *t = code == NULL ? NULL
	    : inv_find(card->labor_descriptions, card->nlabor_descriptions,
		sizeof *card->labor_descriptions, code);

	return t != NULL ? t->text : "Labor";
}

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
