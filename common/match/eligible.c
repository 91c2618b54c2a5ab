/* Who may take a job at all, before any drive or time is weighed: the
 * techs holding every skill it needs, and the rules a customer or a
 * playbook makes hard (required tech, excluded techs, territory). The
 * rules and their words are here once, for the naive baseline's choice,
 * the check of a tech a job came with (pinned.c) and the nearest misses
 * (explain.c). */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"

int
match_has_skills(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j)
{
	for (size_t w = 0; w < day->words; w++)
		if ((j->skillset[w] & ~t->skillset[w]) != 0)
			return 0;
	return 1;
}

static int
holds_skill(const struct match_tech *t, size_t s)
{
	return (t->skillset[s / 64] & (UINT64_C(1) << (s % 64))) != 0;
}

size_t
match_count_missing(const struct match_tech *t, const struct match_job *j)
{
	size_t count = 0;

	for (size_t i = 0; i < j->nskills; i++)
		count += !holds_skill(t, j->skills[i]);
	return count;
}

/* "cert:gasfit, plumbing": the skills t lacks, in the job's order. */
static char *
missing_skills(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j)
{
	char *text = xstrdup(""), *more;

	for (size_t i = 0; i < j->nskills; i++) {
		if (holds_skill(t, j->skills[i]))
			continue;
		more = xasprintf("%s%s%s", text, text[0] ? ", " : "",
		    day->skill_names[j->skills[i]]);
		free(text);
		text = more;
	}
	return text;
}

enum match_rule
match_rule_broken(const struct match_day *day, size_t tech, const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];

	if (!match_has_skills(day, t, j))
		return MATCH_LACKS_SKILLS;
	if (j->required >= 0 && (size_t)j->required != tech)
		return MATCH_NOT_REQUIRED;
	if (match_is_excluded(j, tech))
		return MATCH_EXCLUDED;
	if (j->territory_binds && j->territory != NULL && t->territory != NULL
	    && !match_same_territory(t, j))
		return MATCH_OUT_OF_TERRITORY;
	return MATCH_RULE_KEPT;
}

char *
match_rule_words(const struct match_day *day, size_t tech, const struct match_job *j,
    enum match_rule rule)
{
	const struct match_tech *t = &day->techs[tech];
	char *missing, *text;

	switch (rule) {
	case MATCH_LACKS_SKILLS:
		missing = missing_skills(day, t, j);
		text = xasprintf("lacks %s", missing);
		free(missing);
		return text;
	case MATCH_NOT_REQUIRED:
		return xasprintf("is not %s, whom the customer requires", day->techs[j->required].id);
	case MATCH_EXCLUDED:
		return xstrdup("is excluded by the customer");
	case MATCH_OUT_OF_TERRITORY:
		return xasprintf("works %s, the job is in %s", t->territory, j->territory);
	case MATCH_RULE_KEPT:
		break;
	}
	return NULL;
}

/* Jobs share few skill sets (a trade and a certification or two), so
 * the pools are kept in a list searched by the set's bytes. */
const struct match_pool *
match_pool_for(struct match_day *day, const struct match_job *j)
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

