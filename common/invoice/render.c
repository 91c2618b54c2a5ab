#include <stdio.h>

#include "rfc3339.h"
#include "invoice/render.h"

/* Labor is counted in minutes; the line shows hours ("qty": 1.75) and
 * keeps the exact minutes beside them. */
static void
render_line(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_line *line, size_t n)
{
	int first = 1;

	fsd_buf_char(b, '{');
	fsd_buf_key(b, "n", &first);
	fsd_buf_int(b, (int64_t)n);
	if (line->job != NULL) {
		fsd_buf_key(b, "job", &first);
		fsd_buf_string(b, line->job);
	}
	fsd_buf_key(b, "kind", &first);
	fsd_buf_string(b, inv_line_kind_names[line->kind]);
	if (line->code != NULL) {
		fsd_buf_key(b, "code", &first);
		fsd_buf_string(b, line->code);
	}
	fsd_buf_key(b, "description", &first);
	fsd_buf_string(b, line->description);
	fsd_buf_key(b, "qty", &first);
	if (line->kind == INV_LINE_LABOR) {
		char hours[32];
		int len = snprintf(hours, sizeof hours, "%.15g", line->qty / 60.0);

		/* A whole number of hours is still a real, as jansson writes it. */
		fsd_buf_put(b, hours, (size_t)len);
		if (line->qty % 60 == 0)
			fsd_buf_puts(b, ".0");
		fsd_buf_key(b, "unit", &first);
		fsd_buf_string(b, "h");
		fsd_buf_key(b, "minutes", &first);
	}
	fsd_buf_int(b, line->qty);
	fsd_buf_key(b, "unit_price", &first);
	fsd_buf_int(b, line->unit_price);
	fsd_buf_key(b, "amount", &first);
	fsd_buf_int(b, line->amount);
	if (line->category >= 0) {
		fsd_buf_key(b, "taxed_as", &first);
		fsd_buf_string(b, inv_category_names[line->category]);
	}
	if (!card->tax_per_invoice && line->category >= 0) {
		fsd_buf_key(b, "tax", &first);
		fsd_buf_int(b, line->tax);
	}
	fsd_buf_char(b, '}');
}

static void
render_lines(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int *first)
{
	fsd_buf_key(b, "lines", first);
	fsd_buf_char(b, '[');
	for (size_t i = 0; i < inv->nlines; i++) {
		if (i > 0)
			fsd_buf_char(b, ',');
		render_line(b, card, &inv->lines[i], i + 1);
	}
	fsd_buf_char(b, ']');
}

static void
render_totals(struct fsd_buf *b, const struct inv_invoice *inv, int *first)
{
	char rate[INV_RATIO_LEN];

	fsd_buf_key(b, "subtotal", first);
	fsd_buf_int(b, inv->subtotal);
	fsd_buf_key(b, "taxes", first);
	fsd_buf_char(b, '[');
	for (size_t i = 0; i < inv->ntaxes; i++) {
		const struct inv_tax *t = &inv->taxes[i];
		/* Shown as the percentage the card gave: 881/10000 is "8.81". */
		struct inv_ratio percent = { t->rate.num, t->rate.den / 100 };
		int f = 1;

		if (i > 0)
			fsd_buf_char(b, ',');
		fsd_buf_char(b, '{');
		if (t->jurisdiction != NULL) {
			fsd_buf_key(b, "jurisdiction", &f);
			fsd_buf_string(b, t->jurisdiction->id);
		}
		fsd_buf_key(b, "category", &f);
		fsd_buf_string(b, inv_category_names[t->category]);
		fsd_buf_key(b, "percent", &f);
		fsd_buf_string(b, inv_ratio_text(percent, rate));
		fsd_buf_key(b, "base", &f);
		fsd_buf_int(b, t->base);
		fsd_buf_key(b, "tax", &f);
		fsd_buf_int(b, t->tax);
		fsd_buf_char(b, '}');
	}
	fsd_buf_char(b, ']');
	fsd_buf_key(b, "tax", first);
	fsd_buf_int(b, inv->tax);
	fsd_buf_key(b, "total", first);
	fsd_buf_int(b, inv->total);
}

void
inv_render_invoice(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	char date[FSD_DATE_LEN];
	int first = 1;

	fsd_buf_char(b, '{');
	fsd_buf_key(b, "number", &first);
	fsd_buf_string(b, h->number);
	fsd_buf_key(b, "kind", &first);
	fsd_buf_string(b, h->stage == INV_STAGE_DEPOSIT ? "deposit" : "final");
	if (h->njobs > 0) {
		fsd_buf_key(b, "group", &first);
		fsd_buf_string(b, h->group);
		if (h->period != NULL) {
			fsd_buf_key(b, "period", &first);
			fsd_buf_string(b, h->period);
		}
		fsd_buf_key(b, "jobs", &first);
		fsd_buf_char(b, '[');
		for (size_t i = 0; i < h->njobs; i++) {
			if (i > 0)
				fsd_buf_char(b, ',');
			fsd_buf_string(b, h->jobs[i]);
		}
		fsd_buf_char(b, ']');
	}
	fsd_buf_key(b, "date", &first);
	fsd_buf_string(b, fsd_date_format(h->date, date));
	fsd_buf_key(b, "due", &first);
	fsd_buf_string(b, fsd_date_format(h->due, date));
	fsd_buf_key(b, "currency", &first);
	fsd_buf_string(b, card->currency);
	if (inv->jurisdiction != NULL) {
		fsd_buf_key(b, "jurisdiction", &first);
		fsd_buf_string(b, inv->jurisdiction->id);
	}
	if (h->tax_exempt) {
		fsd_buf_key(b, "tax_exempt", &first);
		fsd_buf_puts(b, "true");
	}
	if (inv->multiplier != INV_MULT_NONE) {
		fsd_buf_key(b, "multiplier", &first);
		fsd_buf_string(b, inv_multiplier_names[inv->multiplier]);
	}
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	if (h->payment_link != NULL) {
		fsd_buf_key(b, "payment_link", &first);
		fsd_buf_string(b, h->payment_link);
	}
	fsd_buf_char(b, '}');
}

void
inv_render_approval(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int64_t nte)
{
	int first = 1;

	fsd_buf_char(b, '{');
	fsd_buf_key(b, "amount", &first);
	fsd_buf_int(b, inv->total);
	fsd_buf_key(b, "nte", &first);
	fsd_buf_int(b, nte);
	fsd_buf_key(b, "overage", &first);
	fsd_buf_int(b, inv->overage);
	fsd_buf_key(b, "currency", &first);
	fsd_buf_string(b, card->currency);
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	fsd_buf_char(b, '}');
}
