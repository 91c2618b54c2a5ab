#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "views/html.h"
#include "views/report.h"

static const char *
tech_of(const struct view_plan *p, const struct view_kpi *k)
{
	return k->tech >= 0 ? p->techs[k->tech].id : "all";
}

static char *
percent(double v, char buf[16])
{
	if (v < 0)
		snprintf(buf, 16, "-");
	else
		snprintf(buf, 16, "%.0f%%", v * 100);
	return buf;
}

static char *
decimal(double v, const char *fmt, char buf[24])
{
	if (v < 0)
		snprintf(buf, 24, "-");
	else
		snprintf(buf, 24, fmt, v);
	return buf;
}

static char *
money(const struct view_kpi *k, long long minor, char buf[FSD_MONEY_LEN])
{
	int exponent = k->currency != NULL ? fsd_currency_exponent(k->currency) : 2;

	return fsd_money_format(minor, exponent < 0 ? 2 : exponent, buf);
}

void
view_report_table(FILE *f, const struct view_plan *p, const struct view_kpis *k)
{
	fprintf(f, "%-10s %-10s %7s %4s %6s %6s %6s %7s %5s %7s %5s %5s %4s %5s %4s %12s\n",
	    "tech", "day", "planned", "done", "hours", "drive", "km", "min/job", "util", "on-time",
	    "sla", "ftf", "inv", "days", "paid", "revenue");
	for (size_t i = 0; i < k->n; i++) {
		const struct view_kpi *r = &k->rows[i];
		char a[16], b[16], c[16], d[16], m[24], x[24], cash[FSD_MONEY_LEN];

		if (i > 0 && r->scope != k->rows[i - 1].scope)
			fputc('\n', f);
		fprintf(f, "%-10s %-10s %7ld %4ld %6.2f %6.0f %6.1f %7s %5s %7s %5s %5s %4ld %5s %4ld %12s\n",
		    tech_of(p, r), r->day[0] ? r->day : "all", r->jobs_planned, r->jobs_done, r->work_min / 60,
		    r->drive_min, r->drive_km, decimal(view_kpi_drive_per_job(r), "%.1f", m),
		    percent(view_kpi_utilization(r), a), percent(view_kpi_on_time_rate(r), b),
		    percent(view_kpi_sla_rate(r), c), percent(view_kpi_ftf_rate(r), d), r->invoiced,
		    decimal(view_kpi_invoice_days(r), "%.1f", x), r->invoices_paid, money(r, r->revenue, cash));
	}
}

/* A bar a tech, the value's label at the bar's end. */
struct bars {
	const char *title;
	double (*value)(const struct view_kpi *);
	int as_percent;
};

static double jobs_done(const struct view_kpi *k) { return (double)k->jobs_done; }
static double revenue(const struct view_kpi *k) { return (double)k->revenue; }

static void
bar_chart(FILE *f, const struct view_plan *p, const struct view_kpis *k, const struct bars *b)
{
	size_t n = 0, row = 0;
	double max = 0;

	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].scope == VIEW_KPI_TECH) {
			double v = b->value(&k->rows[i]);

			n++;
			if (v > max)
				max = v;
		}
	if (b->as_percent && max < 1)
		max = 1;
	fputs("<figure><figcaption>", f);
	view_html_escape(f, b->title);
	fprintf(f, "</figcaption><svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 %zu\" "
	    "role=\"img\" width=\"100%%\">", n * 18 + 4);
	for (size_t i = 0; i < k->n; i++) {
		const struct view_kpi *r = &k->rows[i];
		double v = b->value(r), w = v > 0 && max > 0 ? 300 * v / max : 0;
		char label[32], cash[FSD_MONEY_LEN];

		if (r->scope != VIEW_KPI_TECH)
			continue;
		if (v < 0)
			snprintf(label, sizeof label, "-");
		else if (b->as_percent)
			snprintf(label, sizeof label, "%.0f%%", v * 100);
		else if (b->value == revenue)
			snprintf(label, sizeof label, "%s", money(r, r->revenue, cash));
		else
			snprintf(label, sizeof label, "%.0f", v);
		fprintf(f, "<g data-tech=\"");
		view_html_escape(f, p->techs[r->tech].id);
		fprintf(f, "\"><text x=\"0\" y=\"%zu\" font-size=\"11\">", row * 18 + 14);
		view_html_escape(f, p->techs[r->tech].id);
		fprintf(f, "</text><rect x=\"48\" y=\"%zu\" width=\"%.1f\" height=\"13\" rx=\"2\" fill=\"%s\"></rect>"
		    "<text x=\"%.1f\" y=\"%zu\" font-size=\"11\">%s</text></g>", row * 18 + 4, w,
		    p->techs[r->tech].color, 52 + w, row * 18 + 14, label);
		row++;
	}
	fputs("</svg></figure>\n", f);
}

