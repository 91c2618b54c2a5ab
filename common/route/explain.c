/* "Why is this job unassigned?" -- asked of every routing engine more
 * than anything else. We try the job alone on each vehicle allowed to take
 * it and name the first constraint that stops every one of them; when the
 * job fits alone somewhere, the other jobs took the room. */
#include <math.h>
#include <stdio.h>

#include "route.h"
#include "segment.h"
#include "timeline.h"

enum blocker { NONE, NO_ROAD, CAPACITY, WINDOW, SHIFT, TECH_TIME, N_BLOCKERS };

/* What stops vehicle v from doing job j as its only job. */
static enum blocker
alone(const struct route_instance *in, int j, int v)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	const struct route_job *job = &in->jobs[j];
	double there = route_minutes(in, veh->start_loc, job->loc);
	double back = route_minutes(in, job->loc, veh->end_loc);
	double start;

	if (there >= ROUTE_NO_ROAD || back >= ROUTE_NO_ROAD)
		return NO_ROAD;
	if (job->demand > veh->capacity + ROUTE_FIT_EPS)
		return CAPACITY;
	start = fmax(veh->shift_start + there, job->ready);
	if (start > job->due + ROUTE_FIT_EPS || start > veh->shift_end + ROUTE_FIT_EPS)
		return WINDOW;
	if (start + job->service + (veh->return_in_shift ? back : 0)
	    > veh->shift_end + veh->overtime_minutes + ROUTE_FIT_EPS)
		return SHIFT;
	if (veh->exact) {
		struct route_day day;
		if (!route_timeline(in, v, &j, 1, &day, NULL, NULL))
			return TECH_TIME;
	}
	return NONE;
}

void
route_explain(const struct route_instance *in, int j, struct route_reason *out)
{
	int count[N_BLOCKERS] = { 0 }, allowed = 0;

	for (int v = 0; v < in->nvehicles; v++) {
		if (!route_may_serve(in, j, v))
			continue;
		allowed++;
		count[alone(in, j, v)]++;
	}
	if (allowed == 0) {
		out->code = "no_qualified_tech";
		snprintf(out->message, sizeof out->message, in->nvehicles == 0
		    ? "the techs file has no usable tech"
		    : "no tech has every skill the job needs, or all it may take are excluded");
	} else if (count[NONE] > 0) {
		out->code = "day_full";
		snprintf(out->message, sizeof out->message,
		    "%d qualified tech%s could do it alone, but not among their other jobs",
		    count[NONE], count[NONE] == 1 ? "" : "s");
	} else if (count[CAPACITY] == allowed) {
		out->code = "capacity";
		snprintf(out->message, sizeof out->message,
		    "demand %g exceeds the capacity of every qualified tech", in->jobs[j].demand);
	} else if (count[NO_ROAD] == allowed) {
		out->code = "no_route";
		snprintf(out->message, sizeof out->message,
		    "the travel matrix has no road between the site and any qualified tech's home");
	} else if (count[TECH_TIME] > 0 && count[SHIFT] == 0) {
		out->code = "tech_unavailable";
		snprintf(out->message, sizeof out->message,
		    "breaks, time off, a window's hours, a parts pickup or the day's limits "
		    "leave no qualified tech room for it");
	} else if (count[SHIFT] == 0) {
		out->code = "window_unreachable";
		snprintf(out->message, sizeof out->message,
		    "no qualified tech can reach the site within its window");
	} else {
		out->code = "shift_too_short";
		snprintf(out->message, sizeof out->message,
		    "no qualified tech's shift leaves time for the drive and the job");
	}
}

void
route_explain_late(const struct route_instance *in, int j, double deadline,
    struct route_late_why *out)
{
	const struct route_job *job = &in->jobs[j];

	out->could = 0;
	out->soonest = -1;
	out->soonest_start = HUGE_VAL;
	for (int v = 0; v < in->nvehicles; v++) {
		const struct route_vehicle *veh = &in->vehicles[v];
		double start;

		if (!route_may_serve(in, j, v) || alone(in, j, v) != NONE)
			continue;
		start = fmax(veh->shift_start + route_minutes(in, veh->start_loc, job->loc),
		    job->ready);
		if (start <= deadline + ROUTE_FIT_EPS)
			out->could++;
		if (start < out->soonest_start) {
			out->soonest = v;
			out->soonest_start = start;
		}
	}
}
