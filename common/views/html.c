#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "err.h"
#include "xalloc.h"
#include "views/html.h"

void
view_html_escape(FILE *f, const char *s)
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

void
view_html_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	text = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	va_end(ap);
	view_html_escape(f, text);
	free(text);
}

/* One style sheet for the board, the day sheets and the report: system
 * fonts (nothing to fetch), a lane per tech that scrolls sideways on a
 * phone while the names stay put, and print rules that drop the
 * navigation and keep rows whole. */
static const char style[] =
	":root{--ink:#1d2430;--muted:#5f6b7a;--line:#d8dde4;--bg:#f6f7f9}"
	"*{box-sizing:border-box}"
	"body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
	"color:var(--ink);background:var(--bg);margin:0}"
	"header.top{background:#1d2430;color:#fff;padding:.8em 1.2em;display:flex;flex-wrap:wrap;"
	"align-items:baseline;gap:.4em 1.5em}"
	"header.top h1{font-size:1.3em;margin:0}header.top p{margin:0;color:#c9d1dc}"
	"nav{display:flex;gap:1em;padding:.5em 1.2em;background:#fff;border-bottom:1px solid var(--line);"
	"position:sticky;top:0;z-index:5}nav a{color:#1a5fb4;text-decoration:none;font-weight:600}"
	"main{padding:0 1.2em 2em}section{background:#fff;border:1px solid var(--line);border-radius:6px;"
	"margin:1em 0;padding:.8em 1em}h2{font-size:1.1em;margin:.1em 0 .6em}"
	"h3{font-size:1em;margin:1em 0 .3em}"
	".kpis{display:flex;flex-wrap:wrap;gap:.6em;margin:0;padding:0;list-style:none}"
	".kpis li{background:#2c3545;border-radius:4px;padding:.2em .6em}.kpis b{font-size:1.15em}"
	".kpis li.bad{background:#a51d2d}"
	"table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;"
	"border-bottom:1px solid var(--line);vertical-align:top}th{font-size:.85em;color:var(--muted)}"
	"td.n,th.n{text-align:right;white-space:nowrap}.muted{color:var(--muted)}"
	".code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}"
	".scroll{overflow-x:auto}"
	".tl{min-width:60em;position:relative}"
	".axis,.row{display:grid;grid-template-columns:13em 1fr;align-items:stretch}"
	".axis .ticks{position:relative;height:1.6em;border-bottom:1px solid var(--line)}"
	".tick{position:absolute;top:0;transform:translateX(-50%);font-size:.8em;color:var(--muted)}"
	".tick:first-child{transform:none}.tick:last-child{transform:translateX(-100%)}"
	".row{border-bottom:1px solid #eef0f3;min-height:3.2em}"
	".who{position:sticky;left:0;background:#fff;z-index:2;padding:.3em .5em .3em .2em;"
	"border-right:1px solid var(--line)}"
	".who b{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
	".who small{color:var(--muted)}.sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;"
	"margin-right:.3em;vertical-align:-.05em}"
	".lane{position:relative;background:repeating-linear-gradient(90deg,transparent 0,transparent "
	"calc(var(--hour) - 1px),#eef0f3 calc(var(--hour) - 1px),#eef0f3 var(--hour))}"
	".lane>div{position:absolute}"
	".shift{top:.25em;bottom:.25em;background:#f0f4f8;border:1px dashed #c3ccd8;border-radius:3px}"
	".over{top:.25em;bottom:.25em;background:repeating-linear-gradient(45deg,#fde2e2 0 4px,#fff 4px 8px);"
	"border:1px solid #e5a0a0;border-radius:3px}"
	".drive{top:45%;height:10%;background:#9aa5b1;border-radius:2px}"
	".wait{top:48%;height:4%;border-top:2px dotted #9aa5b1}"
	".brk{top:.6em;bottom:.6em;background:repeating-linear-gradient(45deg,#e8e3f3 0 3px,#fff 3px 6px);"
	"border:1px solid #b9aedb;border-radius:3px}"
	".job,.pick{top:.45em;bottom:.45em;border-radius:4px;color:#fff;font-size:.78em;font-weight:600;"
	"padding:.1em .25em;overflow:hidden;white-space:nowrap;box-shadow:inset 0 0 0 1px rgba(0,0,0,.15)}"
	".pick{background:#fff!important;color:var(--ink);border:2px dashed #6b7785;font-weight:400}"
	".job.late{outline:3px solid #c01c28;outline-offset:-1px}"
	".job.moved::after{content:'\\21bb';margin-left:.2em}"
	".st-en_route{background-image:repeating-linear-gradient(90deg,rgba(255,255,255,.35) 0 6px,transparent 6px 12px)}"
	".st-on_site,.st-in_progress{box-shadow:inset 0 0 0 3px #f5c211}"
	".st-completed,.st-done{filter:saturate(.35) brightness(1.05)}"
	".st-completed::before,.st-done::before{content:'\\2713 '}"
	".st-cannot_complete{background:#c01c28!important}.st-cannot_complete::before{content:'\\2717 '}"
	".st-cancelled{background:#9aa5b1!important;text-decoration:line-through}"
	".st-paused{opacity:.6}"
	".now{top:0;bottom:0;width:2px;background:#c01c28;z-index:3}"
	".legend{display:flex;flex-wrap:wrap;gap:.3em 1em;font-size:.85em;color:var(--muted);margin:.3em 0 .6em}"
	".legend span{display:inline-flex;align-items:center;gap:.3em}"
	".legend i{display:inline-block;width:1.6em;height:.9em;border-radius:2px;position:static}"
	".badge{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;font-weight:600;"
	"background:#eef0f3;color:var(--ink)}.badge.p1{background:#c01c28;color:#fff}"
	".badge.p2{background:#f5c211}"
	".alert td:first-child{white-space:nowrap}.none{color:var(--muted);font-style:italic}"
	"svg.map{width:100%;height:auto;max-height:80vh;background:#f8faf7;border:1px solid var(--line);"
	"border-radius:4px}"
	"svg.map text{font:600 9px system-ui,sans-serif;fill:#fff;text-anchor:middle;dominant-baseline:central;"
	"pointer-events:none}"
	".sheet td{font-size:1.05em}.sheet .t{white-space:nowrap;font-weight:600}"
	".sheet tr.aside td{background:#f6f7f9;font-size:.95em}"
	".chart{display:flex;flex-wrap:wrap;gap:1em 2em}.chart figure{margin:0;flex:1 1 22em;max-width:30em}"
	".chart figcaption{font-weight:600;margin-bottom:.3em}"
	"@media (max-width:40em){.axis,.row{grid-template-columns:8em 1fr}header.top h1{font-size:1.1em}}"
	"@media print{body{background:#fff;font-size:11px}nav{display:none}header.top{background:#fff;"
	"color:#000;border-bottom:2px solid #000}header.top p{color:#000}.kpis li{background:#fff;"
	"border:1px solid #000}section{border:none;padding:0;break-inside:avoid-page}"
	".scroll{overflow:visible}.tl{min-width:0}tr{break-inside:avoid}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
	"@page{size:landscape;margin:10mm}";

void
view_html_begin(FILE *f, const char *title)
{
	fputs("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>", f);
	view_html_escape(f, title);
	fprintf(f, "</title>\n<style>%s</style>\n</head><body>\n", style);
}

void
view_html_end(FILE *f)
{
	fputs("</body></html>\n", f);
}

char *
view_day_words(const struct fsd_time *t, char buf[VIEW_DAY_LEN])
{
	static const char *const weekdays[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
	};
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"
	};
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400), year;
	int month, day;

	fsd_civil_from_days(days, &year, &month, &day);
	snprintf(buf, VIEW_DAY_LEN, "%s %d %s %lld", weekdays[fsd_weekday(days) - 1], day,
	    months[month - 1], (long long)year);
	return buf;
}

char *
view_zone(const struct fsd_time *t, char buf[16])
{
	int off = t->offset_minutes < 0 ? -t->offset_minutes : t->offset_minutes;

	snprintf(buf, 16, "UTC%c%02d:%02d", t->offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
	return buf;
}
