/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A believed ping moves its tech's state; what can be proven is
 * reported as it becomes true, so a stream and a replayed file give the
 * same findings in the same order. */
#include <math.h>
#include <string.h>

#include "track.h"

static double
km_to(double lat, double lon, const struct track_stop *s)
{
	return fsd_haversine_km(lat, lon, s->lat, s->lon);
}

/* A cheap test first: a degree of latitude is 111 km, so a site more
 * than that many degrees away in latitude is not within km. */
static int
within(double lat, double lon, const struct track_stop *s, double km)
{
	if (fabs(lat - s->lat) * 111.0 > km)
		return 0;
	return km_to(lat, lon, s) <= km;
}

static void
report(struct track *t, struct track_finding f)
{
	t->report(&f, t->ctx);
}

static int
in_break(const struct track_tech *tech, int64_t at)
{
	for (size_t k = 0; k < tech->nstops; k++)
		if (tech->stops[k].break_end != 0 && at >= tech->stops[k].break_start
		    && at < tech->stops[k].break_end)
			return 1;
	return 0;
}

/* The first stop not yet reached nor closed: where the tech should go. */
static void
advance_next(struct track_tech *tech)
{
	tech->next = 0;
	while (tech->next < tech->nstops
	    && (tech->stops[tech->next].visited || tech->stops[tech->next].closed))
		tech->next++;
}

static void
restart_still(struct track_tech *tech, int64_t at)
{
	tech->still_since = at;
	tech->still_lat = tech->lat;
	tech->still_lon = tech->lon;
	tech->idle_raised = 0;
}

static void
restart_spells(struct track_tech *tech, int64_t at)
{
	tech->off_since = 0;
	tech->off_raised = 0;
	restart_still(tech, at);
}

static void
arrive(struct track *t, struct track_tech *tech, int k)
{
	struct track_stop *s = &tech->stops[k];

	s->visited = 1;
	s->arrived_at = tech->inside_since;
	tech->on_site = k;
	tech->left_at = 0;
	advance_next(tech);
	report(t, (struct track_finding){ TRACK_ON_SITE, tech, s, tech->inside_since, 1,
	    tech->inside_lat, tech->inside_lon });
}

/* Geofences: arriving (inside long enough) and leaving (well outside). */
static void
check_site(struct track *t, struct track_tech *tech, int64_t at)
{
	const struct track_rules *r = &t->rules;
	int k = -1;

	if (tech->on_site >= 0) {
		struct track_stop *s = &tech->stops[tech->on_site];

		if (within(tech->lat, tech->lon, s, r->leave_km))
			return;
		tech->left_at = at;
		tech->left_job = s->job;
		tech->depart_lat = s->lat;
		tech->depart_lon = s->lon;
		tech->have_depart = 1;
		tech->on_site = -1;
		tech->inside = -1;
		restart_spells(tech, at);
		return;
	}
	if (tech->next < tech->nstops && within(tech->lat, tech->lon, &tech->stops[tech->next], r->geofence_km))
		k = (int)tech->next;
	for (size_t i = 0; k < 0 && i < tech->nstops; i++)
		if (!tech->stops[i].visited && !tech->stops[i].closed
		    && within(tech->lat, tech->lon, &tech->stops[i], r->geofence_km))
			k = (int)i;
	if (k < 0) {
		tech->inside = -1;
		return;
	}
	if (tech->inside != k) {
		tech->inside = k;
		tech->inside_since = at;
		tech->inside_lat = tech->lat;
		tech->inside_lon = tech->lon;
	}
	if (at - tech->inside_since >= (int64_t)r->dwell_min * 60) {
		arrive(t, tech, k);
		restart_spells(tech, at);
	}
}

/* On the way: the tech has come en_route_km nearer the next stop than
 * where the leg began (the last site, or the day's first fix). */
static void
check_en_route(struct track *t, struct track_tech *tech, int64_t at)
{
	struct track_stop *s = &tech->stops[tech->next];

	if (s->en_route_said || !tech->have_depart || tech->inside >= 0)
		return;
	if (km_to(tech->depart_lat, tech->depart_lon, s) - km_to(tech->lat, tech->lon, s)
	    < t->rules.en_route_km)
		return;
	s->en_route_said = 1;
	report(t, (struct track_finding){ TRACK_EN_ROUTE, tech, s, at, 1, tech->lat, tech->lon,
	    .left_job = tech->left_at != 0 ? tech->left_job : NULL, .left_at = tech->left_at });
}

