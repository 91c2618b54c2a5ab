#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "rfc3339.h"
#include "statefile.h"
#include "xalloc.h"
#include "invoice/html.h"

static void
put_escaped(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: putc(*s, f);
		}
}

/* One line of text in a tag, escaped, when there is text. */
static void
put_line(FILE *f, const char *tag, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	fprintf(f, "<%s>", tag);
	put_escaped(f, text);
	fprintf(f, "</%s>\n", tag);
}

static const char *
field_text(const json_t *job, const char *path)
{
	const char *s = NULL;

	fsd_field_string(job, path, &s, NULL);
	return s;
}

static void
put_money(FILE *f, const struct inv_ratecard *card, int64_t minor)
{
	char buf[FSD_MONEY_LEN];

	fputs(fsd_money_format(minor, card->exponent, buf), f);
}

static const char style[] =
	"body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:46em;margin:2em auto;padding:0 1em}"
	"h1{font-size:1.4em;margin:0}header{display:flex;justify-content:space-between;"
	"border-bottom:2px solid #222;padding-bottom:.8em}.muted{color:#666}"
	"p{margin:.15em 0}table{width:100%;border-collapse:collapse;margin:1.2em 0}"
	"th,td{padding:.35em .4em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
	"td.n,th.n{text-align:right;white-space:nowrap}tfoot td{border:none}"
	"tfoot tr.total td{font-weight:bold;border-top:2px solid #222}"
	".pay{display:inline-block;padding:.6em 1.2em;background:#1a5fb4;color:#fff;"
	"text-decoration:none;border-radius:4px}"
	"@media print{.pay{color:#000;background:none;border:1px solid #000}}";

static void
put_header(FILE *f, const struct inv_ratecard *card, const json_t *job,
    const struct inv_heading *h)
{
	char date[FSD_DATE_LEN];

	fputs("<header><div>\n", f);
	fputs("<h1>", f);
	put_escaped(f, card->business_name ? card->business_name : "Invoice");
	fputs("</h1>\n", f);
	put_line(f, "p", card->business_address);
	put_line(f, "p", card->business_phone);
	put_line(f, "p", card->business_email);
	put_line(f, "p", card->business_website);
	fputs("</div><div>\n<h1>", f);
	fputs(h->stage == INV_STAGE_DEPOSIT ? "Deposit invoice " : "Invoice ", f);
	put_escaped(f, h->number);
	fputs("</h1>\n<p>Date: ", f);
	fputs(fsd_date_format(h->date, date), f);
	fputs("</p>\n<p>Due: ", f);
	fputs(fsd_date_format(h->due, date), f);
	if (h->njobs > 0) {
		fputs("</p>\n<p>Jobs: ", f);
		for (size_t i = 0; i < h->njobs; i++) {
			fputs(i > 0 ? ", " : "", f);
			put_escaped(f, h->jobs[i]);
		}
	} else {
		fputs("</p>\n<p>Job: ", f);
		put_escaped(f, field_text(job, "id"));
	}
	fputs("</p>\n</div></header>\n<section>\n<p class=\"muted\">Bill to</p>\n", f);
	put_line(f, "p", field_text(job, "customer.name"));
	put_line(f, "p", field_text(job, "customer.billing.address"));
	put_line(f, "p", field_text(job, "site.address"));
	put_line(f, "p", field_text(job, "customer.email"));
	put_line(f, "p", field_text(job, "customer.phone"));
	fputs("</section>\n", f);
}

static void
put_lines(FILE *f, const struct inv_ratecard *card, const struct inv_invoice *inv)
{
	fprintf(f, "<table>\n<thead><tr><th>#</th><th>Description</th><th class=\"n\">Qty</th>"
	    "<th class=\"n\">Unit price</th><th class=\"n\">Amount (%s)</th></tr></thead>\n<tbody>\n",
	    card->currency);
	for (size_t i = 0; i < inv->nlines; i++) {
		const struct inv_line *line = &inv->lines[i];

		fprintf(f, "<tr><td>%zu</td><td>", i + 1);
		if (line->job != NULL) {
			fputs("Job ", f);
			put_escaped(f, line->job);
			fputs(": ", f);
		}
		put_escaped(f, line->description);
		if (line->kind == INV_LINE_LABOR)
			fprintf(f, "</td><td class=\"n\">%.2f h</td><td class=\"n\">", line->qty / 60.0);
		else
			fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">", line->qty);
		put_money(f, card, line->unit_price);
		fputs("</td><td class=\"n\">", f);
		put_money(f, card, line->amount);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n<tfoot>\n<tr><td colspan=\"4\" class=\"n\">Subtotal</td><td class=\"n\">", f);
	put_money(f, card, inv->subtotal);
	fputs("</td></tr>\n", f);
	for (size_t i = 0; i < inv->ntaxes; i++) {
		char rate[INV_RATIO_LEN];
		struct inv_ratio percent = { inv->taxes[i].rate.num, inv->taxes[i].rate.den / 100 };

		static const char *const label[INV_NCATS] = { "labor", "trip fee", "flat rate", "parts" };

		fprintf(f, "<tr><td colspan=\"4\" class=\"n\">Sales tax on %s, %s %%",
		    label[inv->taxes[i].category], inv_ratio_text(percent, rate));
		if (inv->taxes[i].jurisdiction != NULL) {
			fputs(", ", f);
			put_escaped(f, inv->taxes[i].jurisdiction->name ? inv->taxes[i].jurisdiction->name
			    : inv->taxes[i].jurisdiction->id);
		}
		fputs("</td><td class=\"n\">", f);
		put_money(f, card, inv->taxes[i].tax);
		fputs("</td></tr>\n", f);
	}
	fprintf(f, "<tr class=\"total\"><td colspan=\"4\" class=\"n\">Total (%s)</td><td class=\"n\">",
	    card->currency);
	put_money(f, card, inv->total);
	fputs("</td></tr>\n</tfoot>\n</table>\n", f);
}

void
inv_html_write(FILE *f, const struct inv_ratecard *card, const json_t *job,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
	fputs(h->stage == INV_STAGE_DEPOSIT ? "Deposit invoice " : "Invoice ", f);
	put_escaped(f, h->number);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
	put_header(f, card, job, h);
	put_lines(f, card, inv);
	if (h->tax_exempt)
		fputs("<p>Tax exempt: no sales tax charged.</p>\n", f);
	if (h->payment_link != NULL) {
		fputs("<p><a class=\"pay\" href=\"", f);
		put_escaped(f, h->payment_link);
		fputs("\">Pay online</a></p>\n<p class=\"muted\">", f);
		put_escaped(f, h->payment_link);
		fputs("</p>\n", f);
	}
	if (card->terms_days > 0)
		fprintf(f, "<p class=\"muted\">Terms: net %d days.</p>\n", card->terms_days);
	else
		fputs("<p class=\"muted\">Terms: due on receipt.</p>\n", f);
	fputs("</body>\n</html>\n", f);
}

char *
inv_html_file_name(const char *number)
{
	char *name = xasprintf("%s.html", number);

	for (char *p = name; p < name + strlen(number); p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			*p = '_';
	/* "." and ".." are not names to write to. */
	if (name[0] == '.')
		name[0] = '_';
	return name;
}

void
inv_html_save(const char *dir, const struct inv_ratecard *card, const json_t *job,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	char *name = inv_html_file_name(h->number);
	char *path = xasprintf("%s/%s", dir, name);
	struct fsd_replace file;

	inv_html_write(fsd_replace_begin(&file, path), card, job, inv, h);
	fsd_replace_commit(&file);
	free(path);
	free(name);
}
