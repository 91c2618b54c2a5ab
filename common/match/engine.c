/* The decision: jobs in order of urgency, each to the tech where it scores
 * best, with the emergency interrupt when nobody can take a priority 1. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

static const struct match_pool *
pool_for(struct match_day *day, const struct match_job *j)
{
	size_t bytes = day->words * sizeof(uint64_t);
	struct match_pool *p;

	for (size_t i = 0; i < day->npools; i++)
		if (memcmp(day->pools[i].skillset, j->skillset, bytes) == 0)
			return &day->pools[i];
	day->pools = xrealloc(day->pools, (day->npools + 1) * sizeof *day->pools);
	p = &day->pools[day->npools++];
	p->skillset = xcalloc(day->words ? day->words : 1, sizeof *p->skillset);
	memcpy(p->skillset, j->skillset, bytes);
	p->techs = xcalloc(day->ntechs + 1, sizeof *p->techs);
	p->ntechs = 0;
	for (size_t i = 0; i < day->ntechs; i++)
		if (match_has_skills(day, &day->techs[i], j))
			p->techs[p->ntechs++] = i;
	return p;
}

static int
is_excluded(const struct match_job *j, size_t tech)
{
	for (size_t i = 0; i < j->nexcluded; i++)
		if (j->excluded[i] == tech)
			return 1;
	return 0;
}

static int
same_territory(const struct match_tech *t, const struct match_job *j)
{
	return t->territory != NULL && j->territory != NULL
	    && strcmp(t->territory, j->territory) == 0;
}

/* The rules a tech cannot be talked out of, apart from skills and time. */
int
match_may_take(const struct match_day *day, size_t tech, const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];

	if (j->required >= 0 && (size_t)j->required != tech)
		return 0;
	if (is_excluded(j, tech))
		return 0;
	if (j->territory_binds && j->territory != NULL && t->territory != NULL
	    && !same_territory(t, j))
		return 0;
	return 1;
}

static double
earliest(const struct match_day *day, const struct match_job *j)
{
	double e = day->plan_start;

	if (j->has_window && j->window.start > e)
		e = j->window.start;
	return e;
}

double
match_score(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, const struct match_slot *slot)
{
	const struct match_weights *w = &day->rules.weights;
	double score = 100 - w->drive * slot->drive - w->balance * t->booked / 60;

	if (j->has_sla || j->priority <= 2) {
		double late = slot->arrive - earliest(day, j);

		score -= w->sla * (j->vip ? w->vip : 1) * (late > 0 ? late : 0);
	}
	if (j->preferred >= 0 && &day->techs[j->preferred] == t)
		score += w->preferred;
	if (j->nparts > 0 && !slot->pickup)
		score += w->parts;
	if (same_territory(t, j))
		score += w->territory;
	return round(score * 10) / 10;
}

struct choice {
	long tech, runner_up;
	double score, runner_up_score, free_at;
	struct match_slot slot;
};

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
consider(const struct match_day *day, struct choice *c, size_t tech,
    const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];
	struct match_slot slot;
	double score;

	if (!match_may_take(day, tech, j))
		return 0;
	if (day->naive) {
		/* Whoever qualified is free next: no map, no score. */
		double free_at = t->nroute ? t->route[t->nroute - 1].end
		    : match_day_start(day, t);

		if (!match_append_slot(day, t, j, &slot))
			return 0;
		if (c->tech < 0 || free_at < c->free_at || (free_at == c->free_at
		    && strcmp(t->id, day->techs[c->tech].id) < 0)) {
			c->tech = (long)tech;
			c->free_at = free_at;
			c->slot = slot;
			c->score = match_score(day, t, j, &slot);
		}
		return 1;
	}
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
	struct choice *choice;
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
static int
choose(struct match_day *day, const struct match_job *j, struct choice *c)
{
	*c = (struct choice){ .tech = -1, .runner_up = -1 };
	if (j->required >= 0) {
		if (match_has_skills(day, &day->techs[j->required], j))
			consider(day, c, (size_t)j->required, j);
	} else if (day->grid.cells != NULL) {
		struct search s = { j, c, 0 };

		if (j->preferred >= 0 && match_has_skills(day, &day->techs[j->preferred], j))
			s.found += consider(day, c, (size_t)j->preferred, j);
		if (s.found < day->candidates && !match_grid_nearest(day, j, take_candidate,
		    &s, 64 + day->candidates * 4)) {
			const struct match_pool *p = pool_for(day, j);

			for (size_t i = 0; i < p->ntechs; i++)
				if (!match_grid_handed(day, p->techs[i]) && (long)p->techs[i] != j->preferred)
					consider(day, c, p->techs[i], j);
		}
	} else {
		const struct match_pool *p = pool_for(day, j);

		for (size_t i = 0; i < p->ntechs; i++)
			consider(day, c, p->techs[i], j);
	}
	return c->tech >= 0;
}

