/* RFC 7946 from a plan. The rules that matter to a reader: positions are
 * [longitude, latitude] (§3.1.1), in WGS 84 with no "crs" member (§4); a
 * LineString has two positions or more (§3.1.4); six decimals are about
 * 10 cm, all a street address needs (§11.2). Styling properties follow
 * the simplestyle convention geojson.io and many web maps read
 * ("stroke", "marker-color"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "xalloc.h"
#include "views/records_geojson.h"

static json_t *
position(double lat, double lon)
{
	return json_pack("[f,f]", round(lon * 1e6) / 1e6, round(lat * 1e6) / 1e6);
}

static json_t *
feature(json_t *geometry, json_t *properties)
{
	return json_pack("{s:s, s:o, s:o}", "type", "Feature", "geometry", geometry,
	    "properties", properties);
}

static json_t *
point(double lat, double lon)
{
	return json_pack("{s:s, s:o}", "type", "Point", "coordinates", position(lat, lon));
}

/* Copy the record's field (any JSON) into properties under the same name. */
static void
copy(json_t *properties, const json_t *record, const char *key)
{
	json_t *v = json_object_get(record, key);

	if (v != NULL && !json_is_null(v))
		json_object_set(properties, key, v);
}

static json_t *
stop_feature(const struct view_plan *p, const struct view_stop *s)
{
	static const char *const job_keys[] = {
		"id", "tech", "seq", "type", "priority", "customer", "arrive", "start", "end",
		"eta_window", "drive", "status", "late", "eta_changed", "exception", NULL
	};
	static const char *const pickup_keys[] = {
		"for", "tech", "location", "skus", "arrive", "depart", "drive", NULL
	};
	const char *const *keys = s->kind == VIEW_PICKUP ? pickup_keys : job_keys;
	json_t *props = json_object();

	json_object_set_new(props, "kind", json_string(s->kind == VIEW_PICKUP ? "pickup"
	    : s->placed ? "stop" : "unplaced"));
	for (size_t i = 0; keys[i] != NULL; i++)
		copy(props, s->record, keys[i]);
	if (s->address != NULL)
		json_object_set_new(props, "address", json_string(s->address));
	if (s->has_site)
		json_object_set_new(props, "marker-color", json_string(s->placed
	    ? p->techs[s->tech_index].color : "#777777"));
	/* A job with no site is still in the collection: a Feature may have
	 * a null geometry (§3.2), so nothing in the plan is left out. */
	return feature(s->has_site ? point(s->lat, s->lon) : json_null(), props);
}

/* One LineString a tech and local day, home to home when the home is known. */
static void
add_routes(json_t *features, const struct view_plan *p, int t)
{
	const struct view_tech *tech = &p->techs[t];
	const struct view_stop **route;
	size_t n = view_plan_route(p, t, &route);

	for (size_t first = 0; first < n; ) {
		char day[FSD_DATE_LEN], other[FSD_DATE_LEN];
		json_t *line = json_array();
		size_t last = first, stops = 0;
		double km = 0;

		view_local_date(&route[first]->start, day);
		while (last < n && strcmp(view_local_date(&route[last]->start, other), day) == 0)
			last++;
		if (tech->has_home)
			json_array_append_new(line, position(tech->home_lat, tech->home_lon));
		for (size_t i = first; i < last; i++) {
			if (!route[i]->has_site)
				continue;
			json_array_append_new(line, position(route[i]->lat, route[i]->lon));
			km += route[i]->drive_km;
			stops += route[i]->kind == VIEW_JOB;
		}
		if (tech->has_home)
			json_array_append_new(line, position(tech->home_lat, tech->home_lon));
		if (json_array_size(line) >= 2)
			json_array_append_new(features, feature(
			    json_pack("{s:s, s:o}", "type", "LineString", "coordinates", line),
			    json_pack("{s:s, s:s, s:s, s:s, s:I, s:f, s:s, s:i}", "kind", "route",
			    "tech", tech->id, "name", view_tech_label(tech), "day", day,
			    "stops", (json_int_t)stops, "drive_km", round(km * 1000) / 1000,
			    "stroke", tech->color, "stroke-width", 3)));
		else
			json_decref(line);
		first = last;
	}
	free(route);
}

json_t *
view_geojson(const struct view_plan *p)
{
	json_t *features = json_array();

	for (size_t t = 0; t < p->ntechs; t++)
		add_routes(features, p, (int)t);
	for (size_t t = 0; t < p->ntechs; t++)
		if (p->techs[t].has_home)
			json_array_append_new(features, feature(
			    point(p->techs[t].home_lat, p->techs[t].home_lon),
			    json_pack("{s:s, s:s, s:s, s:s}", "kind", "home", "tech", p->techs[t].id,
			    "name", view_tech_label(&p->techs[t]), "marker-color", p->techs[t].color)));
	for (size_t i = 0; i < p->nstops; i++)
		json_array_append_new(features, stop_feature(p, &p->stops[i]));
	return json_pack("{s:s, s:o}", "type", "FeatureCollection", "features", features);
}
