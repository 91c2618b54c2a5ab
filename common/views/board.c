/* The board: what a dispatcher looks at before reading. A timeline a
 * tech (drive, wait, breaks, pickups, jobs coloured by status, overtime,
 * the now-line), the alerts, the jobs the plan could not place grouped by
 * why, and the map. Positions on the timeline are percentages of the
 * day's span, so the page reflows from a laptop to a phone and prints. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "xalloc.h"
#include "views/board.h"
#include "views/html.h"

struct span {
	int64_t lo, hi;		/* seconds, whole local hours */
};

const char *
view_stop_status(const struct view_stop *s)
{
	return s->has_live ? s->live_status : s->status;
}

char *
view_status_class(const struct view_stop *s, char buf[VIEW_STATUS_CLASS_LEN])
{
	const char *status = view_stop_status(s);
	size_t n = 0;

	strcpy(buf, "st-");
	n = 3;
	for (; status != NULL && *status != '\0' && n + 1 < VIEW_STATUS_CLASS_LEN; status++)
		buf[n++] = isalnum((unsigned char)*status) || *status == '_'
		    ? (char)tolower((unsigned char)*status) : '_';
	if (n == 3)
		strcpy(buf + n, "scheduled");
	else
		buf[n] = '\0';
	return buf;
}

static void
widen(struct span *sp, int64_t t)
{
	if (t < sp->lo)
		sp->lo = t;
	if (t > sp->hi)
		sp->hi = t;
}

/* The hours the timeline shows: every shift and every placed stop with
 * its drive, rounded out to whole hours of the plan's zone. */
static int
day_span(const struct view_plan *p, int offset_minutes, struct span *sp)
{
	int64_t off = (int64_t)offset_minutes * 60;

	sp->lo = INT64_MAX;
	sp->hi = INT64_MIN;
	for (size_t t = 0; t < p->ntechs; t++)
		if (p->techs[t].has_shift) {
			widen(sp, p->techs[t].shift_start.seconds);
			widen(sp, p->techs[t].shift_end.seconds);
		}
	for (size_t i = 0; i < p->nstops; i++)
		if (p->stops[i].placed) {
			widen(sp, p->stops[i].arrive.seconds - (int64_t)(p->stops[i].drive_min * 60));
			widen(sp, p->stops[i].end.seconds);
		}
	if (sp->lo > sp->hi)
		return 0;
	sp->lo = (sp->lo + off) / 3600 * 3600 - off;
	sp->hi = (sp->hi + off + 3599) / 3600 * 3600 - off;
	return 1;
}

static double
pct(const struct span *sp, int64_t t)
{
	return 100.0 * (double)(t - sp->lo) / (double)(sp->hi - sp->lo);
}

/* An absolutely placed piece of a lane. */
static void
piece(FILE *f, const struct span *sp, const char *cls, int64_t from, int64_t to)
{
	if (to <= from)
		return;
	fprintf(f, "<div class=\"%s\" style=\"left:%.3f%%;width:%.3f%%\"></div>", cls,
	    pct(sp, from), pct(sp, to) - pct(sp, from));
}

/* The plan's zone: the offset its first placed job was written in. */
static const struct fsd_time *
reference_time(const struct view_plan *p)
{
	for (size_t i = 0; i < p->nstops; i++)
		if (p->stops[i].placed)
			return &p->stops[i].start;
	for (size_t t = 0; t < p->ntechs; t++)
		if (p->techs[t].has_shift)
			return &p->techs[t].shift_start;
	return NULL;
}

static void
block_title(FILE *f, const struct view_stop *s)
{
	char a[VIEW_HHMM_LEN], b[VIEW_HHMM_LEN], c[VIEW_HHMM_LEN], d[VIEW_HHMM_LEN];
	const char *status = view_stop_status(s);

	view_html_printf(f, "%s %s · %s · %s–%s", s->id, s->type ? s->type : "",
	    s->customer_name ? s->customer_name : "-", view_hhmm(&s->start, a), view_hhmm(&s->end, b));
	if (s->has_eta)
		view_html_printf(f, " · ETA %s–%s", view_hhmm(&s->eta_start, c), view_hhmm(&s->eta_end, d));
	if (status != NULL)
		view_html_printf(f, " · %s", status);
	if (s->late)
		fputs(" · late for its SLA", f);
	if (s->eta_changed)
		fputs(" · moved by the re-plan", f);
	if (s->address != NULL)
		view_html_printf(f, " · %s", s->address);
}

