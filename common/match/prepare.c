/* Before the first job is weighed: the plan's start, the playbooks
 * folded in (and their SLAs kept reachable), skills as bitsets, places as
 * unit vectors, stock and time off sorted, the day cut into idle blocks.
 * What follows reads these, never the fields they came from. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "xalloc.h"

static uint64_t *
bitset(const struct match_day *day, const size_t *skills, size_t n)
{
	uint64_t *set = xcalloc(day->words ? day->words : 1, sizeof *set);

	for (size_t i = 0; i < n; i++)
		set[skills[i] / 64] |= UINT64_C(1) << (skills[i] % 64);
	return set;
}

static int
by_sku(const void *a, const void *b)
{
	return strcmp(((const struct match_stock *)a)->sku, ((const struct match_stock *)b)->sku);
}

static int
by_start(const void *a, const void *b)
{
	double x = ((const struct match_interval *)a)->start;
	double y = ((const struct match_interval *)b)->start;

	return (x > y) - (x < y);
}

/* A rule never makes a job due before anyone could be there: the gas
 * leak whose customer lets us in at 13:05 is not "two hours from the
 * plan's start". When the playbook's SLA would end before the soonest
 * a qualified tech can arrive, the job keeps the deadline it came with
 * (or none) and a warning says why. */
static void
keep_sla_reachable(struct match_day *day, struct match_job *j)
{
	double soonest = INFINITY;
	char due[16], can[16];

	if (!(j->playbook_changed & MATCH_PLAYBOOK_SLA))
		return;
	for (size_t i = 0; i < day->ntechs; i++) {
		const struct match_tech *t = &day->techs[i];
		double at;

		if (!match_has_skills(day, t, j))
			continue;
		at = match_day_start(day, t) + match_drive(day, t->xyz, j->xyz);
		if (j->has_window && at < j->window.start)
			at = j->window.start;
		soonest = fmin(soonest, at);
	}
	if (!isfinite(soonest) || j->sla_due >= soonest)
		return;
	free(j->warning);
	j->warning = xasprintf("the %s playbook's SLA would make it due %s, before any qualified "
	    "tech could be there (%s): it keeps %s", j->playbook,
	    match_clock(j->sla_due, j->offset_minutes, due),
	    match_clock(soonest, j->offset_minutes, can),
	    j->own_has_sla ? "its own sla_due" : "no sla_due");
	j->has_sla = j->own_has_sla;
	j->sla_due = j->own_sla_due;
	j->playbook_changed &= ~MATCH_PLAYBOOK_SLA;
}

void
match_prepare(struct match_day *day)
{
	day->plan_start = day->has_now || day->ntechs == 0 ? day->now : INFINITY;
	for (size_t i = 0; i < day->ntechs && !day->has_now; i++)
		if (day->techs[i].shift.start < day->plan_start)
			day->plan_start = day->techs[i].shift.start;
	/* Playbooks may name skills no one has: intern them before the
	 * bitsets are sized. */
	for (size_t i = 0; i < day->njobs; i++)
		if (!day->jobs[i].skip)
			match_apply_playbook(day, &day->jobs[i], day->plan_start);
	day->words = (day->nskill_names + 63) / 64;
	/* Blocks of 15 minutes, longer when the day (on call included) is
	 * longer than 16 hours. */
	{
		double end = day->plan_start;

		for (size_t i = 0; i < day->ntechs; i++)
			if (day->techs[i].shift.end + day->rules.on_call_minutes > end)
				end = day->techs[i].shift.end + day->rules.on_call_minutes;
		day->block_minutes = fmax(15, ceil((end - day->plan_start) / 64));
		if (!isfinite(day->block_minutes) || day->block_minutes > 24 * 60)
			day->block_minutes = 0;
	}
	for (size_t i = 0; i < day->ntechs; i++) {
		struct match_tech *t = &day->techs[i];

		free(t->skillset);
		t->skillset = bitset(day, t->skills, t->nskills);
		match_unit_vector(t->lat, t->lon, t->xyz);
		if (t->nstock > 1)	/* qsort's pointer must not be NULL */
			qsort(t->stock, t->nstock, sizeof *t->stock, by_sku);
		if (t->noff > 1)
			qsort(t->off, t->noff, sizeof *t->off, by_start);
	}
	for (size_t i = 0; i < day->njobs; i++) {
		free(day->jobs[i].skillset);
		day->jobs[i].skillset = bitset(day, day->jobs[i].skills, day->jobs[i].nskills);
		match_unit_vector(day->jobs[i].lat, day->jobs[i].lon, day->jobs[i].xyz);
	}
	match_index_techs(day);
	for (size_t i = 0; i < day->njobs; i++)
		if (!day->jobs[i].skip)
			keep_sla_reachable(day, &day->jobs[i]);
	match_refresh_gaps(day);
}
