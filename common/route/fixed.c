/* Locked positions: a job "locked" with a "seq" keeps its tech and its
 * place in the day (the customer was told "you are second"; a part is
 * picked up on the way to it). Such a job is not the search's to move:
 * it is a fixed stop of its tech's vehicle, and timeline.c puts it at
 * its place among whatever the search routes. records_fixed.c reads
 * which jobs are locked where. */
#include "records.h"
#include "sort.h"
#include "timeline.h"
#include "xalloc.h"

/* Jobs done, in progress or on the way ahead of tech t's plan: a
 * re-plan's seq counts them, the vehicle's day does not. */
static int
heads(const struct route_run *run, int t)
{
	int n = 0;

	for (size_t i = 0; i < run->njobs; i++)
		n += run->jobs[i].tech == t && run->jobs[i].status != ROUTE_OPEN
		    && !route_job_has_exception(&run->jobs[i]);
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
		for (int f = 0; f < v->nfixed; f++)
			route_fixed_unreachable(run, t, route_fixed_record(run, t, f));
		v->nfixed = 0;
	}
}
