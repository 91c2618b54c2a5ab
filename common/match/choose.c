/* Which tech a job goes to: every tech that may take it and has room
 * is weighed by score (score.c), the best kept with the runner-up. On a
 * large day only the nearest few are weighed, found through the grid
 * of where techs' days take them (grid.c). */
#include <string.h>

#include "engine.h"

/* Is a better than b?  Score, then the tech id, so ties are the same on
 * every run whatever the order techs came in. */
static int
beats(const struct match_day *day, double a_score, size_t a, double b_score, long b)
{
	if (b < 0 || a_score != b_score)
		return b < 0 || a_score > b_score;
	return strcmp(day->techs[a].id, day->techs[b].id) < 0;
}

/* Weigh tech for j; non-zero when the tech could take it at all. */
static int
consider(const struct match_day *day, struct match_choice *c, size_t tech,
    const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];
	struct match_slot slot;
	double score;

	if (!match_may_take(day, tech, j))
		return 0;
	if (!match_best_slot(day, t, j, 0, &slot))
		return 0;
	score = match_score(day, t, j, &slot);
	if (beats(day, score, tech, c->score, c->tech)) {
		c->runner_up = c->tech;
		c->runner_up_score = c->score;
		c->tech = (long)tech;
		c->score = score;
		c->slot = slot;
	} else if (beats(day, score, tech, c->runner_up_score, c->runner_up)) {
		c->runner_up = (long)tech;
		c->runner_up_score = score;
	}
	return 1;
}

struct search {
	const struct match_job *job;
	struct match_choice *choice;
	size_t found;		/* techs that could take the job */
};

static int
take_candidate(struct match_day *day, size_t tech, void *ctx)
{
	struct search *s = ctx;

	if ((long)tech == s->job->preferred)	/* weighed first */
		return 0;
	s->found += consider(day, s->choice, tech, s->job);
	return s->found >= day->candidates;
}

/* The best tech for j, and the runner-up. With a candidate limit, only
 * the nearest techs that could take the job are weighed (and the
 * customer's preferred tech, wherever they are): the winner is nearly
 * always among the first few, and looking no further is what keeps a
 * large day from costing fleet x jobs. */
int
match_choose(struct match_day *day, const struct match_job *j, struct match_choice *c)
{
	*c = (struct match_choice){ .tech = -1, .runner_up = -1 };
	if (j->required >= 0) {
		if (match_has_skills(day, &day->techs[j->required], j))
			consider(day, c, (size_t)j->required, j);
	} else if (day->grid.cells != NULL) {
		struct search s = { j, c, 0 };

		if (j->preferred >= 0 && match_has_skills(day, &day->techs[j->preferred], j))
			s.found += consider(day, c, (size_t)j->preferred, j);
		/* The grid stopped reading cells before enough were
		 * found: the rest of the pool is weighed one by one. */
		if (s.found < day->candidates && !match_grid_nearest(day, j, take_candidate,
		    &s, 64 + day->candidates * 4)) {
			const struct match_pool *p = match_pool_for(day, j);

			for (size_t i = 0; i < p->ntechs; i++)
				if (!match_grid_handed(day, p->techs[i]) && (long)p->techs[i] != j->preferred)
					consider(day, c, p->techs[i], j);
		}
	} else {
		/* No grid (--candidates 0): every qualified tech. */
		const struct match_pool *p = match_pool_for(day, j);

		for (size_t i = 0; i < p->ntechs; i++)
			consider(day, c, p->techs[i], j);
	}
	return c->tech >= 0;
}
