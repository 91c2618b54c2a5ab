#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "jsonbuf.h"
#include "statefile.h"
#include "xalloc.h"
#include "invoice/html.h"
#include "invoice/shown.h"

static void
put_escaped_char(FILE *f, char c)
{
	switch (c) {
	case '&': fputs("&amp;", f); break;
	case '<': fputs("&lt;", f); break;
	case '>': fputs("&gt;", f); break;
	case '"': fputs("&quot;", f); break;
	case '\'': fputs("&#39;", f); break;
	default: putc(c, f);
	}
}

static void
put_escaped(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		put_escaped_char(f, *s);
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
put_header(FILE *f, const struct inv_ratecard *card, const struct inv_bill_to *to,
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
		put_escaped(f, to->job_id);
	}
	fputs("</p>\n</div></header>\n<section>\n<p class=\"muted\">Bill to</p>\n", f);
	put_line(f, "p", to->name);
	/* Billed at the site unless the customer has a billing address; a
	 * site elsewhere is the service address, shown with the work. */
	put_line(f, "p", to->billing_address ? to->billing_address : to->site_address);
	put_line(f, "p", to->email);
	put_line(f, "p", to->phone);
	fputs("</section>\n", f);
}

/* "08:55" on the clock of the offset the time was written in. */
static void
put_clock(FILE *f, const struct fsd_time *t)
{
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;
	int64_t of_day = ((local % 86400) + 86400) % 86400;

	fprintf(f, "%02d:%02d", (int)(of_day / 3600), (int)(of_day % 3600 / 60));
}

static void
put_day(FILE *f, const struct fsd_time *t)
{
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;
	char date[FSD_DATE_LEN];

	fputs(fsd_date_format(local >= 0 ? local / 86400 : -((-local + 86399) / 86400), date), f);
}

static void
put_labelled(FILE *f, const char *label, const char *text)
{
	if (text == NULL)
		return;
	fprintf(f, "<p><span class=\"muted\">%s:</span> ", label);
	put_escaped(f, text);
	fputs("</p>\n", f);
}

/* A link to a piece of evidence: the media URL and the path, escaped;
 * "./" without one, so no path is ever read as a scheme (javascript:). */
static void
put_evidence(FILE *f, const struct inv_evidence *e, const char *media_url)
{
	fputs("<li><a href=\"", f);
	put_escaped(f, media_url);
	put_escaped(f, e->path);
	fputs("\">", f);
	if (strcmp(e->role, "signature") == 0)
		fputs("signature", f);
	else if (strcmp(e->role, "nte_approval") == 0)
		fputs("signed approval", f);
	else
		for (const char *p = e->role; *p != '\0'; p++)
			if (*p == '_')
				putc(' ', f);
			else
				put_escaped_char(f, *p);
	fputs(strcmp(e->role, "signature") == 0 || strcmp(e->role, "nte_approval") == 0
	    ? "</a>" : " photo</a>", f);
	fputs(" <span class=\"muted\">SHA-256 ", f);
	put_escaped(f, e->sha256);
	fputs("</span></li>\n", f);
}

/* The work billed: date and time of service, the tech by name, the
 * service address, what was done, noted and found, who signed, and links
 * to the evidence. */
static void
put_service(FILE *f, const struct inv_service *s, const char *media_url)
{
	fputs("<section class=\"service\">\n<p class=\"muted\">Service</p>\n", f);
	if (s->has_start || s->has_end) {
		fputs("<p><span class=\"muted\">Date of service:</span> ", f);
		put_day(f, s->has_start ? &s->start : &s->end);
		fputs(", ", f);
		if (s->has_start)
			put_clock(f, &s->start);
		if (s->has_start && s->has_end)
			fputs("&ndash;", f);
		if (s->has_end)
			put_clock(f, &s->end);
		fputs("</p>\n", f);
	}
	put_labelled(f, "Technician", s->tech_name ? s->tech_name : s->tech_id);
	put_labelled(f, "Service address", s->address);
	put_labelled(f, "Work performed", s->work_performed);
	put_labelled(f, "Notes", s->notes);
	if (s->nfindings > 0) {
		fputs("<p><span class=\"muted\">Findings:</span></p>\n<ul>\n", f);
		for (size_t i = 0; i < s->nfindings; i++)
			put_line(f, "li", s->findings[i]);
		fputs("</ul>\n", f);
	}
	if (s->signed_by != NULL) {
		fputs("<p><span class=\"muted\">Signed by</span> ", f);
		put_escaped(f, s->signed_by);
		if (s->has_signed_at) {
			fputs(", ", f);
			put_day(f, &s->signed_at);
			fputs(" ", f);
			put_clock(f, &s->signed_at);
		}
		fputs("</p>\n", f);
	}
	if (s->nevidence > 0) {
		fputs("<p><span class=\"muted\">Evidence:</span></p>\n<ul>\n", f);
		for (size_t i = 0; i < s->nevidence; i++)
			put_evidence(f, &s->evidence[i], media_url ? media_url : "./");
		fputs("</ul>\n", f);
	}
	fputs("</section>\n", f);
}

