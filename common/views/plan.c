/* A tech's route in driving order, and the small words every view shares. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "views/plan.h"

/* By start of service; a pickup starts when the truck reaches the
 * counter, before the job it is for, so the two never tie. Equal starts
 * (a plan edited by hand) fall back to seq, then input order. */
static int
by_start(const void *a, const void *b)
{
	const struct view_stop *x = *(const struct view_stop *const *)a;
	const struct view_stop *y = *(const struct view_stop *const *)b;

	if (x->start.seconds != y->start.seconds)
		return x->start.seconds < y->start.seconds ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x < y ? -1 : x > y;
}

size_t
view_plan_route(const struct view_plan *p, int t, const struct view_stop ***out)
{
	const struct view_stop **route = xcalloc(p->nstops + 1, sizeof *route);
	size_t n = 0;

	for (size_t i = 0; i < p->nstops; i++)
		if (p->stops[i].placed && p->stops[i].tech_index == t)
			route[n++] = &p->stops[i];
	qsort(route, n, sizeof *route, by_start);
	*out = route;
	return n;
}

char *
view_hhmm(const struct fsd_time *t, char buf[VIEW_HHMM_LEN])
{
	char full[FSD_TIME_LEN];

	fsd_time_format(t->seconds, t->offset_minutes, full);
	snprintf(buf, VIEW_HHMM_LEN, "%.5s", full + 11);
	return buf;
}

char *
view_local_date(const struct fsd_time *t, char buf[FSD_DATE_LEN])
{
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

	return fsd_date_format(days, buf);
}

const char *
view_tech_label(const struct view_tech *t)
{
	return t->name != NULL ? t->name : t->id;
}

char *
view_file_name(const char *id, const char *ext)
{
	size_t n = strlen(id);
	char *name = xmalloc(n + strlen(ext) + 2);

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];

		name[i] = isalnum(c) || c == '-' || c == '_' || (c == '.' && i > 0) ? (char)c : '_';
	}
	if (n == 0)
		name[n++] = '_';
	strcpy(name + n, ext);
	return name;
}
