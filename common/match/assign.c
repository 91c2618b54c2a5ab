/* A job onto the day of the tech chosen for it (by choose.c, pinned.c
 * or the interrupt), with the result the record reports: the drive in,
 * the score, the runner-up, and the reasons in a dispatcher's words. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

/* Reasons past MATCH_MAX_REASONS are dropped: the first say the most. */
void
match_add_reason(struct match_job *j, char *text)
{
	if (j->nreasons < MATCH_MAX_REASONS)
		j->reasons[j->nreasons++] = text;
	else
		free(text);
}

void
match_clear_reasons(struct match_job *j)
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

	match_clear_reasons(j);
	if (how != NULL)
		match_add_reason(j, xstrdup(how));
	for (size_t i = 0; i < j->nskills; i++) {
		const char *name = day->skill_names[j->skills[i]];

		if (strlen(skills) + strlen(name) + 3 < sizeof skills)
			strcat(strcat(skills, i ? ", " : ""), name);
	}
	if (j->nskills > 0)
		match_add_reason(j, xasprintf("has %s", skills));
	match_add_reason(j, xasprintf("%.0f min away", in < 0 ? 0 : in));
	if (j->has_sla && j->arrive > j->sla_due + 0.5)
		match_add_reason(j, xasprintf("arrives %s, %.0f min after sla_due: "
		    "no plan found reaches it sooner", match_clock(j->arrive, j->offset_minutes, clock),
		    j->arrive - j->sla_due));
	else if (j->has_sla)
		match_add_reason(j, xasprintf("arrives %s, %.0f min before sla_due",
		    match_clock(j->arrive, j->offset_minutes, clock), fmax(j->sla_due - j->arrive, 0)));
	else
		match_add_reason(j, xasprintf("arrives %s",
		    match_clock(j->arrive, j->offset_minutes, clock)));
	if (j->preferred == j->tech)
		match_add_reason(j, xstrdup("preferred by customer"));
	if (j->required == j->tech)
		match_add_reason(j, xstrdup("required by customer"));
	if (j->nparts > 0)
		match_add_reason(j, xstrdup(j->pickup ? "needs a parts pickup" : "parts on truck"));
	if (match_same_territory(t, j))
		match_add_reason(j, xasprintf("own territory (%s)", t->territory));
	if (j->arrive + j->duration > t->shift.end)
		match_add_reason(j, xstrdup("on call after shift"));
	if (t->booked - j->duration > 0)
		match_add_reason(j, xasprintf("%.1f h of other work that day",
		    (t->booked - j->duration) / 60));
}

void
match_assign(struct match_day *day, size_t job, const struct match_choice *c,
    const char *how)
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

void
match_say_why(struct match_day *day, size_t job, const char *how)
{
	explain_choice(day, job, how);
}
