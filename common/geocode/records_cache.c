/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The cache file, one answer a line:
 *     {"address":"1420 S Clayton St, Denver, CO 80210","lat":39.6897,"lon":-104.94}
 *     {"address":"nowhere at all","found":false}
 * keyed by the address in lower case with its spaces collapsed, so
 * "1420 S Clayton St" and "1420 s clayton st " are asked once. A miss is
 * kept too: asking again would give the same no. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "field.h"
#include "geocode/geocode.h"
#include "output.h"
#include "record.h"
#include "statefile.h"
#include "xalloc.h"

static char *
cache_key(const char *address)
{
	char *key = xmalloc(strlen(address) + 1), *k = key;
	int space = 0;

	for (const char *p = address; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = k > key;
			continue;
		}
		if (space)
			*k++ = ' ';
		space = 0;
		*k++ = (char)tolower((unsigned char)*p);
	}
	*k = '\0';
	return key;
}

void
geocode_cache_open(struct geocode_cache *c, const char *path, int lock)
{
	long *lines = NULL;
	json_t *list, *entry;
	size_t i;

	c->path = xstrdup(path);
	c->by_key = json_object();
	c->changed = 0;
	c->lock_fd = lock ? fsd_lock(path) : -1;
	if (access(path, F_OK) != 0)
		return;
	list = fsd_load_records(path, &lines);
	json_array_foreach(list, i, entry) {
		struct fsd_pos pos = { path, lines[i] };
		const char *address;
		double lat, lon;
		int found = 1;
		char *key;

		if (fsd_field_string(entry, "address", &address, &pos) != FSD_FIELD_OK
		    || fsd_field_bool(entry, "found", &found, &pos) == FSD_FIELD_BAD
		    || (found && (fsd_field_number(entry, "lat", &lat, &pos) != FSD_FIELD_OK
		    || fsd_field_number(entry, "lon", &lon, &pos) != FSD_FIELD_OK)))
			fsd_die_at(FSD_EXIT_DATA, &pos, "not a cached answer: {\"address\", \"lat\", \"lon\"} "
			    "or {\"address\", \"found\": false}");
		key = cache_key(address);
		json_object_set(c->by_key, key, entry);
		free(key);
	}
	json_decref(list);
	free(lines);
}

int
geocode_cache_get(const struct geocode_cache *c, const char *address,
    struct geocode_answer *out)
{
	char *key = cache_key(address);
	json_t *entry = json_object_get(c->by_key, key);

	free(key);
	if (entry == NULL)
		return 0;
	out->found = !json_is_false(json_object_get(entry, "found"));
	out->lat = json_number_value(json_object_get(entry, "lat"));
	out->lon = json_number_value(json_object_get(entry, "lon"));
	return 1;
}

void
geocode_cache_put(struct geocode_cache *c, const char *address, const struct geocode_answer *a)
{
	char *key = cache_key(address);

	json_object_set_new(c->by_key, key, a->found
	    ? json_pack("{s:s,s:f,s:f}", "address", address, "lat", a->lat, "lon", a->lon)
	    : json_pack("{s:s,s:b}", "address", address, "found", 0));
	free(key);
	c->changed = 1;
}

void
geocode_cache_close(struct geocode_cache *c)
{
	const char *key;
	json_t *entry;

	if (c->changed) {
		struct fsd_replace r;
		FILE *f = fsd_replace_begin(&r, c->path);

		json_object_foreach(c->by_key, key, entry)
			fsd_emit_to(f, entry);
		fsd_replace_commit(&r);
	}
	fsd_unlock(c->lock_fd);
	json_decref(c->by_key);
	free(c->path);
}