static void
stop_pieces(FILE *f, const struct span *sp, const struct view_stop *s, const char *color)
{
	char cls[VIEW_STATUS_CLASS_LEN];
	int64_t drive = (int64_t)(s->drive_min * 60);

	piece(f, sp, "drive", s->arrive.seconds - drive, s->arrive.seconds);
	piece(f, sp, "wait", s->arrive.seconds, s->start.seconds);
	if (s->has_break)
		piece(f, sp, "brk", s->break_start.seconds, s->break_end.seconds);
	if (s->kind == VIEW_PICKUP) {
		fprintf(f, "<div class=\"pick\" style=\"left:%.3f%%;width:%.3f%%\" title=\"",
		    pct(sp, s->start.seconds), pct(sp, s->end.seconds) - pct(sp, s->start.seconds));
		view_html_printf(f, "parts pickup at %s for %s", s->location ? s->location : "?", s->id);
		fputs("\">&#8675;</div>", f);
		return;
	}
	fprintf(f, "<div class=\"job %s%s%s\" data-job=\"", view_status_class(s, cls),
	    s->late ? " late" : "", s->eta_changed ? " moved" : "");
	view_html_escape(f, s->id);
	fprintf(f, "\" style=\"left:%.3f%%;width:%.3f%%;background:%s\" title=\"",
	    pct(sp, s->start.seconds), pct(sp, s->end.seconds) - pct(sp, s->start.seconds), color);
	block_title(f, s);
	fputs("\">", f);
	view_html_escape(f, s->id);
	fputs("</div>", f);
}

static void
tech_row(FILE *f, const struct view_plan *p, int t, const struct span *sp,
    const struct view_board_options *o)
{
	const struct view_tech *tech = &p->techs[t];
	const struct view_stop **route;
	size_t n = view_plan_route(p, t, &route), jobs = 0;
	double km = 0;
	int64_t last_end = 0;

	for (size_t i = 0; i < n; i++) {
		jobs += route[i]->kind == VIEW_JOB;
		km += route[i]->drive_km;
		if (route[i]->end.seconds > last_end)
			last_end = route[i]->end.seconds;
	}
	fputs("<div class=\"row\" data-tech=\"", f);
	view_html_escape(f, tech->id);
	fprintf(f, "\"><div class=\"who\"><b><span class=\"sw\" style=\"background:%s\"></span>", tech->color);
	view_html_escape(f, view_tech_label(tech));
	fputs("</b><small>", f);
	view_html_escape(f, tech->id);
	if (n == 0)
		fputs(" · no stops", f);
	else
		fprintf(f, " · %zu stop%s · %.0f km", jobs, jobs == 1 ? "" : "s", km);
	fputs("</small></div><div class=\"lane\">", f);
	if (tech->has_shift) {
		piece(f, sp, "shift", tech->shift_start.seconds, tech->shift_end.seconds);
		piece(f, sp, "over", tech->shift_end.seconds, last_end);
	}
	for (size_t i = 0; i < n; i++)
		stop_pieces(f, sp, route[i], tech->color);
	if (o->has_now && o->now.seconds >= sp->lo && o->now.seconds <= sp->hi)
		fprintf(f, "<div class=\"now\" style=\"left:%.3f%%\"></div>", pct(sp, o->now.seconds));
	fputs("</div></div>\n", f);
	free(route);
}

static const char legend[] =
	"<div class=\"legend\"><span><i style=\"background:#4e79a7\"></i>job (tech's colour)</span>"
	"<span><i class=\"drive\" style=\"height:.3em\"></i>drive</span>"
	"<span><i class=\"shift\"></i>shift</span><span><i class=\"brk\"></i>break</span>"
	"<span><i class=\"pick\"></i>parts pickup</span><span><i class=\"over\"></i>overtime</span>"
	"<span><i class=\"st-en_route\" style=\"background-color:#4e79a7\"></i>on the way</span>"
	"<span><i class=\"st-on_site\" style=\"background:#4e79a7\"></i>on site</span>"
	"<span><i class=\"st-completed\" style=\"background:#4e79a7\"></i>done</span>"
	"<span><i class=\"st-cannot_complete\"></i>cannot complete</span>"
	"<span><i class=\"st-cancelled\"></i>cancelled</span>"
	"<span><i style=\"outline:3px solid #c01c28;background:#fff\"></i>late for SLA</span>"
	"<span>&#8635; moved by a re-plan</span>"
	"<span><i class=\"now\" style=\"width:2px\"></i>now</span></div>\n";

