/* What the files of the decision share; tools see only match.h.
 *
 * The decision is spread over files with one job each, in the order a
 * job meets them:
 *     prepare.c    skills as bitsets, places as vectors, the day's blocks
 *     order.c      jobs most urgent first
 *     pinned.c     jobs that arrive on a tech's day: checked, then placed
 *     eligible.c   who may take a job at all (skills pools, hard rules)
 *     choose.c     weighing the techs that may, nearest first
 *     score.c      the number a tech is weighed by
 *     naive.c      the baseline: whoever qualified is free next
 *     interrupt.c  a priority 1 no free tech reaches soon enough bumps visits
 *     assign.c     the job onto the tech's day, with its reasons
 *     engine.c     match_run: the steps above in turn
 * They stand on route.c (a tech's day), grid.c (techs by place) and
 * explain.c (why no one could take a job). */
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
const struct match_pool *match_pool_for(struct match_day *day,
    const struct match_job *j);

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
int match_choose(struct match_day *day, const struct match_job *j,
    struct match_choice *c);
/* The same by the naive baseline (--naive): whoever qualified is free
 * next. */
int match_naive_choose(struct match_day *day, const struct match_job *j,
    struct match_choice *c);

/* Put job on c's tech at c's slot, with how it came there (may be NULL)
 * as its first reason. */
void match_assign(struct match_day *day, size_t job, const struct match_choice *c,
    const char *how);
/* A reason, freshly allocated, taken by the job (freed when it is full). */
void match_add_reason(struct match_job *j, char *text);
void match_clear_reasons(struct match_job *j);

/* A job that came with a tech: a hard rule broken unpins it, or warns
 * when it is locked; then it is placed on that tech's day. */
void match_check_pin(struct match_day *day, struct match_job *j);
void match_place_fixed(struct match_day *day, size_t job);

/* Take the emergency interrupt for job when it brings help sooner than
 * free_tech, the best choice without it; non-zero when taken. */
int match_interrupt(struct match_day *day, size_t job,
    const struct match_choice *free_tech);
/* "bumped by emergency J1071 (gas-leak) from T05 at 09:40" */
char *match_bumped_words(const struct match_day *day, const struct match_job *v);

#endif
