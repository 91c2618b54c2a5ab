/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Whether a ping is believed. Phone GPS is noisy in three ways, each
 * dropped here before it can move a tech or raise an alert:
 * - accuracy: the device says its fix is worse than max_accuracy_m;
 * - order: a ping no later than the last believed one (a queue flushed
 *   late, a duplicate) says nothing new about where the tech is now;
 * - jumps: reaching it from the last believed fix would take more than
 *   max_speed_kmh. One bad fix is dropped; but when jump_confirm pings
 *   in a row agree with each other, the earlier fix was the wrong one
 *   (a tunnel, a cold start) and the tech is believed where they say. */
#include "track.h"

/* Below this, a "jump" is GPS scatter between two close pings. */
#define SCATTER_KM 0.1

static int
reachable(const struct track_rules *r, double lat1, double lon1, int64_t at1,
    double lat2, double lon2, int64_t at2)
{
	double km = fsd_haversine_km(lat1, lon1, lat2, lon2);

	return km <= SCATTER_KM + r->max_speed_kmh * (double)(at2 - at1) / 3600.0;
}

enum track_noise
track_noise_judge(struct track *t, struct track_tech *tech, int64_t at, double lat,
    double lon, double accuracy_m)
{
	const struct track_rules *r = &t->rules;

	if (tech->have_fix && at <= tech->fix_at)
		return TRACK_NOISE_ORDER;
	if (accuracy_m > r->max_accuracy_m)
		return TRACK_NOISE_ACCURACY;
	if (tech->have_fix && !reachable(r, tech->lat, tech->lon, tech->fix_at, lat, lon, at)) {
		if (tech->jump_count > 0 && at > tech->jump_at
		    && reachable(r, tech->jump_lat, tech->jump_lon, tech->jump_at, lat, lon, at))
			tech->jump_count++;
		else
			tech->jump_count = 1;
		tech->jump_at = at;
		tech->jump_lat = lat;
		tech->jump_lon = lon;
		if (tech->jump_count < r->jump_confirm)
			return TRACK_NOISE_JUMP;
	}
	tech->jump_count = 0;
	return TRACK_BELIEVED;
}
