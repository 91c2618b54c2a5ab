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


/* The first moment from t at which something lasting len minutes
 * overlaps none of the vehicle's time off (sorted, apart). */
static double
clear_of_off(const struct route_vehicle *veh, double t, double len)
{
	for (int i = 0; i < veh->noff; i++)
		if (t < veh->off[i].end - ROUTE_FIT_EPS && t + len > veh->off[i].start + ROUTE_FIT_EPS)
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

		if (s <= fmin(close, job->due) + ROUTE_FIT_EPS)
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
		if (have[pk->sku[i]] < pk->qty[i] - ROUTE_FIT_EPS)
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

/* A tech's day walked stop by stop: where the tech is, the clock (the
 * earliest moment to leave), the load so far and the next break not
 * yet placed. */
struct walk {
	const struct route_instance *in;
	const struct route_vehicle *veh;
	double t, load;
	int at, b;
	int first_break_before;		/* a break taken before the first stop */
	struct route_break_times *breaks;	/* NULL: not wanted */
};

/* The drive to a job, through the counter holding its parts when
 * via >= 0: then the counter stop is part of the leg, one block of time
 * that no time off may cut. */
struct leg {
	double drive, km, cost;
	int via;
};

/* Leaving, arriving and starting service at one stop; absorbed is the
 * break time spent waiting at the door, which is not idle. */
struct visit {
	double depart, arrive, start, absorbed;
};

static struct leg
leg_to(const struct walk *w, const struct route_job *job, int via)
{
	const struct route_instance *in = w->in;

	if (via < 0)
		return (struct leg){ route_minutes(in, w->at, job->loc), route_km(in, w->at, job->loc),
		    route_arc_cost(in, w->at, job->loc), -1 };
	return (struct leg){
		route_minutes(in, w->at, via) + job->pickup->minutes + route_minutes(in, via, job->loc),
		route_km(in, w->at, via) + route_km(in, via, job->loc),
		route_arc_cost(in, w->at, via) + route_arc_cost(in, via, job->loc), via };
}

/* Drive to stop k's job and start its service, placing first each break
 * that cannot wait until after it: while waiting at the door when the
 * wait is long enough (free), else before the drive (or at the door,
 * after a break already taken there). A break that may come after the
 * job is left for later, where it may cost less. 0 when no time works. */
static int
reach(struct walk *w, const struct route_job *job, double drive, int k, struct visit *vis)
{
	const struct route_vehicle *veh = w->veh;
	/* a break already taken at this door, which anything else here follows */
	double after = -HUGE_VAL;

	vis->absorbed = 0;
	for (;;) {
		vis->depart = clear_of_off(veh, w->t, drive);
		vis->arrive = vis->depart + drive;
		vis->start = service_start(veh, job, fmax(vis->arrive, after));
		if (vis->start == HUGE_VAL)
			return 0;
		if (w->b >= veh->nbreaks)
			return 1;

		const struct route_break *brk = &veh->breaks[w->b];
		double latest = brk->end - brk->duration, bs;
		double wait = fmax(fmax(vis->arrive, after), brk->start);

		if (wait <= latest + ROUTE_FIT_EPS && wait + brk->duration <= vis->start + ROUTE_FIT_EPS
		    && clear_of_off(veh, wait, brk->duration) == wait) {
			bs = wait;
			vis->absorbed += brk->duration;
			after = bs + brk->duration;
		} else if (vis->start + job->service > latest + ROUTE_FIT_EPS) {
			bs = clear_of_off(veh, fmax(after > -HUGE_VAL ? after : w->t, brk->start),
			    brk->duration);
			if (bs > latest + ROUTE_FIT_EPS)
				return 0;
			if (after > -HUGE_VAL) {
				after = bs + brk->duration;
				vis->absorbed += brk->duration;
			} else {
				w->t = bs + brk->duration;
			}
		} else {
			return 1;
		}
		if (w->breaks != NULL)
			w->breaks[w->b] = (struct route_break_times){ bs, bs + brk->duration, k };
		if (k == 0 && w->first_break_before < 0)
			w->first_break_before = w->b;
		w->b++;
	}
}

/* What stop times say of a stop reached over leg: the drive written on
 * the stop is the leg from the counter when there is one. */
static struct route_stop_times
stop_times(const struct walk *w, int fixed, const struct route_job *job, const struct leg *leg,
    const struct visit *vis)
{
	const struct route_instance *in = w->in;
	int via = leg->via;

	return (struct route_stop_times){ fixed, vis->arrive, vis->start, vis->start + job->service,
	    via < 0 ? leg->drive : route_minutes(in, via, job->loc),
	    via < 0 ? leg->km : route_km(in, via, job->loc), via,
	    via < 0 ? NAN : vis->depart + route_minutes(in, w->at, via),
	    via < 0 ? 0 : route_minutes(in, w->at, via), via < 0 ? 0 : route_km(in, w->at, via) };
}

/* The drive home and the day's limits. Breaks not taken yet would begin
 * after the last job: the day is over before they are owed. */
static int
come_home(const struct walk *w, int total, struct route_day *day)
{
	const struct route_instance *in = w->in;
	const struct route_vehicle *veh = w->veh;
	double home = route_minutes(in, w->at, veh->end_loc), finish;

	finish = day->finish = w->t;
	day->drive_minutes += home;
	day->km += route_km(in, w->at, veh->end_loc);
	day->cost += route_arc_cost(in, w->at, veh->end_loc);
	day->back = clear_of_off(veh, w->t, home) + home;
	if (veh->return_in_shift)
		finish = day->back;
	day->overtime = fmax(0, finish - veh->shift_end);
	if (day->overtime > veh->overtime_minutes + ROUTE_FIT_EPS
	    || w->load > veh->capacity + ROUTE_FIT_EPS
	    || (veh->max_stops > 0 && total > veh->max_stops)
	    || day->drive_minutes > veh->max_drive_minutes + ROUTE_FIT_EPS
	    || day->km > veh->max_km + ROUTE_FIT_EPS)
		return infeasible(day);
	day->cost += day->overtime * veh->overtime_cost;
	if (day->overtime <= ROUTE_FIT_EPS)
		day->overtime = 0;
	return 1;
}

/* Leave as late as the first stop allows, when no break, pickup or time
 * off lies on the way: the same start, an early schedule kept. */
static void
leave_late(const struct walk *w, struct route_day *day, struct route_stop_times *stops)
{
	double late = stops[0].start - stops[0].drive_minutes;

	if (w->first_break_before >= 0 || stops[0].pickup_loc >= 0)
		return;
	if (late > day->depart + ROUTE_FIT_EPS
	    && clear_of_off(w->veh, late, stops[0].drive_minutes) == late
	    && clear_of_off(w->veh, day->depart, late - day->depart) == day->depart) {
		day->idle -= stops[0].start - stops[0].arrive;
		day->depart = late;
		stops[0].arrive = stops[0].start;
	}
}

static int
simulate(const struct route_instance *in, int v, const int *jobs, int n, double *have,
    struct route_day *day, struct route_stop_times *stops, struct route_break_times *breaks)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	struct walk w = { in, veh, veh->shift_start, 0, veh->start_loc, 0, -1, breaks };
	int total = n + veh->nfixed, next_job = 0, next_fixed = 0;

	*day = (struct route_day){ 1, 0, w.t, w.t, w.t, 0, 0, 0, 0, 0 };
	for (int i = 0; breaks != NULL && i < veh->nbreaks; i++)
		breaks[i] = (struct route_break_times){ NAN, NAN, -1 };
	if (total == 0)
		return 1;
	if (w.t <= -ROUTE_UNBOUNDED / 2)	/* no shift: the clock's zero */
		w.t = 0;
	/* A break whose window closes before the day starts (a re-plan at
	 * 14:00) is not this plan's to place. */
	while (w.b < veh->nbreaks && veh->breaks[w.b].end - veh->breaks[w.b].duration < w.t - ROUTE_FIT_EPS)
		w.b++;
	day->depart = w.t;
	for (int k = 0; k < total; k++) {
		/* A fixed stop at its place, or when the jobs have run out. */
		int fixed = next_fixed < veh->nfixed && (veh->fixed_place[next_fixed] == k + 1
		    || next_job >= n) ? next_fixed++ : -1;
		const struct route_job *job = fixed >= 0 ? &veh->fixed[fixed]
		    : &in->jobs[jobs[next_job++]];
		int need = needs_pickup(job, v, have), via = need ? pickup_place(in, w.at, job) : -1;
		struct leg leg;
		struct visit vis;

		if (fixed < 0 && job->only_vehicle >= 0 && job->only_vehicle != v)
			return infeasible(day);
		if (need && via < 0)
			return infeasible(day);
		draw_down(job, have);
		leg = leg_to(&w, job, via);
		if (!reach(&w, job, leg.drive, k, &vis))
			return infeasible(day);
		if (stops != NULL)
			stops[k] = stop_times(&w, fixed, job, &leg, &vis);
		day->drive_minutes += via < 0 ? leg.drive : leg.drive - job->pickup->minutes;
		day->km += leg.km;
		day->cost += leg.cost;
		day->work += job->service;
		day->idle += vis.start - vis.arrive - vis.absorbed;
		w.load += job->demand;
		w.t = vis.start + job->service;
		w.at = job->loc;
	}
	if (!come_home(&w, total, day))
		return 0;
	if (stops != NULL)
		leave_late(&w, day, stops);
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
