/* The plan's parts given out: what each truck needs, and which jobs
 * get theirs when not all can be had. Reading the plan file (and
 * freeing it, records and all) is records_plan.c's. */
#include <stdlib.h>

#include "plan.h"
#include "xalloc.h"

void
restock_plan_need(struct restock_plan *p, struct restock_stock *s)
{
	for (size_t j = 0; j < p->njobs; j++)
		for (size_t i = 0; i < p->job[j].nparts; i++) {
			const struct restock_part *part = &p->part[p->job[j].first_part + i];
			if (part->sku >= 0 && restock_row_find(s, p->job[j].truck, part->sku) == NULL)
				restock_row_add(s, p->job[j].truck, part->sku);
		}
	p->need = xcalloc(s->nrows + 1, sizeof *p->need);
	for (size_t j = 0; j < p->njobs; j++)
		for (size_t i = 0; i < p->job[j].nparts; i++) {
			const struct restock_part *part = &p->part[p->job[j].first_part + i];
			if (part->sku >= 0)
				p->need[restock_row_find(s, p->job[j].truck, part->sku) - s->row] += part->qty;
		}
}

static int
by_priority(const void *a, const void *b)
{
	const struct restock_plan_job *x = *(struct restock_plan_job *const *)a;
	const struct restock_plan_job *y = *(struct restock_plan_job *const *)b;

	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Append "sku" to the job's list of what it cannot get. */
static void
note_missing(struct restock_plan_job *j, const char *sku, const char *where)
{
	char *old = j->unavailable;

	j->unavailable = old ? xasprintf("%s, %s", old, sku)
	    : xasprintf("%s %s", where, sku);
	free(old);
}

void
restock_plan_cover(struct restock_plan *p, const struct restock_stock *s,
    const long long *uncovered)
{
	long long *left = xcalloc(s->nrows + 1, sizeof *left);
	struct restock_plan_job **order = xcalloc(p->njobs + 1, sizeof *order);

	for (size_t i = 0; i < s->nrows && p->need != NULL; i++)
		left[i] = p->need[i] - uncovered[i];
	for (size_t j = 0; j < p->njobs; j++)
		order[j] = &p->job[j];
	if (p->njobs > 1)
		qsort(order, p->njobs, sizeof *order, by_priority);
	for (size_t k = 0; k < p->njobs; k++) {
		struct restock_plan_job *j = order[k];
		const struct restock_part *part = &p->part[j->first_part];

		/* A job gets all of its parts or none: half a repair is no repair. */
		for (size_t i = 0; i < j->nparts; i++) {
			const struct restock_row *r = part[i].sku >= 0
			    ? restock_row_find(s, j->truck, part[i].sku) : NULL;
			if (r == NULL || left[r - s->row] < part[i].qty)
				note_missing(j, r ? restock_sku_name(s, part[i].sku) : part[i].sku_text,
				    "not on the truck nor in any warehouse:");
		}
		if (j->unavailable != NULL)
			continue;
		for (size_t i = 0; i < j->nparts; i++)
			left[restock_row_find(s, j->truck, part[i].sku) - s->row] -= part[i].qty;
	}
	free(order);
	free(left);
}
