/* Reading places and the travel matrix as records_places.h says. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "record.h"
#include "records_places.h"
#include "xalloc.h"

static const char *const kind_name[] = { "", "{lat, lon}", "{x, y}", "a location_index" };

/* One row of the OSRM table: numbers, null for no road. */
static void
read_row(const char *path, const char *name, json_t *row, int i, int size, double scale,
    double *out)
{
	if (!json_is_array(row) || (int)json_array_size(row) != size)
		fsd_die(FSD_EXIT_DATA, "%s: \"%s\" row %d must be an array of %d entries", path, name, i, size);
	for (int j = 0; j < size; j++) {
		json_t *v = json_array_get(row, j);

		if (json_is_null(v))
			out[j] = ROUTE_NO_ROAD;
		else if (json_is_number(v) && json_number_value(v) >= 0)
			out[j] = json_number_value(v) * scale;
		else
			fsd_die(FSD_EXIT_DATA, "%s: \"%s\"[%d][%d] must be a number of at least 0 or null",
			    path, name, i, j);
	}
}

void
route_places_load_matrix(struct route_places *pl, const char *path,
    const struct fsd_travel *travel)
{
	json_t *doc = fsd_load_json_object(path);
	json_t *durations = json_object_get(doc, "durations");
	json_t *distances = json_object_get(doc, "distances");
	json_t *code = json_object_get(doc, "code");
	int size;

	if (json_is_string(code) && strcmp(json_string_value(code), "Ok") != 0)
		fsd_die(FSD_EXIT_DATA, "%s: the router answered \"%s\", not \"Ok\"", path, json_string_value(code));
	if (!json_is_array(durations) || json_array_size(durations) == 0)
		fsd_die(FSD_EXIT_DATA, "%s: \"durations\" must be a non-empty array of rows", path);
	if (distances != NULL && !json_is_null(distances)
	    && (!json_is_array(distances) || json_array_size(distances) != json_array_size(durations)))
		fsd_die(FSD_EXIT_DATA, "%s: \"distances\" must have as many rows as \"durations\"", path);
	size = (int)json_array_size(durations);
	pl->kind = ROUTE_PLACE_INDEX;
	pl->size = size;
	pl->minutes = xmalloc((size_t)size * size * sizeof *pl->minutes);
	pl->km = xmalloc((size_t)size * size * sizeof *pl->km);
	for (int i = 0; i < size; i++) {
		/* The router gives seconds and metres. */
		read_row(path, "durations", json_array_get(durations, i), i, size, 1 / 60.0,
		    pl->minutes + (size_t)i * size);
		if (json_is_array(distances)) {
			read_row(path, "distances", json_array_get(distances, i), i, size, 1 / 1000.0,
			    pl->km + (size_t)i * size);
			continue;
		}
		for (int j = 0; j < size; j++) {
			double m = pl->minutes[(size_t)i * size + j];
			pl->km[(size_t)i * size + j] = m >= ROUTE_NO_ROAD ? ROUTE_NO_ROAD
			    : m * travel->speed_kmh / 60.0;
		}
	}
	json_decref(doc);
}

static int
read_index(struct route_places *pl, const json_t *record, const char *index_path, int *loc,
    const struct fsd_pos *pos)
{
	long long i;
	int r = fsd_field_int(record, index_path, &i, pos);

	if (r != FSD_FIELD_OK)
		return r;
	if (i < 0 || i >= pl->size)
		return fsd_field_fail(pos, "\"%s\" must be from 0 to %d (the matrix's size), not %lld",
		    index_path, pl->size - 1, i);
	*loc = (int)i;
	return FSD_FIELD_OK;
}

int
route_places_read(struct route_places *pl, const json_t *record, const char *path,
    const char *index_path, int *loc, const struct fsd_pos *pos)
{
	json_t *place = fsd_field(record, path);
	enum route_place_kind kind;
	char lat_path[64], lon_path[64];
	double a, b;
	int r;

	if (pl->kind == ROUTE_PLACE_INDEX)
		return read_index(pl, record, index_path, loc, pos);
	if (place == NULL || json_is_null(place))
		return FSD_FIELD_ABSENT;
	if (!json_is_object(place))
		return fsd_field_fail(pos, "\"%s\" must be an object {lat, lon} or {x, y}", path);
	kind = json_object_get(place, "x") != NULL ? ROUTE_PLACE_PLANAR : ROUTE_PLACE_LATLON;
	snprintf(lat_path, sizeof lat_path, "%s.%s", path, kind == ROUTE_PLACE_PLANAR ? "x" : "lat");
	snprintf(lon_path, sizeof lon_path, "%s.%s", path, kind == ROUTE_PLACE_PLANAR ? "y" : "lon");
	if ((r = fsd_field_number(record, lat_path, &a, pos)) != FSD_FIELD_OK
	    || (r = fsd_field_number(record, lon_path, &b, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT
		    ? fsd_field_fail(pos, "\"%s\" must have both %s", path,
		    kind == ROUTE_PLACE_PLANAR ? "x and y" : "lat and lon")
		    : r;
	if (kind == ROUTE_PLACE_LATLON && !fsd_latlon_valid(a, b))
		return fsd_field_fail(pos, "\"%s\" is not a place on earth (%g, %g)", path, a, b);
	if (kind == ROUTE_PLACE_PLANAR && !(isfinite(a) && isfinite(b)))
		return fsd_field_fail(pos, "\"%s\" must have finite x and y", path);
	if (pl->kind == ROUTE_PLACE_UNSET)
		pl->kind = kind;
	if (pl->kind != kind)
		return fsd_field_fail(pos, "\"%s\" is %s but earlier places were %s", path,
		    kind_name[kind], kind_name[pl->kind]);
	pl->a = xgrow(pl->a, &pl->cap, pl->n + 1, sizeof *pl->a);
	pl->b = xrealloc(pl->b, pl->cap * sizeof *pl->b);
	pl->a[pl->n] = a;
	pl->b[pl->n] = b;
	*loc = pl->n++;
	return FSD_FIELD_OK;
}

int
route_places_count(const struct route_places *pl)
{
	return pl->kind == ROUTE_PLACE_INDEX ? pl->size : pl->n;
}

void
route_places_fill(const struct route_places *pl, struct route_instance *in,
    const struct fsd_travel *travel)
{
	size_t n = route_places_count(pl);

	if (pl->kind == ROUTE_PLACE_INDEX) {
		memcpy(in->minutes, pl->minutes, n * n * sizeof *in->minutes);
		memcpy(in->km, pl->km, n * n * sizeof *in->km);
		return;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double km, minutes;

			if (pl->kind == ROUTE_PLACE_PLANAR) {
				/* The benchmark convention: exact, unrounded. */
				km = minutes = hypot(pl->a[i] - pl->a[j], pl->b[i] - pl->b[j]);
			} else {
				km = fsd_travel_km(travel, pl->a[i], pl->b[i], pl->a[j], pl->b[j]);
				minutes = fsd_travel_minutes(travel, km);
			}
			in->km[i * n + j] = km;
			in->minutes[i * n + j] = minutes;
		}
}

void
route_places_free(struct route_places *pl)
{
	free(pl->a);
	free(pl->b);
	free(pl->minutes);
	free(pl->km);
}
