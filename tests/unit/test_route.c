/* The route solver's invariants, without JSON: segments agree with a
 * plain simulation, every move the local search accepts keeps every route
 * feasible, a seed gives one answer, and left-out jobs get the right
 * reason. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route/insert.h"
#include "route/localsearch.h"
#include "route/rng.h"
#include "route/route.h"
#include "route/solution.h"
#include "route/timeline.h"
#include "unit.h"

/* A random planar instance: jobs around a depot at the centre, windows
 * of varied width, capacities that bind, and (when restricted) jobs that
 * only some vehicles may take. */
static struct route_instance *
random_instance(uint64_t seed, int njobs, int nvehicles, int restricted)
{
	struct route_rng rng;
	int nlocs = njobs + 1;
	struct route_instance *in = route_instance_new(njobs, nvehicles, nlocs);
	double *x = malloc(nlocs * sizeof *x), *y = malloc(nlocs * sizeof *y);

	route_rng_seed(&rng, seed);
	x[0] = y[0] = 50;
	for (int i = 1; i < nlocs; i++) {
		x[i] = route_rng_unit(&rng) * 100;
		y[i] = route_rng_unit(&rng) * 100;
	}
	for (int i = 0; i < nlocs; i++)
		for (int j = 0; j < nlocs; j++)
			in->minutes[i * nlocs + j] = in->km[i * nlocs + j] = hypot(x[i] - x[j], y[i] - y[j]);
	for (int j = 0; j < njobs; j++) {
		double open = route_rng_unit(&rng) * 600, width = 30 + route_rng_unit(&rng) * 200;
		in->jobs[j].loc = j + 1;
		in->jobs[j].ready = open;
		in->jobs[j].due = open + width;
		in->jobs[j].service = 10;
		in->jobs[j].demand = 1 + route_rng_below(&rng, 20);
	}
	for (int v = 0; v < nvehicles; v++) {
		in->vehicles[v].start_loc = in->vehicles[v].end_loc = 0;
		in->vehicles[v].shift_start = 0;
		in->vehicles[v].shift_end = 900;
		in->vehicles[v].capacity = 100;
	}
	if (restricted) {
		in->qualified = malloc((size_t)njobs * nvehicles);
		for (int j = 0; j < njobs; j++)
			for (int v = 0; v < nvehicles; v++)
				in->qualified[j * nvehicles + v] = route_rng_unit(&rng) < 0.6;
	}
	route_instance_prepare(in);
	free(x);
	free(y);
	return in;
}

struct watch {
	long moves, bad;
};

/* Every route feasible by plain simulation, every job once. */
static int
all_feasible(const struct route_solution *s)
{
	int count = 0;

	for (int v = 0; v < s->in->nvehicles; v++) {
		if (!route_plan_check(s, v))
			return 0;
		count += s->routes[v].len;
	}
	return count + s->nunassigned == s->in->njobs;
}

static void
on_move(const struct route_solution *s, void *arg)
{
	struct watch *w = arg;

	w->moves++;
	if (!all_feasible(s))
		w->bad++;
}

static void
test_segments_match_simulation(void)
{
	struct route_instance *in = random_instance(7, 40, 4, 0);
	struct route_solution *s = route_solution_new(in);
	struct route_rng rng;
	long agree = 0, feasible = 0, trials = 2000;

	route_rng_seed(&rng, 3);
	/* Random orders, feasible or not: the segment verdict must match. */
	for (long t = 0; t < trials; t++) {
		int list[12], n = 1 + route_rng_below(&rng, 12);
		for (int i = 0; i < n; i++)
			list[i] = (int)((t * 12 + i * 7) % in->njobs);
		for (int i = 0; i < n; i++)	/* distinct jobs */
			for (int k = 0; k < i; k++)
				if (list[k] == list[i])
					list[i] = (list[i] + 1 + i) % in->njobs, k = -1;
		route_set_jobs(s, 0, list, n);
		feasible += route_plan_check(s, 0);
		agree += route_seg_feasible(in, 0, &s->routes[0].whole) == route_plan_check(s, 0);
		route_set_jobs(s, 0, list, 0);
	}
	CHECK(agree == trials, "segment concatenation agrees with a forward simulation");
	CHECK(feasible > 0 && feasible < trials, "the trial routes include feasible and infeasible ones");
	route_solution_free(s);
	route_instance_free(in);
}

