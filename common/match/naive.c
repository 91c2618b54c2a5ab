/* The baseline fsd-match is measured against (--naive, bench-match.sh):
 * what a dispatcher does by hand, the job to whoever qualified is free
 * next, at the end of their day. No map and no score decide; the score
 * is still reported, so the two runs read alike. */
#include <string.h>

#include "engine.h"

int
match_naive_consider(const struct match_day *day, struct match_choice *c, size_t tech,
    const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];
	double free_at = t->nroute ? t->route[t->nroute - 1].end : match_day_start(day, t);
	struct match_slot slot;

	if (!match_append_slot(day, t, j, &slot))
		return 0;
	/* Ties by id, as everywhere, so the baseline is as repeatable. */
	if (c->tech < 0 || free_at < c->free_at || (free_at == c->free_at
	    && strcmp(t->id, day->techs[c->tech].id) < 0)) {
		c->tech = (long)tech;
		c->free_at = free_at;
		c->slot = slot;
		c->score = match_score(day, t, j, &slot);
	}
	return 1;
}
