/* The vehicle routing solver behind fsd-route: plain C over structs, no
 * JSON. An instance is a travel matrix, jobs with arrival windows and
 * vehicles (technicians) with shifts; a solution is one ordered route a
 * vehicle. Times are minutes on one clock the caller chooses.
 *
 * The search (Christiaens & Vanden Berghe 2020, "Slack induction by string
 * removals", with a granular local search after Vidal et al. 2013) only
 * ever holds feasible routes: every window, shift and capacity is a hard
 * constraint, checked in O(1) per move by concatenating route segments
 * (segment.h). Time off, breaks, several windows, day limits, overtime,
 * fixed stops and parts pickups are held by a forward pass over the
 * vehicle's day (timeline.h) for the vehicles that have them, after the
 * segments' O(1) test of a relaxation. A job that fits nowhere stays
 * unassigned, and route_explain says why. */
#ifndef FSD_ROUTE_H
#define FSD_ROUTE_H

#include <stddef.h>
#include <stdint.h>

/* Minutes standing for "no road" (a null in a router's matrix): far
 * beyond any shift, so a route that uses the arc can never be feasible,
 * and finite, so the arithmetic never meets inf - inf. */
#define ROUTE_NO_ROAD 1e7

/* No window, no shift: a bound far beyond any day, finite for the same
 * reason. */
#define ROUTE_UNBOUNDED 1e9

/* Drive time is the objective; distance only breaks ties between routes
 * of the same drive time. For benchmark instances time equals distance
 * and the weight changes no comparison. */
#define ROUTE_KM_WEIGHT 1e-3

/* Tolerances. Times and loads are doubles summed along a day, so two
 * ways of adding the same minutes can differ in the last bits; each test
 * allows for that, far below anything a person would see (1e-6 min is
 * 60 microseconds):
 * ROUTE_FIT_EPS     a time or load against its bound (window, shift, break,
 *                   day limit, capacity) in a forward pass over the day;
 * ROUTE_SEGMENT_EPS the same test through segment joins (segment.h), which
 *                   add and subtract in another order than the forward pass;
 * ROUTE_GAIN_EPS    whether a move or a start is better at all: smaller, so
 *                   a real gain of a thousandth of a minute still counts,
 *                   and equal costs never cycle. */
#define ROUTE_FIT_EPS 1e-6
#define ROUTE_SEGMENT_EPS 1e-7
#define ROUTE_GAIN_EPS 1e-9

/* The weight of an emergency (priority 1; records.c gives the weights):
 * one that fits some day alone is always placed (route_place_late). */
#define ROUTE_EMERGENCY_WEIGHT 200

struct route_interval {
	double start, end;
};

/* A break of duration minutes, taken whole between start and end,
 * wherever the day leaves room (timeline.c). */
struct route_break {
	double duration, start, end;
};

/* Parts a job needs that a truck may lack: where they can be picked up
 * on the way (timeline.c goes by the place that costs least). */
struct route_pickup {
	const int *locs;		/* places holding every part */
	int nlocs;
	const unsigned char *on_truck;	/* per vehicle: 1 when its truck has them */
	double minutes;			/* at the counter */
	/* The parts, as indexes into the vehicles' truck_stock, and how
	 * many of each: a truck is drawn down job by job, so the second
	 * job to need its last unit picks one up (timeline.c). */
	const int *sku;
	const double *qty;
	int nparts;
};

struct route_job {
	int loc;		/* row/column in the travel matrices */
	double ready, due;	/* service may start within [ready, due] */
	double service;		/* minutes on site */
	double demand;		/* against the vehicle's capacity */
	int only_vehicle;	/* kept on this vehicle (assigned or locked), or -1 */
	/* The latest start the window allows when due is brought forward
	 * by a deadline that may be missed (an SLA): see route_place_late. */
	double window_due;
	int weight;		/* what leaving it out costs, in units of
				 * ROUTE_UNASSIGNED_PENALTY (default 1): on an
				 * overbooked day the light jobs are left out */
	/* Several arrival windows (8-10 or 15-17), sorted and apart;
	 * ready and due are then the first's start and the last's end,
	 * which the segments take as one wide window (a relaxation) and
	 * timeline.c holds exactly. NULL: [ready, due] only. Borrowed. */
	const struct route_interval *windows;
	int nwindows;
	const struct route_pickup *pickup;	/* or NULL; borrowed */
};

