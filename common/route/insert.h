/* Putting jobs into routes: the cheapest feasible position of one job,
 * and the "recreate" half of ruin-and-recreate. */
#ifndef FSD_ROUTE_INSERT_H
#define FSD_ROUTE_INSERT_H

#include "rng.h"
#include "solution.h"

struct route_position {
	int vehicle, pos;	/* vehicle -1: no feasible position */
	double delta;		/* added cost */
};

/* The cheapest feasible position for unassigned job j. With a large crew
 * only the routes of j's neighbours and empty routes are tried unless
 * everywhere is set. Each position is
 * skipped with probability blink (SISR's "blinks": a little noise that
 * lets the recreate find what a strict greedy never would); rng may be
 * NULL when blink is 0. */
struct route_position route_best_position(const struct route_solution *s, int j,
    int everywhere, double blink, struct route_rng *rng);

/* Insert jobs[0..n-1] in that order, each at its cheapest position; a job
 * that fits nowhere stays unassigned. Touched routes are flagged in
 * touched[] when it is not NULL. */
void route_recreate(struct route_solution *s, const int *jobs, int n, int everywhere,
    double blink, struct route_rng *rng, unsigned char *touched);

/* The cheapest feasible position for job j (not in a route) on route v
 * alone: vehicle -1 when it fits nowhere there. */
struct route_position route_best_position_on(const struct route_solution *s, int j, int v);

/* When service could start at job j put at position k of route v,
 * leaving as early as the shift allows; HUGE_VAL when the route would
 * not hold (late.c). */
double route_start_at(const struct route_solution *s, int v, int k, int j);

/* Every job left out, tried on every route, heaviest first: the search
 * looks only at routes near a job when the crew is large, so its last
 * word is this pass -- no job that fits the plan as it is stays out. */
void route_fill(struct route_solution *s);

#endif
