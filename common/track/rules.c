/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stddef.h>

#include "sidefile.h"
#include "track.h"

/* Defaults a shop would accept on the first day, and why:
 * - 150 m geofence: a suburban lot and its kerb, with phone GPS error
 *   (10-30 m outdoors) to spare; 250 m to count as gone again.
 * - 3 min inside to prove an arrival: a truck at a red light by the
 *   house does not "arrive".
 * - off route 1.5 km beyond the road-factor ellipse for 10 min: a side
 *   street for lunch or a parts counter is not a detour worth a call.
 * - idle 15 min standing still away from any site: long enough for a
 *   fuel stop, short enough that a stuck truck is noticed.
 * - running late: 10 min past the promised window before the customer
 *   is worth a call, and again for every 15 min more.
 * - no signal 20 min: phones drop in basements; twenty minutes of
 *   nothing in a shift is worth a look.
 * - noise: accuracy worse than 100 m, or a jump faster than 160 km/h,
 *   unless 3 pings in a row agree the tech really is there.
 * - the drive model is fsd-route's (common/geo.h): 1.3 x straight line
 *   at 40 km/h. */
#define AT(field) offsetof(struct track_rules, field)

const struct fsd_key track_rule_keys[] = {
	{ "geofence_km", FSD_KEY_DOUBLE, 0.01, 5, AT(geofence_km), 1, 0.15, .unit = "km" },
	{ "leave_km", FSD_KEY_DOUBLE, 0.01, 10, AT(leave_km), 1, 0.25, .unit = "km" },
	{ "dwell_min", FSD_KEY_INT, 0, 120, AT(dwell_min), 1, 3, .unit = "minutes" },
	{ "en_route_km", FSD_KEY_DOUBLE, 0.05, 50, AT(en_route_km), 1, 0.3, .unit = "km" },
	{ "off_route_km", FSD_KEY_DOUBLE, 0.1, 100, AT(off_route_km), 1, 1.5, .unit = "km" },
	{ "off_route_min", FSD_KEY_INT, 1, 600, AT(off_route_min), 1, 10, .unit = "minutes" },
	{ "idle_km", FSD_KEY_DOUBLE, 0.01, 5, AT(idle_km), 1, 0.1, .unit = "km" },
	{ "idle_min", FSD_KEY_INT, 1, 600, AT(idle_min), 1, 15, .unit = "minutes" },
	{ "late_grace_min", FSD_KEY_INT, 0, 600, AT(late_grace_min), 1, 10, .unit = "minutes" },
	{ "late_step_min", FSD_KEY_INT, 1, 600, AT(late_step_min), 1, 15, .unit = "minutes" },
	{ "no_signal_min", FSD_KEY_INT, 1, 600, AT(no_signal_min), 1, 20, .unit = "minutes" },
	{ "speeding_kmh", FSD_KEY_DOUBLE, 0, 300, AT(speeding_kmh), 1, 0 },
	{ "speeding_min", FSD_KEY_INT, 0, 120, AT(speeding_min), 1, 2, .unit = "minutes" },
	{ "max_accuracy_m", FSD_KEY_DOUBLE, 1, 100000, AT(max_accuracy_m), 1, 100 },
	{ "max_speed_kmh", FSD_KEY_DOUBLE, 20, 2000, AT(max_speed_kmh), 1, 160 },
	{ "jump_confirm", FSD_KEY_INT, 1, 100, AT(jump_confirm), 1, 3, .unit = "pings" },
	{ "road_factor", FSD_KEY_DOUBLE, 1, 5, AT(travel.road_factor), 1, 1.3 },
	{ "speed_kmh", FSD_KEY_DOUBLE, 1, 200, AT(travel.speed_kmh), 1, 40 },
	{ NULL }
};

void
track_rules_default(struct track_rules *r)
{
	fsd_keys_defaults(track_rule_keys, r);
}
