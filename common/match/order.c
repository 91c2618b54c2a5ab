/* The order jobs are decided in. Insertion never moves a visit once
 * given, so whoever is decided first gets the pick of the day: the
 * order is where urgency is honoured. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "sort.h"
#include "xalloc.h"

/* Emergencies first, then the nearest deadline (the SLA or the window's
 * end, whichever is sooner), then priority, VIPs, and the id for ties. */
static double
deadline(const struct match_job *j)
{
	double d = INFINITY;

	if (j->has_sla)
		d = j->sla_due;
	if (j->has_window && j->window.end < d)
		d = j->window.end;
	return d;
}

static int
by_urgency(const void *a, const void *b, void *ctx)
{
	const struct match_day *day = ctx;
	const struct match_job *x = &day->jobs[*(const size_t *)a];
	const struct match_job *y = &day->jobs[*(const size_t *)b];
	double dx = deadline(x), dy = deadline(y);

	if ((x->priority == 1) != (y->priority == 1))
		return x->priority == 1 ? -1 : 1;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority - y->priority;
	if (x->vip != y->vip)
		return y->vip - x->vip;
	return strcmp(x->id, y->id);
}

size_t
match_order(struct match_day *day)
{
	size_t n = 0;

	free(day->order);
	day->order = xcalloc(day->njobs + 1, sizeof *day->order);
	for (size_t i = 0; i < day->njobs; i++)
		if (!day->jobs[i].skip)
			day->order[n++] = i;
	fsd_sort(day->order, n, sizeof *day->order, by_urgency, day);
	return n;
}