/* Off route: any sensible path from the leg's start A to the next stop B
 * is no longer than the road factor times the straight line, so every
 * point on one lies inside the ellipse |AP| + |PB| <= f |AB|. Beyond it
 * by off_route_km for off_route_min is a detour. */
static void
check_off_route(struct track *t, struct track_tech *tech, int64_t at)
{
	const struct track_rules *r = &t->rules;
	struct track_stop *s = &tech->stops[tech->next];
	double ab, ap, pb, excess;

	if (!tech->have_depart || tech->inside >= 0 || in_break(tech, at))
		return;
	ab = km_to(tech->depart_lat, tech->depart_lon, s);
	ap = fsd_haversine_km(tech->depart_lat, tech->depart_lon, tech->lat, tech->lon);
	pb = km_to(tech->lat, tech->lon, s);
	excess = ap + pb - r->travel.road_factor * ab;
	if (excess <= r->off_route_km) {
		tech->off_since = 0;
		tech->off_raised = 0;
		return;
	}
	if (tech->off_since == 0)
		tech->off_since = at;
	if (tech->off_raised || at - tech->off_since < (int64_t)r->off_route_min * 60)
		return;
	tech->off_raised = 1;
	report(t, (struct track_finding){ TRACK_OFF_ROUTE, tech, s, at, 1, tech->lat, tech->lon,
	    .minutes = (int)((at - tech->off_since) / 60), .km = excess });
}

static int
near_a_site(const struct track *t, const struct track_tech *tech, double lat, double lon)
{
	double km = t->rules.leave_km;

	if (tech->has_home && fsd_haversine_km(lat, lon, tech->home_lat, tech->home_lon) <= km)
		return 1;
	for (size_t k = 0; k < tech->nstops; k++)
		if (within(lat, lon, &tech->stops[k], km))
			return 1;
	return 0;
}

/* Idle: standing still (within idle_km) away from every site, home and
 * break, for idle_min. */
static void
check_idle(struct track *t, struct track_tech *tech, int64_t at)
{
	const struct track_rules *r = &t->rules;

	if (tech->inside >= 0
	    || fsd_haversine_km(tech->lat, tech->lon, tech->still_lat, tech->still_lon) > r->idle_km) {
		restart_still(tech, at);
		return;
	}
	if (tech->idle_raised || at - tech->still_since < (int64_t)r->idle_min * 60)
		return;
	if (near_a_site(t, tech, tech->still_lat, tech->still_lon) || in_break(tech, at))
		return;
	tech->idle_raised = 1;
	report(t, (struct track_finding){ TRACK_IDLE, tech, &tech->stops[tech->next], at, 1,
	    tech->still_lat, tech->still_lon, .minutes = (int)((at - tech->still_since) / 60) });
}

/* Running late: the ETA at the next stop -- from here now, or from the
 * site the tech is at once its planned duration is done -- past the
 * window the customer was promised. Raised again only when it slips
 * late_step_min further, so the customer is not told every ping. */
static void
check_late(struct track *t, struct track_tech *tech, int64_t at)
{
	const struct track_rules *r = &t->rules;
	struct track_stop *s = &tech->stops[tech->next];
	double from_lat = tech->lat, from_lon = tech->lon, km;
	int64_t leave = at, eta;

	if (tech->on_site >= 0) {
		const struct track_stop *here = &tech->stops[tech->on_site];
		int64_t done = here->arrived_at + (int64_t)here->duration_min * 60;

		from_lat = here->lat;
		from_lon = here->lon;
		if (done > leave)
			leave = done;
	}
	km = fsd_travel_km(&r->travel, from_lat, from_lon, s->lat, s->lon);
	eta = leave + (int64_t)lround(fsd_travel_minutes(&r->travel, km) * 60.0);
	if (eta <= s->promised_end + (int64_t)r->late_grace_min * 60)
		return;
	if (s->late_eta != 0 && eta < s->late_eta + (int64_t)r->late_step_min * 60)
		return;
	s->late_eta = eta;
	report(t, (struct track_finding){ TRACK_RUNNING_LATE, tech, s, at, 1, tech->lat, tech->lon,
	    .eta = eta, .minutes = (int)((eta - s->promised_end + 59) / 60) });
}

static void
check_speeding(struct track *t, struct track_tech *tech, int64_t at, double kmh)
{
	const struct track_rules *r = &t->rules;

	if (r->speeding_kmh <= 0)
		return;
	if (!(kmh > r->speeding_kmh)) {
		tech->fast_since = 0;
		tech->speeding_raised = 0;
		return;
	}
	if (tech->fast_since == 0)
		tech->fast_since = at;
	if (tech->speeding_raised || at - tech->fast_since < (int64_t)r->speeding_min * 60)
		return;
	tech->speeding_raised = 1;
	report(t, (struct track_finding){ TRACK_SPEEDING, tech, NULL, at, 1, tech->lat, tech->lon,
	    .minutes = (int)((at - tech->fast_since) / 60), .km = kmh });
}