static void
test_moves_keep_routes_feasible(int restricted, const char *what)
{
	struct route_instance *in = random_instance(11 + restricted, 80, 8, restricted);
	struct watch w = { 0, 0 };
	struct route_params p = { 5, 300, 0, on_move, &w };
	struct route_solution *s = route_solve(in, &p);

	CHECK(w.moves > 20, "the local search applied moves");
	CHECK(w.bad == 0, what);
	CHECK(all_feasible(s), "the returned solution is feasible");
	for (int j = 0; j < in->njobs; j++)
		if (s->route_of[j] >= 0 && !route_may_serve(in, j, s->route_of[j]))
			w.bad++;
	CHECK(w.bad == 0, "every job rides with a vehicle allowed to take it");
	route_solution_free(s);
	route_instance_free(in);
}

static void
test_search_improves_and_is_deterministic(void)
{
	struct route_instance *in = random_instance(21, 60, 6, 0);
	struct route_params none = { 1, 0, 0, NULL, NULL };
	struct route_params some = { 1, 500, 0, NULL, NULL };
	struct route_solution *a = route_solve(in, &none), *b = route_solve(in, &some);
	struct route_solution *c = route_solve(in, &some);

	CHECK(route_solution_objective(b) <= route_solution_objective(a),
	    "the search never returns worse than the construction");
	CHECK(route_solution_objective(b) == route_solution_objective(c),
	    "the same seed and rounds give the same plan");
	for (int j = 0; j < in->njobs; j++)
		if (b->route_of[j] != c->route_of[j] || b->pos_of[j] != c->pos_of[j])
			some.seed = 0;
	CHECK(some.seed == 1, "... job for job");
	route_solution_free(a);
	route_solution_free(b);
	route_solution_free(c);
	route_instance_free(in);
}

/* A start is kept unless the search finds better: a day that was
 * feasible is never lost. */
static void
test_solve_from_keeps_the_start(void)
{
	struct route_instance *in = random_instance(31, 60, 3, 0);
	struct route_params few = { 1, 50, 0, NULL, NULL }, more = { 2, 200, 0, NULL, NULL };
	struct route_solution *start = route_solve(in, &few);
	struct route_solution *s = route_solve_from(in, &more, start);

	CHECK(start->nunassigned > 0, "the start leaves jobs out (a tight instance)");
	CHECK(route_solution_objective(s) <= route_solution_objective(start) + 1e-9,
	    "solving from a start never returns worse than the start");
	CHECK(all_feasible(s), "... and feasible");
	route_solution_free(start);
	route_solution_free(s);
	route_instance_free(in);
}

/* Deadlines nobody can meet: the jobs still go in, routes stay feasible,
 * and a placed job's new deadline is the start it was given. */
static void
test_place_late(void)
{
	struct route_instance *in = random_instance(41, 50, 4, 0);
	struct route_params p = { 1, 100, 0, NULL, NULL };
	struct route_solution *s;
	int placed, bad = 0;

	for (int j = 0; j < in->njobs; j += 5) {
		in->jobs[j].window_due = in->jobs[j].due;
		in->jobs[j].due = in->jobs[j].ready - 1;	/* before it opens */
		in->jobs[j].weight = 10;
	}
	s = route_solve(in, &p);
	for (int j = 0; j < in->njobs; j += 5)
		bad += s->route_of[j] >= 0;
	CHECK(bad == 0, "a deadline before the window keeps a job out of the search");
	placed = route_place_late(in, s, &p);
	CHECK(placed > 0, "late jobs are placed afterwards");
	CHECK(all_feasible(s), "every route stays feasible");
	for (int j = 0; j < in->njobs; j += 5)
		bad += s->route_of[j] >= 0 && in->jobs[j].due < in->jobs[j].ready;
	CHECK(bad == 0, "a placed job's deadline is its start");
	route_solution_free(s);
	route_instance_free(in);
}

