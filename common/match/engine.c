/* The decision: jobs in order of urgency, each to the tech where it scores
 * best, with the emergency interrupt when nobody can take a priority 1. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

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
	if (match_same_territory(t, j))
		reason(j, xasprintf("own territory (%s)", t->territory));
	if (j->arrive + j->duration > t->shift.end)
		reason(j, xstrdup("on call after shift"));
	if (t->booked - j->duration > 0)
		reason(j, xasprintf("%.1f h booked before", (t->booked - j->duration) / 60));
}

static void
assign(struct match_day *day, size_t job, const struct match_choice *c, const char *how)
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
	if (match_is_excluded(j, (size_t)j->placed))
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
interrupt(struct match_day *day, size_t job, const struct match_choice *free_tech)
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
	struct match_choice c;
	int found = match_choose(day, j, &c);

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
