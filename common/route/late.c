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
#include "timeline.h"
#include "xalloc.h"

/* When service could start at job j put at position k of route v,
 * leaving as early as the shift allows; HUGE_VAL when the route would
 * not hold. */
static double
start_at(const struct route_solution *s, int v, int k, int j)
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
		double start = start_at(s, v, k, j);

		if (start < best->start - 1e-9) {
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

static const struct route_job *order_jobs;

static int
heaviest_first(const void *a, const void *b)
{
	const struct route_job *x = &order_jobs[*(const int *)a], *y = &order_jobs[*(const int *)b];

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
		if (s->route_of[j] < 0 && in->jobs[j].due < in->jobs[j].window_due)
			late[n++] = j;
	order_jobs = in->jobs;
	qsort(late, n, sizeof *late, heaviest_first);
	for (int i = 0; i < n; i++) {
		int j = late[i];
		double deadline = in->jobs[j].due;
		struct spot at;

		in->jobs[j].due = in->jobs[j].window_due;
		at = find_spot(s, j);
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
	}
	free(late);
	return placed;
}
