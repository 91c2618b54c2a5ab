/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-geocode: fill site.lat/lon (and a tech's home.lat/lon) from the
 * address, through a Nominatim-compatible search API, every answer kept
 * in a cache file (common/geocode/). A place that is not found, or is
 * found far from the service area, is an exception on the record, never
 * a guess: a job sent to the wrong town costs a morning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "geocode/geocode.h"

static const char *server, *cache_path, *near_text, *within_text;
static double interval_seconds;
static int offline;

static const struct fsd_option options[] = {
	{ 's', "server", "URL", "a Nominatim-compatible search server (http://host:port)", NULL, &server },
	{ 'c', "cache", "FILE", "answers kept here, so an address is asked once ever", NULL, &cache_path },
	{ 0, "offline", NULL, "use the cache only: ask no server", &offline, NULL },
	{ 0, "interval", "SECONDS", "at least this long between requests",
	  .type = FSD_OPT_DECIMAL, .number = &interval_seconds, .min = 0, .max = 3600, .def = 1 },
	{ 0, "near", "LAT,LON", "the service area's centre", NULL, &near_text },
	/* Text, read in parse_area: it has no default, only a partner, --near. */
	{ 0, "within", "KM", "a place farther than KM from --near is an exception", NULL, &within_text },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-geocode",
	"(--server URL | --offline) --cache FILE [--interval SECONDS] [--near LAT,LON --within KM] [FILE ...]",
	"fill places' lat and lon from their addresses",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct geocode_http *http;
	struct geocode_cache cache;
	int have_area;
	double near_lat, near_lon, within_km;
};

/* The answer for an address: from the cache, else from the server (and
 * then kept). Returns 0, or -1 with an exception set on rec. */
static int
answer_for(struct run *run, json_t *rec, const char *address, struct geocode_answer *a,
    const struct fsd_pos *pos)
{
	char err[512], *url, *body;
	int found;

	if (geocode_cache_get(&run->cache, address, a))
		return 0;
	if (offline) {
		fsd_set_exception(rec, "geocode_offline", "\"%s\" is not in %s "
		    "(run without --offline to ask the server)", address, cache_path);
		return -1;
	}
	url = geocode_search_url(run->http, server, address);
	if (geocode_http_get(run->http, url, &body, err, sizeof err) != 0) {
		fsd_warn_at(pos, "%s: %s", server, err);
		fsd_set_exception(rec, "geocode_failed", "%s: %s", server, err);
		free(url);
		return -1;
	}
	free(url);
	found = geocode_first_match(body, &a->lat, &a->lon, err, sizeof err);
	free(body);
	if (found < 0) {
		fsd_warn_at(pos, "%s: %s", server, err);
		fsd_set_exception(rec, "geocode_failed", "%s: %s", server, err);
		return -1;
	}
	a->found = found;
	geocode_cache_put(&run->cache, address, a);
	return 0;
}

/* One place of the record ("site", "home"): filled when it has an
 * address and no lat/lon. */
static int
fill_place(struct run *run, json_t *rec, const char *name, const struct fsd_pos *pos)
{
	json_t *place = json_object_get(rec, name);
	const char *address = json_string_value(json_object_get(place, "address"));
	struct geocode_answer a;
	double km;

	if (address == NULL || (json_is_number(json_object_get(place, "lat"))
	    && json_is_number(json_object_get(place, "lon"))))
		return 0;
	if (answer_for(run, rec, address, &a, pos) != 0)
		return -1;
	if (!a.found) {
		fsd_set_exception(rec, "geocode_miss", "no place found for \"%s\" (%s.address)",
		    address, name);
		return -1;
	}
	km = run->have_area ? fsd_haversine_km(run->near_lat, run->near_lon, a.lat, a.lon) : 0;
	if (run->have_area && km > run->within_km) {
		fsd_set_exception(rec, "geocode_far", "\"%s\" was found at %.5f,%.5f, %.0f km "
		    "from the service area (--near %s --within %s): not used", address,
		    a.lat, a.lon, km, near_text, within_text);
		return -1;
	}
	json_object_set_new(place, "lat", json_real(a.lat));
	json_object_set_new(place, "lon", json_real(a.lon));
	return 0;
}

static int
per_record(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;

	/* A record that was not found still goes on, with its exception. */
	if (fill_place(run, rec, "site", pos) == 0)
		fill_place(run, rec, "home", pos);
	fsd_emit(rec);
	return 0;
}

static void
parse_area(struct run *run)
{
	char *end;

	if ((near_text == NULL) != (within_text == NULL))
		fsd_usage_error("--near LAT,LON and --within KM go together");
	if (near_text == NULL)
		return;
	run->near_lat = strtod(near_text, &end);
	if (end == near_text || *end != ',')
		fsd_usage_error("--near: \"%s\" is not LAT,LON", near_text);
	run->near_lon = fsd_opt_double("--near", end + 1, -180, 180);
	if (!fsd_latlon_valid(run->near_lat, run->near_lon))
		fsd_usage_error("--near: \"%s\" is not a place", near_text);
	run->within_km = fsd_opt_double("--within", within_text, 0, 20040);
	run->have_area = 1;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };

	if (cache_path == NULL)
		fsd_usage_error("--cache FILE is required");
	if (server == NULL && !offline)
		fsd_usage_error("--server URL is required (or --offline, the cache only)");
	parse_area(&run);
	run.http = offline ? NULL : geocode_http_new(interval_seconds);
	geocode_cache_open(&run.cache, cache_path, !offline);
	fsd_read_records(argc - first, argv + first, per_record, &run);
	geocode_cache_close(&run.cache);
	geocode_http_free(run.http);
	return fsd_finish();
}
