/* A day's techs and jobs: building it up, skills as bitsets, freeing it. */
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "sort.h"
#include "xalloc.h"

/* Skill names are few (trades, certifications, brands, languages): a
 * linear search at load time costs less than a hash table's code. */
size_t
match_skill(struct match_day *day, const char *name)
{
	for (size_t i = 0; i < day->nskill_names; i++)
		if (strcmp(day->skill_names[i], name) == 0)
			return i;
	day->skill_names = xgrow(day->skill_names, &day->skill_cap,
	    day->nskill_names + 1, sizeof *day->skill_names);
	day->skill_names[day->nskill_names] = xstrdup(name);
	return day->nskill_names++;
}

struct match_tech *
match_add_tech(struct match_day *day)
{
	struct match_tech *t;

	day->techs = xrealloc(day->techs, (day->ntechs + 1) * sizeof *day->techs);
	t = &day->techs[day->ntechs++];
	memset(t, 0, sizeof *t);
	return t;
}

struct match_job *
match_add_job(struct match_day *day)
{
	struct match_job *j;

	day->jobs = xrealloc(day->jobs, (day->njobs + 1) * sizeof *day->jobs);
	j = &day->jobs[day->njobs++];
	memset(j, 0, sizeof *j);
	j->priority = 3;
	j->preferred = j->required = j->placed = j->tech = j->runner_up = -1;
	j->territory_binds = j->parts_pickup = j->on_call = MATCH_UNSET;
	j->pickup_minutes = MATCH_UNSET;
	j->duration = MATCH_UNSET;
	return j;
}

static int
by_tech_id(const void *a, const void *b, void *ctx)
{
	const struct match_tech *t = ((const struct match_day *)ctx)->techs;

	return strcmp(t[*(const size_t *)a].id, t[*(const size_t *)b].id);
}

void
match_index_techs(struct match_day *day)
{
	free(day->by_id);
	day->by_id = xcalloc(day->ntechs + 1, sizeof *day->by_id);
	for (size_t i = 0; i < day->ntechs; i++)
		day->by_id[i] = i;
	fsd_sort(day->by_id, day->ntechs, sizeof *day->by_id, by_tech_id, day);
}

long
match_find_tech(const struct match_day *day, const char *id)
{
	size_t lo = 0, hi = day->ntechs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(day->techs[day->by_id[mid]].id, id);

		if (c == 0)
			return (long)day->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void
free_playbook(struct match_playbook *p)
{
	free(p->type);
	for (size_t i = 0; i < p->nskills; i++)
		free(p->skills[i]);
	free(p->skills);
}

void
match_rules_free(struct match_rules *rules)
{
	free_playbook(&rules->base);
	for (size_t i = 0; i < rules->ntypes; i++)
		free_playbook(&rules->types[i]);
	free(rules->types);
}

void
match_day_free(struct match_day *day)
{
	for (size_t i = 0; i < day->ntechs; i++) {
		struct match_tech *t = &day->techs[i];

		free(t->id);
		free(t->name);
		free(t->territory);
		free(t->skills);
		free(t->skillset);
		free(t->off);
		for (size_t k = 0; k < t->nstock; k++)
			free(t->stock[k].sku);
		free(t->stock);
		free(t->route);
	}
	for (size_t i = 0; i < day->njobs; i++) {
		struct match_job *j = &day->jobs[i];

		free(j->id);
		free(j->type);
		free(j->territory);
		free(j->skills);
		free(j->skillset);
		for (size_t k = 0; k < j->nparts; k++)
			free(j->parts[k].sku);
		free(j->parts);
		free(j->excluded);
		for (int k = 0; k < j->nreasons; k++)
			free(j->reasons[k]);
		free(j->message);
		free(j->unpinned);
		free(j->warning);
	}
	for (size_t i = 0; i < day->nskill_names; i++)
		free(day->skill_names[i]);
	for (size_t i = 0; i < day->npools; i++) {
		free(day->pools[i].skillset);
		free(day->pools[i].techs);
	}
	free(day->pools);
	free(day->skill_names);
	free(day->techs);
	free(day->jobs);
	free(day->by_id);
	free(day->order);
	match_rules_free(&day->rules);
	memset(day, 0, sizeof *day);
}