static void
reason(struct match_job *j, const char *fmt_result)
{
	if (j->nreasons < MATCH_MAX_REASONS)
		j->reasons[j->nreasons++] = (char *)fmt_result;
	else
		free((char *)fmt_result);
}

static void
clear_reasons(struct match_job *j)
{
	for (int i = 0; i < j->nreasons; i++)
		free(j->reasons[i]);
	j->nreasons = 0;
}

/* Short words a dispatcher reads at a glance: why this tech. */
static void
explain_choice(struct match_day *day, size_t job, const char *how)
{
	struct match_job *j = &day->jobs[job];
	struct match_tech *t = &day->techs[j->tech];
	char clock[16], skills[160] = "";
	double in = j->drive;

	clear_reasons(j);
	if (how != NULL)
		reason(j, xstrdup(how));
	for (size_t i = 0; i < j->nskills; i++) {
		const char *name = day->skill_names[j->skills[i]];

		if (strlen(skills) + strlen(name) + 3 < sizeof skills)
			strcat(strcat(skills, i ? ", " : ""), name);
	}
	if (j->nskills > 0)
		reason(j, xasprintf("has %s", skills));
	reason(j, xasprintf("%.0f min away", in < 0 ? 0 : in));
	if (j->has_sla)
		reason(j, xasprintf("arrives %s, %.0f min before sla_due",
		    match_clock(j->arrive, j->offset_minutes, clock), j->sla_due - j->arrive));
	else
		reason(j, xasprintf("arrives %s", match_clock(j->arrive, j->offset_minutes, clock)));
	if (j->preferred == j->tech)
		reason(j, xstrdup("preferred by customer"));
	if (j->required == j->tech)
		reason(j, xstrdup("required by customer"));
	if (j->nparts > 0)
		reason(j, j->pickup ? xstrdup("needs a parts pickup") : xstrdup("parts on truck"));
	if (same_territory(t, j))
		reason(j, xasprintf("own territory (%s)", t->territory));
	if (j->arrive + j->duration > t->shift.end)
		reason(j, xstrdup("on call after shift"));
	if (t->booked - j->duration > 0)
		reason(j, xasprintf("%.1f h booked before", (t->booked - j->duration) / 60));
}

static void
assign(struct match_day *day, size_t job, const struct choice *c, const char *how)
{
	struct match_job *j = &day->jobs[job];
	struct match_slot in = c->slot;

	match_insert(day, (size_t)c->tech, job, &c->slot);
	/* The drive into the job from the visit before (the "12 min away"),
	 * not the detour the score used. */
	{
		const struct match_tech *t = &day->techs[c->tech];
		const struct match_job *prev = in.pos > 0 ? &day->jobs[t->route[in.pos - 1].job] : NULL;

		j->drive = match_drive(day, prev ? prev->xyz : t->xyz, j->xyz);
	}
	j->score = c->score;
	j->runner_up = c->runner_up;
	j->runner_up_score = c->runner_up_score;
	j->exception = NULL;
	free(j->message);
	j->message = NULL;
	explain_choice(day, job, how);
}

/* Why the tech a job came with may not take it, after the tech's id:
 * "lacks cert:gasfit", "is excluded by the customer"; NULL when fine. */
static char *
pin_problem(const struct match_day *day, const struct match_job *j)
{
	const struct match_tech *t = &day->techs[j->placed];
	char *text = NULL, *more;

	if (!match_has_skills(day, t, j)) {
		for (size_t i = 0; i < j->nskills; i++) {
			size_t s = j->skills[i];

			if (t->skillset[s / 64] & (UINT64_C(1) << (s % 64)))
				continue;
			more = xasprintf("%s%s%s", text ? text : "lacks ", text ? ", " : "",
			    day->skill_names[s]);
			free(text);
			text = more;
		}
		return text;
	}
	if (j->required >= 0 && j->required != j->placed)
		return xasprintf("is not %s, whom the customer requires", day->techs[j->required].id);
	if (is_excluded(j, (size_t)j->placed))
		return xstrdup("is excluded by the customer");
	if (!match_may_take(day, (size_t)j->placed, j))
		return xasprintf("works %s, the job is in %s", t->territory, j->territory);
	return NULL;
}

