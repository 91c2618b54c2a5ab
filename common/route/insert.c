/* Cheapest insertion, checked exactly: a job goes between positions k-1
 * and k of a route when pre[k-1] + job + suf[k] + end keeps every window
 * (segment.h), so each candidate position costs O(1). */
#include <math.h>
#include <stdlib.h>

#include "insert.h"
#include "sort.h"
#include "xalloc.h"

/* Up to this many vehicles every route is tried for every job. */
#define ROUTE_SCAN_ALL 50

/* What putting job j at position k of route v adds, for a vehicle the
 * segments only relax (timeline.h): the whole day again, since breaks
 * and overtime move with it. Kept out of try_route, whose joins the
 * compiler inlines only while it stays small. */
static double __attribute__((noinline))
exact_delta(const struct route_solution *s, int v, int k, int j, double seg_cost)
{
	const struct route_plan *p = &s->routes[v];
	int *list = xmalloc((p->len + 2) * sizeof *list);
	double delta;

	for (int i = 1, n = 0; i <= p->len + 1; i++)
		list[n++] = i < k ? p->jobs[i] : i == k ? j : p->jobs[i - 1];
	delta = route_exact_cost(s->in, v, list, p->len + 1, seg_cost) - p->cost;
	free(list);
	return delta;
}

/* Try job j at every position of route v; better ones go into best. */
static void
try_route(const struct route_solution *s, int j, int v, double blink, struct route_rng *rng,
    struct route_position *best)
{
	const struct route_instance *in = s->in;
	const struct route_job *job = &in->jobs[j];
	const struct route_plan *p = &s->routes[v];
	struct route_seg one = route_seg_job(in, j), end = route_seg_depot(in, v, 1);

	for (int k = 1; k <= p->len + 1; k++) {
		int before = k == 1 ? in->vehicles[v].start_loc : in->jobs[p->jobs[k - 1]].loc;
		int after = k == p->len + 1 ? in->vehicles[v].end_loc : in->jobs[p->jobs[k]].loc;
		double delta = route_arc_cost(in, before, job->loc)
		    + route_arc_cost(in, job->loc, after) - route_arc_cost(in, before, after);
		struct route_seg seg;

		if (delta >= best->delta)
			continue;
		if (blink > 0 && route_rng_unit(rng) < blink)
			continue;
		seg = route_seg_join(in, &p->pre[k - 1], &one);
		if (seg.warp > ROUTE_SEGMENT_EPS)
			break;	/* later positions only arrive later */
		seg = route_seg_join(in, &seg, &p->suf[k]);
		seg = route_seg_join(in, &seg, &end);
		if (!route_seg_feasible(in, v, &seg))
			continue;
		if (in->vehicles[v].exact
		    && (delta = exact_delta(s, v, k, j, seg.cost)) >= best->delta)
			continue;
		best->vehicle = v;
		best->pos = k;
		best->delta = delta;
	}
}

/* May route v take job j at all (before looking at positions)? */
static int
worth_trying(const struct route_solution *s, int j, int v, unsigned char *empty_class_seen)
{
	const struct route_instance *in = s->in;

	if (!route_may_serve(in, j, v))
		return 0;
	if (s->routes[v].whole.load + in->jobs[j].demand > in->vehicles[v].capacity + ROUTE_SEGMENT_EPS)
		return 0;
	if (s->routes[v].len == 0) {
		/* One empty route per class of identical vehicles is enough. */
		int c = in->vehicle_class[v];
		if (empty_class_seen[c])
			return 0;
		empty_class_seen[c] = 1;
	}
	return 1;
}

struct route_position
route_best_position(const struct route_solution *s, int j, int everywhere, double blink,
    struct route_rng *rng)
{
	const struct route_instance *in = s->in;
	struct route_position best = { -1, 0, HUGE_VAL };
	unsigned char small[2 * 256] = { 0 }, *seen = small, *tried;

	if (in->nvehicles > 256)
		seen = xcalloc(2 * (size_t)in->nvehicles, 1);
	tried = seen + (in->nvehicles > 256 ? in->nvehicles : 256);
	if (everywhere || in->nvehicles <= ROUTE_SCAN_ALL) {
		for (int v = 0; v < in->nvehicles; v++)
			if (worth_trying(s, j, v, seen))
				try_route(s, j, v, blink, rng, &best);
	} else {
		/* A large crew: the routes of the job's neighbours, and empty
		 * routes; a route far from all of them would not be cheapest. */
		const int *nb = in->neighbours + (size_t)j * in->nneighbours;

		for (int k = 0; k < in->nneighbours && nb[k] >= 0; k++) {
			int v = s->route_of[nb[k]];
			if (v < 0 || tried[v])
				continue;
			tried[v] = 1;
			if (worth_trying(s, j, v, seen))
				try_route(s, j, v, blink, rng, &best);
		}
		for (int v = 0; v < in->nvehicles; v++)
			if (s->routes[v].len == 0 && worth_trying(s, j, v, seen))
				try_route(s, j, v, blink, rng, &best);
	}
	if (seen != small)
		free(seen);
	return best;
}

struct route_position
route_best_position_on(const struct route_solution *s, int j, int v)
{
	const struct route_instance *in = s->in;
	struct route_position best = { -1, 0, HUGE_VAL };

	if (route_may_serve(in, j, v)
	    && s->routes[v].whole.load + in->jobs[j].demand
		<= in->vehicles[v].capacity + ROUTE_SEGMENT_EPS)
		try_route(s, j, v, 0, NULL, &best);
	return best;
}

void
route_recreate(struct route_solution *s, const int *jobs, int n, int everywhere,
    double blink, struct route_rng *rng, unsigned char *touched)
{
	for (int i = 0; i < n; i++) {
		struct route_position at = route_best_position(s, jobs[i], everywhere, blink, rng);

		if (at.vehicle < 0)
			continue;
		route_insert_job(s, at.vehicle, at.pos, jobs[i]);
		if (touched != NULL)
			touched[at.vehicle] = 1;
	}
}

struct by_weight_ctx {
	const struct route_job *jobs;
};

static int
heaviest_first(const void *a, const void *b, void *ctx)
{
	const struct route_job *jobs = ((const struct by_weight_ctx *)ctx)->jobs;
	int x = *(const int *)a, y = *(const int *)b;

	if (jobs[x].weight != jobs[y].weight)
		return jobs[x].weight > jobs[y].weight ? -1 : 1;
	return x - y;
}

void
route_fill(struct route_solution *s)
{
	const struct route_instance *in = s->in;
	int *left = xmalloc((in->njobs + 1) * sizeof *left), n = 0;
	struct by_weight_ctx ctx = { in->jobs };

	for (int j = 0; j < in->njobs; j++)
		if (s->route_of[j] < 0)
			left[n++] = j;
	fsd_sort(left, n, sizeof *left, heaviest_first, &ctx);
	route_recreate(s, left, n, 1, 0, NULL, NULL);
	free(left);
}
