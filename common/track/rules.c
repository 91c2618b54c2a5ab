#include <stddef.h>

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
 * - no signal 20 min: phones drop in basements; twenty minutes of
 *   nothing in a shift is worth a look.
 * - noise: accuracy worse than 100 m, or a jump faster than 160 km/h,
 *   unless 3 pings in a row agree the tech really is there. */
void
track_rules_default(struct track_rules *r)
{
	*r = (struct track_rules){
		.geofence_km = 0.15, .leave_km = 0.25, .dwell_min = 3, .en_route_km = 0.3,
		.off_route_km = 1.5, .off_route_min = 10, .idle_km = 0.1, .idle_min = 15,
		.late_grace_min = 10, .late_step_min = 15, .no_signal_min = 20,
		.speeding_kmh = 0, .speeding_min = 2,
		.max_accuracy_m = 100, .max_speed_kmh = 160, .jump_confirm = 3,
		.travel = FSD_TRAVEL_DEFAULT,
	};
}

#define AT(field) offsetof(struct track_rules, field)

const struct track_rule_row track_rule_table[] = {
	{ "geofence_km", TRACK_RULE_KM, 0.01, 5, AT(geofence_km), "radius of a site's geofence" },
	{ "leave_km", TRACK_RULE_KM, 0.01, 10, AT(leave_km), "distance from the site that counts as left" },
	{ "dwell_min", TRACK_RULE_MIN, 0, 120, AT(dwell_min), "minutes inside that prove an arrival" },
	{ "en_route_km", TRACK_RULE_KM, 0.05, 50, AT(en_route_km), "progress toward the next stop that proves en route" },
	{ "off_route_km", TRACK_RULE_KM, 0.1, 100, AT(off_route_km), "detour beyond a sensible path" },
	{ "off_route_min", TRACK_RULE_MIN, 1, 600, AT(off_route_min), "minutes off route before the alert" },
	{ "idle_km", TRACK_RULE_KM, 0.01, 5, AT(idle_km), "moving less than this is standing still" },
	{ "idle_min", TRACK_RULE_MIN, 1, 600, AT(idle_min), "minutes standing still away from sites" },
	{ "late_grace_min", TRACK_RULE_MIN, 0, 600, AT(late_grace_min), "minutes past the promised window tolerated" },
	{ "late_step_min", TRACK_RULE_MIN, 1, 600, AT(late_step_min), "further slip that raises running_late again" },
	{ "no_signal_min", TRACK_RULE_MIN, 1, 600, AT(no_signal_min), "minutes without a ping in the shift" },
	{ "speeding_kmh", TRACK_RULE_NUMBER, 0, 300, AT(speeding_kmh), "speed limit watched (0: not watched)" },
	{ "speeding_min", TRACK_RULE_MIN, 0, 120, AT(speeding_min), "minutes over the limit before the alert" },
	{ "max_accuracy_m", TRACK_RULE_NUMBER, 1, 100000, AT(max_accuracy_m), "pings less accurate than this are noise" },
	{ "max_speed_kmh", TRACK_RULE_NUMBER, 20, 2000, AT(max_speed_kmh), "a jump faster than this is noise" },
	{ "jump_confirm", TRACK_RULE_MIN, 1, 100, AT(jump_confirm), "pings agreeing on a jump that make it believed" },
	{ "road_factor", TRACK_RULE_NUMBER, 1, 5, AT(travel.road_factor), "road km per straight-line km" },
	{ "speed_kmh", TRACK_RULE_NUMBER, 1, 200, AT(travel.speed_kmh), "average driving speed for ETAs" },
	{ NULL }
};
