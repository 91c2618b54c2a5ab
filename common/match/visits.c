/* A tech's day as fsd-match keeps it for its words: the visits in time
 * order, as the route solver placed them (decide.c takes them back with
 * match_insert), which the reasons and the nearest misses (explain.c)
 * read. Where a new job could go in it is the naive baseline's own
 * simple model (--naive), not the decision's: a job only fills idle
 * time, never moving a visit already promised. */
#include <math.h>
#include <string.h>

#include "match.h"
#include "xalloc.h"

/* Does the truck hold every part, counting what earlier jobs used up? */
static int
has_parts(const struct match_tech *t, const struct match_job *j)
{
	for (size_t p = 0; p < j->nparts; p++) {
		size_t lo = 0, hi = t->nstock;
		long have = 0;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(t->stock[mid].sku, j->parts[p].sku);

			if (c == 0) {
				have = t->stock[mid].qty;
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (have < j->parts[p].qty)
			return 0;
	}
	return 1;
}

static void
use_parts(struct match_tech *t, const struct match_job *j, long sign)
{
	for (size_t p = 0; p < j->nparts; p++)
		for (size_t k = 0; k < t->nstock; k++)
			if (strcmp(t->stock[k].sku, j->parts[p].sku) == 0)
				t->stock[k].qty -= sign * j->parts[p].qty;
}

static double
day_start(const struct match_day *day, const struct match_tech *t)
{
	return day->has_now && day->now > t->shift.start ? day->now : t->shift.start;
}

static double
day_end(const struct match_day *day, const struct match_tech *t, const struct match_job *j)
{
	return t->shift.end + (j->on_call && t->on_call ? day->rules.on_call_minutes : 0);
}

/* The first start at or after `at` when [start, start + len) misses every
 * off period. */
static double
clear_of_off(const struct match_tech *t, double at, double len)
{
	for (size_t i = 0; i < t->noff; i++)
		if (at < t->off[i].end && at + len > t->off[i].start)
			at = t->off[i].end;
	return at;
}

/* Try j between stop from-1 (or home) and stop to (or the day's end),
 * as if the stops between were not there (the interrupt asks so). */
static int
try_gap(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, size_t from, size_t to, int pickup, int ignore_deadline,
    struct match_slot *slot)
{
	size_t pos = from;
	const struct match_job *prev = pos > 0 ? &day->jobs[t->route[pos - 1].job] : NULL;
	const struct match_job *next = to < t->nroute ? &day->jobs[t->route[to].job] : NULL;
	double free_at = prev ? t->route[pos - 1].end : day_start(day, t);
	double limit = next ? t->route[to].arrive : day_end(day, t, j);
	double extra = pickup ? j->pickup_minutes : 0;
	double in, out = 0, saved = 0, arrive;

	/* Cheap first: the gap cannot hold the work at all. */
	if (limit - free_at < j->duration + extra)
		return 0;
	in = match_drive(day, prev ? prev->xyz : t->xyz, j->xyz) + extra;
	arrive = free_at + in;
	if (j->has_window && arrive < j->window.start)
		arrive = j->window.start;
	arrive = clear_of_off(t, arrive, j->duration);
	if (!ignore_deadline) {
		if (j->has_window && arrive > j->window.end)
			return 0;
		if (j->has_sla && arrive > j->sla_due)
			return 0;
	}
	if (next != NULL) {
		out = match_drive(day, j->xyz, next->xyz);
		saved = match_drive(day, prev ? prev->xyz : t->xyz, next->xyz);
	}
	if (arrive + j->duration + out > limit)
		return 0;
	slot->pos = pos;
	slot->arrive = arrive;
	slot->drive = in + out - saved;
	slot->pickup = pickup;
	return 1;
}

static int
try_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, size_t pos, int pickup, int ignore_deadline,
    struct match_slot *slot)
{
	return try_gap(day, t, j, pos, pos, pickup, ignore_deadline, slot);
}

int
match_slot_between(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, size_t from, size_t to, struct match_slot *slot)
{
	int pickup = !has_parts(t, j);

	if (pickup && !j->parts_pickup)
		return 0;
	return try_gap(day, t, j, from, to, pickup, 0, slot);
}

/* The longest idle stretch of t's day: a job longer than it cannot go
 * anywhere, which rules out a full tech without a single drive estimate. */
/* Blocks [first, last) wholly inside minutes [from, until) set in mask. */
static uint64_t
blocks(const struct match_day *day, double from, double until, int inside)
{
	double b = day->block_minutes;
	long first = (long)(inside ? ceil((from - day->plan_start) / b)
	    : floor((from - day->plan_start) / b));
	long last = (long)(inside ? floor((until - day->plan_start) / b)
	    : ceil((until - day->plan_start) / b));
	uint64_t mask = 0;

	for (long k = first < 0 ? 0 : first; k < last && k < 64; k++)
		mask |= UINT64_C(1) << k;
	return mask;
}

static void
refresh_gap(const struct match_day *day, struct match_tech *t)
{
	double from = day_start(day, t), longest = 0;
	uint64_t idle = 0;

	for (size_t k = 0; k <= t->nroute; k++) {
		double until = k < t->nroute ? t->route[k].arrive : t->shift.end;

		if (until - from > longest)
			longest = until - from;
		if (day->block_minutes > 0 && until > from)
			idle |= blocks(day, from, until, 1);
		if (k < t->nroute)
			from = t->route[k].end;
	}
	/* A visit never overlaps time off: those blocks are not idle. */
	for (size_t i = 0; day->block_minutes > 0 && i < t->noff; i++)
		idle &= ~blocks(day, t->off[i].start, t->off[i].end, 0);
	t->longest_gap = longest;
	t->idle = day->block_minutes > 0 ? idle : ~UINT64_C(0);
}