static void
timeline(FILE *f, const struct view_plan *p, const struct view_board_options *o)
{
	const struct fsd_time *ref = reference_time(p);
	struct span sp;

	fputs("<section id=\"timeline\"><h2>Each tech's day</h2>\n", f);
	fputs(legend, f);
	if (ref == NULL || !day_span(p, ref->offset_minutes, &sp)) {
		fputs("<p class=\"none\">No tech has a shift or a stop.</p>", f);
	} else {
		fprintf(f, "<div class=\"scroll\"><div class=\"tl\" style=\"--hour:calc(100%% / %lld)\">"
		    "<div class=\"axis\"><div></div><div class=\"ticks\">", (long long)((sp.hi - sp.lo) / 3600));
		for (int64_t h = sp.lo; h <= sp.hi; h += 3600) {
			struct fsd_time at = { h, ref->offset_minutes };
			char hhmm[VIEW_HHMM_LEN];

			fprintf(f, "<span class=\"tick\" style=\"left:%.3f%%\">%s</span>", pct(&sp, h),
			    view_hhmm(&at, hhmm));
		}
		fputs("</div></div>\n", f);
		/* The lanes' hour lines are drawn by --hour; the lane is the
		 * second column, so it is measured from there. */
		for (size_t t = 0; t < p->ntechs; t++)
			tech_row(f, p, (int)t, &sp, o);
		fputs("</div></div>", f);
	}
	fputs("</section>\n", f);
}

static const char *
unplaced_code(const struct view_stop *s)
{
	const char *status = view_stop_status(s);

	if (s->exception_code != NULL)
		return s->exception_code;
	if (status != NULL && strcmp(status, "cancelled") == 0)
		return "cancelled";
	return s->tech == NULL ? "no_tech" : "not_routed";
}

static void
unplaced_row(FILE *f, const struct view_stop *s)
{
	fputs("<tr class=\"unplaced\" data-job=\"", f);
	view_html_escape(f, s->id);
	fputs("\"><td class=\"code\">", f);
	view_html_escape(f, s->id);
	fprintf(f, "</td><td><span class=\"badge p%ld\">P%ld</span></td><td>", s->priority ? s->priority : 3,
	    s->priority ? s->priority : 3);
	view_html_escape(f, s->type);
	fputs("</td><td>", f);
	view_html_escape(f, s->customer_name);
	fputs("<br><span class=\"muted\">", f);
	view_html_escape(f, s->address);
	fputs("</span></td><td>", f);
	view_html_escape(f, s->exception_message != NULL ? s->exception_message
	    : "no tech and no exception: run it through fsd-match and fsd-route");
	fputs("</td></tr>\n", f);
}

static void
unplaced(FILE *f, const struct view_plan *p, size_t count)
{
	const char **codes = xcalloc(p->nstops + 1, sizeof *codes);
	size_t ncodes = 0;

	fprintf(f, "<section id=\"unplaced\"><h2>Not placed (%zu)</h2>\n", count);
	if (count == 0)
		fputs("<p class=\"none\">Every job is on a tech's day.</p>", f);
	for (size_t i = 0; i < p->nstops; i++) {
		const struct view_stop *s = &p->stops[i];
		const char *code;
		size_t k;

		if (s->placed || s->kind != VIEW_JOB)
			continue;
		code = unplaced_code(s);
		for (k = 0; k < ncodes && strcmp(codes[k], code) != 0; k++)
			;
		if (k == ncodes)
			codes[ncodes++] = code;
	}
	for (size_t k = 0; k < ncodes; k++) {
		size_t n = 0;

		for (size_t i = 0; i < p->nstops; i++)
			n += !p->stops[i].placed && p->stops[i].kind == VIEW_JOB
			    && strcmp(unplaced_code(&p->stops[i]), codes[k]) == 0;
		fputs("<h3 class=\"code\">", f);
		view_html_escape(f, codes[k]);
		fprintf(f, " <span class=\"muted\">(%zu)</span></h3>\n<table><thead><tr><th>job</th>"
		    "<th>priority</th><th>type</th><th>customer, site</th><th>why</th></tr></thead><tbody>\n", n);
		for (size_t i = 0; i < p->nstops; i++)
			if (!p->stops[i].placed && p->stops[i].kind == VIEW_JOB
			    && strcmp(unplaced_code(&p->stops[i]), codes[k]) == 0)
				unplaced_row(f, &p->stops[i]);
		fputs("</tbody></table>\n", f);
	}
	fputs("</section>\n", f);
	free(codes);
}

