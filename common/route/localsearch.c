/* The improvement moves. Between two routes each move is a few known
 * pieces (prefix, a job or short string, suffix) joined in O(1); within
 * one route the new order is joined job by job, which is cheap for the
 * route lengths of a working day and runs only when the arc costs say
 * the move would pay. First improvement, jobs in a random order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "localsearch.h"
#include "xalloc.h"

#define MAX_STRING 3

struct search {
	struct route_solution *s;
	const struct route_instance *in;
	const struct route_params *p;
	int restricted;		/* some job may not go on some vehicle */
	int *list_a, *list_b;
	long moves;
	unsigned char *focus;
};

/* Location before / after position k of route v. */
static int
loc_at(const struct route_solution *s, int v, int k)
{
	const struct route_plan *r = &s->routes[v];

	if (k <= 0)
		return s->in->vehicles[v].start_loc;
	if (k > r->len)
		return s->in->vehicles[v].end_loc;
	return s->in->jobs[r->jobs[k]].loc;
}

static double
route_cost(const struct route_solution *s, int v)
{
	return s->routes[v].cost;
}

/* Close a route for vehicle v: its cost, or HUGE_VAL when infeasible. */
static double
close_route(const struct route_instance *in, int v, struct route_seg seg, int njobs)
{
	struct route_seg end = route_seg_depot(in, v, 1);

	if (njobs == 0)
		return 0;
	seg = route_seg_join(in, &seg, &end);
	return route_seg_feasible(in, v, &seg) ? seg.cost : HUGE_VAL;
}

static double
list_cost(const struct route_instance *in, int v, const int *list, int n)
{
	struct route_seg seg = route_seg_depot(in, v, 0);

	for (int i = 0; i < n; i++) {
		struct route_seg job = route_seg_job(in, list[i]);
		seg = route_seg_join(in, &seg, &job);
		if (seg.warp > ROUTE_SEGMENT_EPS)
			return HUGE_VAL;
	}
	return route_exact_cost(in, v, list, n, close_route(in, v, seg, n));
}

/* A move between routes a and b whose relaxed costs already improve:
 * when either vehicle needs the exact judgement (timeline.h), is the pair
 * of routes in x's lists still feasible and still better? */
static int
exact_pair_improves(struct search *x, int a, int na, double cost_a, int b, int nb,
    double cost_b)
{
	const struct route_instance *in = x->in;

	if (!in->vehicles[a].exact && !in->vehicles[b].exact)
		return 1;
	cost_a = route_exact_cost(in, a, x->list_a, na, cost_a);
	if (cost_a == HUGE_VAL)
		return 0;
	cost_b = route_exact_cost(in, b, x->list_b, nb, cost_b);
	return cost_b != HUGE_VAL
	    && cost_a + cost_b < route_cost(x->s, a) + route_cost(x->s, b) - ROUTE_GAIN_EPS;
}


/* Jobs from..to of route src may all ride with vehicle v. */
static int
may_take(const struct search *x, int src, int from, int to, int v)
{
	if (!x->restricted || src == v)
		return 1;
	for (int k = from; k <= to; k++)
		if (!route_may_serve(x->in, x->s->routes[src].jobs[k], v))
			return 0;
	return 1;
}

/* Append positions from..to of route v to list. */
static int
append(const struct route_solution *s, int *list, int n, int v, int from, int to)
{
	for (int k = from; k <= to; k++)
		list[n++] = s->routes[v].jobs[k];
	return n;
}

/* A move changed routes a and b. */
static void
applied(struct search *x, int a, int b)
{
	if (x->focus != NULL)
		x->focus[a] = x->focus[b] = 1;
	x->moves++;
	if (x->p != NULL && x->p->on_move != NULL)
		x->p->on_move(x->s, x->p->on_move_arg);
}

/* Make routes a and b what x's lists say. */
static int
adopt_pair(struct search *x, int a, int na, int b, int nb)
{
	route_set_jobs(x->s, a, x->list_a, na);
	route_set_jobs(x->s, b, x->list_b, nb);
	applied(x, a, b);
	return 1;
}

/* Move the string of len jobs at pu in route a to after position q of
 * route b (a != b). */
