/* The emergency interrupt: where a priority 1 gets help soonest by
 * pulling a tech off visits that can wait.
 *
 * A visit already on a day never moves, so making room means taking
 * visits away: for every qualified tech and every place in their day,
 * the fewest visits in a row from there on that leave a gap the
 * emergency fits (its window and sla_due kept). Priority 1 and locked
 * visits are never taken: a run that meets one ends there. Each way is
 * worth the emergency's score there less the bump weight for every
 * routine visit taken and twice it for a priority 2, so the lowest
 * priorities go first and no more are taken than the gap needs. */
#include <string.h>

#include "match.h"

static int
bumpable(const struct match_job *v)
{
	return v->priority != 1 && !v->locked;
}

static double
bump_cost(const struct match_day *day, const struct match_tech *t, size_t from, size_t to)
{
	double cost = 0;

	for (size_t k = from; k < to; k++)
		cost += day->rules.weights.bump * (4 - day->jobs[t->route[k].job].priority);
	return cost;
}

/* Is (tech, value, bumped) better than best? Value; then fewer bumped;
 * then the tech id, so the answer does not hang on input order. */
static int
better(const struct match_day *day, long tech, double value, size_t n,
    const struct match_bump *best)
{
	if (best->tech < 0)
		return 1;
	if (value != best->value)
		return value > best->value;
	if (n != best->to - best->from)
		return n < best->to - best->from;
	return strcmp(day->techs[tech].id, day->techs[best->tech].id) < 0;
}

int
match_best_bump(const struct match_day *day, const struct match_job *j,
    const size_t *techs, size_t ntechs, struct match_bump *best)
{
	*best = (struct match_bump){ .tech = -1 };
	for (size_t i = 0; i < ntechs; i++) {
		size_t tech = techs[i];
		const struct match_tech *t = &day->techs[tech];

		if (!match_may_take(day, tech, j))
			continue;
		for (size_t from = 0; from < t->nroute; from++) {
			struct match_slot slot;
			size_t to;

			/* Take visits from..to-1 until the emergency fits. */
			for (to = from; to < t->nroute && bumpable(&day->jobs[t->route[to].job]); to++)
				if (match_slot_between(day, t, j, from, to + 1, &slot))
					break;
			if (to == t->nroute || !bumpable(&day->jobs[t->route[to].job]))
				continue;
			to++;
			{
				double score = match_score(day, t, j, &slot);
				double value = score - bump_cost(day, t, from, to);

				if (better(day, (long)tech, value, to - from, best))
					*best = (struct match_bump){ (long)tech, from, to, slot, score, value };
			}
		}
	}
	return best->tech >= 0;
}
