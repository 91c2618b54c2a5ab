/* A tech's day on paper, for the tech without a smartphone: the stops in
 * the order driven, each with its times, the customer and phone, the
 * address and a map link, how to get in, the notes, and what to take;
 * pickups and breaks in their place. Large type, no colour needed. */
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "views/board.h"
#include "views/html.h"

/* A link that opens the place in any browser's map (OpenStreetMap: no
 * account, no key). */
static void
map_link(FILE *f, const struct view_stop *s)
{
	if (!s->has_site)
		return;
	fprintf(f, " <a href=\"https://www.openstreetmap.org/?mlat=%.6f&amp;mlon=%.6f#map=17/%.6f/%.6f\">map</a>",
	    s->lat, s->lon, s->lat, s->lon);
}

/* "2 × VALVE-1, 1 × FLT-16X25X1" from the stop's parts. */
static void
parts_list(FILE *f, const struct view_stop *s)
{
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].sku == NULL)
			continue;
		if (i > 0)
			fputs(", ", f);
		fprintf(f, "%lld &times; ", s->parts[i].qty);
		view_html_escape(f, s->parts[i].sku);
	}
}

static void
aside(FILE *f, const char *text_html)
{
	fprintf(f, "<tr class=\"aside\"><td></td><td colspan=\"4\">%s</td></tr>\n", text_html);
}

static void
stop_row(FILE *f, const struct view_stop *s, size_t number)
{
	char a[VIEW_HHMM_LEN], b[VIEW_HHMM_LEN];

	fprintf(f, "<tr data-job=\"");
	view_html_escape(f, s->id);
	fprintf(f, "\"><td class=\"t\">%zu</td><td class=\"t\">%s–%s", number,
	    view_hhmm(&s->start, a), view_hhmm(&s->end, b));
	if (s->has_eta)
		fprintf(f, "<br><small class=\"muted\">told %s–%s</small>", view_hhmm(&s->eta_start, a),
		    view_hhmm(&s->eta_end, b));
	fputs("</td><td><b>", f);
	view_html_escape(f, s->customer_name != NULL ? s->customer_name : "-");
	fputs("</b>", f);
	if (s->customer_phone != NULL) {
		fputs("<br><a href=\"tel:", f);
		view_html_escape(f, s->customer_phone);
		fputs("\">", f);
		view_html_escape(f, s->customer_phone);
		fputs("</a>", f);
	}
	fputs("</td><td>", f);
	view_html_escape(f, s->address != NULL ? s->address : "(no address)");
	map_link(f, s);
	if (s->access != NULL) {
		fputs("<br><b>Access:</b> ", f);
		view_html_escape(f, s->access);
	}
	fputs("</td><td><span class=\"code\">", f);
	view_html_escape(f, s->id);
	fputs("</span> ", f);
	view_html_escape(f, s->type);
	if (s->priority == 1)
		fputs(" <span class=\"badge p1\">EMERGENCY</span>", f);
	if (s->notes != NULL) {
		fputs("<br>", f);
		view_html_escape(f, s->notes);
	}
	if (s->nparts > 0) {
		fputs("<br><b>Take:</b> ", f);
		parts_list(f, s);
	}
	fputs("</td></tr>\n", f);
}

static void
pickup_row(FILE *f, const struct view_stop *s)
{
	char a[VIEW_HHMM_LEN], b[VIEW_HHMM_LEN];

	fprintf(f, "<tr class=\"aside\"><td></td><td class=\"t\">%s–%s</td><td colspan=\"3\"><b>Pick up</b> at ",
	    view_hhmm(&s->start, a), view_hhmm(&s->end, b));
	view_html_escape(f, s->location != NULL ? s->location : "?");
	if (s->address != NULL) {
		fputs(", ", f);
		view_html_escape(f, s->address);
	}
	map_link(f, s);
	fputs(": ", f);
	parts_list(f, s);
	fputs(" for ", f);
	view_html_escape(f, s->id);
	fputs("</td></tr>\n", f);
}

void
view_sheet_write(FILE *f, const struct view_plan *p, int t)
{
	const struct view_tech *tech = &p->techs[t];
	const struct view_stop **route;
	size_t n = view_plan_route(p, t, &route), number = 0;
	const struct fsd_time *ref = n > 0 ? &route[0]->start : tech->has_shift ? &tech->shift_start : NULL;
	char day[VIEW_DAY_LEN], a[VIEW_HHMM_LEN], b[VIEW_HHMM_LEN], zone[16], *title;

	title = xasprintf("Day sheet: %s%s%s", view_tech_label(tech), ref ? ", " : "",
	    ref ? view_day_words(ref, day) : "");
	view_html_begin(f, title);
	free(title);
	fputs("<header class=\"top\" data-tech=\"", f);
	view_html_escape(f, tech->id);
	fputs("\"><h1>", f);
	view_html_printf(f, "%s (%s)", view_tech_label(tech), tech->id);
	fputs("</h1><p>", f);
	if (ref != NULL)
		fprintf(f, "%s · times in %s", view_day_words(ref, day), view_zone(ref, zone));
	if (tech->has_shift)
		fprintf(f, " · shift %s–%s", view_hhmm(&tech->shift_start, a), view_hhmm(&tech->shift_end, b));
	fprintf(f, "</p></header>\n<main><section><h2>%zu stop%s</h2>\n", n, n == 1 ? "" : "s");
	if (n == 0)
		fputs("<p class=\"none\">No stops today.</p>\n", f);
	else
		fputs("<table class=\"sheet\"><thead><tr><th>#</th><th>time</th><th>customer</th><th>address</th>"
		    "<th>job</th></tr></thead><tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct view_stop *s = route[i];

		if (s->has_break) {
			char html[96];

			snprintf(html, sizeof html, "<b>Break</b> %s–%s", view_hhmm(&s->break_start, a),
			    view_hhmm(&s->break_end, b));
			aside(f, html);
		}
		if (s->kind == VIEW_PICKUP)
			pickup_row(f, s);
		else
			stop_row(f, s, ++number);
	}
	if (n > 0)
		fputs("</tbody></table>\n", f);
	fputs("</section></main>\n", f);
	view_html_end(f);
	free(route);
}