static void
alerts(FILE *f, const struct view_plan *p)
{
	fprintf(f, "<section id=\"alerts\"><h2>Alerts (%zu)</h2>\n", p->nalerts);
	if (p->nalerts == 0) {
		fputs("<p class=\"none\">No alerts.</p></section>\n", f);
		return;
	}
	fputs("<table><thead><tr><th>at</th><th>alert</th><th>tech</th><th>job</th><th>what to do</th>"
	    "</tr></thead><tbody>\n", f);
	for (size_t i = 0; i < p->nalerts; i++) {
		const struct view_alert *a = &p->alerts[i];
		char hhmm[VIEW_HHMM_LEN];
		int t = -1;

		for (size_t k = 0; a->tech != NULL && k < p->ntechs; k++)
			if (strcmp(p->techs[k].id, a->tech) == 0)
				t = (int)k;
		fputs("<tr class=\"alert\" data-alert=\"", f);
		view_html_escape(f, a->code);
		fprintf(f, "\"><td>%s</td><td class=\"code\">", a->has_at ? view_hhmm(&a->at, hhmm) : "");
		view_html_escape(f, a->code);
		fputs("</td><td>", f);
		view_html_escape(f, t >= 0 ? view_tech_label(&p->techs[t]) : a->tech);
		fputs("</td><td class=\"code\">", f);
		view_html_escape(f, a->job);
		fputs("</td><td>", f);
		view_html_escape(f, a->message);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></section>\n", f);
}

struct totals {
	size_t techs_out, placed, unplaced, late, done, moved;
	double km;
	long long invoiced;
	const char *currency;
};

static void
count(const struct view_plan *p, struct totals *tot)
{
	memset(tot, 0, sizeof *tot);
	for (size_t t = 0; t < p->ntechs; t++)
		for (size_t i = 0; i < p->nstops; i++)
			if (p->stops[i].placed && p->stops[i].tech_index == (int)t) {
				tot->techs_out++;
				break;
			}
	for (size_t i = 0; i < p->nstops; i++) {
		const struct view_stop *s = &p->stops[i];
		const char *status = view_stop_status(s);

		if (s->placed)
			tot->km += s->drive_km;
		if (s->kind != VIEW_JOB)
			continue;
		if (s->placed)
			tot->placed++;
		else
			tot->unplaced++;
		tot->late += s->late;
		tot->moved += s->eta_changed;
		tot->done += status != NULL && (strcmp(status, "completed") == 0 || strcmp(status, "done") == 0);
		if (s->invoice_number != NULL) {
			tot->invoiced += s->invoice_total;
			tot->currency = s->invoice_currency;
		}
	}
}

static void
header(FILE *f, const struct view_plan *p, const struct view_board_options *o, const struct totals *tot)
{
	const struct fsd_time *ref = reference_time(p);
	char day[VIEW_DAY_LEN], zone[16], hhmm[VIEW_HHMM_LEN], money[FSD_MONEY_LEN];

	fputs("<header class=\"top\"><h1>Dispatch board</h1><p>", f);
	if (ref != NULL)
		fprintf(f, "%s · times in %s", view_day_words(ref, day), view_zone(ref, zone));
	if (o->has_now) {
		struct fsd_time now = o->now;

		if (ref != NULL)
			now.offset_minutes = ref->offset_minutes;
		fprintf(f, " · now %s", view_hhmm(&now, hhmm));
	}
	fprintf(f, "</p><ul class=\"kpis\"><li><b>%zu</b>/%zu techs out</li><li><b>%zu</b> jobs placed</li>"
	    "<li%s><b>%zu</b> not placed</li><li%s><b>%zu</b> late for SLA</li>", tot->techs_out, p->ntechs,
	    tot->placed, tot->unplaced ? " class=\"bad\"" : "", tot->unplaced, tot->late ? " class=\"bad\"" : "",
	    tot->late);
	if (tot->moved)
		fprintf(f, "<li><b>%zu</b> moved</li>", tot->moved);
	if (tot->done)
		fprintf(f, "<li><b>%zu</b> done</li>", tot->done);
	fprintf(f, "<li%s><b>%zu</b> alerts</li><li><b>%.0f</b> km to the stops</li>",
	    p->nalerts ? " class=\"bad\"" : "", p->nalerts, tot->km);
	if (tot->currency != NULL) {
		int exponent = fsd_currency_exponent(tot->currency);

		fprintf(f, "<li><b>%s</b> ", fsd_money_format(tot->invoiced, exponent < 0 ? 2 : exponent, money));
		view_html_escape(f, tot->currency);
		fputs(" invoiced</li>", f);
	}
	fputs("</ul></header>\n<nav><a href=\"#timeline\">Timeline</a><a href=\"#alerts\">Alerts</a>"
	    "<a href=\"#unplaced\">Not placed</a><a href=\"#map\">Map</a></nav>\n<main>\n", f);
}

void
view_board_write(FILE *f, const struct view_plan *p, const struct view_board_options *o)
{
	const struct fsd_time *ref = reference_time(p);
	char day[FSD_DATE_LEN], *title;
	struct totals tot;

	count(p, &tot);
	title = xasprintf("Dispatch board %s", ref != NULL ? view_local_date(ref, day) : "");
	view_html_begin(f, title);
	free(title);
	header(f, p, o, &tot);
	timeline(f, p, o);
	alerts(f, p);
	unplaced(f, p, tot.unplaced);
	fputs("<section id=\"map\"><h2>Map</h2>\n", f);
	view_map_svg(f, p);
	fputs("</section>\n</main>\n", f);
	view_html_end(f);
}
