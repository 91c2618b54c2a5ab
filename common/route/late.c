/* A deadline that cannot be met is not a reason to leave a job out: a
 * no-heat call whose four-hour SLA has become impossible still needs a
 * tech, as early as one can get there, and the dispatcher needs to know
 * it will be late. The search treats every deadline as hard (a late
 * arrival is never traded for a shorter drive); only what it could not
 * place on time comes here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "insert.h"
#include "localsearch.h"
#include "sort.h"
#include "timeline.h"
#include "xalloc.h"

double
route_start_at(const struct route_solution *s, int v, int k, int j)
{
	const struct route_instance *in = s->in;
	const struct route_plan *p = &s->routes[v];
	struct route_seg one = route_seg_job(in, j), end = route_seg_depot(in, v, 1), seg;
	double t = in->vehicles[v].shift_start;
	int at = in->vehicles[v].start_loc;

	if (!route_may_serve(in, j, v))
		return HUGE_VAL;
	seg = route_seg_join(in, &p->pre[k - 1], &one);
	seg = route_seg_join(in, &seg, &p->suf[k]);
	seg = route_seg_join(in, &seg, &end);
	if (!route_seg_feasible(in, v, &seg))
		return HUGE_VAL;
	if (in->vehicles[v].exact) {
		int *list = xmalloc((p->len + 2) * sizeof *list);
		struct route_stop_times *times = xmalloc((p->len + 2 + in->vehicles[v].nfixed)
		    * sizeof *times);
		struct route_day day;

		for (int i = 1, n = 0; i <= p->len + 1; i++)
			list[n++] = i < k ? p->jobs[i] : i == k ? j : p->jobs[i - 1];
		t = HUGE_VAL;
		if (route_timeline(in, v, list, p->len + 1, &day, times, NULL))
			for (int i = 0, free_stop = 0; i < p->len + 1 + in->vehicles[v].nfixed; i++)
				if (times[i].fixed < 0 && ++free_stop == k)
					t = times[i].start;
		free(list);
		free(times);
		return t;
	}
	for (int i = 1; i < k; i++) {
		const struct route_job *x = &in->jobs[p->jobs[i]];
		t = fmax(t + route_minutes(in, at, x->loc), x->ready) + x->service;
		at = x->loc;
	}
	return fmax(t + route_minutes(in, at, in->jobs[j].loc), in->jobs[j].ready);
}

struct spot {
	int vehicle, pos, eject;	/* eject: a job taken out first, or -1 */
	double start;
};

static void
earliest_spot(const struct route_solution *s, int v, int j, int eject, struct spot *best)
{
	for (int k = 1; k <= s->routes[v].len + 1; k++) {
		double start = route_start_at(s, v, k, j);

		if (start < best->start - ROUTE_GAIN_EPS) {
			best->vehicle = v;
			best->pos = k;
			best->eject = eject;
			best->start = start;
		}
	}
}

/* Earliest place for j: as things are, or else with one lighter job of
 * a route taken out (the lightest, then the one whose leaving lets j in
 * soonest). */
static struct spot
find_spot(struct route_solution *s, int j)
{
	const struct route_instance *in = s->in;
	struct spot best = { -1, 0, -1, HUGE_VAL };

	for (int v = 0; v < in->nvehicles; v++)
		earliest_spot(s, v, j, -1, &best);
	if (best.vehicle >= 0)
		return best;
	for (int v = 0; v < in->nvehicles; v++) {
		if (!route_may_serve(in, j, v))
			continue;
		for (int k = 1; k <= s->routes[v].len; k++) {
			int r = s->routes[v].jobs[k];
			struct spot here = { -1, 0, -1, HUGE_VAL };

			/* A locked job outweighs any other (records.c): it
			 * is never the one taken out. */
			if (in->jobs[r].weight >= in->jobs[j].weight)
				continue;
			route_remove_job(s, r);
			earliest_spot(s, v, j, r, &here);
			route_insert_job(s, v, k, r);
			if (here.vehicle < 0)
				continue;
			if (best.vehicle < 0 || in->jobs[r].weight < in->jobs[best.eject].weight
			    || (in->jobs[r].weight == in->jobs[best.eject].weight
			    && here.start < best.start))
				best = here;
		}
	}
	return best;
}

/* When service starts at job j where it is. */
static double
start_of(struct route_solution *s, int j)
{
	int v = s->route_of[j], k = s->pos_of[j];
	double t;

	route_remove_job(s, j);
	t = route_start_at(s, v, k, j);
	route_insert_job(s, v, k, j);
	return t;
}

/* The lightest job of route v lighter than j, or -1. */
static int
lightest_below(const struct route_solution *s, int v, int j)
{
	const struct route_instance *in = s->in;
	int r = -1;

	for (int k = 1; k <= s->routes[v].len; k++) {
		int x = s->routes[v].jobs[k];

		if (in->jobs[x].weight < in->jobs[j].weight
		    && (r < 0 || in->jobs[x].weight < in->jobs[r].weight))
			r = x;
	}
	return r;
}