/* Four jobs on a line, given out of order: one vehicle drives out and back. */
static void
test_line(void)
{
	struct route_instance *in = route_instance_new(4, 2, 5);
	struct route_params p = { 1, 50, 0, NULL, NULL };
	struct route_solution *s;

	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++)
			in->minutes[i * 5 + j] = in->km[i * 5 + j] = abs(i - j) * 10.0;
	for (int j = 0; j < 4; j++) {
		in->jobs[j].loc = 4 - j;	/* job 0 is farthest */
		in->jobs[j].service = 5;
	}
	route_instance_prepare(in);
	s = route_solve(in, &p);
	CHECK(fabs(route_solution_cost(s) - 80 * (1 + ROUTE_KM_WEIGHT)) < 1e-9,
	    "jobs on a line: out and back, 80 minutes");
	route_solution_free(s);
	route_instance_free(in);
}

static void
test_explain(void)
{
	struct route_instance *in = route_instance_new(5, 1, 2);
	struct route_reason why;
	struct route_params p = { 1, 0, 0, NULL, NULL };
	struct route_solution *s;

	in->minutes[1] = in->minutes[2] = in->km[1] = in->km[2] = 30;	/* 0 <-> 1 */
	in->vehicles[0].shift_start = 0;
	in->vehicles[0].shift_end = 480;
	in->vehicles[0].capacity = 10;
	for (int j = 0; j < 5; j++) {
		in->jobs[j].loc = 1;
		in->jobs[j].service = 60;
	}
	in->jobs[0].demand = 11;			/* more than the van holds */
	in->jobs[1].ready = 0, in->jobs[1].due = 20;	/* closes before we get there */
	in->jobs[2].service = 440;			/* no time to drive home */
	in->qualified = calloc(5, 1);			/* job 3 only: nobody */
	in->qualified[0] = in->qualified[1] = in->qualified[2] = in->qualified[4] = 1;
	route_instance_prepare(in);
	s = route_solve(in, &p);
	CHECK(s->nunassigned == 4 && s->route_of[4] == 0, "only the plain job is routed");
	route_explain(in, 0, &why);
	CHECK_STR(why.code, "capacity", "too much demand: capacity");
	route_explain(in, 1, &why);
	CHECK_STR(why.code, "window_unreachable", "window closes before arrival");
	route_explain(in, 2, &why);
	CHECK_STR(why.code, "shift_too_short", "job and drive home overrun the shift");
	route_explain(in, 3, &why);
	CHECK_STR(why.code, "no_qualified_tech", "no tech may take it");
	route_solution_free(s);
	route_instance_free(in);
}

/* The side constraints of timeline.h on a random instance: each vehicle
 * has time off, a lunch break and a short break, limits, overtime; some
 * jobs give two windows. */
static struct route_interval two_windows[60][2];
static const struct route_interval off_at[] = { { 200, 240 } };
static const struct route_break lunch[] = { { 15, 100, 180 }, { 30, 260, 380 } };

