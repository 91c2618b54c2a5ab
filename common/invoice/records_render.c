#include <stdio.h>

#include "rfc3339.h"
#include "invoice/records_render.h"
#include "invoice/shown.h"

/* ,"key": with the quotes and colon in the literal: keys are constants,
 * so they need no escaping and no strlen, and a record has dozens. */
#define KEY(b, name, first) put_key(b, "\"" name "\":", sizeof "\"" name "\":" - 1, first)

static void
put_key(struct fsd_buf *b, const char *quoted, size_t len, int *first)
{
	if (!*first)
		fsd_buf_char(b, ',');
	*first = 0;
	fsd_buf_put(b, quoted, len);
}

/* Hours as jansson writes the real minutes / 60 (%.15g, ".0" on a whole
 * number); quarter hours, the usual billing steps, are written by hand. */
static void
put_hours(struct fsd_buf *b, long minutes)
{
	static const char *const quarter[] = { ".0", ".25", ".5", ".75" };
	char hours[32];
	int len;

	if (minutes >= 0 && minutes % 15 == 0) {
		fsd_buf_int(b, minutes / 60);
		fsd_buf_puts(b, quarter[minutes % 60 / 15]);
		return;
	}
	len = snprintf(hours, sizeof hours, "%.15g", minutes / 60.0);
	fsd_buf_put(b, hours, (size_t)len);
	if (minutes % 60 == 0)
		fsd_buf_puts(b, ".0");
}

/* Labor is counted in minutes; the line shows hours ("qty": 1.75) and
 * keeps the exact minutes beside them. */
static void
render_line(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_line *line, size_t n)
{
	int first = 1;

	fsd_buf_char(b, '{');
	KEY(b, "n", &first);
	fsd_buf_int(b, (int64_t)n);
	if (line->job != NULL) {
		KEY(b, "job", &first);
		fsd_buf_string(b, line->job);
	}
	KEY(b, "kind", &first);
	fsd_buf_string(b, inv_line_kind_names[line->kind]);
	if (line->code != NULL) {
		KEY(b, "code", &first);
		fsd_buf_string(b, line->code);
	}
	KEY(b, "description", &first);
	fsd_buf_string(b, line->description);
	KEY(b, "qty", &first);
	if (line->kind == INV_LINE_LABOR) {
		put_hours(b, line->qty);
		KEY(b, "unit", &first);
		fsd_buf_string(b, "h");
		KEY(b, "minutes", &first);
	}
	fsd_buf_int(b, line->qty);
	KEY(b, "unit_price", &first);
	fsd_buf_int(b, line->unit_price);
	KEY(b, "amount", &first);
	fsd_buf_int(b, line->amount);
	if (line->category >= 0) {
		KEY(b, "taxed_as", &first);
		fsd_buf_string(b, inv_category_names[line->category]);
	}
	if (!card->tax_per_invoice && line->category >= 0) {
		KEY(b, "tax", &first);
		fsd_buf_int(b, line->tax);
	}
	fsd_buf_char(b, '}');
}

static void
render_lines(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, int *first)
{
	KEY(b, "lines", first);
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

	KEY(b, "subtotal", first);
	fsd_buf_int(b, inv->subtotal);
	KEY(b, "taxes", first);
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
			KEY(b, "jurisdiction", &f);
			fsd_buf_string(b, t->jurisdiction->id);
		}
		KEY(b, "category", &f);
		fsd_buf_string(b, inv_category_names[t->category]);
		KEY(b, "percent", &f);
		fsd_buf_string(b, inv_ratio_text(percent, rate));
		KEY(b, "base", &f);
		fsd_buf_int(b, t->base);
		KEY(b, "tax", &f);
		fsd_buf_int(b, t->tax);
		fsd_buf_char(b, '}');
	}
	fsd_buf_char(b, ']');
	KEY(b, "tax", first);
	fsd_buf_int(b, inv->tax);
	KEY(b, "total", first);
	fsd_buf_int(b, inv->total);
}

static void
put_time(struct fsd_buf *b, const struct fsd_time *t)
{
	char buf[FSD_TIME_LEN];

	fsd_buf_string(b, fsd_time_format(t->seconds, t->offset_minutes, buf));
}

static void
put_text(struct fsd_buf *b, const char *key_quoted, size_t len, const char *text, int *first)
{
	if (text == NULL)
		return;
	put_key(b, key_quoted, len, first);
	fsd_buf_string(b, text);
}

#define TEXT(b, name, text, first) put_text(b, "\"" name "\":", sizeof "\"" name "\":" - 1, text, first)

/* The work billed: when, who, where, what was done and found, who signed,
 * and the evidence behind it. */
