/* Distances between places, on the unit sphere: the straight line
 * scaled by the road factor, and the drive it takes (common/geo.h). */
#include <math.h>

#include "match.h"

void
match_unit_vector(double lat, double lon, double xyz[3])
{
	double phi = lat * (M_PI / 180), lambda = lon * (M_PI / 180);

	xyz[0] = cos(phi) * cos(lambda);
	xyz[1] = cos(phi) * sin(lambda);
	xyz[2] = sin(phi);
}

/* The great-circle distance is the haversine's, written through the
 * chord c between the two unit vectors: hav(theta) = c^2 / 4, so
 * theta = 2 asin(c / 2). Exact, not an approximation; the trigonometry
 * is done once per place instead of once per pair. */
double
match_road_km(const struct match_day *day, const double a[3], const double b[3])
{
	double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
	double half_chord = sqrt(dx * dx + dy * dy + dz * dz) / 2;

	return 2 * FSD_EARTH_RADIUS_KM * asin(half_chord < 1 ? half_chord : 1)
	    * day->travel.road_factor;
}

double
match_drive(const struct match_day *day, const double a[3], const double b[3])
{
	return fsd_travel_minutes(&day->travel, match_road_km(day, a, b));
}