static const struct bars charts[] = {
	{ "Jobs done", jobs_done, 0 },
	{ "Utilization (planned work ÷ shift)", view_kpi_utilization, 1 },
	{ "On-time arrivals (inside the ETA window)", view_kpi_on_time_rate, 1 },
	{ "First-time fix", view_kpi_ftf_rate, 1 },
	{ "Revenue", revenue, 0 },
	{ NULL }
};

static void
table_cell(FILE *f, const char *text)
{
	fputs("<td class=\"n\">", f);
	view_html_escape(f, text);
	fputs("</td>", f);
}

static void
html_table(FILE *f, const struct view_plan *p, const struct view_kpis *k)
{
	static const char *const heads[] = {
		"tech", "day", "planned", "done", "hours", "drive min", "km", "min/job", "util", "on-time",
		"SLA", "FTF", "invoiced", "days to invoice", "paid", "revenue", NULL
	};

	fputs("<div class=\"scroll\"><table><thead><tr>", f);
	for (size_t i = 0; heads[i] != NULL; i++)
		fprintf(f, "<th%s>%s</th>", i > 1 ? " class=\"n\"" : "", heads[i]);
	fputs("</tr></thead><tbody>\n", f);
	for (size_t i = 0; i < k->n; i++) {
		const struct view_kpi *r = &k->rows[i];
		char text[64], a[16], m[24], cash[FSD_MONEY_LEN];

		fprintf(f, "<tr class=\"kpi-%s\"><td>", r->scope == VIEW_KPI_TECH_DAY ? "tech-day"
		    : r->scope == VIEW_KPI_TECH ? "tech" : r->scope == VIEW_KPI_DAY ? "day" : "total");
		view_html_escape(f, r->tech >= 0 ? view_tech_label(&p->techs[r->tech]) : "all techs");
		fputs("</td><td>", f);
		view_html_escape(f, r->day[0] ? r->day : "all days");
		fputs("</td>", f);
		snprintf(text, sizeof text, "%ld", r->jobs_planned);
		table_cell(f, text);
		snprintf(text, sizeof text, "%ld", r->jobs_done);
		table_cell(f, text);
		snprintf(text, sizeof text, "%.2f", r->work_min / 60);
		table_cell(f, text);
		snprintf(text, sizeof text, "%.0f", r->drive_min);
		table_cell(f, text);
		snprintf(text, sizeof text, "%.1f", r->drive_km);
		table_cell(f, text);
		table_cell(f, decimal(view_kpi_drive_per_job(r), "%.1f", m));
		table_cell(f, percent(view_kpi_utilization(r), a));
		table_cell(f, percent(view_kpi_on_time_rate(r), a));
		table_cell(f, percent(view_kpi_sla_rate(r), a));
		table_cell(f, percent(view_kpi_ftf_rate(r), a));
		snprintf(text, sizeof text, "%ld", r->invoiced);
		table_cell(f, text);
		table_cell(f, decimal(view_kpi_invoice_days(r), "%.1f", m));
		snprintf(text, sizeof text, "%ld", r->invoices_paid);
		table_cell(f, text);
		snprintf(text, sizeof text, "%s %s", money(r, r->revenue, cash),
		    r->currency != NULL && !r->mixed_currency ? r->currency : "");
		table_cell(f, text);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>\n", f);
}

void
view_report_html(FILE *f, const struct view_plan *p, const struct view_kpis *k)
{
	const struct view_kpi *total = NULL;
	char a[16], b[16], cash[FSD_MONEY_LEN];

	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].scope == VIEW_KPI_TOTAL)
			total = &k->rows[i];
	view_html_begin(f, "fsd report");
	fputs("<header class=\"top\"><h1>The numbers</h1>", f);
	if (total != NULL) {
		fprintf(f, "<ul class=\"kpis\"><li><b>%ld</b> jobs done</li><li><b>%.1f</b> hours worked</li>"
		    "<li><b>%s</b> on time</li><li><b>%s</b> first-time fix</li><li><b>%s</b> ",
		    total->jobs_done, total->work_min / 60, percent(view_kpi_on_time_rate(total), a),
		    percent(view_kpi_ftf_rate(total), b), money(total, total->revenue, cash));
		view_html_escape(f, total->currency != NULL && !total->mixed_currency ? total->currency : "");
		fputs(" revenue</li></ul>", f);
	}
	fputs("</header>\n<main>\n<section id=\"charts\"><h2>Each tech</h2><div class=\"chart\">\n", f);
	for (size_t i = 0; charts[i].title != NULL; i++)
		bar_chart(f, p, k, &charts[i]);
	fputs("</div></section>\n<section id=\"figures\"><h2>Per tech and day, and totals</h2>\n", f);
	html_table(f, p, k);
	fputs("<p class=\"muted\">What each figure means, and what it leaves out: fsd-report(1).</p>"
	    "</section>\n</main>\n", f);
	view_html_end(f);
}
