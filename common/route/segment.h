/* Route segments that concatenate in O(1) (Vidal, Crainic, Gendreau &
 * Prins 2013, "A hybrid genetic algorithm with adaptive diversity
 * management for a large class of vehicle routing problems with
 * time-windows", section 4): a segment of consecutive visits knows its
 * least duration, its time warp (how far it would have to go back in time
 * to meet every window), the earliest and latest moment its first service
 * can start for that duration, its load and its cost. Two segments join
 * with a handful of max/min, so any move that rebuilds routes from a few
 * known pieces is checked exactly, windows included, in constant time. */
#ifndef FSD_ROUTE_SEGMENT_H
#define FSD_ROUTE_SEGMENT_H

#include <math.h>

#include "route.h"

struct route_seg {
	int first, last;	/* locations; first < 0 is the empty segment */
	/* The drive into this segment costs but takes no time on the
	 * clock: only the end place of a tech whose drive home falls
	 * after the shift. */
	int untimed_in;
	double duration, warp, earliest, latest, load, cost;
};

static const struct route_seg route_seg_empty = { -1, -1, 0, 0, 0, 0, 0, 0, 0 };

static inline struct route_seg
route_seg_job(const struct route_instance *in, int j)
{
	const struct route_job *job = &in->jobs[j];
	struct route_seg s = { job->loc, job->loc, 0, job->service, 0, job->ready,
	    job->due, job->demand, 0 };

	/* A deadline before the window opens (an SLA already missed) can
	 * never be met: the job alone is in time warp. */
	if (job->ready > job->due) {
		s.warp = job->ready - job->due;
		s.earliest = job->due;
	}
	return s;
}

/* A vehicle's start (or end) place: any moment within its shift. */
static inline struct route_seg
route_seg_depot(const struct route_instance *in, int v, int at_end)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	int loc = at_end ? veh->end_loc : veh->start_loc;
	/* The overtime allowed stretches the shift (timeline.c prices it). */
	struct route_seg s = { loc, loc, at_end && !veh->return_in_shift, 0, 0,
	    veh->shift_start, veh->shift_end + veh->overtime_minutes, 0, 0 };
	return s;
}

static inline struct route_seg
route_seg_join(const struct route_instance *in, const struct route_seg *a,
    const struct route_seg *b)
{
	struct route_seg s;
	double travel, delta, wait, warp;

	if (b->first < 0)
		return *a;
	if (a->first < 0)
		return *b;
	travel = b->untimed_in ? 0 : route_minutes(in, a->last, b->first);
	delta = a->duration - a->warp + travel;
	wait = fmax(b->earliest - delta - a->latest, 0);
	warp = fmax(a->earliest + delta - b->latest, 0);
	s.first = a->first;
	s.last = b->last;
	s.untimed_in = a->untimed_in;
	s.duration = a->duration + b->duration + travel + wait;
	s.warp = a->warp + b->warp + warp;
	s.earliest = fmax(b->earliest - delta, a->earliest) - wait;
	s.latest = fmin(b->latest - delta, a->latest) + warp;
	s.load = a->load + b->load;
	s.cost = a->cost + b->cost + route_arc_cost(in, a->last, b->first);
	return s;
}

/* A whole route for vehicle v (start depot included in seg, end depot
 * added here): does it meet every window, the shift and the capacity? */
static inline int
route_seg_feasible(const struct route_instance *in, int v, const struct route_seg *s)
{
	return s->warp <= ROUTE_SEGMENT_EPS && s->load <= in->vehicles[v].capacity + ROUTE_SEGMENT_EPS;
}

#endif
