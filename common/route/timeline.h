/* A vehicle's day by plain forward simulation, with everything the O(1)
 * segments (segment.h) leave out: time off, breaks, several windows a
 * job, limits on stops, driving and distance, and overtime at a cost.
 *
 * The segments stay the first test of every move -- they hold a
 * relaxation of these rules (one wide window, the shift stretched by
 * the overtime allowed, no breaks), so what they refuse is refused --
 * and only a vehicle marked exact has its candidate routes run through
 * here as well: O(route length), which for a working day of a dozen
 * stops costs less than the moves' bookkeeping. Vidal's HGS handles
 * such side constraints the same way in its extensions (a relaxed
 * concatenation, an exact check of the survivors). */
#ifndef FSD_ROUTE_TIMELINE_H
#define FSD_ROUTE_TIMELINE_H

#include "route.h"

/* One stop's times, minutes on the instance's clock. */
struct route_stop_times {
	int fixed;		/* -1: the route's job; else vehicle->fixed[fixed] */
	double arrive, start, end;
	double drive_minutes, drive_km;	/* the leg that led here */
	/* A pickup on the way (route_job.pickup): the place, or -1, and
	 * the arrival there; drive_* are then the leg from it. */
	int pickup_loc;
	double pickup_arrive, pickup_drive_minutes, pickup_drive_km;
};

/* A break as placed: before stop `before` (0-based, fixed stops
 * counted), or not needed
 * (before = -1: the day's work ends before it must begin, or its window
 * closed before the day -- a re-plan's -- starts). */
struct route_break_times {
	double start, end;
	int before;
};

struct route_day {
	int feasible;
	double cost;		/* drive cost (route_arc_cost) + overtime cost */
	double depart;		/* leaving the start place */
	double finish;		/* the last job's end (start of the day when none) */
	double back;		/* at the end place */
	double drive_minutes, km, work, idle;
	double overtime;	/* minutes past shift_end */
};

/* Simulate vehicle v doing jobs[0..n-1] in order, its fixed stops at
 * their places among them (stops: n + nfixed of them), as early as it can,
 * each break as late as the route lets it be taken (in waiting time
 * when some is long enough: then it costs nothing). Fills day, and
 * stops[0..n-1] and breaks[0..nbreaks-1] when they are not NULL.
 * Returns day->feasible. */
int route_timeline(const struct route_instance *in, int v, const int *jobs, int n,
    struct route_day *day, struct route_stop_times *stops, struct route_break_times *breaks);

#endif
