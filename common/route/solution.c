/* Routes, their segments, and a check that trusts none of them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solution.h"
#include "timeline.h"
#include "xalloc.h"

static void
plan_reserve(struct route_plan *p, int len)
{
	if (len + 2 <= p->cap)
		return;
	p->cap = (len + 2) * 2;
	p->jobs = xrealloc(p->jobs, p->cap * sizeof *p->jobs);
	p->pre = xrealloc(p->pre, p->cap * sizeof *p->pre);
	p->suf = xrealloc(p->suf, p->cap * sizeof *p->suf);
}

struct route_solution *
route_solution_new(const struct route_instance *in)
{
	struct route_solution *s = xcalloc(1, sizeof *s);

	s->in = in;
	s->routes = xcalloc(in->nvehicles + 1, sizeof *s->routes);
	s->route_of = xmalloc((in->njobs + 1) * sizeof *s->route_of);
	s->pos_of = xcalloc(in->njobs + 1, sizeof *s->pos_of);
	for (int j = 0; j < in->njobs; j++)
		s->route_of[j] = -1;
	s->nunassigned = in->njobs;
	for (int j = 0; j < in->njobs; j++)
		s->unassigned_weight += in->jobs[j].weight;
	for (int v = 0; v < in->nvehicles; v++) {
		plan_reserve(&s->routes[v], 8);
		route_plan_update(s, v);
	}
	return s;
}

void
route_solution_free(struct route_solution *s)
{
	if (s == NULL)
		return;
	for (int v = 0; v < s->in->nvehicles; v++) {
		free(s->routes[v].jobs);
		free(s->routes[v].pre);
		free(s->routes[v].suf);
	}
	free(s->routes);
	free(s->route_of);
	free(s->pos_of);
	free(s);
}

void
route_solution_copy_route(struct route_solution *dst, const struct route_solution *src, int v)
{
	struct route_plan *d = &dst->routes[v];
	const struct route_plan *p = &src->routes[v];

	plan_reserve(d, p->len);
	d->len = p->len;
	d->whole = p->whole;
	d->cost = p->cost;
	d->feasible = p->feasible;
	memcpy(d->jobs, p->jobs, (p->len + 2) * sizeof *d->jobs);
	memcpy(d->pre, p->pre, (p->len + 2) * sizeof *d->pre);
	memcpy(d->suf, p->suf, (p->len + 2) * sizeof *d->suf);
	for (int k = 1; k <= p->len; k++) {
		dst->route_of[p->jobs[k]] = v;
		dst->pos_of[p->jobs[k]] = k;
	}
}

void
route_solution_copy(struct route_solution *dst, const struct route_solution *src)
{
	const struct route_instance *in = src->in;

	for (int v = 0; v < in->nvehicles; v++)
		route_solution_copy_route(dst, src, v);
	memcpy(dst->route_of, src->route_of, in->njobs * sizeof *dst->route_of);
	memcpy(dst->pos_of, src->pos_of, in->njobs * sizeof *dst->pos_of);
	dst->nunassigned = src->nunassigned;
	dst->unassigned_weight = src->unassigned_weight;
}

void
route_plan_update(struct route_solution *s, int v)
{
	const struct route_instance *in = s->in;
	struct route_plan *p = &s->routes[v];
	struct route_seg end = route_seg_depot(in, v, 1);

	p->pre[0] = route_seg_depot(in, v, 0);
	for (int k = 1; k <= p->len; k++) {
		struct route_seg job = route_seg_job(in, p->jobs[k]);
		p->pre[k] = route_seg_join(in, &p->pre[k - 1], &job);
		s->route_of[p->jobs[k]] = v;
		s->pos_of[p->jobs[k]] = k;
	}
	p->suf[p->len + 1] = route_seg_empty;
	for (int k = p->len; k >= 1; k--) {
		struct route_seg job = route_seg_job(in, p->jobs[k]);
		p->suf[k] = route_seg_join(in, &job, &p->suf[k + 1]);
	}
	p->whole = route_seg_join(in, &p->pre[p->len], &end);
	p->feasible = route_seg_feasible(in, v, &p->whole);
	p->cost = p->len == 0 ? 0 : p->whole.cost;
	if (in->vehicles[v].exact && p->len + in->vehicles[v].nfixed > 0) {
		struct route_day day;
		p->feasible = p->feasible && route_timeline(in, v, p->jobs + 1, p->len, &day,
		    NULL, NULL);
		if (p->feasible)
			p->cost = day.cost;
	}
}

double
route_exact_cost(const struct route_instance *in, int v, const int *list, int n,
    double seg_cost)
{
	struct route_day day;

	if (!in->vehicles[v].exact || n + in->vehicles[v].nfixed == 0)
		return seg_cost;
	return route_timeline(in, v, list, n, &day, NULL, NULL) ? day.cost : HUGE_VAL;
}

void
route_insert_job(struct route_solution *s, int v, int pos, int j)
{
	struct route_plan *p = &s->routes[v];

	plan_reserve(p, p->len + 1);
	memmove(&p->jobs[pos + 1], &p->jobs[pos], (p->len + 1 - pos) * sizeof *p->jobs);
	p->jobs[pos] = j;
	p->len++;
	if (s->route_of[j] < 0) {
		s->nunassigned--;
		s->unassigned_weight -= s->in->jobs[j].weight;
	}
	route_plan_update(s, v);
}

void
route_remove_job(struct route_solution *s, int j)
{
	int v = s->route_of[j], pos = s->pos_of[j];
	struct route_plan *p;

	if (v < 0)
		return;
	p = &s->routes[v];
	memmove(&p->jobs[pos], &p->jobs[pos + 1], (p->len - pos) * sizeof *p->jobs);
	p->len--;
	s->route_of[j] = -1;
	s->nunassigned++;
	s->unassigned_weight += s->in->jobs[j].weight;
	route_plan_update(s, v);
}

void
route_set_jobs(struct route_solution *s, int v, const int *list, int n)
{
	struct route_plan *p = &s->routes[v];

	plan_reserve(p, n);
	memcpy(&p->jobs[1], list, n * sizeof *list);
	p->len = n;
	route_plan_update(s, v);
}

double
route_solution_cost(const struct route_solution *s)
{
	double cost = 0;

	for (int v = 0; v < s->in->nvehicles; v++)
		cost += s->routes[v].cost;
	return cost;
}

double
route_solution_objective(const struct route_solution *s)
{
	return route_solution_cost(s) + ROUTE_UNASSIGNED_PENALTY * (double)s->unassigned_weight;
}

struct route_seg
route_plan_range(const struct route_solution *s, int v, int from, int to)
{
	const struct route_plan *p = &s->routes[v];
	struct route_seg seg = route_seg_empty;

	if (from > to)
		return seg;
	if (to == p->len)
		return p->suf[from];
	for (int k = from; k <= to; k++) {
		struct route_seg job = route_seg_job(s->in, p->jobs[k]);
		seg = route_seg_join(s->in, &seg, &job);
	}
	return seg;
}

int
route_plan_check(const struct route_solution *s, int v)
{
	const struct route_instance *in = s->in;
	const struct route_vehicle *veh = &in->vehicles[v];
	const struct route_plan *p = &s->routes[v];
	double t, load = 0, latest_start;
	int at = veh->start_loc;

	if (p->len == 0 && veh->nfixed == 0)
		return 1;
	for (int k = 1; k <= p->len; k++)
		if (s->route_of[p->jobs[k]] != v || s->pos_of[p->jobs[k]] != k
		    || !route_may_serve(in, p->jobs[k], v))
			return 0;
	if (veh->exact) {
		struct route_day day;
		return route_timeline(in, v, p->jobs + 1, p->len, &day, NULL, NULL);
	}
	/* Leave as late as the first window allows, never before the shift. */
	t = veh->shift_start;
	latest_start = in->jobs[p->jobs[1]].ready - route_minutes(in, at, in->jobs[p->jobs[1]].loc);
	if (latest_start > t)
		t = latest_start;
	for (int k = 1; k <= p->len; k++) {
		const struct route_job *job = &in->jobs[p->jobs[k]];

		if (s->route_of[p->jobs[k]] != v || s->pos_of[p->jobs[k]] != k)
			return 0;
		if (!route_may_serve(in, p->jobs[k], v))
			return 0;
		t += route_minutes(in, at, job->loc);
		if (t < job->ready)
			t = job->ready;
		if (t > job->due + ROUTE_FIT_EPS)
			return 0;
		t += job->service;
		load += job->demand;
		at = job->loc;
	}
	if (veh->return_in_shift)
		t += route_minutes(in, at, veh->end_loc);
	return t <= veh->shift_end + ROUTE_FIT_EPS && load <= veh->capacity + ROUTE_FIT_EPS;
}