static int
relocate_between(struct search *x, int a, int pu, int len, int b, int q)
{
	struct route_solution *s = x->s;
	const struct route_instance *in = x->in;
	struct route_plan *ra = &s->routes[a], *rb = &s->routes[b];
	int last = pu + len - 1, na, nb;
	double gain, cost_a, cost_b;
	struct route_seg str, seg;

	if (last > ra->len)
		return 0;
	gain = route_arc_cost(in, loc_at(s, a, pu - 1), loc_at(s, a, pu))
	    + route_arc_cost(in, loc_at(s, a, last), loc_at(s, a, last + 1))
	    - route_arc_cost(in, loc_at(s, a, pu - 1), loc_at(s, a, last + 1))
	    + route_arc_cost(in, loc_at(s, b, q), loc_at(s, b, q + 1))
	    - route_arc_cost(in, loc_at(s, b, q), loc_at(s, a, pu))
	    - route_arc_cost(in, loc_at(s, a, last), loc_at(s, b, q + 1));
	if (rb->len == 0)
		gain -= route_arc_cost(in, loc_at(s, b, 0), loc_at(s, b, 1));
	if (gain <= ROUTE_GAIN_EPS)
		return 0;
	str = route_plan_range(s, a, pu, last);
	if (rb->whole.load + str.load > in->vehicles[b].capacity + ROUTE_SEGMENT_EPS)
		return 0;
	if (!may_take(x, a, pu, last, b))
		return 0;
	seg = route_seg_join(in, &rb->pre[q], &str);
	seg = route_seg_join(in, &seg, &rb->suf[q + 1]);
	cost_b = close_route(in, b, seg, rb->len + len);
	if (cost_b == HUGE_VAL)
		return 0;
	seg = route_seg_join(in, &ra->pre[pu - 1], &ra->suf[last + 1]);
	cost_a = close_route(in, a, seg, ra->len - len);
	if (cost_a + cost_b >= route_cost(s, a) + route_cost(s, b) - ROUTE_GAIN_EPS)
		return 0;
	na = append(s, x->list_a, 0, a, 1, pu - 1);
	na = append(s, x->list_a, na, a, last + 1, ra->len);
	nb = append(s, x->list_b, 0, b, 1, q);
	nb = append(s, x->list_b, nb, a, pu, last);
	nb = append(s, x->list_b, nb, b, q + 1, rb->len);
	if (!exact_pair_improves(x, a, na, cost_a, b, nb, cost_b))
		return 0;
	return adopt_pair(x, a, na, b, nb);
}

/* Exchange the job at pu of route a with the job at pw of route b. */
static int
swap_between(struct search *x, int a, int pu, int b, int pw)
{
	struct route_solution *s = x->s;
	const struct route_instance *in = x->in;
	struct route_plan *ra = &s->routes[a], *rb = &s->routes[b];
	int u = ra->jobs[pu], w = rb->jobs[pw], lu = in->jobs[u].loc, lw = in->jobs[w].loc;
	double gain, cost_a, cost_b;
	struct route_seg seg, one;

	gain = route_arc_cost(in, loc_at(s, a, pu - 1), lu) + route_arc_cost(in, lu, loc_at(s, a, pu + 1))
	    + route_arc_cost(in, loc_at(s, b, pw - 1), lw) + route_arc_cost(in, lw, loc_at(s, b, pw + 1))
	    - route_arc_cost(in, loc_at(s, a, pu - 1), lw) - route_arc_cost(in, lw, loc_at(s, a, pu + 1))
	    - route_arc_cost(in, loc_at(s, b, pw - 1), lu) - route_arc_cost(in, lu, loc_at(s, b, pw + 1));
	if (gain <= ROUTE_GAIN_EPS)
		return 0;
	if (!route_may_serve(in, u, b) || !route_may_serve(in, w, a))
		return 0;
	if (ra->whole.load - in->jobs[u].demand + in->jobs[w].demand
		> in->vehicles[a].capacity + ROUTE_SEGMENT_EPS
	    || rb->whole.load - in->jobs[w].demand + in->jobs[u].demand
		> in->vehicles[b].capacity + ROUTE_SEGMENT_EPS)
		return 0;
	one = route_seg_job(in, w);
	seg = route_seg_join(in, &ra->pre[pu - 1], &one);
	seg = route_seg_join(in, &seg, &ra->suf[pu + 1]);
	cost_a = close_route(in, a, seg, ra->len);
	if (cost_a == HUGE_VAL)
		return 0;
	one = route_seg_job(in, u);
	seg = route_seg_join(in, &rb->pre[pw - 1], &one);
	seg = route_seg_join(in, &seg, &rb->suf[pw + 1]);
	cost_b = close_route(in, b, seg, rb->len);
	if (cost_a + cost_b >= route_cost(s, a) + route_cost(s, b) - ROUTE_GAIN_EPS)
		return 0;
	if (in->vehicles[a].exact || in->vehicles[b].exact) {
		int na = append(s, x->list_a, 0, a, 1, ra->len);
		int nb = append(s, x->list_b, 0, b, 1, rb->len);
		x->list_a[pu - 1] = w;
		x->list_b[pw - 1] = u;
		if (!exact_pair_improves(x, a, na, cost_a, b, nb, cost_b))
			return 0;
	}
	ra->jobs[pu] = w;
	rb->jobs[pw] = u;
	route_plan_update(s, a);
	route_plan_update(s, b);
	applied(x, a, b);
	return 1;
}

