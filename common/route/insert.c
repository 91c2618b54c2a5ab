/* Cheapest insertion, checked exactly: a job goes between positions k-1
 * and k of a route when pre[k-1] + job + suf[k] + end keeps every window
 * (segment.h), so each candidate position costs O(1). */
#include <math.h>
#include <stdlib.h>

#include "insert.h"
#include "xalloc.h"

struct route_position
route_best_position(const struct route_solution *s, int j, double blink,
    struct route_rng *rng)
{
	const struct route_instance *in = s->in;
	const struct route_job *job = &in->jobs[j];
	struct route_seg one = route_seg_job(in, j);
	struct route_position best = { -1, 0, HUGE_VAL };
	/* One empty route per class of identical vehicles is enough. */
	unsigned char small_seen[256] = { 0 }, *seen = small_seen;

	if (in->nvehicles > 256)
		seen = xcalloc(in->nvehicles, 1);
	for (int v = 0; v < in->nvehicles; v++) {
		const struct route_plan *p = &s->routes[v];
		struct route_seg end;

		if (!route_may_serve(in, j, v))
			continue;
		if (p->whole.load + job->demand > in->vehicles[v].capacity + ROUTE_EPS)
			continue;
		if (p->len == 0) {
			int c = in->vehicle_class[v];
			if (seen[c])
				continue;
			seen[c] = 1;
		}
		end = route_seg_depot(in, v, 1);
		for (int k = 1; k <= p->len + 1; k++) {
			int before = k == 1 ? in->vehicles[v].start_loc : in->jobs[p->jobs[k - 1]].loc;
			int after = k == p->len + 1 ? in->vehicles[v].end_loc : in->jobs[p->jobs[k]].loc;
			double delta = route_arc_cost(in, before, job->loc)
			    + route_arc_cost(in, job->loc, after) - route_arc_cost(in, before, after);
			struct route_seg seg;

			if (delta >= best.delta)
				continue;
			if (blink > 0 && route_rng_unit(rng) < blink)
				continue;
			seg = route_seg_join(in, &p->pre[k - 1], &one);
			if (seg.warp > ROUTE_EPS)
				break;	/* later positions only arrive later */
			seg = route_seg_join(in, &seg, &p->suf[k]);
			seg = route_seg_join(in, &seg, &end);
			if (!route_seg_feasible(in, v, &seg))
				continue;
			best.vehicle = v;
			best.pos = k;
			best.delta = delta;
		}
	}
	if (seen != small_seen)
		free(seen);
	return best;
}

void
route_recreate(struct route_solution *s, const int *jobs, int n, double blink,
    struct route_rng *rng, unsigned char *touched)
{
	for (int i = 0; i < n; i++) {
		struct route_position at = route_best_position(s, jobs[i], blink, rng);

		if (at.vehicle < 0)
			continue;
		route_insert_job(s, at.vehicle, at.pos, jobs[i]);
		if (touched != NULL)
			touched[at.vehicle] = 1;
	}
}
