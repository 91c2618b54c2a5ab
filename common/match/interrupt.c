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
 * priorities go first and no more are taken than the gap needs.
 *
 * match_best_bump finds the way without changing the day; match_interrupt
 * decides whether it is worth taking and takes it. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

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

/* "bumped by emergency J1071 (gas-leak) from T05 at 09:40" */
char *
match_bumped_words(const struct match_day *day, const struct match_job *v)
{
	const struct match_job *e = &day->jobs[v->bumped_by];
	char clock[16];

	return xasprintf("bumped by emergency %s%s%s%s from %s at %s", e->id,
	    e->type ? " (" : "", e->type ? e->type : "", e->type ? ")" : "",
	    day->techs[v->bumped_from].id, match_clock(v->bumped_at, v->offset_minutes, clock));
}

/* The emergency interrupt for a priority 1 (match_best_bump finds the
 * way): taken when no free tech can come at all, or when bumping brings
 * help at least interrupt_minutes sooner than the best free tech would.
 * The visits bumped go back to be matched again in their turn. */
int
match_interrupt(struct match_day *day, size_t job, const struct match_choice *free_tech)
{
	struct match_job *j = &day->jobs[job];
	double sooner = day->rules.interrupt_minutes;
	const struct match_pool *p;
	struct match_bump b;
	struct match_tech *t;
	struct match_choice c;
	char *how, *more, clock[16];

	/* Nobody arrives before the job can start: no bump can beat a free
	 * tech who is nearly there. */
	if (free_tech->tech >= 0 && free_tech->slot.arrive < match_earliest(day, j) + sooner)
		return 0;
	p = match_pool_for(day, j);
	if (!match_best_bump(day, j, p->techs, p->ntechs, &b))
		return 0;
	if (free_tech->tech >= 0 && b.slot.arrive + sooner > free_tech->slot.arrive)
		return 0;
	t = &day->techs[b.tech];
	how = xstrdup("emergency: bumped");
	for (size_t k = b.from; k < b.to; k++) {
		more = xasprintf("%s%s %s", how, k > b.from ? "," : "", day->jobs[t->route[k].job].id);
		free(how);
		how = more;
	}
	/* Last first, so the places of the others hold. */
	for (size_t k = b.to; k-- > b.from;) {
		struct match_job *v = &day->jobs[t->route[k].job];

		match_remove(day, (size_t)b.tech, k);
		v->placed = -1;
		v->bumped_by = (long)job;
		v->bumped_from = b.tech;
	}
	c = (struct match_choice){ .tech = b.tech, .runner_up = free_tech->tech,
	    .runner_up_score = free_tech->score, .slot = b.slot };
	/* The truck may hold the parts again now: look once more. */
	if (!match_slot_between(day, t, j, b.from, b.from, &c.slot))
		c.slot = b.slot;
	c.score = match_score(day, t, j, &c.slot);
	match_assign(day, job, &c, how);
	free(how);
	if (free_tech->tech >= 0)
		match_add_reason(j, xasprintf("%s is free but arrives %s",
		    day->techs[free_tech->tech].id,
		    match_clock(free_tech->slot.arrive, j->offset_minutes, clock)));
	for (size_t i = 0; i < day->njobs; i++)
		if (day->jobs[i].bumped_by == (long)job && day->jobs[i].tech < 0)
			day->jobs[i].bumped_at = j->arrive;
	return 1;
}
