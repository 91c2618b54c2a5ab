/* Who may take a job at all, before any drive or time is weighed: the
 * techs holding every skill it needs, and the rules a customer or a
 * playbook makes hard (required tech, excluded techs, territory). */
#include <string.h>

#include "engine.h"
#include "xalloc.h"

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

/* The rules a tech cannot be talked out of, apart from skills and time. */
int
match_may_take(const struct match_day *day, size_t tech, const struct match_job *j)
{
	const struct match_tech *t = &day->techs[tech];

	if (j->required >= 0 && (size_t)j->required != tech)
		return 0;
	if (match_is_excluded(j, tech))
		return 0;
	if (j->territory_binds && j->territory != NULL && t->territory != NULL
	    && !match_same_territory(t, j))
		return 0;
	return 1;
}
