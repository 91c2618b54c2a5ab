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

#define FSD_TRAVEL_DEFAULT ((struct fsd_travel){ 1.3, 40.0 })

/* Road km and drive minutes between two lat/lon places. */
double fsd_travel_km(const struct fsd_travel *t, double lat1, double lon1,
    double lat2, double lon2);
double fsd_travel_minutes(const struct fsd_travel *t, double road_km);

/* Fill a travel model from --road-factor and --speed option texts (NULL
 * keeps the default); a bad value is a usage error. */
struct fsd_travel fsd_travel_from_options(const char *road_factor, const char *speed);

/* Is (lat, lon) a real place? */
int fsd_latlon_valid(double lat, double lon);

#endif
