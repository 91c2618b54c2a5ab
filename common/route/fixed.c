/* Locked positions: a job "locked" with a "seq" keeps its tech and its
 * place in the day (the customer was told "you are second"; a part is
 * picked up on the way to it). Such a job is not the search's to move:
 * it is a fixed stop of its tech's vehicle, and timeline.c puts it at
 * its place among whatever the search routes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "records.h"
#include "timeline.h"

int
route_fixed_read(struct route_run *run, struct route_job_record *jr, const struct fsd_pos *pos)
{
	int locked = 0;
	long long seq;
	int r;

	(void)run;
	if (fsd_field_bool(jr->record, "locked", &locked, NULL) != FSD_FIELD_OK || !locked
	    || jr->tech < 0)
		return 0;
	if ((r = fsd_field_int(jr->record, "seq", &seq, pos)) == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return 0;
	if (seq < 1 || seq > 10000)
		return fsd_field_fail(pos, "\"seq\" must be a place in the day from 1, not %lld", seq), -1;
	jr->fixed_place = (int)seq;
	return 1;
}

/* Jobs done, in progress or on the way ahead of tech t's plan: a
 * re-plan's seq counts them, the vehicle's day does not. */
static int
heads(const struct route_run *run, int t)
{
	int n = 0;

	for (size_t i = 0; i < run->njobs; i++)
		n += run->jobs[i].tech == t && run->jobs[i].status != ROUTE_OPEN
		    && json_object_get(run->jobs[i].record, "exception") == NULL;
	return run->has_now ? n : 0;
}

static int
by_tech_place(const void *a, const void *b, void *ctx)
{
	const struct route_run *run = ctx;
	const struct route_job_record *x = &run->jobs[*(const int *)a];
	const struct route_job_record *y = &run->jobs[*(const int *)b];

	if (x->tech != y->tech)
		return x->tech - y->tech;
	if (x->fixed_place != y->fixed_place)
		return x->fixed_place - y->fixed_place;
	return *(const int *)a - *(const int *)b;
}

void
route_fixed_attach(struct route_run *run, struct route_instance *in)
{
	int n = 0;

	for (size_t i = 0; i < run->njobs; i++)
		n += run->jobs[i].fixed_place > 0;
	if (n == 0)
		return;
	run->fixed_records = xmalloc(n * sizeof *run->fixed_records);
	run->fixed_jobs = xmalloc(n * sizeof *run->fixed_jobs);
	run->fixed_places = xmalloc(n * sizeof *run->fixed_places);
	for (size_t i = 0; i < run->njobs; i++)
		if (run->jobs[i].fixed_place > 0)
			run->fixed_records[run->nfixed++] = (int)i;
	fsd_sort(run->fixed_records, n, sizeof *run->fixed_records, by_tech_place, run);
	for (int f = 0; f < n; f++) {
		const struct route_job_record *jr = &run->jobs[run->fixed_records[f]];
		struct route_vehicle *v = &in->vehicles[jr->tech];

		if (v->nfixed == 0)
			v->fixed = &run->fixed_jobs[f], v->fixed_place = &run->fixed_places[f];
		run->fixed_jobs[f] = jr->fields;
		run->fixed_jobs[f].only_vehicle = jr->tech;
		/* Two locked at one place: the second follows the first. */
		run->fixed_places[f] = jr->fixed_place - heads(run, jr->tech);
		if (v->nfixed > 0 && run->fixed_places[f] <= run->fixed_places[f - 1])
			run->fixed_places[f] = run->fixed_places[f - 1] + 1;
		if (run->fixed_places[f] < 1)
			run->fixed_places[f] = 1;
		v->nfixed++;
	}
	/* A day that cannot hold its fixed stops even alone: they say so,
	 * and the rest of the day is planned without them. */
	for (int t = 0; t < in->nvehicles; t++) {
		struct route_day day;
		struct route_vehicle *v = &in->vehicles[t];

		if (v->nfixed == 0)
			continue;
		v->exact = 1;
		if (route_timeline(in, t, NULL, 0, &day, NULL, NULL))
			continue;
		for (int f = 0; f < v->nfixed; f++) {
			struct route_job_record *jr = route_fixed_record(run, t, f);
			fsd_set_exception(jr->record, "locked_unreachable", "%s cannot keep it at seq %d "
			    "within its window, the shift and the day's other fixed stops",
			    run->techs[t].id, jr->fixed_place);
		}
		v->nfixed = 0;
	}
}

struct route_job_record *
route_fixed_record(struct route_run *run, int v, int fixed)
{
	for (int f = 0; f < run->nfixed; f++)
		if (run->jobs[run->fixed_records[f]].tech == v)
			return &run->jobs[run->fixed_records[f + fixed]];
	return NULL;
}
