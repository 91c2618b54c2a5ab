/* Re-planning the rest of a day that has begun (--now): what is done
 * stays as it was, the job in progress ends when it is expected to (or,
 * when it has overrun, a while after now), the job a tech is driving to
 * is theirs next, and everything not started is planned again from where
 * and when each tech will be free. records_replan.c reads the statuses
 * and times this goes by. */
#include <math.h>
#include <string.h>

#include "records.h"

/* Breaks the plan being re-planned put before now (a job's "break")
 * have been taken: they leave the tech's list; one under way at now
 * keeps the tech until it ends. Returns when the tech is free of them. */
static double
taken_breaks(struct route_run *run, int t, struct route_vehicle *v, double free_at)
{
	struct route_tech *tech = &run->techs[t];

	for (size_t i = 0; i < run->njobs; i++) {
		const struct route_job_record *jr = &run->jobs[i];
		double start = jr->old_break_start, end = jr->old_break_end;

		if (jr->tech != t || isnan(start) || start > run->now)
			continue;
		for (int b = 0; b < tech->nbreaks; b++)
			if (start >= tech->breaks[b].start - ROUTE_FIT_EPS
			    && end <= tech->breaks[b].end + ROUTE_FIT_EPS) {
				memmove(&tech->breaks[b], &tech->breaks[b + 1],
				    (tech->nbreaks - b - 1) * sizeof *tech->breaks);
				tech->nbreaks--;
				break;
			}
		if (end > run->now)
			free_at = fmax(free_at, end);
	}
	v->breaks = tech->breaks;
	v->nbreaks = tech->nbreaks;
	return free_at;
}

/* A running_late alert about a job the tech has not set out for yet (the
 * one before it overran, traffic on the way there): the tracker's ETA,
 * less the drive from where the tech will be, is when the tech is free,
 * whichever job the re-plan gives them next. */
static double
late_until(const struct route_run *run, const struct route_instance *in, int t, int at,
    double free_at)
{
	for (size_t i = 0; i < run->njobs; i++) {
		const struct route_job_record *jr = &run->jobs[i];

		if (jr->tech == t && !isnan(jr->late_eta) && jr->status == ROUTE_OPEN)
			free_at = fmax(free_at, jr->late_eta - route_minutes(in, at, jr->fields.loc));
	}
	return free_at;
}

/* Where each tech is free from, and when: home at the shift's start or
 * now; the last job done (at its end); the last known position (now);
 * then the job in progress and the one being driven to; then any later
 * arrival a running_late alert foresees. */
void
route_replan_heads(struct route_run *run, struct route_instance *in)
{
	for (int t = 0; t < run->ntechs; t++) {
		struct route_vehicle *v = &in->vehicles[t];
		double free_at = fmax(v->shift_start, run->now), last_done = -HUGE_VAL;
		int at = v->start_loc;

		free_at = taken_breaks(run, t, v, free_at);

		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_DONE || isnan(jr->old_end)
			    || jr->old_end <= last_done)
				continue;
			last_done = jr->old_end;
			at = jr->fields.loc;
		}
		if (run->techs[t].position >= 0)
			at = run->techs[t].position;
		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_IN_PROGRESS)
				continue;
			at = jr->fields.loc;
			jr->fixed_arrive = jr->fixed_start = jr->started;
			/* Overrun (it should have ended by now): a while yet. */
			jr->fixed_end = jr->started + jr->fields.service;
			if (jr->fixed_end < run->now)
				jr->fixed_end = run->now + run->min_remaining;
			free_at = fmax(free_at, jr->fixed_end);
		}
		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_EN_ROUTE)
				continue;
			jr->fixed_from = at;
			jr->fixed_arrive = free_at + route_minutes(in, at, jr->fields.loc);
			/* On the way since the plan said, where we do not know
			 * better: there when the plan said, or now. */
			if (run->techs[t].position < 0 && !isnan(jr->old_arrive)
			    && jr->fixed_arrive > free_at)
				jr->fixed_arrive = fmax(jr->old_arrive, free_at);
			/* Known better: the tracker's estimate of a late arrival. */
			if (!isnan(jr->late_eta))
				jr->fixed_arrive = fmax(jr->fixed_arrive, jr->late_eta);
			jr->fixed_start = fmax(jr->fixed_arrive, jr->fields.ready);
			jr->fixed_end = jr->fixed_start + jr->fields.service;
			at = jr->fields.loc;
			free_at = jr->fixed_end;
		}
		free_at = late_until(run, in, t, at, free_at);
		v->start_loc = at;
		v->shift_start = free_at;
	}
}
