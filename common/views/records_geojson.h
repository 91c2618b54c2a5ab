/* A plan as GeoJSON (RFC 7946): a FeatureCollection of each tech's route
 * a day as a LineString (home, stops in driving order, home), a Point a
 * stop with its properties, the homes, and the jobs not placed. */
#ifndef FSD_VIEWS_RECORDS_GEOJSON_H
#define FSD_VIEWS_RECORDS_GEOJSON_H

#include <jansson.h>

#include "views/plan.h"

/* The collection; caller decrefs. */
json_t *view_geojson(const struct view_plan *p);

#endif
