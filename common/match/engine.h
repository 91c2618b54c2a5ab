/* What the files of the matcher share; tools see only match.h and
 * decide.h.
 *
 * fsd-match's decision is the route solver's (decide.c, on common/route/:
 * one model of a tech's day for fsd-match and fsd-route). The files
 * here, in the order a job meets them:
 *     rules.c, records_rules.c  the playbooks folded into each job
 *     prepare.c    skills as bitsets, places as vectors, SLAs kept reachable
 *     decide.c     the route solver decides; each job's day taken back
 *     pinned.c     a tech a job came with who breaks a rule, said
 *     score.c      the number a tech is weighed by (and the runner-up)
 *     assign.c     the reasons, in a dispatcher's words
 *     explain.c    why no day holds a job: the nearest misses
 * beside them:
 *     eligible.c   the hard rules (skills, required, excluded, territory)
 *                  and their words, once for every file that asks
 *     visits.c     a tech's day as visits in time order, as the solver
 *                  placed them; for --naive also where a new job goes
 *     distance.c   straight-line and drive distances between places
 * and for the naive baseline (--naive) only:
 *     order.c      jobs most urgent first
 *     naive.c      whoever qualified is free next
 *     engine.c     match_run: the baseline's steps in turn */
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

/* The tech for j by the naive baseline (--naive): whoever qualified is
 * free next; non-zero when there is one. */
int match_naive_choose(struct match_day *day, const struct match_job *j,
    struct match_choice *c);

/* Put job on c's tech at c's slot, with how it came there (may be NULL)
 * as its first reason. */
void match_assign(struct match_day *day, size_t job, const struct match_choice *c,
    const char *how);
/* The reasons of a job on its tech's day (arrive, drive, tech set), in
 * a dispatcher's words, after how it came there (may be NULL). */
void match_say_why(struct match_day *day, size_t job, const char *how);
/* A reason, freshly allocated, taken by the job (freed when it is full). */
void match_add_reason(struct match_job *j, char *text);
void match_clear_reasons(struct match_job *j);

/* A job that came with a tech: a hard rule broken unpins it, or warns
 * when it is locked; then it is placed on that tech's day. */
void match_check_pin(struct match_day *day, struct match_job *j);
void match_place_fixed(struct match_day *day, size_t job);

#endif
