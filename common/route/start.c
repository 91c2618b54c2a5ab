/* The plan jobs come with (fsd-match's, or the plan being re-planned) is
 * a start, not a bond: the crew's day is searched from it and, with the
 * whole budget of rounds, from nothing, as --reassign would, and the
 * start's plan is kept unless the other serves more or drives more than
 * a slack less (the cost counts the drive home too). So the pipeline fsd-match | fsd-route is never worse
 * than fsd-route --reassign alone, and a job leaves the tech it came
 * with (moved_from) only when that buys something. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "route.h"
#include "solution.h"
#include "xalloc.h"

/* The search from nothing has the whole budget of rounds, so it finds
 * what --reassign finds; the search from the start gets a quarter more
 * (it begins where fsd-match's search has been). Under a time limit the
 * two share the time, four to one. */
#define START_SHARE 0.25

static int
served(const struct route_solution *s)
{
	return s->in->njobs - s->nunassigned;
}

/* One search and its late jobs placed; the deadlines the late placement
 * moved are kept in due[]. */
static struct route_solution *
search(struct route_instance *in, const struct route_params *p,
    const struct route_solution *start, double *due)
{
	struct route_solution *s = route_solve_from(in, p, start);

	route_place_late(in, s, p);
	for (int j = 0; j < in->njobs; j++)
		due[j] = in->jobs[j].due;
	return s;
}

struct route_solution *
route_solve_started(struct route_instance *in, const struct route_params *p,
    const struct route_solution *start, double slack)
{
	struct route_params own = *p, from_start = *p;
	double *due0, *due_own, *due_start;
	struct route_solution *fresh, *kept;
	int keep;

	if (start == NULL) {
		fresh = route_solve_from(in, p, NULL);
		route_place_late(in, fresh, p);
		return fresh;
	}
	due0 = xmalloc((in->njobs + 1) * sizeof *due0);
	due_own = xmalloc((in->njobs + 1) * sizeof *due_own);
	due_start = xmalloc((in->njobs + 1) * sizeof *due_start);
	for (int j = 0; j < in->njobs; j++)
		due0[j] = in->jobs[j].due;
	if (p->seconds > 0) {
		own.seconds = p->seconds / (1 + START_SHARE);
		from_start.seconds = p->seconds - own.seconds;
	}
	if (p->iterations > 0)
		from_start.iterations = (long)ceil(p->iterations * START_SHARE);
	fresh = search(in, &own, NULL, due_own);
	for (int j = 0; j < in->njobs; j++)
		in->jobs[j].due = due0[j];
	kept = search(in, &from_start, start, due_start);
	keep = kept->unassigned_weight <= fresh->unassigned_weight
	    && served(kept) >= served(fresh)
	    && route_solution_cost(kept) <= route_solution_cost(fresh) * (1 + slack);
	for (int j = 0; j < in->njobs; j++)
		in->jobs[j].due = keep ? due_start[j] : due_own[j];
	route_solution_free(keep ? fresh : kept);
	free(due0);
	free(due_own);
	free(due_start);
	return keep ? kept : fresh;
}
