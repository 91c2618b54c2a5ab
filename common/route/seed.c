/* fsd-match plans each tech's day by inserting jobs where they fit under
 * the same travel model (common/geo.h); its match.arrival gives the order
 * it found. Starting the search from that order means a day the matcher
 * found feasible is never lost here: the search only ever accepts plans
 * that leave out less weight. */
#include <math.h>
#include <stdlib.h>

#include "records.h"
#include "xalloc.h"

static const double *arrival_of;

static int
by_arrival(const void *a, const void *b)
{
	double x = arrival_of[*(const int *)a], y = arrival_of[*(const int *)b];

	if (x != y)
		return x < y ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

struct route_solution *
route_run_seed(const struct route_run *run, const struct route_instance *in)
{
	double *arrival = xmalloc((in->njobs + 1) * sizeof *arrival);
	int *list = xmalloc((in->njobs + 1) * sizeof *list), seeded = 0;
	struct route_solution *s;

	for (int j = 0; j < in->njobs; j++)
		arrival[j] = NAN;
	for (size_t i = 0; i < run->njobs; i++) {
		const struct route_job_record *jr = &run->jobs[i];
		if (jr->in_instance >= 0 && !isnan(jr->matched_arrival)
		    && in->jobs[jr->in_instance].only_vehicle == jr->tech && jr->tech >= 0) {
			arrival[jr->in_instance] = jr->matched_arrival;
			seeded++;
		}
	}
	if (seeded == 0) {
		free(arrival);
		free(list);
		return NULL;
	}
	s = route_solution_new(in);
	arrival_of = arrival;
	for (int v = 0; v < in->nvehicles; v++) {
		int n = 0;

		for (int j = 0; j < in->njobs; j++)
			if (!isnan(arrival[j]) && in->jobs[j].only_vehicle == v)
				list[n++] = j;
		if (n == 0)
			continue;
		qsort(list, n, sizeof *list, by_arrival);
		route_set_jobs(s, v, list, n);
		s->nunassigned -= n;
		for (int k = 0; k < n; k++)
			s->unassigned_weight -= in->jobs[list[k]].weight;
		/* Not feasible under this model (an on-call job past the
		 * shift, a different matrix): the search builds it anew. */
		if (!s->routes[v].feasible) {
			for (int k = 0; k < n; k++)
				route_remove_job(s, list[k]);
		}
	}
	free(arrival);
	free(list);
	return s;
}
