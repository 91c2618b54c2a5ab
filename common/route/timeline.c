/* The forward simulation behind timeline.h. Leaving as early as the
 * shift allows is the schedule that meets the most windows (waiting is
 * always possible, going back in time never), so feasibility is decided
 * on it; the departure written out is then moved as late as the first
 * stop allows, as fsd-route always did, when nothing lies between. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "timeline.h"
#include "xalloc.h"

#define EPS 1e-6

/* The first moment from t at which something lasting len minutes
 * overlaps none of the vehicle's time off (sorted, apart). */
static double
clear_of_off(const struct route_vehicle *veh, double t, double len)
{
	for (int i = 0; i < veh->noff; i++)
		if (t < veh->off[i].end - EPS && t + len > veh->off[i].start + EPS)
			t = veh->off[i].end;
	return t;
}

/* The earliest start of service from arrival a inside one of the job's
 * windows (and by its deadline, due), clear of time off; HUGE_VAL when
 * there is none. */
static double
service_start(const struct route_vehicle *veh, const struct route_job *job, double a)
{
	int n = job->windows != NULL ? job->nwindows : 1;

	for (int i = 0; i < n; i++) {
		double open = job->windows != NULL ? job->windows[i].start : job->ready;
		double close = job->windows != NULL ? job->windows[i].end : job->due;
		double s = clear_of_off(veh, fmax(a, open), job->service);

		if (s <= fmin(close, job->due) + EPS)
			return s;
	}
	return HUGE_VAL;
}

/* Does the job need a pickup: is the truck short of a part, as drawn
 * down so far (have), or at the start of the day when not tracked? */
static int
needs_pickup(const struct route_job *job, int v, const double *have)
{
	const struct route_pickup *pk = job->pickup;

	if (pk == NULL)
		return 0;
	if (have == NULL)
		return !pk->on_truck[v];
	for (int i = 0; i < pk->nparts; i++)
		if (have[pk->sku[i]] < pk->qty[i] - EPS)
			return 1;
	return 0;
}

/* The job's parts come off the truck; what it lacked was picked up. */
static void
draw_down(const struct route_job *job, double *have)
{
	for (int i = 0; have != NULL && job->pickup != NULL && i < job->pickup->nparts; i++)
		have[job->pickup->sku[i]] = fmax(have[job->pickup->sku[i]] - job->pickup->qty[i], 0);
}

/* Of the places holding a job's parts, the one that costs least on the
 * way from at; -1 when none does. */
static int
pickup_place(const struct route_instance *in, int at, const struct route_job *job)
{
	double best = HUGE_VAL;
	int via = -1;

	for (int i = 0; i < job->pickup->nlocs; i++) {
		int l = job->pickup->locs[i];
		double c = route_arc_cost(in, at, l) + route_arc_cost(in, l, job->loc);
		if (c < best)
			best = c, via = l;
	}
	return via;
}

static int
infeasible(struct route_day *day)
{
	day->feasible = 0;
	day->cost = HUGE_VAL;
	return 0;
}

