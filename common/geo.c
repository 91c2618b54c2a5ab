/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <math.h>
#include <stddef.h>

#include "geo.h"
#include "opt.h"

static double
radians(double degrees)
{
	return degrees * (M_PI / 180.0);
}

double
fsd_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
	double dlat = radians(lat2 - lat1), dlon = radians(lon2 - lon1);
	double a = sin(dlat / 2) * sin(dlat / 2)
	    + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) * sin(dlon / 2);

	/* min() guards asin against rounding a hair above 1 for antipodes. */
	return 2 * FSD_EARTH_RADIUS_KM * asin(fmin(1.0, sqrt(a)));
}

double
fsd_travel_km(const struct fsd_travel *t, double lat1, double lon1, double lat2, double lon2)
{
	return fsd_haversine_km(lat1, lon1, lat2, lon2) * t->road_factor;
}

double
fsd_travel_minutes(const struct fsd_travel *t, double road_km)
{
	return road_km / t->speed_kmh * 60.0;
}

int
fsd_latlon_valid(double lat, double lon)
{
	return isfinite(lat) && isfinite(lon) && lat >= -90 && lat <= 90
	    && lon >= -180 && lon <= 180;
}
