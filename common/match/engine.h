/* What the files of the decision share; tools see only match.h.
 * prepare.c, order.c, eligible.c (who may take a job), choose.c (who
 * takes it), score.c, naive.c (the baseline); engine.c the rest. */
#ifndef FSD_MATCH_ENGINE_H
#define FSD_MATCH_ENGINE_H

#include <string.h>

#include "match.h"

/* The tech a job goes to while techs are weighed, the runner-up, and
 * for the naive baseline when the winner is free. */
struct match_choice {
	long tech, runner_up;
	double score, runner_up_score, free_at;
	struct match_slot slot;
};

/* Jobs not skipped into day->order, most urgent first; returns how many. */
size_t match_order(struct match_day *day);

/* The techs holding every skill j needs, found once per skill set. */
const struct match_pool *match_pool_for(struct match_day *day, const struct match_job *j);

/* Has the customer excluded this tech? */
static inline int
match_is_excluded(const struct match_job *j, size_t tech)
{
	for (size_t i = 0; i < j->nexcluded; i++)
		if (j->excluded[i] == tech)
			return 1;
	return 0;
}

static inline int
match_same_territory(const struct match_tech *t, const struct match_job *j)
{
	return t->territory != NULL && j->territory != NULL
	    && strcmp(t->territory, j->territory) == 0;
}

/* The soonest j may be reached: the plan's start, or its window's. */
static inline double
match_earliest(const struct match_day *day, const struct match_job *j)
{
	double e = day->plan_start;

	if (j->has_window && j->window.start > e)
		e = j->window.start;
	return e;
}

/* The best tech for j into c; non-zero when there is one. */
int match_choose(struct match_day *day, const struct match_job *j, struct match_choice *c);
/* The naive baseline's weighing of one tech the rules allow; non-zero
 * when the tech could take j at all. */
int match_naive_consider(const struct match_day *day, struct match_choice *c, size_t tech,
    const struct match_job *j);

#endif