/* 2-opt*: route a keeps 1..pu and takes b's pw..; b keeps 1..pw-1 and
 * takes a's pu+1.. -- so that u is followed by w. */
static int
two_opt_star(struct search *x, int a, int pu, int b, int pw)
{
	struct route_solution *s = x->s;
	const struct route_instance *in = x->in;
	struct route_plan *ra = &s->routes[a], *rb = &s->routes[b];
	int na, nb;
	double gain, cost_a, cost_b;
	struct route_seg seg;

	int tail = pu < ra->len;	/* a has jobs after u to hand over */
	int end_a = loc_at(s, a, ra->len + 1), end_b = loc_at(s, b, rb->len + 1);
	int last_a = loc_at(s, a, ra->len), last_b = loc_at(s, b, rb->len);
	int lu = loc_at(s, a, pu), lw = loc_at(s, b, pw), before_w = loc_at(s, b, pw - 1);

	gain = route_arc_cost(in, lu, loc_at(s, a, pu + 1)) + route_arc_cost(in, before_w, lw)
	    + route_arc_cost(in, last_b, end_b)
	    - route_arc_cost(in, lu, lw) - route_arc_cost(in, last_b, end_a);
	if (tail)
		gain += route_arc_cost(in, last_a, end_a) - route_arc_cost(in, before_w, loc_at(s, a, pu + 1))
		    - route_arc_cost(in, last_a, end_b);
	else
		gain -= route_arc_cost(in, before_w, end_b);
	if (gain <= ROUTE_GAIN_EPS)
		return 0;
	if (ra->pre[pu].load + rb->suf[pw].load > in->vehicles[a].capacity + ROUTE_SEGMENT_EPS
	    || rb->pre[pw - 1].load + ra->suf[pu + 1].load > in->vehicles[b].capacity + ROUTE_SEGMENT_EPS)
		return 0;
	if (!may_take(x, b, pw, rb->len, a) || !may_take(x, a, pu + 1, ra->len, b))
		return 0;
	seg = route_seg_join(in, &ra->pre[pu], &rb->suf[pw]);
	na = pu + rb->len - pw + 1;
	cost_a = close_route(in, a, seg, na);
	if (cost_a == HUGE_VAL)
		return 0;
	seg = route_seg_join(in, &rb->pre[pw - 1], &ra->suf[pu + 1]);
	nb = pw - 1 + ra->len - pu;
	cost_b = close_route(in, b, seg, nb);
	if (cost_a + cost_b >= route_cost(s, a) + route_cost(s, b) - ROUTE_GAIN_EPS)
		return 0;
	na = append(s, x->list_a, 0, a, 1, pu);
	na = append(s, x->list_a, na, b, pw, rb->len);
	nb = append(s, x->list_b, 0, b, 1, pw - 1);
	nb = append(s, x->list_b, nb, a, pu + 1, ra->len);
	if (!exact_pair_improves(x, a, na, cost_a, b, nb, cost_b))
		return 0;
	return adopt_pair(x, a, na, b, nb);
}

/* Within route v: adopt list when it is feasible and cheaper. */
static int
try_order(struct search *x, int v, int n)
{
	double cost = list_cost(x->in, v, x->list_a, n);

	if (cost >= route_cost(x->s, v) - ROUTE_GAIN_EPS)
		return 0;
	route_set_jobs(x->s, v, x->list_a, n);
	applied(x, v, v);
	return 1;
}

/* Move the string of len jobs at pu to after position q, same route. */
static int
relocate_within(struct search *x, int v, int pu, int len, int q)
{
	struct route_solution *s = x->s;
	const struct route_instance *in = x->in;
	int last = pu + len - 1, n, rlen = s->routes[v].len;
	double gain;

	if (last > rlen || (q >= pu - 1 && q <= last))
		return 0;
	gain = route_arc_cost(in, loc_at(s, v, pu - 1), loc_at(s, v, pu))
	    + route_arc_cost(in, loc_at(s, v, last), loc_at(s, v, last + 1))
	    - route_arc_cost(in, loc_at(s, v, pu - 1), loc_at(s, v, last + 1))
	    + route_arc_cost(in, loc_at(s, v, q), loc_at(s, v, q + 1))
	    - route_arc_cost(in, loc_at(s, v, q), loc_at(s, v, pu))
	    - route_arc_cost(in, loc_at(s, v, last), loc_at(s, v, q + 1));
	if (gain <= ROUTE_GAIN_EPS)
		return 0;
	if (q < pu) {
		n = append(s, x->list_a, 0, v, 1, q);
		n = append(s, x->list_a, n, v, pu, last);
		n = append(s, x->list_a, n, v, q + 1, pu - 1);
		n = append(s, x->list_a, n, v, last + 1, rlen);
	} else {
		n = append(s, x->list_a, 0, v, 1, pu - 1);
		n = append(s, x->list_a, n, v, last + 1, q);
		n = append(s, x->list_a, n, v, pu, last);
		n = append(s, x->list_a, n, v, q + 1, rlen);
	}
	return try_order(x, v, n);
}

