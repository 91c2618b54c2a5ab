/* Where the techs' days take them, on a grid of cells, so that a job
 * looks at the techs nearest to it instead of at all of them: the
 * granular neighbourhoods of Toth and Vigo (2003), the usual way an
 * insertion heuristic stops growing with fleet x jobs.
 *
 * A tech is a set of points: home, and every visit given to them (a
 * visit taken away again leaves its point: it only makes the tech look
 * a little nearer, never hides one). The search walks rings of cells
 * outward from the job; a tech is final once no cell left unread could
 * hold a point nearer than the nearest already seen, so techs are
 * handed over in order of (distance, id): the same on every run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "xalloc.h"

static int
clamp(long v, int hi)
{
	return v < 0 ? 0 : v > hi ? hi : (int)v;
}

static size_t
cell_of(const struct match_grid *g, double lat, double lon)
{
	int r = clamp((long)floor((lat - g->lat0) / g->dlat), g->rows - 1);
	int c = clamp((long)floor((lon - g->lon0) / g->dlon), g->cols - 1);

	return (size_t)r * (size_t)g->cols + (size_t)c;
}

static void
add_point(struct match_grid *g, size_t tech, double lat, double lon, const double xyz[3])
{
	size_t at = cell_of(g, lat, lon), words = g->day->words;
	struct match_cell *cell = &g->cells[at];
	struct match_tech_cells *mine = &g->of_tech[tech];
	const struct match_tech *t = &g->day->techs[tech];
	double gap = t->longest_gap;
	struct match_grid_point *p;

	for (size_t i = 0; i < cell->n; i++)	/* one point a tech a cell is enough */
		if (cell->points[i].tech == tech)
			return;
	cell->points = xgrow(cell->points, &cell->cap, cell->n + 1, sizeof *cell->points);
	p = &cell->points[cell->n++];
	p->tech = tech;
	memcpy(p->xyz, xyz, sizeof p->xyz);
	p->gap = gap;
	p->idle = t->idle;
	cell->idle |= t->idle;
	p->skills0 = words > 0 ? t->skillset[0] : 0;
	for (size_t w = 0; w < words; w++)
		g->cell_skills[at * words + w] |= t->skillset[w];
	if (gap > cell->longest_gap)
		cell->longest_gap = gap;
	mine->cells = xgrow(mine->cells, &mine->cap, mine->n + 1, sizeof *mine->cells);
	mine->cells[mine->n++] = at;
}

/* As days fill, whole cells hold no gap long enough for a job and are
 * passed over without a look at their points. */
void
match_grid_touch(struct match_day *day, size_t tech)
{
	struct match_grid *g = &day->grid;

	for (size_t i = 0; g->cells != NULL && i < g->of_tech[tech].n; i++) {
		struct match_cell *cell = &g->cells[g->of_tech[tech].cells[i]];

		cell->longest_gap = 0;
		cell->idle = 0;
		for (size_t k = 0; k < cell->n; k++) {
			struct match_grid_point *p = &cell->points[k];

			if (p->tech == tech) {
				p->gap = day->techs[tech].longest_gap;
				p->idle = day->techs[tech].idle;
			}
			if (p->gap > cell->longest_gap)
				cell->longest_gap = p->gap;
			cell->idle |= p->idle;
		}
	}
}

void
match_grid_build(struct match_day *day)
{
	struct match_grid *g = &day->grid;
	double lat_lo = INFINITY, lat_hi = -INFINITY, lon_lo = INFINITY, lon_hi = -INFINITY;
	double h_km, w_km, side, cells;

	match_grid_free(g);
	for (size_t i = 0; i < day->ntechs + day->njobs; i++) {
		int is_tech = i < day->ntechs;
		const struct match_job *j = is_tech ? NULL : &day->jobs[i - day->ntechs];
		double lat = is_tech ? day->techs[i].lat : j->lat;
		double lon = is_tech ? day->techs[i].lon : j->lon;

		if (j != NULL && j->skip)
			continue;
		lat_lo = fmin(lat_lo, lat);
		lat_hi = fmax(lat_hi, lat);
		lon_lo = fmin(lon_lo, lon);
		lon_hi = fmax(lon_hi, lon);
	}
	if (day->ntechs == 0)
		return;
	/* About two homes a cell: few cells to walk, few points each. */
	h_km = (lat_hi - lat_lo) * 111.2;
	w_km = (lon_hi - lon_lo) * 111.2 * cos((lat_lo + lat_hi) / 2 * (M_PI / 180));
	cells = fmax(1, day->ntechs / 2.0);
	side = sqrt(fmax(h_km * w_km, 1e-6) / cells);
	g->rows = clamp((long)ceil(h_km / side), 1024);
	g->cols = clamp((long)ceil(w_km / side), 1024);
	g->rows += g->rows == 0;
	g->cols += g->cols == 0;
	/* A hair wider than the data, so the last place falls inside. */
	g->lat0 = lat_lo;
	g->lon0 = lon_lo;
	g->dlat = fmax(lat_hi - lat_lo, 1e-6) * (1 + 1e-9) / g->rows;
	g->dlon = fmax(lon_hi - lon_lo, 1e-6) * (1 + 1e-9) / g->cols;
	/* Two places a longitude step apart are nearest where the meridians
	 * are closest: at the latitude farthest from the equator. */
	g->cos_min = fmin(cos(lat_lo * (M_PI / 180)), cos(lat_hi * (M_PI / 180)));
	g->cells = xcalloc((size_t)g->rows * (size_t)g->cols, sizeof *g->cells);
	g->of_tech = xcalloc(day->ntechs, sizeof *g->of_tech);
	g->cell_skills = xcalloc((size_t)g->rows * (size_t)g->cols * (day->words + 1),
	    sizeof *g->cell_skills);
	g->day = day;
	for (size_t i = 0; i < day->ntechs; i++)
		add_point(g, i, day->techs[i].lat, day->techs[i].lon, day->techs[i].xyz);
	g->seen = xcalloc(day->ntechs, sizeof *g->seen);
	g->nearest = xcalloc(day->ntechs, sizeof *g->nearest);
}

