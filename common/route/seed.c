/* The plan jobs come with -- fsd-match's days (match.arrival gives each
 * tech's order), the plan being re-planned, or techs given by hand -- as
 * the search's start.
 * fsd-match decides under the same model of a day, so its days usually
 * hold here whole; where one does not (a different matrix, --rules
 * limits fsd-match does not know), its jobs go in one by one in their
 * order while the day holds, and the search places the rest. Starting
 * there, the search keeps what it was given unless it finds better. */
#include <math.h>
#include <stdlib.h>

#include "insert.h"
#include "records.h"
#include "sort.h"
#include "xalloc.h"

struct by_arrival_ctx {
	const double *arrival;
};

static int
by_arrival(const void *a, const void *b, void *ctx)
{
	const double *arrival = ((const struct by_arrival_ctx *)ctx)->arrival;
	double x = arrival[*(const int *)a], y = arrival[*(const int *)b];

	if (x != y)
		return x < y ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

/* Each of the jobs in order onto v's day, kept only while the day holds;
 * one with no arrival goes where it costs least. */
static void
seed_route(struct route_solution *s, int v, const int *list, int n, const double *arrival)
{
	for (int k = 0; k < n; k++) {
		if (arrival[list[k]] == HUGE_VAL) {
			struct route_position at = route_best_position_on(s, list[k], v);
			if (at.vehicle >= 0)
				route_insert_job(s, v, at.pos, list[k]);
			continue;
		}
		route_insert_job(s, v, s->routes[v].len + 1, list[k]);
		if (!s->routes[v].feasible)
			route_remove_job(s, list[k]);
	}
}

struct route_solution *
route_run_seed(const struct route_run *run, const struct route_instance *in)
{
	double *arrival = xmalloc((in->njobs + 1) * sizeof *arrival);
	int *tech_of = xmalloc((in->njobs + 1) * sizeof *tech_of);
	int *list = xmalloc((in->njobs + 1) * sizeof *list), seeded = 0;
	struct by_arrival_ctx ctx = { arrival };
	struct route_solution *s;

	for (int j = 0; j < in->njobs; j++)
		tech_of[j] = -1;
	for (size_t i = 0; i < run->njobs; i++) {
		const struct route_job_record *jr = &run->jobs[i];
		int j = jr->in_instance;

		if (j >= 0 && jr->tech >= 0 && route_may_serve(in, j, jr->tech)) {
			/* Placed by hand (no arrival): after the planned ones,
			 * where it costs least. */
			arrival[j] = isnan(jr->matched_arrival) ? HUGE_VAL : jr->matched_arrival;
			tech_of[j] = jr->tech;
			seeded++;
		}
	}
	if (seeded == 0) {
		free(arrival);
		free(tech_of);
		free(list);
		return NULL;
	}
	s = route_solution_new(in);
	for (int v = 0; v < in->nvehicles; v++) {
		int n = 0;

		for (int j = 0; j < in->njobs; j++)
			if (tech_of[j] == v)
				list[n++] = j;
		if (n == 0)
			continue;
		fsd_sort(list, n, sizeof *list, by_arrival, &ctx);
		seed_route(s, v, list, n, arrival);
	}
	free(arrival);
	free(tech_of);
	free(list);
	return s;
}
