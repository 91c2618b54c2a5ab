/* A solution: one route a vehicle, each an ordered list of jobs, with the
 * prefix and suffix segments (segment.h) that make every move O(1) to
 * check. Positions are 1-based: 0 is the vehicle's start, len + 1 its end. */
#ifndef FSD_ROUTE_SOLUTION_H
#define FSD_ROUTE_SOLUTION_H

#include "route.h"
#include "segment.h"

struct route_plan {
	int *jobs;		/* jobs[1..len]; jobs[0] unused */
	int len, cap;
	struct route_seg *pre;	/* pre[k]: start place and jobs 1..k */
	struct route_seg *suf;	/* suf[k]: jobs k..len; suf[len + 1] empty */
	struct route_seg whole;	/* start, every job, end */
	/* The route's cost and verdict: the segments', or for an exact
	 * vehicle the forward simulation's (timeline.h). */
	double cost;
	int feasible;
};

struct route_solution {
	const struct route_instance *in;
	struct route_plan *routes;	/* one a vehicle */
	int *route_of;			/* per job; -1 = unassigned */
	int *pos_of;			/* per job, its position in its route */
	int nunassigned;
	long long unassigned_weight;	/* the weights of the jobs left out */
};

struct route_solution *route_solution_new(const struct route_instance *in);
void route_solution_free(struct route_solution *s);
/* Make dst (same instance) equal to src. */
void route_solution_copy(struct route_solution *dst, const struct route_solution *src);
/* Copy one route and the positions of its jobs. */
void route_solution_copy_route(struct route_solution *dst,
    const struct route_solution *src, int v);

/* Recompute a route's segments and its jobs' positions after a change. */
void route_plan_update(struct route_solution *s, int v);
/* Put job j at position pos of route v (1..len + 1) / take it out. */
void route_insert_job(struct route_solution *s, int v, int pos, int j);
void route_remove_job(struct route_solution *s, int j);
/* Replace route v's jobs with list[0..n-1]. */
void route_set_jobs(struct route_solution *s, int v, const int *list, int n);

/* What vehicle v doing list[0..n-1] costs, given that the segments
 * found it feasible at seg_cost: seg_cost, or for an exact vehicle the
 * simulated day's cost; HUGE_VAL when the day does not hold. */
double route_exact_cost(const struct route_instance *in, int v, const int *list, int n,
    double seg_cost);

/* Total cost of all routes (drive minutes, distance as tie-break). */
double route_solution_cost(const struct route_solution *s);
/* The cost the search minimises: routes, and a job left out weighs more
 * than any detour could -- its weight times the penalty. */
double route_solution_objective(const struct route_solution *s);
#define ROUTE_UNASSIGNED_PENALTY 1e7

/* Check route v by a plain forward simulation, independent of the
 * segments: 1 when every window, the shift and the capacity hold. */
int route_plan_check(const struct route_solution *s, int v);

/* The segment of positions from..to of route v (from >= 1, to <= len). */
struct route_seg route_plan_range(const struct route_solution *s, int v, int from, int to);

#endif