/* A visit given to a tech: the tech is now also where the job is. */
void
match_grid_visit(struct match_day *day, size_t tech, const struct match_job *j)
{
	if (day->grid.cells != NULL)
		add_point(&day->grid, tech, j->lat, j->lon, j->xyz);
}

void
match_grid_free(struct match_grid *g)
{
	for (size_t i = 0; g->cells != NULL && i < (size_t)g->rows * (size_t)g->cols; i++)
		free(g->cells[i].points);
	for (size_t i = 0; g->of_tech != NULL && i < g->day->ntechs; i++)
		free(g->of_tech[i].cells);
	free(g->of_tech);
	free(g->cell_skills);
	free(g->cells);
	free(g->seen);
	free(g->nearest);
	free(g->pending);
	free(g->batch);
	memset(g, 0, sizeof *g);
}

static double
chord2(const double a[3], const double b[3])
{
	double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];

	return dx * dx + dy * dy + dz * dz;
}

/* Every point in a cell more than k cells away differs from the job by
 * more than k cell heights of latitude or k cell widths of longitude:
 * its squared chord is at least this. */
static double
ring_bound(const struct match_grid *g, int k)
{
	double by_lat = k * g->dlat * (M_PI / 180);
	double by_lon = 2 * asin(fmin(1, g->cos_min * sin(k * g->dlon * (M_PI / 360))));
	double theta = fmin(fmin(by_lat, by_lon), M_PI);
	double half = sin(theta / 2);

	return 4 * half * half * (1 - 1e-9);
}

static const struct match_grid *sorting;

static int
by_distance(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double dx = sorting->nearest[x], dy = sorting->nearest[y];

	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(sorting->day->techs[x].id, sorting->day->techs[y].id);
}

/* What one search knows of its job. */
struct wanted {
	const struct match_job *job;
	struct match_need need;
	int gaps_bind;		/* on call, a day runs past its shift: no */
	double gap;		/* a tech needs a gap this long: the job and
				 * the least drive to the ring being read */
};

/* Does any tech in cell at hold every skill j needs? */
static int
cell_holds_skills(const struct match_grid *g, size_t at, const struct match_job *j,
    size_t words)
{
	for (size_t w = 0; w < words; w++)
		if ((j->skillset[w] & ~g->cell_skills[at * words + w]) != 0)
			return 0;
	return 1;
}

/* Drive minutes for a squared chord. */
static double
chord2_minutes(const struct match_day *day, double c2)
{
	double theta = 2 * asin(fmin(1, sqrt(c2) / 2));

	return fsd_travel_minutes(&day->travel,
	    theta * FSD_EARTH_RADIUS_KM * day->travel.road_factor);
}