static struct route_instance *
constrained_instance(uint64_t seed)
{
	struct route_instance *in = random_instance(seed, 60, 6, 0);

	for (int j = 0; j < in->njobs; j += 3) {
		double open = in->jobs[j].ready;
		two_windows[j][0] = (struct route_interval){ open, open + 40 };
		two_windows[j][1] = (struct route_interval){ open + 200, open + 260 };
		in->jobs[j].windows = two_windows[j];
		in->jobs[j].nwindows = 2;
		in->jobs[j].due = open + 260;
	}
	for (int v = 0; v < in->nvehicles; v++) {
		struct route_vehicle *veh = &in->vehicles[v];
		veh->off = off_at;
		veh->noff = v % 2 == 0;
		veh->breaks = lunch;
		veh->nbreaks = 2;
		veh->max_stops = 9;
		veh->max_drive_minutes = 400;
		veh->shift_end = 700;
		veh->overtime_minutes = 60;
		veh->overtime_cost = 2;
	}
	route_instance_prepare(in);
	return in;
}

/* Check a simulated day without trusting the simulation: times in
 * order, drives in full, every start in a window, nothing inside time
 * off, breaks whole within their windows and apart from work, limits. */
static int
schedule_holds(const struct route_instance *in, int v, const int *jobs, int n)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	struct route_stop_times st[64];
	struct route_break_times bt[8];
	struct route_day day;
	double t, drive = 0;
	int at = veh->start_loc;

	if (n == 0)
		return 1;
	if (n > 64 || !route_timeline(in, v, jobs, n, &day, st, bt))
		return 0;
	if (veh->max_stops > 0 && n > veh->max_stops)
		return 0;
	t = day.depart;
	if (t < veh->shift_start - 1e-6)
		return 0;
	for (int k = 0; k < n; k++) {
		const struct route_job *job = &in->jobs[jobs[k]];
		double leg = route_minutes(in, at, job->loc), busy_from = t;
		int in_window = 0;

		for (int b = 0; b < veh->nbreaks; b++)	/* a break before the drive */
			if (bt[b].before == k && bt[b].end <= st[k].arrive - leg + 1e-6)
				busy_from = fmax(busy_from, bt[b].end);
		if (st[k].arrive < busy_from + leg - 1e-6 || st[k].start < st[k].arrive - 1e-6
		    || fabs(st[k].end - st[k].start - job->service) > 1e-6)
			return 0;
		for (int w = 0; w < (job->windows ? job->nwindows : 1); w++) {
			double open = job->windows ? job->windows[w].start : job->ready;
			double close = job->windows ? job->windows[w].end : job->due;
			in_window |= st[k].start >= open - 1e-6 && st[k].start <= close + 1e-6;
		}
		if (!in_window || st[k].start > job->due + 1e-6)
			return 0;
		for (int o = 0; o < veh->noff; o++)
			if (st[k].start < veh->off[o].end - 1e-6 && st[k].end > veh->off[o].start + 1e-6)
				return 0;
		for (int b = 0; b < veh->nbreaks; b++)
			if (bt[b].before >= 0 && bt[b].start < st[k].end - 1e-6
			    && bt[b].end > st[k].start + 1e-6)
				return 0;
		drive += leg;
		t = st[k].end;
		at = job->loc;
	}
	for (int b = 0; b < veh->nbreaks; b++) {
		double latest = veh->breaks[b].end - veh->breaks[b].duration;
		if (bt[b].before < 0) {
			/* Not taken: only when the work is over before it is owed. */
			if (st[n - 1].end > latest + 1e-6 && latest >= veh->shift_start)
				return 0;
			continue;
		}
		if (bt[b].start < veh->breaks[b].start - 1e-6 || bt[b].start > latest + 1e-6
		    || fabs(bt[b].end - bt[b].start - veh->breaks[b].duration) > 1e-6)
			return 0;
	}
	drive += route_minutes(in, at, veh->end_loc);
	if (drive > veh->max_drive_minutes + 1e-6)
		return 0;
	return t + route_minutes(in, at, veh->end_loc)
	    <= veh->shift_end + veh->overtime_minutes + 1e-6;
}

static long constrained_bad, constrained_moves;

