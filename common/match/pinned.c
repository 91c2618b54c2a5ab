/* Jobs that come on a tech's day already: locked by the dispatcher,
 * placed by hand or by an earlier plan. Each is checked against the
 * hard rules first (match_check_pin), then all that keep their tech are
 * placed (match_place_fixed) before anything is matched, so the time
 * they hold is no one else's. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

/* A tech a job came with who breaks a hard rule is not kept quietly: a
 * locked job keeps them (a promise to the customer the dispatcher made
 * knowingly) with a warning; any other goes back to be matched anew,
 * saying whom it came with and why it left. */
void
match_check_pin(struct match_day *day, struct match_job *j)
{
	char *problem = match_rule_words(day, (size_t)j->placed, j,
	    match_rule_broken(day, (size_t)j->placed, j));
	const char *id = day->techs[j->placed].id;

	if (problem == NULL)
		return;
	if (j->locked) {
		j->warning = xasprintf("locked to %s, who %s", id, problem);
	} else {
		j->unpinned = xasprintf("came placed on %s, who %s", id, problem);
		j->placed = -1;
	}
	free(problem);
}

/* Jobs already on a tech's day (locked, or placed by hand or by
 * yesterday's plan) count against that day before anything is matched. */
void
match_place_fixed(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	struct match_tech *t = &day->techs[j->placed];
	struct match_choice c = { .tech = j->placed, .runner_up = -1 };
	char *how;

	if (match_best_slot(day, t, j, 0, &c.slot)) {
		how = xasprintf("%s to %s", j->locked ? "locked" : "placed before", t->id);
	} else {
		char clock[16];

		match_forced_slot(day, t, j, &c.slot);
		how = xasprintf("%s to %s though it does not fit: arrives %s",
		    j->locked ? "locked" : "placed before", t->id,
		    match_clock(c.slot.arrive, j->offset_minutes, clock));
		if (j->warning == NULL)
			j->warning = xstrdup(how);
	}
	c.score = match_score(day, t, j, &c.slot);
	match_assign(day, job, &c, how);
	free(how);
	if (j->warning != NULL && strcmp(j->warning, j->reasons[0]) != 0)
		match_add_reason(j, xasprintf("warning: %s", j->warning));
}