/* A job of d minutes arriving at s holds every block wholly inside
 * [s, s + d): at least floor(d / b) - 1 in a row, the first of them
 * starting by ceil((s - plan_start) / b), and s lies between the
 * earliest start and the deadline. */
struct match_need
match_job_need(const struct match_day *day, const struct match_job *j)
{
	struct match_need need = { 0, ~UINT64_C(0) };
	double b = day->block_minutes, e = day->plan_start, last = INFINITY;
	long lo, hi;

	if (b <= 0 || j->on_call)	/* on call, the day runs past the blocks */
		return need;
	need.run = (int)floor(j->duration / b) - 1;
	if (need.run <= 0)
		return (struct match_need){ 0, ~UINT64_C(0) };
	if (j->has_window && j->window.start > e)
		e = j->window.start;
	if (j->has_window)
		last = j->window.end;
	if (j->has_sla && j->sla_due < last)
		last = j->sla_due;
	lo = (long)ceil((e - day->plan_start) / b);
	hi = isfinite(last) ? (long)ceil((last - day->plan_start) / b) : 63;
	need.starts = 0;
	for (long k = lo < 0 ? 0 : lo; k <= hi && k < 64; k++)
		need.starts |= UINT64_C(1) << k;
	return need;
}

int
match_may_fit(uint64_t idle, struct match_need need)
{
	uint64_t run = idle;

	for (int i = 1; i < need.run && run != 0; i++)
		run &= idle >> i;
	return need.run <= 0 || (run & need.starts) != 0;
}

void
match_refresh_gaps(struct match_day *day)
{
	for (size_t i = 0; i < day->ntechs; i++)
		refresh_gap(day, &day->techs[i]);
}

/* Among the gaps, the least added drive; for a job with a deadline the
 * sooner arrival counts too, as the score will weigh it. */
int
match_best_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, int ignore_deadline, struct match_slot *best)
{
	int pickup, found = 0;
	double best_cost = 0;
	double urgency = j->has_sla || j->priority <= 2 ? day->rules.weights.sla : 0;

	/* On call, the day runs past the shift: the gap is longer then. */
	if (t->longest_gap < j->duration && !(j->on_call && t->on_call))
		return 0;
	if (!ignore_deadline && !match_may_fit(t->idle, match_job_need(day, j)))
		return 0;
	pickup = !has_parts(t, j);
	if (pickup && !j->parts_pickup)
		return 0;
	for (size_t pos = 0; pos <= t->nroute; pos++) {
		struct match_slot s;
		double cost;

		/* Most gaps of a busy day are just the drive between two
		 * visits: see that before any call or estimate. */
		if (pos > 0 && pos < t->nroute
		    && t->route[pos].arrive - t->route[pos - 1].end < j->duration)
			continue;
		if (!try_slot(day, t, j, pos, pickup, ignore_deadline, &s))
			continue;
		cost = day->rules.weights.drive * s.drive + urgency * s.arrive;
		if (!found || cost < best_cost) {
			*best = s;
			best_cost = cost;
			found = 1;
		}
	}
	return found;
}

/* The naive dispatcher's only move: after the last visit. */
int
match_append_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, struct match_slot *slot)
{
	int pickup = !has_parts(t, j);

	if (pickup && !j->parts_pickup)
		return 0;
	return try_slot(day, t, j, t->nroute, pickup, 0, slot);
}

/* A job placed by hand goes where it was put, even when it does not fit:
 * after the last visit, as soon as the drive and its window allow. */
void
match_forced_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, struct match_slot *slot)
{
	const struct match_job *prev = t->nroute ? &day->jobs[t->route[t->nroute - 1].job] : NULL;
	double free_at = prev ? t->route[t->nroute - 1].end : day_start(day, t);
	int pickup = !has_parts(t, j);
	double in = match_drive(day, prev ? prev->xyz : t->xyz, j->xyz)
	    + (pickup ? j->pickup_minutes : 0);
	double arrive = free_at + in;

	if (j->has_window && arrive < j->window.start)
		arrive = j->window.start;
	*slot = (struct match_slot){ t->nroute, clear_of_off(t, arrive, j->duration), in, pickup };
}

int
match_tech_has_parts(const struct match_tech *t, const struct match_job *j)
{
	return has_parts(t, j);
}

double
match_day_start(const struct match_day *day, const struct match_tech *t)
{
	return day_start(day, t);
}

void
match_insert(struct match_day *day, size_t tech, size_t job, const struct match_slot *slot)
{
	struct match_tech *t = &day->techs[tech];
	struct match_job *j = &day->jobs[job];

	t->route = xgrow(t->route, &t->route_cap, t->nroute + 1, sizeof *t->route);
	memmove(&t->route[slot->pos + 1], &t->route[slot->pos],
	    (t->nroute - slot->pos) * sizeof *t->route);
	t->route[slot->pos] = (struct match_stop){ job, slot->arrive, slot->arrive + j->duration };
	t->nroute++;
	t->booked += j->duration;
	if (!slot->pickup)
		use_parts(t, j, 1);
	refresh_gap(day, t);
	j->tech = (long)tech;
	j->arrive = slot->arrive;
	j->drive = slot->drive;
	j->pickup = slot->pickup;
}

void
match_remove(struct match_day *day, size_t tech, size_t pos)
{
	struct match_tech *t = &day->techs[tech];
	struct match_job *j = &day->jobs[t->route[pos].job];

	if (!j->pickup)
		use_parts(t, j, -1);
	t->booked -= j->duration;
	memmove(&t->route[pos], &t->route[pos + 1], (t->nroute - pos - 1) * sizeof *t->route);
	t->nroute--;
	refresh_gap(day, t);
	j->tech = -1;
}
