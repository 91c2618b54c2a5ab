/* The decision on the route solver, and the words for it: see decide.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "decide.h"
#include "engine.h"
#include "field.h"
#include "sort.h"
#include "route/insert.h"
#include "route/timeline.h"
#include "xalloc.h"

/* The route solver's clock counts minutes from the run's first time;
 * the matcher's from the epoch. */
static double
epoch_minutes(const struct route_run *run, double minutes)
{
	return minutes + run->clock.base_seconds / 60.0;
}

/* Per vehicle, the match tech it is (a tech with several shifts is
 * several vehicles); -1 when the matcher does not know it. */
static long *
tech_of_vehicles(const struct match_day *day, const struct route_run *run)
{
	long *of = xmalloc((run->ntechs + 1) * sizeof *of);

	for (int v = 0; v < run->ntechs; v++)
		of[v] = match_find_tech(day, run->techs[v].id);
	return of;
}

/* The instance job index -> record index map, for the route's stops. */
static int *
records_of_instance(const struct route_run *run, const struct route_instance *in)
{
	int *of = xmalloc((in->njobs + 1) * sizeof *of);

	for (size_t i = 0; i < run->njobs; i++)
		if (run->jobs[i].in_instance >= 0)
			of[run->jobs[i].in_instance] = (int)i;
	return of;
}

/* Vehicle v's day onto its tech's route in the matcher's terms: what
 * explain.c reads when it names who came nearest for a job left out. */
static void
take_route(struct match_day *day, const struct match_decide *d, const struct route_instance *in,
    const struct route_solution *plan, int v, long tech, const int *record_of)
{
	const struct route_plan *p = &plan->routes[v];
	int total = p->len + in->vehicles[v].nfixed;
	struct route_stop_times *times = xcalloc(total + 1, sizeof *times);
	struct route_day rd;

	route_timeline(in, v, p->jobs + 1, p->len, &rd, times, NULL);
	for (int k = 0, next = 1; k < total; k++) {
		const struct route_job_record *jr = times[k].fixed >= 0
		    ? route_fixed_record(d->run, v, times[k].fixed)
		    : &d->run->jobs[record_of[p->jobs[next++]]];
		long job = d->job_of_record[jr - d->run->jobs];
		struct match_job *j = &day->jobs[job];
		struct match_tech *t = &day->techs[tech];
		struct match_slot slot = { t->nroute, epoch_minutes(d->run, times[k].start),
			times[k].drive_minutes,
			j->nparts > 0 && !match_tech_has_parts(t, j) };

		match_insert(day, (size_t)tech, (size_t)job, &slot);
	}
	free(times);
}

/* The drive job j adds where it is: the legs in and out, less the leg
 * they replace. */
static double
detour(const struct route_instance *in, const struct route_solution *s, int j)
{
	int v = s->route_of[j], k = s->pos_of[j];
	const struct route_plan *p = &s->routes[v];
	int before = k == 1 ? in->vehicles[v].start_loc : in->jobs[p->jobs[k - 1]].loc;
	int after = k == p->len ? in->vehicles[v].end_loc : in->jobs[p->jobs[k + 1]].loc;
	int at = in->jobs[j].loc;

	return route_minutes(in, before, at) + route_minutes(in, at, after)
	    - route_minutes(in, before, after);
}

/* The score as match_score weighs it, before the job was on the day. */
static double
score_on(const struct match_day *day, struct match_tech *t, const struct match_job *j,
    const struct match_slot *slot, int on_day)
{
	double score;

	if (on_day)
		t->booked -= j->duration;
	score = match_score(day, t, j, slot);
	if (on_day)
		t->booked += j->duration;
	return score;
}

struct near {
	int vehicle;
	double minutes;
};

static int
nearest_first(const void *a, const void *b, void *ctx)
{
	const struct near *x = a, *y = b;

	(void)ctx;
	if (x->minutes != y->minutes)
		return x->minutes < y->minutes ? -1 : 1;
	return x->vehicle - y->vehicle;
}

/* The runner-up: of the other techs who may take the job (the nearest
 * d->candidates of them), the one whose day in the finished plan takes
 * it with the best score; ties go to the lower id. The job is lifted
 * out of its own day to look, and put back where it was. */
static void
runner_up(struct match_day *day, const struct match_decide *d, struct route_solution *plan,
    int ji, struct match_job *j, const long *tech_of, struct near *near)
{
	const struct route_instance *in = plan->in;
	int v = plan->route_of[ji], pos = plan->pos_of[ji], n = 0;

	j->runner_up = -1;
	for (int w = 0; w < in->nvehicles; w++)
		if (tech_of[w] >= 0 && tech_of[w] != tech_of[v] && route_may_serve(in, ji, w))
			near[n++] = (struct near){ w, route_minutes(in, in->vehicles[w].start_loc,
			    in->jobs[ji].loc) };
	fsd_sort(near, n, sizeof *near, nearest_first, NULL);
	/* The job's own tech is one of the candidates. */
	if (d->candidates > 0 && (size_t)n > d->candidates - 1)
		n = (int)d->candidates - 1;
	route_remove_job(plan, ji);
	for (int i = 0; i < n; i++) {
		int w = near[i].vehicle;
		struct route_position at = route_best_position_on(plan, ji, w);
		struct match_tech *t = &day->techs[tech_of[w]];
		struct match_slot slot;
		double score;

		if (at.vehicle < 0)
			continue;
		slot = (struct match_slot){ 0, epoch_minutes(d->run, route_start_at(plan, w, at.pos, ji)),
			at.delta,
			j->nparts > 0 && !match_tech_has_parts(t, j) };
		score = score_on(day, t, j, &slot, 0);
		if (j->runner_up < 0 || score > j->runner_up_score
		    || (score == j->runner_up_score
		    && strcmp(t->id, day->techs[j->runner_up].id) < 0)) {
			j->runner_up = tech_of[w];
			j->runner_up_score = score;
		}
	}
	route_insert_job(plan, v, pos, ji);
}