static void
put_lines(FILE *f, const struct inv_ratecard *card, const struct inv_invoice *inv)
{
	const struct inv_line *credit = NULL;
	int64_t deposit = inv_shown_deposit(inv);
	size_t n = 0, credits = 0;

	fprintf(f, "<table>\n<thead><tr><th>#</th><th>Description</th><th class=\"n\">Qty</th>"
	    "<th class=\"n\">Unit price</th><th class=\"n\">Amount (%s)</th></tr></thead>\n<tbody>\n",
	    card->currency);
	for (size_t i = 0; i < inv->nlines; i++) {
		const struct inv_line *line = &inv->lines[i];

		/* A deposit received is not work: it is taken off under the total. */
		if (line->kind == INV_LINE_CREDIT) {
			credits++;
			credit = line;
			continue;
		}
		fprintf(f, "<tr><td>%zu</td><td>", ++n);
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
	put_money(f, card, inv->subtotal + deposit);
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
	put_money(f, card, inv->total + deposit);
	fputs("</td></tr>\n", f);
	if (credit != NULL) {
		fputs("<tr><td colspan=\"4\" class=\"n\">Less deposit paid", f);
		/* One deposit names its invoice; several (a grouped invoice) are summed. */
		if (credits == 1 && credit->description[0] != '\0') {
			fputs(" <span class=\"muted\">(", f);
			put_escaped(f, credit->description);
			fputs(")</span>", f);
		}
		fputs("</td><td class=\"n\">-", f);
		put_money(f, card, deposit);
		fprintf(f, "</td></tr>\n<tr class=\"total\"><td colspan=\"4\" class=\"n\">Balance due (%s)</td>"
		    "<td class=\"n\">", card->currency);
		put_money(f, card, inv->total);
		fputs("</td></tr>\n", f);
	}
	fputs("</tfoot>\n</table>\n", f);
}

void
inv_html_write(FILE *f, const struct inv_ratecard *card, const struct inv_bill_to *to,
    const struct inv_invoice *inv, const struct inv_heading *h)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
	fputs(h->stage == INV_STAGE_DEPOSIT ? "Deposit invoice " : "Invoice ", f);
	put_escaped(f, h->number);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
	put_header(f, card, to, h);
	if (h->service != NULL && inv_service_any(h->service))
		put_service(f, h->service, h->media_url);
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

/* Past this the name is cut and a hash of the whole number added:
 * well inside NAME_MAX (255) with ".html" and the temporary's suffix. */
#define NAME_KEPT 180

char *
inv_html_file_name(const char *number)
{
	struct fsd_buf b = { 0 };
	uint64_t hash = 14695981039346656037ULL;
	char *name;

	/* Every other byte as _XX, '_' included, so two numbers never
	 * share a file ("a/b" is a_2Fb, "a_b" is a_5Fb). */
	for (const char *p = number; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		hash = (hash ^ c) * 1099511628211ULL;
		if (isalnum(c) || c == '-' || (c == '.' && p != number)) {
			fsd_buf_char(&b, (char)c);
		} else {
			char escaped[4];

			snprintf(escaped, sizeof escaped, "_%02X", c);
			fsd_buf_puts(&b, escaped);
		}
	}
	/* '~' is escaped above, so a cut name is never a whole one. */
	if (b.len > NAME_KEPT)
		name = xasprintf("%.*s~%016llx.html", NAME_KEPT - 17, b.data,
		    (unsigned long long)hash);
	else
		name = xasprintf("%.*s.html", (int)b.len, b.len > 0 ? b.data : "");
	fsd_buf_free(&b);
	return name;
}

int
inv_html_save(const char *dir, const struct inv_ratecard *card, const struct inv_bill_to *to,
    const struct inv_invoice *inv, const struct inv_heading *h, char *err, size_t errlen)
{
	char *name = inv_html_file_name(h->number);
	char *path = xasprintf("%s/%s", dir, name);
	struct fsd_replace file;
	int r = -1;

	if (fsd_replace_open(&file, path) != NULL) {
		inv_html_write(file.f, card, to, inv, h);
		r = fsd_replace_finish(&file);
	}
	if (r != 0)
		snprintf(err, errlen, "invoice %s: no HTML copy: %s", h->number, file.error);
	free(path);
	free(name);
	return r;
}
