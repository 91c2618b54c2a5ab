/* Building a routing instance: memory, the neighbour lists the search is
 * restricted to, and classes of identical vehicles. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "route.h"
#include "xalloc.h"

/* Each job's nearest others: the granular neighbourhood of the local
 * search (Toth & Vigo's granular tabu search; Vidal uses 20-40) and the
 * pool from which string removal picks the routes it ruins. */
#define ROUTE_NEIGHBOURS 40

struct route_instance *
route_instance_new(int njobs, int nvehicles, int nlocs)
{
	struct route_instance *in = xcalloc(1, sizeof *in);

	in->njobs = njobs;
	in->nvehicles = nvehicles;
	in->nlocs = nlocs;
	in->jobs = xcalloc(njobs ? njobs : 1, sizeof *in->jobs);
	in->vehicles = xcalloc(nvehicles ? nvehicles : 1, sizeof *in->vehicles);
	in->minutes = xcalloc((size_t)nlocs * nlocs + 1, sizeof *in->minutes);
	in->km = xcalloc((size_t)nlocs * nlocs + 1, sizeof *in->km);
	for (int j = 0; j < njobs; j++) {
		in->jobs[j].due = ROUTE_UNBOUNDED;
		in->jobs[j].ready = -ROUTE_UNBOUNDED;
		in->jobs[j].only_vehicle = -1;
		in->jobs[j].weight = 1;
		in->jobs[j].window_due = ROUTE_UNBOUNDED;
	}
	for (int v = 0; v < nvehicles; v++) {
		in->vehicles[v].capacity = HUGE_VAL;
		in->vehicles[v].shift_start = -ROUTE_UNBOUNDED;
		in->vehicles[v].shift_end = ROUTE_UNBOUNDED;
		in->vehicles[v].return_in_shift = 1;
		in->vehicles[v].max_drive_minutes = ROUTE_UNBOUNDED;
		in->vehicles[v].max_km = ROUTE_UNBOUNDED;
	}
	return in;
}

void
route_instance_free(struct route_instance *in)
{
	if (in == NULL)
		return;
	free(in->jobs);
	free(in->vehicles);
	free(in->minutes);
	free(in->km);
	free(in->qualified);
	free(in->neighbours);
	free(in->vehicle_class);
	free(in);
}

/* Two jobs that can never share a route are no use to each other. */
static int
may_share(const struct route_instance *in, int a, int b)
{
	int va = in->jobs[a].only_vehicle, vb = in->jobs[b].only_vehicle;

	return va < 0 || vb < 0 || va == vb;
}

static double
closeness(const struct route_instance *in, int a, int b)
{
	int la = in->jobs[a].loc, lb = in->jobs[b].loc;

	return fmin(route_arc_cost(in, la, lb), route_arc_cost(in, lb, la));
}

static void
find_neighbours(struct route_instance *in)
{
	int k = in->njobs - 1 < ROUTE_NEIGHBOURS ? in->njobs - 1 : ROUTE_NEIGHBOURS;
	double *dist = xmalloc((k + 1) * sizeof *dist);

	if (k < 0)
		k = 0;
	in->nneighbours = k;
	in->neighbours = xmalloc(((size_t)in->njobs * k + 1) * sizeof *in->neighbours);
	for (int a = 0; a < in->njobs; a++) {
		int *list = in->neighbours + (size_t)a * k, n = 0;

		/* Keep the k nearest in order by insertion: k is small. */
		for (int b = 0; b < in->njobs; b++) {
			double d;
			int i;

			if (b == a || !may_share(in, a, b))
				continue;
			d = closeness(in, a, b);
			if (n == k && d >= dist[k - 1])
				continue;
			i = n < k ? n++ : k - 1;
			for (; i > 0 && dist[i - 1] > d; i--) {
				dist[i] = dist[i - 1];
				list[i] = list[i - 1];
			}
			dist[i] = d;
			list[i] = b;
		}
		for (; n < k; n++)
			list[n] = -1;	/* fewer jobs may share its routes */
	}
	free(dist);
}

static int
same_vehicle(const struct route_instance *in, int a, int b)
{
	const struct route_vehicle *x = &in->vehicles[a], *y = &in->vehicles[b];

	if (x->exact || y->exact)
		return 0;	/* breaks, limits...: not worth comparing */
	if (x->start_loc != y->start_loc || x->end_loc != y->end_loc
	    || x->shift_start != y->shift_start || x->shift_end != y->shift_end
	    || x->capacity != y->capacity)
		return 0;
	for (int j = 0; j < in->njobs; j++)
		if (route_may_serve(in, j, a) != route_may_serve(in, j, b))
			return 0;
	return 1;
}

/* Identical vehicles: an empty route of a class is tried once per job. */
static void
find_vehicle_classes(struct route_instance *in)
{
	in->vehicle_class = xmalloc((in->nvehicles + 1) * sizeof *in->vehicle_class);
	for (int v = 0; v < in->nvehicles; v++) {
		in->vehicle_class[v] = v;
		for (int w = 0; w < v; w++)
			if (in->vehicle_class[w] == w && same_vehicle(in, v, w)) {
				in->vehicle_class[v] = w;
				break;
			}
	}
}

/* Does a gap between the job's windows fall in the vehicle's day? Only
 * then are the segments' one wide window looser than the job's: windows
 * one a day, apart by nights, leave each day's shift exact. */
static int
gap_in_shift(const struct route_job *job, const struct route_vehicle *veh)
{
	for (int i = 1; i < job->nwindows; i++)
		if (job->windows[i - 1].end < veh->shift_end + veh->overtime_minutes
		    && job->windows[i].start > veh->shift_start)
			return 1;
	return 0;
}

/* Which vehicles the segments alone cannot judge (timeline.h). */
static void
find_exact_vehicles(struct route_instance *in)
{
	for (int v = 0; v < in->nvehicles; v++) {
		struct route_vehicle *veh = &in->vehicles[v];

		veh->exact = veh->nfixed > 0 || veh->noff > 0 || veh->nbreaks > 0 || veh->max_stops > 0
		    || veh->max_drive_minutes < ROUTE_UNBOUNDED || veh->max_km < ROUTE_UNBOUNDED
		    || veh->overtime_minutes > 0;
		for (int j = 0; j < in->njobs && !veh->exact; j++)
			veh->exact = ((in->jobs[j].windows != NULL && gap_in_shift(&in->jobs[j], veh))
			    || (in->jobs[j].pickup != NULL && (!in->jobs[j].pickup->on_truck[v]
			    || veh->truck_stock != NULL))) && route_may_serve(in, j, v);
	}
}

void
route_instance_prepare(struct route_instance *in)
{
	free(in->neighbours);
	free(in->vehicle_class);
	find_exact_vehicles(in);
	find_neighbours(in);
	find_vehicle_classes(in);
}