/* Jobs more urgent than the displaced job j on the day it came placed
 * on, that did not come placed there: what took its room. */
static char *
taken_by(const struct match_day *day, const struct match_job *j)
{
	const struct match_tech *t = &day->techs[j->placed];
	char *list = NULL;

	for (size_t k = 0; k < t->nroute; k++) {
		const struct match_job *x = &day->jobs[t->route[k].job];
		char *more;

		if (x->placed == j->placed || x->priority >= j->priority)
			continue;
		more = xasprintf("%s%s%s", list ? list : "", list ? ", " : "", x->id);
		free(list);
		list = more;
	}
	return list;
}

/* Why a job no day holds: a job that came placed on a tech (a visit
 * promised before) is displaced, naming what took its room when a more
 * urgent job did; the nearest misses follow (explain.c). */
static void
explain_left_out(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	char *urgent, *prefix;

	if (j->placed < 0 || j->locked) {
		match_explain(day, job, j->unpinned);
		return;
	}
	urgent = taken_by(day, j);
	prefix = urgent ? xasprintf("came placed on %s, whose day no longer holds it after %s "
	    "(more urgent) went in", day->techs[j->placed].id, urgent)
	    : xasprintf("came placed on %s, whose day no longer holds it",
	    day->techs[j->placed].id);
	match_explain(day, job, prefix);
	j->exception = "displaced";
	free(urgent);
	free(prefix);
}

/* The reasons of a job on a day: how it came there first (locked, or
 * the tech it came placed on and why it left), what it displaced, and
 * any warning last. */
static void
say_why(struct match_day *day, size_t job)
{
	struct match_job *j = &day->jobs[job];
	char *how = NULL, *took = NULL;

	if (j->locked && j->placed >= 0)
		how = xasprintf("locked to %s", day->techs[j->placed].id);
	else if (j->placed >= 0 && j->placed != j->tech)
		how = xasprintf("moved from %s, where it came placed", day->techs[j->placed].id);
	/* A job that kept the tech it came with took no one's place. */
	for (size_t i = 0; j->placed != j->tech && i < day->njobs; i++) {
		const struct match_job *x = &day->jobs[i];
		char *more;

		if (x->skip || x->tech >= 0 || x->placed != j->tech || x->priority <= j->priority
		    || x->locked)
			continue;
		more = xasprintf("%s%s%s", took ? took : "took the place of ", took ? ", " : "",
		    x->id);
		free(took);
		took = more;
	}
	match_say_why(day, job, how ? how : j->unpinned);
	if (took != NULL)
		match_add_reason(j, took);
	if (j->warning != NULL)
		match_add_reason(j, xasprintf("warning: %s", j->warning));
	free(how);
}

void
match_decide(struct match_day *day, const struct match_decide *d)
{
	struct route_run *run = d->run;
	struct route_instance *in = route_run_instance(run);
	struct route_solution *seed = route_run_seed(run, in);
	struct route_solution *plan = route_solve_from(in, &d->params, seed);
	long *tech_of = tech_of_vehicles(day, run);
	int *record_of = records_of_instance(run, in);
	struct near *near = xmalloc((in->nvehicles + 1) * sizeof *near);

	route_solution_free(seed);
	route_place_late(in, plan, &d->params);
	/* A tech a job came with who breaks a rule: said, not kept quietly
	 * (the route reader has already left such a job free). */
	for (size_t i = 0; i < run->njobs; i++) {
		struct match_job *j = &day->jobs[d->job_of_record[i]];

		if (j->placed >= 0)
			match_check_pin(day, j);
	}
	for (int v = 0; v < in->nvehicles; v++)
		if (tech_of[v] >= 0)
			take_route(day, d, in, plan, v, tech_of[v], record_of);
	for (size_t i = 0; i < run->njobs; i++) {
		const struct route_job_record *jr = &run->jobs[i];
		struct match_job *j = &day->jobs[d->job_of_record[i]];
		int ji = jr->in_instance;

		if (j->tech >= 0) {
			struct match_slot slot = { 0, j->arrive, 0, j->pickup };

			if (ji >= 0 && plan->route_of[ji] >= 0)
				slot.drive = detour(in, plan, ji);
			j->score = score_on(day, &day->techs[j->tech], j, &slot, 1);
			if (ji >= 0 && plan->route_of[ji] >= 0)
				runner_up(day, d, plan, ji, j, tech_of, near);
			say_why(day, (size_t)d->job_of_record[i]);
			continue;
		}
		/* The reader found a field it cannot route by: the record
		 * says so already, and goes out as it is. */
		if (fsd_upstream_exception(jr->record)) {
			j->skip = 1;
			continue;
		}
	}
	/* The nearest misses need every day as planned: afterwards. */
	for (size_t i = 0; i < run->njobs; i++) {
		struct match_job *j = &day->jobs[d->job_of_record[i]];

		if (!j->skip && j->tech < 0)
			explain_left_out(day, (size_t)d->job_of_record[i]);
	}
	free(near);
	free(record_of);
	free(tech_of);
	route_solution_free(plan);
	route_instance_free(in);
}
