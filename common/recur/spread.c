/* Capacity smoothing (--spread). Floating visits may go anywhere inside
 * their tolerance, so when many fall due on the same days we level them:
 * the calendar-fixed visits are laid down first, then the floating ones,
 * least flexible first, each on the allowed day of its range where its
 * territory and trade carry the fewest minutes so far (nearest its due
 * date, then earliest, on a tie). This is the greedy rule of resource
 * levelling in project scheduling: cheap, deterministic, and within a
 * visit or so of the best spread when visits are short next to a day. */
#include <stdlib.h>
#include <string.h>

#include "sort.h"
#include "xalloc.h"
#include "recur/recur.h"

struct spread {
	const struct recur_contract *contracts;
	const struct recur_run *run;
	struct recur_visits *vs;
	size_t *group;		/* per contract: its territory-and-trade row */
	long *minutes;		/* [group * days + day - from] */
	int64_t days;
};

static const char *
text(const char *s)
{
	return s != NULL ? s : "";
}

static int
same_group(const struct recur_contract *a, const struct recur_contract *b)
{
	return strcmp(text(a->territory), text(b->territory)) == 0
	    && strcmp(text(a->trade), text(b->trade)) == 0;
}

/* Contract numbers by territory, then trade; ctx: the contracts. */
static int
by_group(const void *x, const void *y, void *ctx)
{
	const struct recur_contract *contracts = ctx;
	const struct recur_contract *a = &contracts[*(const size_t *)x];
	const struct recur_contract *b = &contracts[*(const size_t *)y];
	int d = strcmp(text(a->territory), text(b->territory));

	return d != 0 ? d : strcmp(text(a->trade), text(b->trade));
}

/* Number the territory-and-trade groups of the contracts that have visits. */
static size_t
number_groups(struct spread *s, size_t ncontracts)
{
	size_t *order = xcalloc(ncontracts + 1, sizeof *order), n = 0, groups = 0;
	char *seen = xcalloc(ncontracts + 1, 1);

	for (size_t i = 0; i < s->vs->count; i++) {
		size_t ci = s->vs->v[i].contract;
		if (!seen[ci]) {
			seen[ci] = 1;
			order[n++] = ci;
		}
	}
	fsd_sort(order, n, sizeof *order, by_group, (void *)s->contracts);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && !same_group(&s->contracts[order[i]], &s->contracts[order[i - 1]]))
			groups++;
		s->group[order[i]] = groups;
	}
	free(seen);
	free(order);
	return n > 0 ? groups + 1 : 0;
}

static int
movable(const struct recur_contract *contracts, const struct recur_visit *v)
{
	return contracts[v->contract].kind == RECUR_EVERY && !v->unplaceable;
}

static long *
load(struct spread *s, const struct recur_visit *v, int64_t day)
{
	return &s->minutes[s->group[v->contract] * (size_t)s->days
	    + (size_t)(day - s->run->from_day)];
}

/* The days v may take in this run, as [*lo, *hi]. */
static void
window(const struct spread *s, const struct recur_visit *v, int64_t *lo, int64_t *hi)
{
	const struct recur_contract *c = &s->contracts[v->contract];

	*lo = v->range_start > s->run->from_day ? v->range_start : s->run->from_day;
	*hi = v->range_end < s->run->to_day ? v->range_end : s->run->to_day;
	if (c->lead_days >= 0 && *hi > s->run->from_day + c->lead_days)
		*hi = s->run->from_day + c->lead_days;
}

static long
choices(const struct spread *s, const struct recur_visit *v)
{
	const struct recur_contract *c = &s->contracts[v->contract];
	int64_t lo, hi;
	long n = 0;

	window(s, v, &lo, &hi);
	for (int64_t d = lo; d <= hi; d++)
		n += recur_day_allowed(c, s->run->holidays, d);
	return n;
}

struct candidate {
	size_t visit;
	long choices;
};

/* ctx: the spread. */
static int
least_flexible_first(const void *x, const void *y, void *ctx)
{
	const struct spread *sort_spread = ctx;
	const struct candidate *a = x, *b = y;
	const struct recur_visit *va = &sort_spread->vs->v[a->visit];
	const struct recur_visit *vb = &sort_spread->vs->v[b->visit];
	int d;

	if (a->choices != b->choices)
		return a->choices < b->choices ? -1 : 1;
	if (va->due_day != vb->due_day)
		return va->due_day < vb->due_day ? -1 : 1;
	d = strcmp(sort_spread->contracts[va->contract].id,
	    sort_spread->contracts[vb->contract].id);
	return d != 0 ? d : (a->visit > b->visit) - (a->visit < b->visit);
}

static int64_t
distance(int64_t a, int64_t b)
{
	return a > b ? a - b : b - a;
}

static void
put_on_lightest_day(struct spread *s, struct recur_visit *v)
{
	const struct recur_contract *c = &s->contracts[v->contract];
	int64_t lo, hi, best = v->day;
	long best_load = -1;

	window(s, v, &lo, &hi);
	for (int64_t d = lo; d <= hi; d++) {
		long here;

		if (!recur_day_allowed(c, s->run->holidays, d))
			continue;
		here = *load(s, v, d);
		if (best_load < 0 || here < best_load
		    || (here == best_load && distance(d, v->due_day) < distance(best, v->due_day)))
			best = d, best_load = here;
	}
	v->day = best;
	*load(s, v, best) += c->duration_minutes;
}

void
recur_spread(const struct recur_contract *contracts, const struct recur_run *run,
    struct recur_visits *vs)
{
	struct spread s = { contracts, run, vs, NULL, NULL, run->to_day - run->from_day + 1 };
	struct candidate *moving = xcalloc(vs->count + 1, sizeof *moving);
	size_t nmoving = 0, ncontracts = 0, groups;

	for (size_t i = 0; i < vs->count; i++)
		if (vs->v[i].contract + 1 > ncontracts)
			ncontracts = vs->v[i].contract + 1;
	s.group = xcalloc(ncontracts + 1, sizeof *s.group);
	groups = number_groups(&s, ncontracts);
	s.minutes = xcalloc(groups * (size_t)s.days + 1, sizeof *s.minutes);
	for (size_t i = 0; i < vs->count; i++) {
		if (movable(contracts, &vs->v[i]))
			moving[nmoving++] = (struct candidate){ i, choices(&s, &vs->v[i]) };
		else
			*load(&s, &vs->v[i], vs->v[i].day) += contracts[vs->v[i].contract].duration_minutes;
	}
	fsd_sort(moving, nmoving, sizeof *moving, least_flexible_first, &s);
	for (size_t i = 0; i < nmoving; i++)
		put_on_lightest_day(&s, &vs->v[moving[i].visit]);
	free(moving);
	free(s.minutes);
	free(s.group);
}
