#include <stdio.h>

#include "rfc3339.h"
#include "invoice/render.h"

/* Labor is counted in minutes; the line shows hours ("qty": 1.75) and
 * keeps the exact minutes beside them. */
static void
render_line(struct inv_buf *b, const struct inv_ratecard *card,
    const struct inv_line *line, size_t n)
{
	int first = 1;

	inv_buf_char(b, '{');
	inv_buf_key(b, "n", &first);
	inv_buf_int(b, (int64_t)n);
	inv_buf_key(b, "kind", &first);
	inv_buf_string(b, inv_line_kind_names[line->kind]);
	if (line->code != NULL) {
		inv_buf_key(b, "code", &first);
		inv_buf_string(b, line->code);
	}
	inv_buf_key(b, "description", &first);
	inv_buf_string(b, line->description);
	inv_buf_key(b, "qty", &first);
	if (line->kind == INV_LINE_LABOR) {
		char hours[32];
		int len = snprintf(hours, sizeof hours, "%.15g", line->qty / 60.0);

		/* A whole number of hours is still a real, as jansson writes it. */
		inv_buf_put(b, hours, (size_t)len);
		if (line->qty % 60 == 0)
			inv_buf_puts(b, ".0");
		inv_buf_key(b, "unit", &first);
		inv_buf_string(b, "h");
		inv_buf_key(b, "minutes", &first);
	}
	inv_buf_int(b, line->qty);
	inv_buf_key(b, "unit_price", &first);
	inv_buf_int(b, line->unit_price);
	inv_buf_key(b, "amount", &first);
	inv_buf_int(b, line->amount);
	if (line->category >= 0) {
		inv_buf_key(b, "taxed_as", &first);
		inv_buf_string(b, inv_category_names[line->category]);
	}
	if (!card->tax_per_invoice && line->category >= 0) {
		inv_buf_key(b, "tax", &first);
		inv_buf_int(b, line->tax);
	}
	inv_buf_char(b, '}');
}

static void
render_lines(struct inv_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int *first)
{
	inv_buf_key(b, "lines", first);
	inv_buf_char(b, '[');
	for (size_t i = 0; i < inv->nlines; i++) {
		if (i > 0)
			inv_buf_char(b, ',');
		render_line(b, card, &inv->lines[i], i + 1);
	}
	inv_buf_char(b, ']');
}

static void
render_totals(struct inv_buf *b, const struct inv_invoice *inv, int *first)
{
	char rate[INV_RATIO_LEN];

	inv_buf_key(b, "subtotal", first);
	inv_buf_int(b, inv->subtotal);
	inv_buf_key(b, "taxes", first);
	inv_buf_char(b, '[');
	for (size_t i = 0; i < inv->ntaxes; i++) {
		const struct inv_tax *t = &inv->taxes[i];
		/* Shown as the percentage the card gave: 881/10000 is "8.81". */
		struct inv_ratio percent = { t->rate.num, t->rate.den / 100 };
		int f = 1;

		if (i > 0)
			inv_buf_char(b, ',');
		inv_buf_char(b, '{');
		inv_buf_key(b, "category", &f);
		inv_buf_string(b, inv_category_names[t->category]);
		inv_buf_key(b, "percent", &f);
		inv_buf_string(b, inv_ratio_text(percent, rate));
		inv_buf_key(b, "base", &f);
		inv_buf_int(b, t->base);
		inv_buf_key(b, "tax", &f);
		inv_buf_int(b, t->tax);
		inv_buf_char(b, '}');
	}
	inv_buf_char(b, ']');
	inv_buf_key(b, "tax", first);
	inv_buf_int(b, inv->tax);
	inv_buf_key(b, "total", first);
	inv_buf_int(b, inv->total);
}

void
inv_render_invoice(struct inv_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	char date[FSD_DATE_LEN];
	int first = 1;

	inv_buf_char(b, '{');
	inv_buf_key(b, "number", &first);
	inv_buf_string(b, h->number);
	inv_buf_key(b, "kind", &first);
	inv_buf_string(b, h->stage == INV_STAGE_DEPOSIT ? "deposit" : "final");
	inv_buf_key(b, "date", &first);
	inv_buf_string(b, fsd_date_format(h->date, date));
	inv_buf_key(b, "due", &first);
	inv_buf_string(b, fsd_date_format(h->due, date));
	inv_buf_key(b, "currency", &first);
	inv_buf_string(b, card->currency);
	if (inv->jurisdiction != NULL) {
		inv_buf_key(b, "jurisdiction", &first);
		inv_buf_string(b, inv->jurisdiction->id);
	}
	if (h->tax_exempt) {
		inv_buf_key(b, "tax_exempt", &first);
		inv_buf_puts(b, "true");
	}
	if (inv->multiplier != INV_MULT_NONE) {
		inv_buf_key(b, "multiplier", &first);
		inv_buf_string(b, inv_multiplier_names[inv->multiplier]);
	}
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	if (h->payment_link != NULL) {
		inv_buf_key(b, "payment_link", &first);
		inv_buf_string(b, h->payment_link);
	}
	inv_buf_char(b, '}');
}

void
inv_render_approval(struct inv_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int64_t nte)
{
	int first = 1;

	inv_buf_char(b, '{');
	inv_buf_key(b, "amount", &first);
	inv_buf_int(b, inv->total);
	inv_buf_key(b, "nte", &first);
	inv_buf_int(b, nte);
	inv_buf_key(b, "overage", &first);
	inv_buf_int(b, inv->overage);
	inv_buf_key(b, "currency", &first);
	inv_buf_string(b, card->currency);
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	inv_buf_char(b, '}');
}
