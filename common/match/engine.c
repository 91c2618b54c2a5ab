/* The naive baseline (--naive): jobs in order of urgency, each to
 * whoever qualified is free next, at the end of their day -- what a
 * dispatcher does by hand, and what bench-match.sh measures the real
 * decision (decide.h, on the route solver) against. This file is the
 * order of the steps; engine.h says where each is. */
#include <stdlib.h>

#include "engine.h"
#include "xalloc.h"

/* One job without a tech: to whoever is free next, or out with the
 * reason no one could take it. */
static void
match_one(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	struct match_choice c;

	if (match_naive_choose(day, j, &c)) {
		match_assign(day, job, &c, j->unpinned);
	} else {
		match_clear_reasons(j);
		match_explain(day, job, j->unpinned);
	}
}

/* Visits slotted in later changed who comes before whom: the drive
 * reported is the leg from the visit before (or home), as driven. */
static void
drives_as_driven(struct match_day *day)
{
	for (size_t i = 0; i < day->ntechs; i++) {
		const struct match_tech *t = &day->techs[i];
		const double *from = t->xyz;

		for (size_t k = 0; k < t->nroute; k++) {
			struct match_job *j = &day->jobs[t->route[k].job];

			j->drive = match_drive(day, from, j->xyz)
			    + (j->pickup ? j->pickup_minutes : 0);
			from = j->xyz;
		}
	}
}

void
match_run(struct match_day *day)
{
	size_t n;

	match_prepare(day);
	n = match_order(day);
	for (size_t i = 0; i < n; i++)
		if (day->jobs[day->order[i]].placed >= 0)
			match_check_pin(day, &day->jobs[day->order[i]]);
	for (size_t i = 0; i < n; i++)
		if (day->jobs[day->order[i]].placed >= 0)
			match_place_fixed(day, day->order[i]);
	for (size_t i = 0; i < n; i++)
		if (day->jobs[day->order[i]].placed < 0)
			match_one(day, day->order[i]);
	drives_as_driven(day);
}
