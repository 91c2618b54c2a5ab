/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Places and drive time. Without a road router we estimate: straight-line
 * (great-circle) distance times a road factor -- streets are not straight;
 * 1.3 is the figure usually quoted for urban grids -- driven at an average
 * speed. Both are options of the tools that drive (--road-factor, --speed),
 * and fsd-route also takes a real matrix from a router. */
#ifndef FSD_GEO_H
#define FSD_GEO_H

#define FSD_EARTH_RADIUS_KM 6371.0088	/* mean radius (IUGG) */

double fsd_haversine_km(double lat1, double lon1, double lat2, double lon2);

struct fsd_travel {
	double road_factor;	/* road km per straight-line km */
	double speed_kmh;	/* average speed, stops and lights included */
};

#define FSD_ROAD_FACTOR_DEFAULT 1.3
#define FSD_SPEED_KMH_DEFAULT 40.0
#define FSD_TRAVEL_DEFAULT ((struct fsd_travel){ FSD_ROAD_FACTOR_DEFAULT, FSD_SPEED_KMH_DEFAULT })

/* Road km and drive minutes between two lat/lon places. */
double fsd_travel_km(const struct fsd_travel *t, double lat1, double lon1,
    double lat2, double lon2);
double fsd_travel_minutes(const struct fsd_travel *t, double road_km);

/* The option-table rows (common/opt.h) of --road-factor and --speed, for
 * every tool that drives, filling the struct fsd_travel t. */
#define FSD_TRAVEL_OPTIONS(t) \
	{ 0, "road-factor", "X", "road km per straight-line km", .type = FSD_OPT_DECIMAL, \
	  .number = &(t).road_factor, .min = 1, .max = 10, .def = FSD_ROAD_FACTOR_DEFAULT }, \
	{ 0, "speed", "KMH", "average driving speed in km/h", .type = FSD_OPT_DECIMAL, \
	  .number = &(t).speed_kmh, .min = 1, .max = 200, .def = FSD_SPEED_KMH_DEFAULT }

/* Is (lat, lon) a real place? */
int fsd_latlon_valid(double lat, double lon);

#endif
