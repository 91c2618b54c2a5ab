/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Addresses to places through a Nominatim-compatible search API
 * (Nominatim itself, or a shop's own server speaking its /search), with
 * every answer kept in a cache file, so an address is asked once ever
 * and a run can go on with no network at all (--offline).
 *
 * Map of the files (JSON is read and written in the records_* files only):
 *   http.c              one GET with libcurl, at most one a --interval
 *   records_nominatim.c the request's URL and the answer's first match
 *   records_cache.c     the cache file: NDJSON, one answer a line, replaced
 *                       whole through common/statefile.h under its lock */
#ifndef FSD_GEOCODE_GEOCODE_H
#define FSD_GEOCODE_GEOCODE_H

#include <stddef.h>
#include <jansson.h>

/* --- http.c --- */
struct geocode_http;
/* interval_ms: the least time from one request's start to the next's
 * (Nominatim's public servers ask for one a second). */
struct geocode_http *geocode_http_new(double interval_seconds);
void geocode_http_free(struct geocode_http *h);
/* GET url; the body (NUL-ended) in *body, caller frees. Returns 0, or -1
 * with why in err (no connection, an HTTP status other than 200). */
int geocode_http_get(struct geocode_http *h, const char *url, char **body,
    char *err, size_t errlen);
/* A URL-encoded copy of text (caller frees). */
char *geocode_http_escape(struct geocode_http *h, const char *text);

/* --- records_nominatim.c --- */
/* base ("http://127.0.0.1:8080", "https://nominatim.example.org") and an
 * address -> the search URL (caller frees). */
char *geocode_search_url(struct geocode_http *h, const char *base, const char *address);
/* The first match of an answer: 1 and lat/lon set, 0 for no match, -1
 * when body is not a Nominatim answer (why in err). */
int geocode_first_match(const char *body, double *lat, double *lon, char *err, size_t errlen);

/* --- records_cache.c --- */
struct geocode_answer {
	int found;
	double lat, lon;
};

struct geocode_cache {
	char *path;
	json_t *by_key;		/* normalised address -> {"address","lat","lon"} or {"address","found":false} */
	int changed;
	int lock_fd;
};

/* Load the cache (a missing file is an empty cache). To write it, lock:
 * its lock is held until geocode_cache_close; a run that only reads
 * needs none, since the file is only ever replaced whole. Dies (1) on a
 * line that is not an answer. */
void geocode_cache_open(struct geocode_cache *c, const char *path, int lock);
/* 1 and *out when the address was asked before, else 0. */
int geocode_cache_get(const struct geocode_cache *c, const char *address,
    struct geocode_answer *out);
void geocode_cache_put(struct geocode_cache *c, const char *address,
    const struct geocode_answer *a);
/* Write the cache if it changed (whole, or not at all), unlock, free. */
void geocode_cache_close(struct geocode_cache *c);

#endif