static int
swap_within(struct search *x, int v, int pu, int pw)
{
	struct route_solution *s = x->s;
	int n = append(s, x->list_a, 0, v, 1, s->routes[v].len), t;

	t = x->list_a[pu - 1];
	x->list_a[pu - 1] = x->list_a[pw - 1];
	x->list_a[pw - 1] = t;
	return try_order(x, v, n);
}

/* Reverse positions i..k (i < k) of route v. */
static int
reverse_within(struct search *x, int v, int i, int k)
{
	struct route_solution *s = x->s;
	const struct route_instance *in = x->in;
	int n = append(s, x->list_a, 0, v, 1, s->routes[v].len);
	double gain = route_arc_cost(in, loc_at(s, v, i - 1), loc_at(s, v, i))
	    + route_arc_cost(in, loc_at(s, v, k), loc_at(s, v, k + 1))
	    - route_arc_cost(in, loc_at(s, v, i - 1), loc_at(s, v, k))
	    - route_arc_cost(in, loc_at(s, v, i), loc_at(s, v, k + 1));

	/* Symmetric travel is the common case; an asymmetric matrix is still
	 * judged exactly by try_order. */
	if (gain <= ROUTE_GAIN_EPS)
		return 0;
	for (int a = i - 1, b = k - 1; a < b; a++, b--) {
		int t = x->list_a[a];
		x->list_a[a] = x->list_a[b];
		x->list_a[b] = t;
	}
	return try_order(x, v, n);
}

/* Every move that brings u next to its neighbour w; 1 when one applied. */
static int
improve_pair(struct search *x, int u, int w)
{
	struct route_solution *s = x->s;
	int a = s->route_of[u], b = s->route_of[w], pu = s->pos_of[u], pw = s->pos_of[w];

	if (a < 0 || b < 0)
		return 0;
	if (a != b) {
		if (!route_may_serve(x->in, u, b))
			return two_opt_star(x, a, pu, b, pw);
		for (int len = 1; len <= MAX_STRING; len++)
			if (relocate_between(x, a, pu, len, b, pw)
			    || relocate_between(x, a, pu, len, b, pw - 1))
				return 1;
		return swap_between(x, a, pu, b, pw) || two_opt_star(x, a, pu, b, pw);
	}
	for (int len = 1; len <= MAX_STRING; len++)
		if (relocate_within(x, a, pu, len, pw) || relocate_within(x, a, pu, len, pw - 1))
			return 1;
	if (swap_within(x, a, pu, pw))
		return 1;
	return pu < pw ? reverse_within(x, a, pu + 1, pw) : reverse_within(x, a, pw + 1, pu);
}

long
route_local_search(struct route_solution *s, const struct route_params *p,
    struct route_rng *rng, unsigned char *focus)
{
	const struct route_instance *in = s->in;
	struct search x = { s, in, p, in->qualified != NULL, NULL, NULL, 0, focus };
	int *order = xmalloc((in->njobs + 1) * sizeof *order), improved = 1;

	for (int j = 0; j < in->njobs; j++)
		x.restricted |= in->jobs[j].only_vehicle >= 0;
	x.list_a = xmalloc((in->njobs + 2) * sizeof *x.list_a);
	x.list_b = xmalloc((in->njobs + 2) * sizeof *x.list_b);
	for (int j = 0; j < in->njobs; j++)
		order[j] = j;
	for (int j = in->njobs - 1; j > 0; j--) {
		int k = route_rng_below(rng, j + 1), t = order[j];
		order[j] = order[k];
		order[k] = t;
	}
	while (improved) {
		improved = 0;
		for (int i = 0; i < in->njobs; i++) {
			int u = order[i];
			const int *nb = in->neighbours + (size_t)u * in->nneighbours;

			if (focus != NULL && (s->route_of[u] < 0 || !focus[s->route_of[u]]))
				continue;

			for (int k = 0; k < in->nneighbours && nb[k] >= 0; k++)
				if (improve_pair(&x, u, nb[k]))
					improved = 1;
		}
	}
	free(order);
	free(x.list_a);
	free(x.list_b);
	return x.moves;
}