static void
on_constrained_move(const struct route_solution *s, void *arg)
{
	(void)arg;
	constrained_moves++;
	for (int v = 0; v < s->in->nvehicles; v++)
		if (!schedule_holds(s->in, v, s->routes[v].jobs + 1, s->routes[v].len))
			constrained_bad++;
}

static void
test_moves_keep_side_constraints(void)
{
	struct route_instance *in = constrained_instance(51);
	struct route_params p = { 5, 300, 0, on_constrained_move, NULL };
	struct route_solution *s = route_solve(in, &p);
	int breaks_taken = 0, overtime = 0, second_window = 0;

	CHECK(constrained_moves > 20, "the local search applied moves under side constraints");
	CHECK(constrained_bad == 0, "every accepted move keeps breaks, time off, windows and limits");
	on_constrained_move(s, NULL);
	CHECK(constrained_bad == 0, "... and so does the solution returned");
	for (int v = 0; v < in->nvehicles; v++) {
		struct route_stop_times st[64];
		struct route_break_times bt[8];
		struct route_day day;
		const struct route_plan *r = &s->routes[v];

		route_timeline(in, v, r->jobs + 1, r->len, &day, st, bt);
		breaks_taken += (r->len > 0 && bt[0].before >= 0) + (r->len > 0 && bt[1].before >= 0);
		overtime += day.overtime > 0;
		for (int k = 0; k < r->len; k++)
			second_window += in->jobs[r->jobs[k + 1]].windows != NULL
			    && st[k].start >= in->jobs[r->jobs[k + 1]].windows[1].start;
	}
	CHECK(breaks_taken > 0 && second_window > 0,
	    "the plan takes breaks and uses second windows (the test can fail)");
	CHECK(overtime > 0, "... and some day runs into its overtime allowance");
	route_solution_free(s);
	route_instance_free(in);
}

/* A break taken while waiting costs nothing; time off pushes the work. */
static void
test_timeline_by_hand(void)
{
	struct route_instance *in = route_instance_new(2, 1, 3);
	static const struct route_interval off[] = { { 120, 180 } };
	static const struct route_break brk[] = { { 30, 60, 150 } };
	struct route_stop_times st[2];
	struct route_break_times bt[1];
	struct route_day day;
	int list[2] = { 0, 1 };

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			in->minutes[i * 3 + j] = in->km[i * 3 + j] = abs(i - j) * 10.0;
	in->jobs[0].loc = 1, in->jobs[0].service = 20;
	in->jobs[1].loc = 2, in->jobs[1].service = 30, in->jobs[1].ready = 100;
	in->vehicles[0].shift_start = 0, in->vehicles[0].shift_end = 400;
	in->vehicles[0].breaks = brk, in->vehicles[0].nbreaks = 1;
	route_instance_prepare(in);
	route_timeline(in, 0, list, 2, &day, st, bt);
	CHECK(bt[0].before == 1 && bt[0].start == 60 && st[1].start == 100,
	    "a break goes into the wait before a window opens, at no cost");
	in->vehicles[0].off = off, in->vehicles[0].noff = 1;
	in->jobs[1].ready = 110;
	route_timeline(in, 0, list, 2, &day, st, bt);
	CHECK(st[1].start == 180, "work that would run into time off starts after it");
	in->vehicles[0].shift_end = 150;
	CHECK(!route_timeline(in, 0, list, 2, &day, st, bt), "past the shift without overtime: no");
	in->vehicles[0].overtime_minutes = 90, in->vehicles[0].overtime_cost = 2;
	CHECK(route_timeline(in, 0, list, 2, &day, st, bt) && day.overtime == 80
	    && fabs(day.cost - (40 * (1 + ROUTE_KM_WEIGHT) + 160)) < 1e-9,
	    "overtime within the allowance, priced per minute");
	in->vehicles[0].max_stops = 1;
	CHECK(!route_timeline(in, 0, list, 2, &day, st, bt), "more stops than max_stops: no");
	route_instance_free(in);
}

