/* From a contract's schedule to the visits one run creates. */
#include <stdlib.h>

#include "xalloc.h"
#include "recur/recur.h"

void
recur_visits_free(struct recur_visits *vs)
{
	free(vs->v);
	vs->v = NULL;
	vs->count = vs->cap = 0;
}

static struct recur_visit *
visit_new(struct recur_visits *out, size_t ci, int64_t due)
{
	struct recur_visit *v;

	out->v = xgrow(out->v, &out->cap, out->count + 1, sizeof *out->v);
	v = &out->v[out->count++];
	*v = (struct recur_visit){ ci, due, due, due, due, 0, 0 };
	return v;
}

static int64_t
max_day(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min_day(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* The tolerance around due, inside the contract's span. */
static void
set_range(const struct recur_contract *c, struct recur_visit *v, int64_t lo, int64_t hi)
{
	if (c->start_day != RECUR_NO_DAY)
		lo = max_day(lo, c->start_day);
	if (c->end_day != RECUR_NO_DAY)
		hi = min_day(hi, c->end_day);
	v->range_start = lo;
	v->range_end = hi;
}

/* Put v on the allowed day nearest target in its range, or leave it on
 * target marked unplaceable so a dispatcher sees it. */
static void
place(const struct recur_contract *c, const struct recur_run *run, struct recur_visit *v,
    int64_t target)
{
	if (recur_nearest_allowed(c, run->holidays, target, v->range_start, v->range_end,
	    &v->day) != 0) {
		v->day = target;
		v->unplaceable = 1;
	}
}

/* Does the run keep a visit placed on day? The lead says how far ahead of
 * the run (its first day) a contract wants its jobs made. */
static int
in_run(const struct recur_contract *c, const struct recur_run *run, int64_t day)
{
	if (day < run->from_day || day > run->to_day)
		return 0;
	return c->lead_days < 0 || day <= run->from_day + c->lead_days;
}

struct rrule_ctx {
	const struct recur_contract *c;
	size_t ci;
	const struct recur_run *run;
	struct recur_visits *out;
};

static void
rrule_visit(int64_t due, void *arg)
{
	struct rrule_ctx *x = arg;
	const struct recur_contract *c = x->c;
	struct recur_visit *v;

	if ((c->start_day != RECUR_NO_DAY && due < c->start_day)
	    || (c->end_day != RECUR_NO_DAY && due > c->end_day))
		return;
	v = visit_new(x->out, x->ci, due);
	set_range(c, v, due - c->tolerance_days, due + c->tolerance_days);
	place(c, x->run, v, due);
	if (!in_run(c, x->run, v->day))
		x->out->count--;
}

static void
expand_rrule(const struct recur_contract *contracts, size_t ci, const struct recur_run *run,
    struct recur_visits *out)
{
	const struct recur_contract *c = &contracts[ci];
	struct rrule_ctx x = { c, ci, run, out };

	/* A visit due just outside the run may move into it, and back. */
	recur_rrule_dates(c, run->from_day - c->tolerance_days,
	    run->to_day + c->tolerance_days, rrule_visit, &x);
}

static int64_t
after(const struct recur_contract *c, int64_t base, long k)
{
	switch (c->every_unit) {
	case RECUR_WEEKS: return base + 7 * k * c->every;
	case RECUR_MONTHS: return recur_add_months(base, k * c->every);
	default: return base + k * c->every;
	}
}

static void
expand_every(const struct recur_contract *contracts, size_t ci, const struct recur_run *run,
    struct recur_visits *out)
{
	const struct recur_contract *c = &contracts[ci];
	int64_t base = c->last_day, due;
	long k = 1;

	if (base == RECUR_NO_DAY) {
		/* Never visited: due as soon as the contract runs. */
		base = c->start_day != RECUR_NO_DAY && c->start_day > run->from_day
		    ? c->start_day : run->from_day;
		k = 0;
	}
	for (;; k++) {
		struct recur_visit *v;

		due = after(c, base, k);
		if (due - c->tolerance_days > run->to_day
		    || (c->end_day != RECUR_NO_DAY && due > c->end_day))
			break;
		v = visit_new(out, ci, due);
		if (due + c->tolerance_days < run->from_day) {
			/* Late already: as soon as possible, and the next
			 * one counted from when this one is done. */
			v->overdue_days = (int)(run->from_day - due);
			set_range(c, v, run->from_day, run->from_day + c->tolerance_days);
			place(c, run, v, run->from_day);
			base = v->day;
			k = 0;
		} else {
			set_range(c, v, due - c->tolerance_days, due + c->tolerance_days);
			place(c, run, v, due);
		}
		if (!in_run(c, run, v->day))
			out->count--;
	}
}

void
recur_expand(const struct recur_contract *contracts, size_t ci, const struct recur_run *run,
    struct recur_visits *out)
{
	if (contracts[ci].kind == RECUR_RRULE)
		expand_rrule(contracts, ci, run, out);
	else
		expand_every(contracts, ci, run, out);
}
