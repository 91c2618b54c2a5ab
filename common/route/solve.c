/* The metaheuristic: SISR (Christiaens & Vanden Berghe 2020) -- ruin a
 * few neighbouring strings, recreate by cheapest insertion with blinks,
 * accept by simulated annealing -- with the granular local search run on
 * every new best. Routes stay feasible throughout; only the jobs that fit
 * nowhere are left out, and they cost more than any route. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "insert.h"
#include "localsearch.h"
#include "ruin.h"
#include "sort.h"
#include "xalloc.h"

/* SISR's published settings: c-bar 10, L-max 10, blink rate 0.01. */
static const struct route_ruin ruin_settings = { 10, 10 };
#define BLINK_RATE 0.01
/* SISR's temperatures, 100 falling to 1, in cost units: Solomon's
 * distances and our drive minutes are of one scale (an arc is 5-30). */
#define TEMPERATURE_START 100.0
#define TEMPERATURE_END 1.0
/* Jobs left out, retried each round besides those near the ruin. */
#define RANDOM_RETRIES 8
#define NEAR_RETRIES 10

struct solver {
	const struct route_instance *in;
	const struct route_params *p;
	struct route_rng rng;
	double *far;		/* per job: drive from the nearest start place */
	double *key;		/* sort keys for the recreate order */
	int *removed;
	unsigned char *touched;
	unsigned *mark, stamp;	/* jobs already in this round's list */
	struct timespec started;
};

static double
elapsed(const struct solver *x)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - x->started.tv_sec) + (now.tv_nsec - x->started.tv_nsec) / 1e9;
}

/* The heaviest jobs first (emergencies before routine visits: what is
 * inserted first gets the room), then by the round's key. */
static int
by_key(const void *a, const void *b, void *ctx)
{
	const struct solver *x = ctx;
	const struct route_job *jobs = x->in->jobs;
	int i = *(const int *)a, j = *(const int *)b;

	if (jobs[i].weight != jobs[j].weight)
		return jobs[i].weight > jobs[j].weight ? -1 : 1;
	if (x->key[i] != x->key[j])
		return x->key[i] < x->key[j] ? -1 : 1;
	return i - j;
}

/* SISR's recreate orders, by weight: random 4, largest demand 4, farthest
 * 2, nearest 1; for time windows also earliest window and narrowest 2. */
static void
order_jobs(struct solver *x, int *jobs, int n)
{
	const struct route_instance *in = x->in;
	int pick = route_rng_below(&x->rng, 15);

	for (int i = 0; i < n; i++) {
		const struct route_job *job = &in->jobs[jobs[i]];
		double k;

		if (pick < 4)
			k = route_rng_unit(&x->rng);
		else if (pick < 8)
			k = -job->demand;
		else if (pick < 10)
			k = -x->far[jobs[i]];
		else if (pick < 11)
			k = x->far[jobs[i]];
		else if (pick < 13)
			k = job->ready;
		else
			k = job->due - job->ready;
		x->key[jobs[i]] = k;
	}
	fsd_sort(jobs, n, sizeof *jobs, by_key, x);
}

static int
unassigned_jobs(const struct route_solution *s, int *out, int n)
{
	for (int j = 0; j < s->in->njobs; j++)
		if (s->route_of[j] < 0)
			out[n++] = j;
	return n;
}

/* The jobs to recreate after a ruin: those just removed, and of the jobs
 * left out before, the ones near them (only there has room been made)
 * and a few at random. On an overbooked day hundreds of jobs fit nowhere;
 * retrying them all every round would leave no time for the search. */
static int
retry_list(struct solver *x, const struct route_solution *s, int *list, int n)
{
	const struct route_instance *in = s->in;
	int removed = n;

	x->stamp++;
	for (int i = 0; i < n; i++)
		x->mark[list[i]] = x->stamp;
	for (int i = 0; i < removed; i++) {
		const int *nb = in->neighbours + (size_t)list[i] * in->nneighbours;
		for (int k = 0; k < NEAR_RETRIES && k < in->nneighbours && nb[k] >= 0; k++)
			if (s->route_of[nb[k]] < 0 && x->mark[nb[k]] != x->stamp) {
				x->mark[nb[k]] = x->stamp;
				list[n++] = nb[k];
			}
	}
	for (int tries = 0; tries < RANDOM_RETRIES && s->nunassigned > n; tries++) {
		int j = route_rng_below(&x->rng, in->njobs);
		if (s->route_of[j] < 0 && x->mark[j] != x->stamp) {
			x->mark[j] = x->stamp;
			list[n++] = j;
		}
	}
	return n;
}

/* dst takes src's routes that are flagged, and the place of every job in
 * list (removed jobs that may have moved or been left out). */
