/* The decision: jobs in order of urgency, each to the tech where it scores
 * best, with the emergency interrupt when nobody can take a priority 1.
 * This file is the order of the steps; engine.h says where each is. */
#include <stdlib.h>

#include "engine.h"
#include "xalloc.h"

/* One job without a tech: to the best tech, by the interrupt, or out
 * with the reason no one could take it. */
static void
match_one(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	/* What the job went through before: said first, either way. */
	char *bumped = j->bumped_by >= 0 ? match_bumped_words(day, j)
	    : j->unpinned ? xstrdup(j->unpinned) : NULL;
	struct match_choice c;
	int found = day->naive ? match_naive_choose(day, j, &c) : match_choose(day, j, &c);

	if (j->priority == 1 && !day->naive && match_interrupt(day, job, &c)) {
		free(bumped);
		return;
	}
	if (found) {
		match_assign(day, job, &c, bumped);
	} else {
		match_clear_reasons(j);
		match_explain(day, job, bumped);
		if (j->bumped_by >= 0)
			j->exception = "displaced";
	}
	free(bumped);
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
	/* A bump takes only visits that come later in this order (never a
	 * priority 1), so each had its turn above; this is a guard. */
	for (size_t i = 0; i < n; i++) {
		struct match_job *j = &day->jobs[day->order[i]];

		if (j->bumped_by >= 0 && j->tech < 0 && j->exception == NULL)
			match_one(day, day->order[i]);
	}
	drives_as_driven(day);
}
