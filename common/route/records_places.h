/* Where jobs and techs are, and the drive between them. A place is
 * {lat, lon} (haversine times a road factor at an average speed,
 * common/geo.h), planar {x, y} (benchmark instances: the exact Euclidean
 * distance, and one unit of distance takes one minute), or, with a travel
 * matrix from a road router, the record's location_index into it. One
 * kind per run. */
#ifndef FSD_ROUTE_RECORDS_PLACES_H
#define FSD_ROUTE_RECORDS_PLACES_H

#include <stddef.h>
#include <jansson.h>

#include "err.h"
#include "geo.h"
#include "route.h"

enum route_place_kind { ROUTE_PLACE_UNSET, ROUTE_PLACE_LATLON, ROUTE_PLACE_PLANAR,
	ROUTE_PLACE_INDEX };

struct route_places {
	enum route_place_kind kind;
	int n;
	size_t cap;
	double *a, *b;		/* lat, lon or x, y of place i */
	/* A router's matrix (--matrix), minutes and km, size x size. */
	int size;
	double *minutes, *km;
};

/* Read an OSRM table response ({"durations": [[s...]], "distances":
 * [[m...]]}, null = no road) as the run's travel matrix; dies with the
 * file's name on a bad one. Without distances, km follow from the
 * durations at the travel model's speed. */
void route_places_load_matrix(struct route_places *pl, const char *path,
    const struct fsd_travel *travel);

/* The place at path in record ({lat, lon} or {x, y}), or with a matrix
 * the location_index at index_path: its location number into *loc.
 * Returns FSD_FIELD_OK, _ABSENT or _BAD (reported at pos). */
int route_places_read(struct route_places *pl, const json_t *record, const char *path,
    const char *index_path, int *loc, const struct fsd_pos *pos);

/* Fill the instance's matrices (the instance has nlocs = route_places_count). */
int route_places_count(const struct route_places *pl);
void route_places_fill(const struct route_places *pl, struct route_instance *in,
    const struct fsd_travel *travel);

void route_places_free(struct route_places *pl);

#endif