struct route_vehicle {
	int start_loc, end_loc;
	double shift_start, shift_end;	/* leave start and be back at end within */
	double capacity;		/* HUGE_VAL when unlimited */
	/* 1: back at end_loc by shift_end (the benchmarks' rule, the
	 * default); 0: the last job ends by shift_end and the drive home
	 * is the tech's own (fsd-match plans so). */
	int return_in_shift;
	/* Time off (fixed: no drive, no work inside) and breaks (placed
	 * by the solver), each sorted by start; borrowed, may be NULL. */
	const struct route_interval *off;
	int noff;
	const struct route_break *breaks;
	int nbreaks;
	/* Stops the search never moves (a job locked at its seq): fixed[i]
	 * is the fixed_place[i]-th stop of the day (1-based, ascending),
	 * or comes last, in order, when the day has fewer stops before
	 * it. timeline.c puts them among the route's jobs. Borrowed. */
	const struct route_job *fixed;
	const int *fixed_place;
	int nfixed;
	/* What the truck carries at the start of the day, per SKU index
	 * (route_instance.nskus of them); NULL: parts are not tracked. */
	const double *truck_stock;
	/* Limits of a day; 0 (stops) or ROUTE_UNBOUNDED: none. */
	int max_stops;
	double max_drive_minutes, max_km;
	/* The day may end up to overtime_minutes after shift_end, each
	 * minute costing overtime_cost as a drive minute does. */
	double overtime_minutes, overtime_cost;
	/* Set by route_instance_prepare: the vehicle has something the
	 * segments do not hold (above, or a job with several windows it
	 * may take), so every route of it is also checked by timeline.c. */
	int exact;
};

struct route_instance {
	int njobs, nvehicles, nlocs;
	struct route_job *jobs;
	struct route_vehicle *vehicles;
	double *minutes;		/* nlocs x nlocs drive minutes, row = from */
	double *km;			/* nlocs x nlocs road km */
	int nskus;			/* SKUs the jobs' pickups name */
	unsigned char *qualified;	/* njobs x nvehicles; NULL: every vehicle */
	/* Filled by route_instance_prepare: */
	int nneighbours;		/* per job, the nearest other jobs first */
	int *neighbours;
	int *vehicle_class;		/* identical vehicles share a class */
};

/* An instance with zeroed matrices and default jobs and vehicles. */
struct route_instance *route_instance_new(int njobs, int nvehicles, int nlocs);
/* After the caller has filled it: neighbour lists and vehicle classes. */
void route_instance_prepare(struct route_instance *in);
void route_instance_free(struct route_instance *in);

static inline double
route_minutes(const struct route_instance *in, int from, int to)
{
	return in->minutes[(size_t)from * in->nlocs + to];
}

static inline double
route_km(const struct route_instance *in, int from, int to)
{
	return in->km[(size_t)from * in->nlocs + to];
}

static inline double
route_arc_cost(const struct route_instance *in, int from, int to)
{
	size_t i = (size_t)from * in->nlocs + to;
	return in->minutes[i] + ROUTE_KM_WEIGHT * in->km[i];
}

/* May vehicle v serve job j at all (skills, assignment, lock)? */
static inline int
route_may_serve(const struct route_instance *in, int j, int v)
{
	if (in->jobs[j].only_vehicle >= 0 && in->jobs[j].only_vehicle != v)
		return 0;
	return in->qualified == NULL || in->qualified[(size_t)j * in->nvehicles + v];
}

struct route_solution;

struct route_params {
	uint64_t seed;
	long iterations;	/* ruin-and-recreate rounds; 0 = until the time limit */
	double seconds;		/* wall-clock bound; 0 = none */
	/* Called after every move the local search applies (tests use it to
	 * check that every accepted move keeps every route feasible). */
	void (*on_move)(const struct route_solution *s, void *arg);
	void *on_move_arg;
};

/* Solve from scratch; the caller frees the result with route_solution_free. */
struct route_solution *route_solve(const struct route_instance *in,
    const struct route_params *p);
/* Solve from a start (feasible routes, some jobs placed), which is kept
 * unless something better is found; start stays the caller's. */
struct route_solution *route_solve_from(const struct route_instance *in,
    const struct route_params *p, const struct route_solution *start);

/* The crew's day from a start (the plan jobs come with; may be NULL),
 * its late jobs placed (route_place_late): searched from the start and
 * from nothing, the start's plan kept unless the other serves more, or
 * costs less by more than slack (a fraction) (start.c). */
struct route_solution *route_solve_started(struct route_instance *in,
    const struct route_params *p, const struct route_solution *start, double slack);

/* Jobs left out only because their deadline (due, when it is sooner
 * than window_due) cannot be met anywhere: each is put, heaviest first,
 * where service starts earliest within its window -- a late emergency is
 * still served as soon as it can be -- making room by moving one lighter
 * job elsewhere or out when nothing else works. Its due becomes the start
 * found, so nothing can push it later. Returns how many were placed. */
int route_place_late(struct route_instance *in, struct route_solution *s,
    const struct route_params *p);

/* Why job j is not in any route: a stable code and a sentence. */
struct route_reason {
	const char *code;	/* "no_qualified_tech", "capacity", ... */
	char message[256];
};
void route_explain(const struct route_instance *in, int j, struct route_reason *out);

/* Why job j, served after its deadline, is late: how many vehicles that
 * may take it could start it by deadline were it their only job, and
 * which could start it soonest so (-1: none could take it alone). When
 * some could, the other jobs of their days are what blocked it; when
 * none could, the clock and the drive did. */
struct route_late_why {
	int could;
	int soonest;
	double soonest_start;
};
void route_explain_late(const struct route_instance *in, int j, double deadline,
    struct route_late_why *out);

#endif