static int
simulate(const struct route_instance *in, int v, const int *jobs, int n, double *have,
    struct route_day *day, struct route_stop_times *stops, struct route_break_times *breaks)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	double t = veh->shift_start, load = 0, finish, home, home_km;
	int at = veh->start_loc, b = 0, first_break_before = -1, total = n + veh->nfixed;
	int next_job = 0, next_fixed = 0;

	*day = (struct route_day){ 1, 0, t, t, t, 0, 0, 0, 0, 0 };
	for (int i = 0; breaks != NULL && i < veh->nbreaks; i++)
		breaks[i] = (struct route_break_times){ NAN, NAN, -1 };
	if (total == 0)
		return 1;
	if (t <= -ROUTE_UNBOUNDED / 2)	/* no shift: the clock's zero */
		t = 0;
	/* A break whose window closes before the day starts (a re-plan at
	 * 14:00) is not this plan's to place. */
	while (b < veh->nbreaks && veh->breaks[b].end - veh->breaks[b].duration < t - EPS)
		b++;
	day->depart = t;
	for (int k = 0; k < total; k++) {
		/* A fixed stop at its place, or when the jobs have run out. */
		int fixed = next_fixed < veh->nfixed && (veh->fixed_place[next_fixed] == k + 1
		    || next_job >= n) ? next_fixed++ : -1;
		const struct route_job *job = fixed >= 0 ? &veh->fixed[fixed]
		    : &in->jobs[jobs[next_job++]];
		double drive = route_minutes(in, at, job->loc), d, a, s, absorbed = 0;
		double km = route_km(in, at, job->loc), cost = route_arc_cost(in, at, job->loc);
		int need = needs_pickup(job, v, have), via = need ? pickup_place(in, at, job) : -1;

		if (fixed < 0 && job->only_vehicle >= 0 && job->only_vehicle != v)
			return infeasible(day);
		if (need && via < 0)
			return infeasible(day);
		draw_down(job, have);
		if (via >= 0) {
			/* The counter stop is part of the leg: one block of
			 * time that no time off may cut. */
			drive = route_minutes(in, at, via) + job->pickup->minutes
			    + route_minutes(in, via, job->loc);
			km = route_km(in, at, via) + route_km(in, via, job->loc);
			cost = route_arc_cost(in, at, via) + route_arc_cost(in, via, job->loc);
		}
		/* after: a break already taken at this door, which
		 * anything else here follows. */
		double after = -HUGE_VAL;
		for (;;) {
			d = clear_of_off(veh, t, drive);
			a = d + drive;
			if ((s = service_start(veh, job, fmax(a, after))) == HUGE_VAL)
				return infeasible(day);
			if (b >= veh->nbreaks)
				break;
			const struct route_break *brk = &veh->breaks[b];
			double latest = brk->end - brk->duration, bs;
			double w = fmax(fmax(a, after), brk->start);

			if (w <= latest + EPS && w + brk->duration <= s + EPS
			    && clear_of_off(veh, w, brk->duration) == w) {
				bs = w;	/* while waiting at the door: free */
				absorbed += brk->duration;
				after = bs + brk->duration;
			} else if (s + job->service > latest + EPS) {
				/* After this stop would be too late: now, before
				 * the drive (or at the door after the last). */
				bs = clear_of_off(veh, fmax(after > -HUGE_VAL ? after : t, brk->start),
				    brk->duration);
				if (bs > latest + EPS)
					return infeasible(day);
				if (after > -HUGE_VAL) {
					after = bs + brk->duration;
					absorbed += brk->duration;
				} else {
					t = bs + brk->duration;
				}
			} else {
				break;	/* later, where it may cost less */
			}
			if (breaks != NULL)
				breaks[b] = (struct route_break_times){ bs, bs + brk->duration, k };
			if (k == 0 && first_break_before < 0)
				first_break_before = b;
			b++;
		}
		if (stops != NULL)
			stops[k] = (struct route_stop_times){ fixed, a, s, s + job->service,
			    via < 0 ? drive : route_minutes(in, via, job->loc),
			    via < 0 ? km : route_km(in, via, job->loc), via,
			    via < 0 ? NAN : d + route_minutes(in, at, via),
			    via < 0 ? 0 : route_minutes(in, at, via), via < 0 ? 0 : route_km(in, at, via) };
		day->drive_minutes += via < 0 ? drive : drive - job->pickup->minutes;
		day->km += km;
		day->cost += cost;
		day->work += job->service;
		day->idle += s - a - absorbed;
		load += job->demand;
		t = s + job->service;
		at = job->loc;
	}
	/* Breaks not taken yet would begin after the last job: the day is
	 * over before they are owed. */
	finish = day->finish = t;
	home = route_minutes(in, at, veh->end_loc);
	home_km = route_km(in, at, veh->end_loc);
	day->drive_minutes += home;
	day->km += home_km;
	day->cost += route_arc_cost(in, at, veh->end_loc);
	day->back = clear_of_off(veh, t, home) + home;
	if (veh->return_in_shift)
		finish = day->back;
	day->overtime = fmax(0, finish - veh->shift_end);
	if (day->overtime > veh->overtime_minutes + EPS
	    || load > veh->capacity + EPS
	    || (veh->max_stops > 0 && total > veh->max_stops)
	    || day->drive_minutes > veh->max_drive_minutes + EPS
	    || day->km > veh->max_km + EPS)
		return infeasible(day);
	day->cost += day->overtime * veh->overtime_cost;
	if (day->overtime <= EPS)
		day->overtime = 0;
	/* Leave as late as the first stop allows, when no break or time
	 * off lies on the way: the same start, an early schedule kept. */
	if (stops != NULL && first_break_before < 0 && stops[0].pickup_loc < 0) {
		double late = stops[0].start - stops[0].drive_minutes;
		if (late > day->depart + EPS && clear_of_off(veh, late, stops[0].drive_minutes) == late
		    && clear_of_off(veh, day->depart, late - day->depart) == day->depart) {
			day->idle -= stops[0].start - stops[0].arrive;
			day->depart = late;
			stops[0].arrive = stops[0].start;
		}
	}
	return 1;
}

int
route_timeline(const struct route_instance *in, int v, const int *jobs, int n,
    struct route_day *day, struct route_stop_times *stops, struct route_break_times *breaks)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	double small[64], *have = NULL;
	int ok;

	if (veh->truck_stock != NULL && in->nskus > 0) {
		have = in->nskus <= 64 ? small : xmalloc(in->nskus * sizeof *have);
		memcpy(have, veh->truck_stock, in->nskus * sizeof *have);
	}
	ok = simulate(in, v, jobs, n, have, day, stops, breaks);
	if (have != small)
		free(have);
	return ok;
}
