#include <math.h>

#include "ruin.h"

/* Remove positions from..to of route v, keeping `kept` jobs in the middle
 * when kept > 0 (SISR's split string: the jobs between survive). */
static int
cut(struct route_solution *s, int v, int from, int to, int kept, struct route_rng *rng,
    int *removed)
{
	struct route_plan *p = &s->routes[v];
	int n = 0, keep_from = to + 1, keep_to = to;
	int list[to - from + 1];

	if (kept > 0) {
		keep_from = from + 1 + route_rng_below(rng, to - from - kept);
		keep_to = keep_from + kept - 1;
	}
	for (int k = from; k <= to; k++)
		if (k < keep_from || k > keep_to)
			list[n++] = p->jobs[k];
	for (int i = 0; i < n; i++) {
		removed[i] = list[i];
		/* One at a time keeps route_of, pos_of and the segments right. */
		route_remove_job(s, list[i]);
	}
	return n;
}

static int
remove_around(struct route_solution *s, int job, int max_len, struct route_rng *rng,
    int *removed)
{
	int v = s->route_of[job], pos = s->pos_of[job], len = s->routes[v].len;
	int limit = max_len < len ? max_len : len;
	int l = 1 + route_rng_below(rng, limit), kept = 0, from;

	/* Half the time a split string: it spans l + kept jobs, removes l. */
	if (route_rng_unit(rng) < 0.5 && l < len) {
		kept = 1;
		while (l + kept < len && route_rng_unit(rng) < 0.5)
			kept++;
	}
	/* A window of l + kept positions that covers the job. */
	from = pos - route_rng_below(rng, l + kept);
	if (from < 1)
		from = 1;
	if (from + l + kept - 1 > len)
		from = len - l - kept + 1;
	return cut(s, v, from, from + l + kept - 1, kept, rng, removed);
}

int
route_ruin_strings(struct route_solution *s, const struct route_ruin *r,
    struct route_rng *rng, int *removed, unsigned char *touched)
{
	const struct route_instance *in = s->in;
	int assigned = in->njobs - s->nunassigned, used = 0, n = 0, routes_cut = 0;
	double mean_len, max_len, max_strings;
	int strings, seed;
	const int *nb;

	if (assigned == 0)
		return 0;
	for (int v = 0; v < in->nvehicles; v++)
		used += s->routes[v].len > 0;
	mean_len = (double)assigned / used;
	max_len = fmin(r->max_string, mean_len);
	max_strings = 4.0 * r->mean_removed / (1 + max_len) - 1;
	strings = 1 + route_rng_below(rng, (int)max_strings < 1 ? 1 : (int)max_strings);
	do
		seed = route_rng_below(rng, in->njobs);
	while (s->route_of[seed] < 0);
	nb = in->neighbours + (size_t)seed * in->nneighbours;
	for (int k = -1; k < in->nneighbours && routes_cut < strings; k++) {
		int job = k < 0 ? seed : nb[k], v;

		if (job < 0)
			break;
		v = s->route_of[job];
		if (v < 0 || touched[v])
			continue;
		n += remove_around(s, job, (int)max_len < 1 ? 1 : (int)max_len, rng, removed + n);
		touched[v] = 1;
		routes_cut++;
	}
	return n;
}