static void
copy_touched(struct route_solution *dst, const struct route_solution *src,
    const unsigned char *touched, const int *list, int n)
{
	for (int v = 0; v < src->in->nvehicles; v++)
		if (touched[v])
			route_solution_copy_route(dst, src, v);
	for (int i = 0; i < n; i++) {
		dst->route_of[list[i]] = src->route_of[list[i]];
		dst->pos_of[list[i]] = src->pos_of[list[i]];
	}
	dst->nunassigned = src->nunassigned;
	dst->unassigned_weight = src->unassigned_weight;
}

static void
solver_init(struct solver *x, const struct route_instance *in, const struct route_params *p)
{
	memset(x, 0, sizeof *x);
	x->in = in;
	x->p = p;
	clock_gettime(CLOCK_MONOTONIC, &x->started);
	route_rng_seed(&x->rng, p->seed);
	x->far = xmalloc((in->njobs + 1) * sizeof *x->far);
	x->key = xmalloc((in->njobs + 1) * sizeof *x->key);
	x->removed = xmalloc((in->njobs + 1) * sizeof *x->removed);
	x->touched = xcalloc(in->nvehicles + 1, 1);
	x->mark = xcalloc(in->njobs + 1, sizeof *x->mark);
	for (int j = 0; j < in->njobs; j++) {
		x->far[j] = HUGE_VAL;
		for (int v = 0; v < in->nvehicles; v++)
			if (route_may_serve(in, j, v))
				x->far[j] = fmin(x->far[j],
				    route_arc_cost(in, in->vehicles[v].start_loc, in->jobs[j].loc));
		if (x->far[j] == HUGE_VAL)
			x->far[j] = 0;
	}
}

static void
solver_free(struct solver *x)
{
	free(x->far);
	free(x->key);
	free(x->removed);
	free(x->touched);
	free(x->mark);
}

static int
out_of_budget(const struct solver *x, long iter)
{
	if (x->p->iterations > 0 && iter >= x->p->iterations)
		return 1;
	if (x->p->seconds > 0 && (iter & 15) == 0 && elapsed(x) >= x->p->seconds)
		return 1;
	return x->p->iterations <= 0 && x->p->seconds <= 0;
}

/* How far the search has come, 0..1: by rounds when they are bounded (so
 * a seed gives the same plan anywhere), else by the clock. */
static double
progress(const struct solver *x, long iter)
{
	if (x->p->iterations > 0)
		return (double)iter / x->p->iterations;
	return fmin(1.0, elapsed(x) / x->p->seconds);
}

struct route_solution *
route_solve(const struct route_instance *in, const struct route_params *p)
{
	return route_solve_from(in, p, NULL);
}

struct route_solution *
route_solve_from(const struct route_instance *in, const struct route_params *p,
    const struct route_solution *start)
{
	struct solver x;
	struct route_solution *best = route_solution_new(in);
	struct route_solution *cur, *work;
	double cur_obj, best_obj, t_ratio = TEMPERATURE_END / TEMPERATURE_START;
	int n;

	solver_init(&x, in, p);
	if (start != NULL)
		route_solution_copy(best, start);
	n = unassigned_jobs(best, x.removed, 0);
	order_jobs(&x, x.removed, n);
	route_recreate(best, x.removed, n, 1, 0, NULL, NULL);
	route_local_search(best, p, &x.rng, NULL);
	cur = route_solution_new(in);
	work = route_solution_new(in);
	route_solution_copy(cur, best);
	route_solution_copy(work, best);
	best_obj = cur_obj = route_solution_objective(best);

	for (long iter = 0; !out_of_budget(&x, iter); iter++) {
		double temperature = TEMPERATURE_START * pow(t_ratio, progress(&x, iter));
		double obj;

		memset(x.touched, 0, in->nvehicles);
		n = route_ruin_strings(work, &ruin_settings, &x.rng, x.removed, x.touched);
		n = retry_list(&x, work, x.removed, n);
		order_jobs(&x, x.removed, n);
		route_recreate(work, x.removed, n, 0, BLINK_RATE, &x.rng, x.touched);
		obj = route_solution_objective(work);
		if (obj < cur_obj - temperature * log(route_rng_unit(&x.rng) + 1e-300)) {
			copy_touched(cur, work, x.touched, x.removed, n);
			cur_obj = obj;
			if (obj < best_obj - ROUTE_GAIN_EPS) {
				route_local_search(cur, p, &x.rng, x.touched);
				route_solution_copy(work, cur);
				route_solution_copy(best, cur);
				best_obj = cur_obj = route_solution_objective(cur);
			}
		} else {
			copy_touched(work, cur, x.touched, x.removed, n);
		}
	}
	route_fill(best);
	route_solution_free(cur);
	route_solution_free(work);
	solver_free(&x);
	return best;
}