/* Parts picked up where it costs least; a fixed stop keeps its place. */
static void
test_pickup_and_fixed(void)
{
	struct route_instance *in = route_instance_new(2, 2, 5);
	static const int counters[] = { 3, 4 };
	static const unsigned char trucks[] = { 0, 1 };	/* vehicle 1 carries them */
	struct route_pickup pick = { counters, 2, trucks, 10 };
	struct route_job fixed = { 1, 0, 1000, 5, 0, -1, 1000, 1, NULL, 0, NULL };
	static const int place[] = { 1 };
	struct route_stop_times st[3];
	struct route_day day;
	int list[2] = { 0, 1 };
	/* places on a line at 0, 10, 20; counters at 35 and 12 */
	static const double x[] = { 0, 10, 20, 35, 12 };

	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++)
			in->minutes[i * 5 + j] = in->km[i * 5 + j] = fabs(x[i] - x[j]);
	in->jobs[0].loc = 1, in->jobs[0].service = 5;
	in->jobs[1].loc = 2, in->jobs[1].service = 5, in->jobs[1].pickup = &pick;
	route_instance_prepare(in);
	CHECK(in->vehicles[0].exact && !in->vehicles[1].exact,
	    "a vehicle without the parts is judged by the timeline, one with them is not");
	route_timeline(in, 0, list, 2, &day, st, NULL);
	CHECK(st[1].pickup_loc == 4 && st[1].arrive == 10 + 5 + 2 + 10 + 8,
	    "the counter that costs least on the way, ten minutes there");
	route_timeline(in, 1, list, 2, &day, st, NULL);
	CHECK(st[1].pickup_loc == -1 && st[1].arrive == 25, "a truck with the parts goes straight");
	in->vehicles[1].fixed = &fixed, in->vehicles[1].fixed_place = place, in->vehicles[1].nfixed = 1;
	route_timeline(in, 1, list, 2, &day, st, NULL);
	CHECK(st[0].fixed == 0 && st[1].fixed < 0 && st[2].fixed < 0 && st[1].arrive == 15,
	    "a fixed stop is first when its place is 1");
	route_instance_free(in);
}

/* The search looks only at routes near a job once the crew is past a
 * few dozen; its last word is a pass over every route, so no job is
 * left out that the final plan could take as it is (issue: a 60 x 420
 * day left ten such jobs out). */
static void
test_nothing_left_that_fits(void)
{
	struct route_instance *in = random_instance(11, 800, 60, 1);
	struct route_params p = { .seed = 3, .iterations = 200 };
	struct route_solution *s = route_solve(in, &p);
	int fits = 0;

	for (int j = 0; j < in->njobs; j++)
		if (s->route_of[j] < 0 && route_best_position(s, j, 1, 0, NULL).vehicle >= 0)
			fits++;
	CHECK(s->nunassigned > 0, "an overbooked day of 60 routes leaves jobs out");
	CHECK(fits == 0, "no job left out fits any route of the final plan as it is");
	CHECK(all_feasible(s), "and every route holds");
	route_place_late(in, s, &p);
	fits = 0;
	for (int j = 0; j < in->njobs; j++)
		if (s->route_of[j] < 0 && route_best_position(s, j, 1, 0, NULL).vehicle >= 0)
			fits++;
	CHECK(fits == 0, "... also after the late jobs are placed");
	route_solution_free(s);
	route_instance_free(in);
}

int
main(void)
{
	test_nothing_left_that_fits();
	test_segments_match_simulation();
	test_moves_keep_routes_feasible(0, "every accepted move keeps every route feasible");
	test_moves_keep_routes_feasible(1, "... also when jobs are restricted to some vehicles");
	test_search_improves_and_is_deterministic();
	test_solve_from_keeps_the_start();
	test_place_late();
	test_line();
	test_explain();
	test_timeline_by_hand();
	test_pickup_and_fixed();
	test_moves_keep_side_constraints();
	return UNIT_DONE();
}
