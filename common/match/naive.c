/* The baseline fsd-match is measured against (--naive, bench-match.sh):
 * what a dispatcher does by hand, the job to whoever qualified is free
 * next, at the end of their day. No map and no score decide; the score
 * is still reported, so the two runs read alike. The hard rules are the
 * same as the real matcher's, so the two differ only in the choice. */
#include <string.h>

#include "engine.h"

/* Weigh one tech: the one free soonest wins, ties by id so the baseline
 * is as repeatable as the matcher. */
static void
weigh(const struct match_day *day, struct match_choice *c, size_t tech,
    const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];
	struct match_slot slot;
	double free_at;

	if (match_rule_broken(day, tech, j) != MATCH_RULE_KEPT)
		return;
	free_at = t->nroute ? t->route[t->nroute - 1].end : match_day_start(day, t);
	if (!match_append_slot(day, t, j, &slot))
		return;
	if (c->tech < 0 || free_at < c->free_at || (free_at == c->free_at
	    && strcmp(t->id, day->techs[c->tech].id) < 0)) {
		c->tech = (long)tech;
		c->free_at = free_at;
		c->slot = slot;
		c->score = match_score(day, t, j, &slot);
	}
}

int
match_naive_choose(struct match_day *day, const struct match_job *j,
    struct match_choice *c)
{
	*c = (struct match_choice){ .tech = -1, .runner_up = -1 };
	if (j->required >= 0) {
		if (match_has_skills(day, &day->techs[j->required], j))
			weigh(day, c, (size_t)j->required, j);
	} else {
		const struct match_pool *p = match_pool_for(day, j);

		for (size_t i = 0; i < p->ntechs; i++)
			weigh(day, c, p->techs[i], j);
	}
	return c->tech >= 0;
}