static void
read_cell(struct match_day *day, const struct wanted *w, int r, int c)
{
	struct match_grid *g = &day->grid;
	size_t at = (size_t)r * (size_t)g->cols + (size_t)c, words = day->words;
	const struct match_cell *cell = &g->cells[at];
	const struct match_job *j = w->job;
	int gaps_bind = w->gaps_bind;

	/* A tech whose nearest point is in this cell drives at least to
	 * its edge before the job: a gap shorter than that and the job
	 * cannot hold it (one nearer is read where its nearest point is). */
	if (gaps_bind && (cell->longest_gap < w->gap || !match_may_fit(cell->idle, w->need)))
		return;
	if (!cell_holds_skills(g, at, j, words))
		return;
	for (size_t i = 0; i < cell->n; i++) {
		const struct match_grid_point *p = &cell->points[i];
		size_t t = p->tech;
		double d;

		if (words > 0 && (j->skillset[0] & ~p->skills0) != 0)
			continue;
		if (gaps_bind && (p->gap < w->gap || !match_may_fit(p->idle, w->need)))
			continue;
		if (g->seen[t] == g->stamp + 1)	/* handed over already */
			continue;
		if (g->seen[t] != g->stamp && words > 1 && !match_has_skills(day, &day->techs[t], j)) {
			g->seen[t] = g->stamp + 1;
			continue;
		}
		d = chord2(p->xyz, j->xyz);
		if (g->seen[t] != g->stamp) {
			g->seen[t] = g->stamp;
			g->nearest[t] = d;
			g->pending = xgrow(g->pending, &g->pending_cap, g->npending + 1, sizeof *g->pending);
			g->pending[g->npending++] = t;
		} else if (d < g->nearest[t]) {
			g->nearest[t] = d;
		}
	}
}

/* Hand over the pending techs nearer than bound, nearest first, until
 * take says enough; returns non-zero then. */
static int
hand_over(struct match_day *day, double bound, match_grid_fn take, void *ctx)
{
	struct match_grid *g = &day->grid;
	size_t nbatch = 0, keep = 0;

	g->batch = xgrow(g->batch, &g->batch_cap, g->npending + 1, sizeof *g->batch);
	for (size_t i = 0; i < g->npending; i++) {
		size_t t = g->pending[i];

		if (g->nearest[t] <= bound)
			g->batch[nbatch++] = t;
		else
			g->pending[keep++] = t;
	}
	g->npending = keep;
	sorting = g;
	if (nbatch > 1)
		qsort(g->batch, nbatch, sizeof *g->batch, by_distance);
	for (size_t i = 0; i < nbatch; i++) {
		g->seen[g->batch[i]] = g->stamp + 1;
		if (take(day, g->batch[i], ctx))
			return 1;
	}
	return 0;
}

int
match_grid_handed(const struct match_day *day, size_t tech)
{
	return day->grid.seen != NULL && day->grid.seen[tech] == day->grid.stamp + 1;
}

int
match_grid_nearest(struct match_day *day, const struct match_job *j,
    match_grid_fn take, void *ctx, size_t max_cells)
{
	struct match_grid *g = &day->grid;
	struct wanted w = { j, match_job_need(day, j), !j->on_call, j->duration };
	double widest = 0;	/* the longest gap of any cell */
	double bound;
	size_t read = 0;
	int r0, c0, last;

	if (g->cells == NULL)
		return 0;
	for (size_t i = 0; i < (size_t)g->rows * (size_t)g->cols; i++)
		if (g->cells[i].longest_gap > widest && cell_holds_skills(g, i, j, day->words))
			widest = g->cells[i].longest_gap;
	/* Two stamps a search: seen[t] == stamp pending, stamp + 1 done. */
	g->stamp += 2;
	g->npending = 0;
	g->day = day;
	r0 = (int)(cell_of(g, j->lat, j->lon) / (size_t)g->cols);
	c0 = (int)(cell_of(g, j->lat, j->lon) % (size_t)g->cols);
	last = r0 > g->rows - 1 - r0 ? r0 : g->rows - 1 - r0;
	if (c0 > last)
		last = c0;
	if (g->cols - 1 - c0 > last)
		last = g->cols - 1 - c0;
	for (int k = 0; k <= last; k++) {
		for (int c = c0 - k; c <= c0 + k; c++) {
			if (c < 0 || c >= g->cols)
				continue;
			if (r0 - k >= 0)
				read_cell(day, &w, r0 - k, c), read++;
			if (k > 0 && r0 + k < g->rows)
				read_cell(day, &w, r0 + k, c), read++;
		}
		for (int r = r0 - k + 1; r <= r0 + k - 1; r++) {
			if (r < 0 || r >= g->rows)
				continue;
			if (c0 - k >= 0)
				read_cell(day, &w, r, c0 - k), read++;
			if (c0 + k < g->cols)
				read_cell(day, &w, r, c0 + k), read++;
		}
		if (k == last)
			break;
		bound = ring_bound(g, k);
		if (hand_over(day, bound, take, ctx))
			return 1;
		/* Rings beyond are farther than any gap reaches. */
		w.gap = j->duration + chord2_minutes(day, bound);
		if (w.gaps_bind && w.gap > widest)
			break;
		/* Far and wide with little found: a job that few or none
		 * can take. A plain pass over the rest costs less then. */
		if (read > max_cells)
			return 0;
	}
	hand_over(day, INFINITY, take, ctx);
	return 1;
}