/* A tech a job came with who breaks a hard rule is not kept quietly: a
 * locked job keeps them (a promise to the customer the dispatcher made
 * knowingly) with a warning; any other goes back to be matched anew,
 * saying whom it came with and why it left. */
static void
check_pin(struct match_day *day, struct match_job *j)
{
	char *problem = pin_problem(day, j);
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
static void
place_fixed(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	struct match_tech *t = &day->techs[j->placed];
	struct choice c = { .tech = j->placed, .runner_up = -1 };
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
	assign(day, job, &c, how);
	free(how);
	if (j->warning != NULL && strcmp(j->warning, j->reasons[0]) != 0)
		reason(j, xasprintf("warning: %s", j->warning));
}

/* "bumped by emergency J1071 (gas-leak) from T05 at 09:40" */
static char *
bumped_words(const struct match_day *day, const struct match_job *v)
{
	const struct match_job *e = &day->jobs[v->bumped_by];
	char clock[16];

	return xasprintf("bumped by emergency %s%s%s%s from %s at %s", e->id,
	    e->type ? " (" : "", e->type ? e->type : "", e->type ? ")" : "",
	    day->techs[v->bumped_from].id, match_clock(v->bumped_at, v->offset_minutes, clock));
}

/* The emergency interrupt for a priority 1 (interrupt.c finds the way):
 * taken when no free tech can come at all, or when bumping brings help
 * at least interrupt_minutes sooner than the best free tech would. The
 * visits bumped go back to be matched again in their turn. */
static int
interrupt(struct match_day *day, size_t job, const struct choice *free_tech)
{
	struct match_job *j = &day->jobs[job];
	double sooner = day->rules.interrupt_minutes;
	const struct match_pool *p;
	struct match_bump b;
	struct match_tech *t;
	struct choice c;
	char *how, *more, clock[16];

	/* Nobody arrives before the job can start: no bump can beat a free
	 * tech who is nearly there. */
	if (free_tech->tech >= 0 && free_tech->slot.arrive < earliest(day, j) + sooner)
		return 0;
	p = pool_for(day, j);
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
	c = (struct choice){ .tech = b.tech, .runner_up = free_tech->tech,
	    .runner_up_score = free_tech->score, .slot = b.slot };
	/* The truck may hold the parts again now: look once more. */
	if (!match_slot_between(day, t, j, b.from, b.from, &c.slot))
		c.slot = b.slot;
	c.score = match_score(day, t, j, &c.slot);
	assign(day, job, &c, how);
	free(how);
	if (free_tech->tech >= 0)
		reason(j, xasprintf("%s is free but arrives %s", day->techs[free_tech->tech].id,
		    match_clock(free_tech->slot.arrive, j->offset_minutes, clock)));
	for (size_t i = 0; i < day->njobs; i++)
		if (day->jobs[i].bumped_by == (long)job && day->jobs[i].tech < 0)
			day->jobs[i].bumped_at = j->arrive;
	return 1;
}

static void
match_one(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	/* What the job went through before: said first, either way. */
	char *bumped = j->bumped_by >= 0 ? bumped_words(day, j)
	    : j->unpinned ? xstrdup(j->unpinned) : NULL;
	struct choice c;
	int found = choose(day, j, &c);

	if (j->priority == 1 && !day->naive && interrupt(day, job, &c)) {
		free(bumped);
		return;
	}
	if (found) {
		assign(day, job, &c, bumped);
	} else {
		clear_reasons(j);
		match_explain(day, job, bumped);
		if (j->bumped_by >= 0)
			j->exception = "displaced";
	}
	free(bumped);
}

void
match_run(struct match_day *day)
{
	size_t n;

	match_prepare(day);
	n = match_order(day);
	for (size_t i = 0; i < n; i++)
		if (day->jobs[day->order[i]].placed >= 0)
			check_pin(day, &day->jobs[day->order[i]]);
	for (size_t i = 0; i < n; i++)
		if (day->jobs[day->order[i]].placed >= 0)
			place_fixed(day, day->order[i]);
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
	/* Visits slotted in later changed who comes before whom: the drive
	 * reported is the leg from the visit before (or home), as driven. */
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
