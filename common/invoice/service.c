/* The work billed, plain: technicians' names by id, and what a service
 * holds. Read from records by records_service.c. */
#include <stdlib.h>
#include <string.h>

#include "invoice/service.h"

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct inv_tech_name *)a)->id, ((const struct inv_tech_name *)b)->id);
}

void
inv_techs_sort(struct inv_techs *t)
{
	qsort(t->v, t->n, sizeof *t->v, by_id);
}

const char *
inv_techs_name(const struct inv_techs *t, const char *id)
{
	struct inv_tech_name key = { .id = (char *)id };
	const struct inv_tech_name *found;

	if (t == NULL || id == NULL || t->n == 0)
		return NULL;
	found = bsearch(&key, t->v, t->n, sizeof *t->v, by_id);
	return found ? found->name : NULL;
}

void
inv_techs_free(struct inv_techs *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].id);
		free(t->v[i].name);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}

int
inv_service_any(const struct inv_service *s)
{
	return s->has_start || s->tech_id != NULL || s->work_performed != NULL || s->notes != NULL
	    || s->signed_by != NULL || s->nevidence > 0 || s->nfindings > 0 || s->address != NULL;
}

void
inv_service_free(struct inv_service *s)
{
	free(s->evidence);
	free(s->findings);
	memset(s, 0, sizeof *s);
}