static void check_silent(struct track *t, struct track_tech *tech, int64_t clock);

/* Speeds from consecutive fixes less than this apart are GPS scatter. */
#define SPEED_MIN_SECONDS 20

enum track_noise
track_ping(struct track *t, struct track_tech *tech, int64_t at, double lat, double lon,
    double accuracy_m, double speed_kmh)
{
	enum track_noise noise = track_noise_judge(t, tech, at, lat, lon, accuracy_m);
	int64_t before = tech->fix_at;
	int had_fix = tech->have_fix;

	/* Silence is judged before this ping ends it: a tech heard again
	 * after an hour was silent for that hour. */
	if (noise != TRACK_NOISE_ORDER && at > tech->heard_at) {
		check_silent(t, tech, at);
		tech->heard_at = at;
		tech->silent_raised = 0;
	}
	if (noise != TRACK_BELIEVED) {
		if (noise == TRACK_NOISE_ACCURACY)
			t->noise_accuracy++;
		else if (noise == TRACK_NOISE_ORDER)
			t->noise_order++;
		else
			t->noise_jump++;
		return noise;
	}
	if (speed_kmh < 0 && had_fix && at - before >= SPEED_MIN_SECONDS)
		speed_kmh = fsd_haversine_km(tech->lat, tech->lon, lat, lon)
		    * 3600.0 / (double)(at - before);
	tech->lat = lat;
	tech->lon = lon;
	tech->fix_at = at;
	tech->have_fix = 1;
	if (!had_fix) {
		/* The leg to the first stop starts where the day's first fix is;
		 * with no home from a tech record, that is home. */
		tech->have_depart = 1;
		tech->depart_lat = lat;
		tech->depart_lon = lon;
		if (!tech->has_home) {
			tech->has_home = 1;
			tech->home_lat = lat;
			tech->home_lon = lon;
		}
		restart_spells(tech, at);
	}
	if (tech->planned) {
		check_speeding(t, tech, at, speed_kmh);
		check_site(t, tech, at);
		if (tech->next < tech->nstops && at >= tech->shift_start && at < tech->shift_end) {
			check_en_route(t, tech, at);
			check_off_route(t, tech, at);
			check_idle(t, tech, at);
			check_late(t, tech, at);
		}
	}
	if (at > t->clock) {
		t->clock = at;
		if (t->clock - t->swept_at >= 60)
			track_sweep(t, t->clock);
	}
	return TRACK_BELIEVED;
}

static void
check_silent(struct track *t, struct track_tech *tech, int64_t clock)
{
	int64_t last = tech->heard_at > tech->shift_start ? tech->heard_at : tech->shift_start;
	int64_t due = last + (int64_t)t->rules.no_signal_min * 60;

	if (!tech->planned || tech->silent_raised || tech->next >= tech->nstops
	    || due > clock || due >= tech->shift_end)
		return;
	tech->silent_raised = 1;
	report(t, (struct track_finding){ TRACK_NO_SIGNAL, tech, &tech->stops[tech->next], due,
	    tech->have_fix, tech->lat, tech->lon, .minutes = (int)((due - last) / 60),
	    .since = tech->heard_at });
}

void
track_sweep(struct track *t, int64_t clock)
{
	t->swept_at = clock;
	for (size_t i = 0; i < t->ntechs; i++)
		check_silent(t, &t->techs[i], clock);
}

void
track_status(struct track *t, struct track_tech *tech, const char *job, const char *status,
    int64_t at)
{
	size_t k;

	(void)t;
	for (k = 0; k < tech->nstops && strcmp(tech->stops[k].job, job) != 0; k++)
		;
	if (k == tech->nstops)
		return;
	if (strcmp(status, "on_site") == 0) {
		tech->stops[k].visited = 1;
		tech->stops[k].arrived_at = at;
		tech->on_site = (int)k;
		tech->inside = (int)k;
	} else if (strcmp(status, "en_route") == 0)
		tech->stops[k].en_route_said = 1;
	else if (strcmp(status, "completed") == 0 || strcmp(status, "cancelled") == 0
	    || strcmp(status, "cannot_complete") == 0)
		tech->stops[k].closed = 1;
	advance_next(tech);
}
