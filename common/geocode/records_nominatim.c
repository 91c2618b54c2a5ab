/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Nominatim's search API (nominatim.org/release-docs/latest/api/Search/):
 * GET /search?q=...&format=jsonv2&limit=1 answers a JSON array of
 * places, best first, each with "lat" and "lon" as strings. Photon and
 * other servers that speak it answer the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "geocode/geocode.h"
#include "xalloc.h"

char *
geocode_search_url(struct geocode_http *h, const char *base, const char *address)
{
	size_t len = strlen(base);
	char *q = geocode_http_escape(h, address), *url;

	while (len > 0 && base[len - 1] == '/')
		len--;
	url = xasprintf("%.*s/search?format=jsonv2&limit=1&q=%s", (int)len, base, q);
	free(q);
	return url;
}

/* "39.7" or 39.7. */
static int
coordinate(const json_t *v, double *out)
{
	char *end;

	if (json_is_number(v)) {
		*out = json_number_value(v);
		return 0;
	}
	if (!json_is_string(v))
		return -1;
	*out = strtod(json_string_value(v), &end);
	return end == json_string_value(v) || *end != '\0' ? -1 : 0;
}

int
geocode_first_match(const char *body, double *lat, double *lon, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *answer = json_loads(body, 0, &jerr), *first;
	int result = -1;

	if (answer == NULL) {
		snprintf(err, errlen, "the answer is not JSON: %s", jerr.text);
		return -1;
	}
	if (!json_is_array(answer))
		snprintf(err, errlen, "the answer is not a list of places");
	else if ((first = json_array_get(answer, 0)) == NULL)
		result = 0;
	else if (coordinate(json_object_get(first, "lat"), lat) != 0
	    || coordinate(json_object_get(first, "lon"), lon) != 0)
		snprintf(err, errlen, "the first place has no lat and lon");
	else
		result = 1;
	json_decref(answer);
	return result;
}
