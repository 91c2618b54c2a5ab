/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/mistakes.h"
#include "geo.h"
#include "xalloc.h"

int
check_edit_distance(const char *a, const char *b, int cap)
{
	size_t n = strlen(a), m = strlen(b);
	int *row, best;

	if ((n > m ? n - m : m - n) > (size_t)cap)
		return cap + 1;
	row = xcalloc(m + 1, sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int diagonal = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int up = row[j], cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int d = diagonal + cost;
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diagonal = up;
		}
	}
	best = row[m];
	free(row);
	return best > cap ? cap + 1 : best;
}

const char *
check_did_you_mean(const char *word, char *const *names, size_t n)
{
	int cap = strlen(word) >= 6 ? 2 : 1, best = cap + 1;
	const char *nearest = NULL;

	for (size_t i = 0; i < n; i++) {
		int d = check_edit_distance(word, names[i], cap);
		if (d > 0 && d < best) {
			best = d;
			nearest = names[i];
		}
	}
	return nearest;
}

int
check_joined_skills(const char *skill)
{
	return strchr(skill, ',') != NULL;
}

static double
nearest_home_km(double lat, double lon, const double *homes, size_t n)
{
	double best = HUGE_VAL;

	for (size_t i = 0; i < n; i++) {
		double km = fsd_haversine_km(lat, lon, homes[2 * i], homes[2 * i + 1]);
		if (km < best)
			best = km;
	}
	return best;
}

int
check_far_site(double lat, double lon, const double *homes, size_t n, double far_km,
    double *nearest_km, double *fixed_km)
{
	if (n == 0 || (*nearest_km = nearest_home_km(lat, lon, homes, n)) <= far_km)
		return 0;
	*fixed_km = nearest_home_km(lat, -lon, homes, n);
	if (*fixed_km > far_km)
		*fixed_km = nearest_home_km(-lat, lon, homes, n);
	if (*fixed_km > far_km)
		*fixed_km = -1;
	return 1;
}