static void
render_service(struct fsd_buf *b, const struct inv_service *s)
{
	char date[FSD_DATE_LEN];
	int first = 1;
	const struct fsd_time *day = s->has_start ? &s->start : s->has_end ? &s->end : NULL;

	fsd_buf_char(b, '{');
	if (day != NULL) {
		int64_t local = day->seconds + (int64_t)day->offset_minutes * 60;

		KEY(b, "date", &first);
		fsd_buf_string(b, fsd_date_format(local >= 0 ? local / 86400
		    : -((-local + 86399) / 86400), date));
	}
	if (s->has_start) {
		KEY(b, "start", &first);
		put_time(b, &s->start);
	}
	if (s->has_end) {
		KEY(b, "end", &first);
		put_time(b, &s->end);
	}
	TEXT(b, "tech", s->tech_id, &first);
	TEXT(b, "tech_name", s->tech_name, &first);
	TEXT(b, "address", s->address, &first);
	TEXT(b, "work_performed", s->work_performed, &first);
	TEXT(b, "notes", s->notes, &first);
	if (s->nfindings > 0) {
		KEY(b, "findings", &first);
		fsd_buf_char(b, '[');
		for (size_t i = 0; i < s->nfindings; i++) {
			if (i > 0)
				fsd_buf_char(b, ',');
			fsd_buf_string(b, s->findings[i]);
		}
		fsd_buf_char(b, ']');
	}
	if (s->signed_by != NULL) {
		int f = 1;

		KEY(b, "signature", &first);
		fsd_buf_char(b, '{');
		TEXT(b, "name", s->signed_by, &f);
		if (s->has_signed_at) {
			KEY(b, "at", &f);
			put_time(b, &s->signed_at);
		}
		fsd_buf_char(b, '}');
	}
	if (s->nevidence > 0) {
		KEY(b, "evidence", &first);
		fsd_buf_char(b, '[');
		for (size_t i = 0; i < s->nevidence; i++) {
			int f = 1;

			fsd_buf_puts(b, i > 0 ? ",{" : "{");
			TEXT(b, "role", s->evidence[i].role, &f);
			TEXT(b, "path", s->evidence[i].path, &f);
			TEXT(b, "sha256", s->evidence[i].sha256, &f);
			fsd_buf_char(b, '}');
		}
		fsd_buf_char(b, ']');
	}
	fsd_buf_char(b, '}');
}

void
inv_render_invoice(struct fsd_buf *b, const struct inv_ratecard *card,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	char date[FSD_DATE_LEN];
	int first = 1;

	fsd_buf_char(b, '{');
	KEY(b, "number", &first);
	fsd_buf_string(b, h->number);
	KEY(b, "kind", &first);
	fsd_buf_string(b, h->stage == INV_STAGE_DEPOSIT ? "deposit" : "final");
	if (h->njobs > 0) {
		KEY(b, "group", &first);
		fsd_buf_string(b, h->group);
		if (h->period != NULL) {
			KEY(b, "period", &first);
			fsd_buf_string(b, h->period);
		}
		KEY(b, "jobs", &first);
		fsd_buf_char(b, '[');
		for (size_t i = 0; i < h->njobs; i++) {
			if (i > 0)
				fsd_buf_char(b, ',');
			fsd_buf_string(b, h->jobs[i]);
		}
		fsd_buf_char(b, ']');
	}
	KEY(b, "date", &first);
	fsd_buf_string(b, fsd_date_format(h->date, date));
	KEY(b, "due", &first);
	fsd_buf_string(b, fsd_date_format(h->due, date));
	KEY(b, "currency", &first);
	fsd_buf_string(b, card->currency);
	if (inv->jurisdiction != NULL) {
		KEY(b, "jurisdiction", &first);
		fsd_buf_string(b, inv->jurisdiction->id);
	}
	if (h->tax_exempt) {
		KEY(b, "tax_exempt", &first);
		fsd_buf_puts(b, "true");
	}
	if (inv->multiplier != INV_MULT_NONE) {
		KEY(b, "multiplier", &first);
		fsd_buf_string(b, inv_multiplier_names[inv->multiplier]);
	}
	if (h->service != NULL && inv_service_any(h->service)) {
		KEY(b, "service", &first);
		render_service(b, h->service);
	}
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	if (inv_shown_deposit(inv) != 0) {
		KEY(b, "charges", &first);
		fsd_buf_int(b, inv_shown_charges(inv));
		KEY(b, "deposit_paid", &first);
		fsd_buf_int(b, inv_shown_deposit(inv));
		KEY(b, "balance_due", &first);
		fsd_buf_int(b, inv->total);
	}
	if (h->payment_link != NULL) {
		KEY(b, "payment_link", &first);
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
	KEY(b, "amount", &first);
	fsd_buf_int(b, inv->total);
	KEY(b, "nte", &first);
	fsd_buf_int(b, nte);
	KEY(b, "overage", &first);
	fsd_buf_int(b, inv->overage);
	KEY(b, "currency", &first);
	fsd_buf_string(b, card->currency);
	render_lines(b, card, inv, &first);
	render_totals(b, inv, &first);
	fsd_buf_char(b, '}');
}
