/* The map, drawn as inline SVG so the page needs no tile server: an
 * equirectangular projection with longitude scaled by the cosine of the
 * middle latitude, which keeps a city's shapes true to within a fraction
 * of a percent (a day's area is tens of km, not thousands). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "views/board.h"
#include "views/html.h"

#define MAP_WIDTH 1000.0
#define MAP_MARGIN 24.0

struct frame {
	double min_lat, max_lat, min_lon, max_lon, scale, height;
	double kx;		/* cos(middle latitude) */
};

static void
take(struct frame *fr, double lat, double lon)
{
	if (lat < fr->min_lat) fr->min_lat = lat;
	if (lat > fr->max_lat) fr->max_lat = lat;
	if (lon < fr->min_lon) fr->min_lon = lon;
	if (lon > fr->max_lon) fr->max_lon = lon;
}

static int
frame_of(const struct view_plan *p, struct frame *fr)
{
	double w, h;

	fr->min_lat = fr->min_lon = HUGE_VAL;
	fr->max_lat = fr->max_lon = -HUGE_VAL;
	for (size_t t = 0; t < p->ntechs; t++)
		if (p->techs[t].has_home)
			take(fr, p->techs[t].home_lat, p->techs[t].home_lon);
	for (size_t i = 0; i < p->nstops; i++)
		if (p->stops[i].has_site)
			take(fr, p->stops[i].lat, p->stops[i].lon);
	if (fr->min_lat > fr->max_lat)
		return 0;
	fr->kx = cos((fr->min_lat + fr->max_lat) / 2 * M_PI / 180);
	w = (fr->max_lon - fr->min_lon) * fr->kx;
	h = fr->max_lat - fr->min_lat;
	if (w < 1e-6) w = 1e-6;
	if (h < 1e-6) h = 1e-6;
	fr->scale = (MAP_WIDTH - 2 * MAP_MARGIN) / w;
	/* Tall areas are kept within the width's scale times 0.75. */
	if (h * fr->scale > (MAP_WIDTH - 2 * MAP_MARGIN) * 0.75)
		fr->scale = (MAP_WIDTH - 2 * MAP_MARGIN) * 0.75 / h;
	fr->height = h * fr->scale + 2 * MAP_MARGIN;
	return 1;
}

static double
x_of(const struct frame *fr, double lon)
{
	return MAP_MARGIN + (lon - fr->min_lon) * fr->kx * fr->scale;
}

static double
y_of(const struct frame *fr, double lat)
{
	return MAP_MARGIN + (fr->max_lat - lat) * fr->scale;
}

static void
route_line(FILE *f, const struct view_plan *p, const struct frame *fr, int t)
{
	const struct view_tech *tech = &p->techs[t];
	const struct view_stop **route;
	size_t n = view_plan_route(p, t, &route);

	if (n > 0) {
		fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" stroke-opacity=\".85\" "
		    "stroke-linejoin=\"round\" points=\"", tech->color);
		if (tech->has_home)
			fprintf(f, "%.1f,%.1f ", x_of(fr, tech->home_lon), y_of(fr, tech->home_lat));
		for (size_t i = 0; i < n; i++)
			if (route[i]->has_site)
				fprintf(f, "%.1f,%.1f ", x_of(fr, route[i]->lon), y_of(fr, route[i]->lat));
		if (tech->has_home)
			fprintf(f, "%.1f,%.1f", x_of(fr, tech->home_lon), y_of(fr, tech->home_lat));
		fputs("\"><title>", f);
		view_html_printf(f, "%s (%s)", view_tech_label(tech), tech->id);
		fputs("</title></polyline>\n", f);
	}
	for (size_t i = 0, number = 0; i < n; i++) {
		const struct view_stop *s = route[i];

		if (s->kind == VIEW_JOB)
			number++;
		if (!s->has_site)
			continue;
		if (s->kind == VIEW_PICKUP) {
			fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"#fff\" stroke=\"%s\" "
			    "stroke-width=\"2\"><title>", x_of(fr, s->lon) - 4.5, y_of(fr, s->lat) - 4.5, tech->color);
			view_html_printf(f, "parts pickup for %s", s->id);
			fputs("</title></rect>\n", f);
			continue;
		}
		fprintf(f, "<g data-job=\"");
		view_html_escape(f, s->id);
		fprintf(f, "\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\">"
		    "<title>", x_of(fr, s->lon), y_of(fr, s->lat), tech->color, s->late ? "#c01c28" : "#fff",
		    s->late ? "2.5" : "1.2");
		view_html_printf(f, "%s %s, %s · %s", s->id, s->type ? s->type : "",
		    s->customer_name ? s->customer_name : "-", view_tech_label(tech));
		fprintf(f, "</title></circle><text x=\"%.1f\" y=\"%.1f\">%zu</text></g>\n",
		    x_of(fr, s->lon), y_of(fr, s->lat), number);
	}
	free(route);
}

void
view_map_svg(FILE *f, const struct view_plan *p)
{
	struct frame fr;

	if (!frame_of(p, &fr)) {
		fputs("<p class=\"none\">No place to draw: no home and no site has lat and lon.</p>\n", f);
		return;
	}
	fprintf(f, "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
	    "role=\"img\" aria-label=\"map of the day's routes\">\n", MAP_WIDTH, fr.height);
	/* Jobs not placed first, so the routes are drawn over them. */
	for (size_t i = 0; i < p->nstops; i++) {
		const struct view_stop *s = &p->stops[i];
		double x, y;

		if (s->placed || s->kind != VIEW_JOB || !s->has_site)
			continue;
		x = x_of(&fr, s->lon);
		y = y_of(&fr, s->lat);
		fprintf(f, "<path data-job=\"");
		view_html_escape(f, s->id);
		fprintf(f, "\" d=\"M%.1f %.1fl6 6l-6 6l-6-6z\" fill=\"#fff\" stroke=\"#6b7785\" stroke-width=\"1.5\">"
		    "<title>", x, y - 6);
		view_html_printf(f, "%s not placed: %s", s->id, s->exception_code ? s->exception_code : "no tech");
		fputs("</title></path>\n", f);
	}
	for (size_t t = 0; t < p->ntechs; t++)
		route_line(f, p, &fr, (int)t);
	for (size_t t = 0; t < p->ntechs; t++) {
		const struct view_tech *tech = &p->techs[t];

		if (!tech->has_home)
			continue;
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"11\" height=\"11\" rx=\"2\" fill=\"%s\" "
		    "stroke=\"#1d2430\" stroke-width=\"1.5\"><title>", x_of(&fr, tech->home_lon) - 5.5,
		    y_of(&fr, tech->home_lat) - 5.5, tech->color);
		view_html_printf(f, "home of %s (%s)", view_tech_label(tech), tech->id);
		fputs("</title></rect>\n", f);
	}
	fputs("</svg>\n<div class=\"legend\"><span>&#9632; home</span><span>&#9679; stop, numbered in order"
	    "</span><span>&#9633; parts pickup</span><span>&#9671; not placed</span>"
	    "<span>red ring: late for SLA</span></div>\n", f);
}