/* Take the lightest jobs out of route v, one at a time, until j fits
 * (stopping once more than limit weight would go): the weight lost, or
 * -1 when j does not fit so. The jobs taken are in taken[0..*n), their
 * positions in at[]. */
static long
clear_for(struct route_solution *s, int v, int j, long limit, int *taken, int *at, int *n)
{
	long lost = 0;

	for (*n = 0;;) {
		int r;

		if (route_best_position_on(s, j, v).vehicle >= 0)
			return lost;
		r = lightest_below(s, v, j);
		if (r < 0 || lost + s->in->jobs[r].weight > limit)
			return -1;
		taken[*n] = r;
		at[(*n)++] = s->pos_of[r];
		lost += s->in->jobs[r].weight;
		route_remove_job(s, r);
	}
}

/* An emergency that fits a day alone is never left out for the routine
 * jobs on it: of the days that may take it, the one that loses the least
 * weight gives up its lightest jobs until it fits, and those go where
 * they still can. One job out at a time (find_spot) is not always
 * enough: two short visits may hold the hour a gas leak needs. */
static int
make_room(struct route_solution *s, int j)
{
	const struct route_instance *in = s->in;
	int *taken = xmalloc((in->njobs + 1) * sizeof *taken);
	int *at = xmalloc((in->njobs + 1) * sizeof *at), n, best = -1;
	long least = in->jobs[j].weight - 1;

	for (int v = 0; v < in->nvehicles; v++) {
		long lost;

		if (!route_may_serve(in, j, v))
			continue;
		lost = clear_for(s, v, j, least, taken, at, &n);
		while (n > 0) {
			n--;
			route_insert_job(s, v, at[n], taken[n]);
		}
		if (lost >= 0 && (best < 0 || lost < least)) {
			best = v;
			least = lost;
		}
	}
	if (best >= 0) {
		clear_for(s, best, j, least, taken, at, &n);
		struct route_position p = route_best_position_on(s, j, best);
		route_insert_job(s, best, p.pos, j);
		for (int i = 0; i < n; i++) {
			struct route_position again = route_best_position(s, taken[i], 1, 0, NULL);
			if (again.vehicle >= 0)
				route_insert_job(s, again.vehicle, again.pos, taken[i]);
		}
	}
	free(taken);
	free(at);
	return best >= 0;
}

static int
heaviest_first(const void *a, const void *b, void *ctx)
{
	const struct route_job *jobs = ctx;
	const struct route_job *x = &jobs[*(const int *)a], *y = &jobs[*(const int *)b];

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

int
route_place_late(struct route_instance *in, struct route_solution *s,
    const struct route_params *p)
{
	int *late = xmalloc((in->njobs + 1) * sizeof *late), n = 0, placed = 0;
	struct route_rng rng;

	for (int j = 0; j < in->njobs; j++)
		if (s->route_of[j] < 0 && (in->jobs[j].due < in->jobs[j].window_due
		    || in->jobs[j].weight >= ROUTE_EMERGENCY_WEIGHT))
			late[n++] = j;
	fsd_sort(late, n, sizeof *late, heaviest_first, in->jobs);
	for (int i = 0; i < n; i++) {
		int j = late[i];
		double deadline = in->jobs[j].due;
		struct spot at;

		/* On time first, with one lighter job taken out if that is
		 * the way in: late only when no day can have it by then. */
		at = find_spot(s, j);
		if (at.vehicle < 0) {
			in->jobs[j].due = in->jobs[j].window_due;
			at = find_spot(s, j);
		}
		if (at.vehicle < 0 && in->jobs[j].weight >= ROUTE_EMERGENCY_WEIGHT) {
			/* Still out: on time by clearing a day, else as
			 * soon as a cleared day can. */
			in->jobs[j].due = deadline;
			if (!make_room(s, j)) {
				in->jobs[j].due = in->jobs[j].window_due;
				if (!make_room(s, j)) {
					in->jobs[j].due = deadline;
					continue;
				}
			}
			in->jobs[j].due = fmax(start_of(s, j), deadline);
			placed++;
			continue;
		}
		if (at.vehicle < 0) {
			in->jobs[j].due = deadline;
			continue;
		}
		if (at.eject >= 0) {
			/* The pos was found with the ejected job out. */
			route_remove_job(s, at.eject);
		}
		route_insert_job(s, at.vehicle, at.pos, j);
		in->jobs[j].due = fmax(at.start, deadline);
		route_plan_update(s, at.vehicle);
		if (at.eject >= 0) {
			struct route_position again = route_best_position(s, at.eject, 1, 0, NULL);
			if (again.vehicle >= 0)
				route_insert_job(s, again.vehicle, again.pos, at.eject);
		}
		placed++;
	}
	if (placed > 0) {
		route_rng_seed(&rng, p->seed);
		route_local_search(s, p, &rng, NULL);
		route_fill(s);
	}
	free(late);
	return placed;
}
