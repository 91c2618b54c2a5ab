/* "Why is this job unassigned?" -- the question dispatchers ask most of a
 * solver. The answer names the constraint that failed and the nearest
 * misses: "T012 has the skills but is full from 13:10; T044 is free but
 * lacks cert:gasfit". Each tech gets as far down the list of rules as it
 * can; the one that got furthest, and the best of the stage before, are
 * named. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "xalloc.h"

/* How far a tech got, in the order the rules are checked. */
enum stage {
	LACKS_SKILLS,		/* no_qualified_tech */
	RULED_OUT,		/* required_tech, excluded_techs, territory */
	NO_PARTS,		/* parts_unavailable */
	NO_ROOM,		/* no_capacity */
	TOO_LATE,		/* sla_unreachable */
	NSTAGES
};

struct miss {
	long tech;
	double rank;		/* lower is nearer */
	char *text;
};

char *
match_clock(double minutes, int offset_minutes, char buf[16])
{
	long local;

	if (!isfinite(minutes))
		return strcpy(buf, "--:--");
	local = lround(minutes) + offset_minutes;
	long of_day = ((local % 1440) + 1440) % 1440;

	snprintf(buf, 16, "%02ld:%02ld", of_day / 60, of_day % 60);
	return buf;
}

static double
free_minutes(const struct match_day *day, const struct match_tech *t)
{
	double left = t->shift.end - match_day_start(day, t) - t->booked;

	return left > 0 ? left : 0;
}

static const char *
first_missing_part(const struct match_tech *t, const struct match_job *j)
{
	for (size_t p = 0; p < j->nparts; p++) {
		long have = 0;

		for (size_t k = 0; k < t->nstock; k++)
			if (strcmp(t->stock[k].sku, j->parts[p].sku) == 0)
				have = t->stock[k].qty;
		if (have < j->parts[p].qty)
			return j->parts[p].sku;
	}
	return "the parts";
}

static double
deadline(const struct match_job *j)
{
	double due = INFINITY;

	if (j->has_window)
		due = j->window.end;
	if (j->has_sla && j->sla_due < due)
		due = j->sla_due;
	return due;
}

/* The words of a miss, made only when asked (words != 0): they cost an
 * allocation, and every tech is judged for every job left over. */
static void
say(struct miss *m, int words, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
say(struct miss *m, int words, const char *fmt, ...)
{
	va_list ap;
	int len;

	m->text = NULL;
	if (!words)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	m->text = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(m->text, (size_t)len + 1, fmt, ap);
	va_end(ap);
}

/* Can t come no nearer at this stage than best[stage], the nearest so
 * far, whatever the costly part (drive estimates, slots) would show?
 * Then t's rank is infinite and the judging stops. best is NULL when
 * the words are made: nothing is skipped then. */
static int
beaten(const struct miss *best, enum stage stage, double bound, struct miss *m)
{
	if (best == NULL || best[stage].tech < 0 || !(bound > best[stage].rank))
		return 0;
	m->rank = INFINITY;
	return 1;
}

static enum stage
lacks_skills(const struct match_day *day, size_t tech, const struct match_job *j,
    struct miss *m, int words, const struct miss *best)
{
	const struct match_tech *t = &day->techs[tech];
	double left = free_minutes(day, t);
	/* Fewest missing, then most free time, then nearest. */
	double rank = (double)match_count_missing(t, j) * 1e6 - left * 100;
	char *rule;

	if (beaten(best, LACKS_SKILLS, rank, m))
		return LACKS_SKILLS;
	rule = words ? match_rule_words(day, tech, j, MATCH_LACKS_SKILLS) : NULL;
	if (t->nroute == 0)
		say(m, words, "%s is free but %s", t->id, rule);
	else
		say(m, words, "%s has %.0f min free but %s", t->id, left, rule);
	m->rank = rank + match_road_km(day, t->xyz, j->xyz);
	free(rule);
	return LACKS_SKILLS;
}

static enum stage
too_late(const struct match_tech *t, const struct match_job *j, const struct match_slot *slot,
    struct miss *m, int words)
{
	double due = INFINITY;
	const char *what = "sla_due";
	char clock[16], until[16];

	if (j->has_window && j->window.end < due) {
		due = j->window.end;
		what = "the window's end";
	}
	if (j->has_sla && j->sla_due < due) {
		due = j->sla_due;
		what = "sla_due";
	}
	say(m, words, "%s has the skills but could arrive %s at the earliest, after %s %s",
	    t->id, match_clock(slot->arrive, j->offset_minutes, clock), what,
	    match_clock(due, j->offset_minutes, until));
	m->rank = slot->arrive;
	return TOO_LATE;
}

/* A tech with visits already, whose day has too little left after the
 * last: how much is left, time off after the last visit not counted. */
static enum stage
full(const struct match_day *day, const struct match_tech *t, const struct match_job *j,
    struct miss *m, int words, const struct miss *best)
{
	const struct match_job *last = &day->jobs[t->route[t->nroute - 1].job];
	double from = t->route[t->nroute - 1].end, left = t->shift.end - from;
	double drive, extra;
	char off[64] = "", pickup[48] = "", clock[16], until[16];

	for (size_t i = 0; i < t->noff; i++) {
		double a = t->off[i].start > from ? t->off[i].start : from;
		double b = t->off[i].end < t->shift.end ? t->off[i].end : t->shift.end;

		if (b > a) {
			left -= b - a;
			if (words && off[0] == '\0')
				snprintf(off, sizeof off, ", off %s-%s",
				    match_clock(t->off[i].start, t->offset_minutes, clock),
				    match_clock(t->off[i].end, t->offset_minutes, until));
		}
	}
	if (beaten(best, NO_ROOM, j->duration - left, m))
		return NO_ROOM;
	drive = match_drive(day, last->xyz, j->xyz);
	extra = match_tech_has_parts(t, j) ? 0 : j->pickup_minutes;
	if (words && extra > 0)
		snprintf(pickup, sizeof pickup, " + %.0f min parts pickup", extra);
	say(m, words, "%s has the skills but is full from %s (%.0f min left%s; "
	    "the job needs %.0f + %.0f min drive%s)",
	    t->id, match_clock(from, j->offset_minutes, clock), left > 0 ? left : 0,
	    off, j->duration, drive, pickup);
	/* Nearest: the smallest shortfall. */
	m->rank = j->duration + drive + extra - left;
	return NO_ROOM;
}

/* Where tech t stops, and how near it came (lower rank is nearer). The
 * words are made (words != 0) only for the techs named. */
static enum stage
judge(const struct match_day *day, size_t tech, const struct match_job *j,
    struct miss *m, int words, const struct miss *best)
{
	const struct match_tech *t = &day->techs[tech];
	enum match_rule rule = match_rule_broken(day, tech, j);
	struct match_slot slot;
	char clock[16], until[16];

	m->tech = (long)tech;
	if (rule == MATCH_LACKS_SKILLS)
		return lacks_skills(day, tech, j, m, words, best);
	m->rank = match_road_km(day, t->xyz, j->xyz);
	if (rule != MATCH_RULE_KEPT) {
		char *broken = words ? match_rule_words(day, tech, j, rule) : NULL;

		say(m, words, "%s has the skills but %s", t->id, broken);
		free(broken);
		return RULED_OUT;
	}
	if (!j->parts_pickup && !match_tech_has_parts(t, j)) {
		say(m, words, "%s has the skills but no %s on the truck, and %s allows no pickup",
		    t->id, first_missing_part(t, j), j->type ? j->type : "the rules");
		return NO_PARTS;
	}
	if (match_best_slot(day, t, j, 1, &slot) && slot.arrive > deadline(j))
		return too_late(t, j, &slot, m, words);
	if (t->nroute > 0)
		return full(day, t, j, m, words, best);
	say(m, words, "%s has the skills but no room in the shift %s-%s for %.0f min",
	    t->id, match_clock(t->shift.start, t->offset_minutes, clock),
	    match_clock(t->shift.end, t->offset_minutes, until), j->duration);
	return NO_ROOM;
}

static int
nearer(const struct match_day *day, const struct miss *a, const struct miss *b)
{
	if (b->tech < 0)
		return 1;
	if (a->rank != b->rank)
		return a->rank < b->rank;
	return strcmp(day->techs[a->tech].id, day->techs[b->tech].id) < 0;
}

static const char *const codes[NSTAGES] = {
	"no_qualified_tech", "no_qualified_tech", "parts_unavailable",
	"no_capacity", "sla_unreachable",
};

void
match_explain(struct match_day *day, size_t job, const char *prefix)
{
	struct match_job *j = &day->jobs[job];
	struct miss best[NSTAGES];
	int top = -1, second = -1;
	char *text;

	for (int s = 0; s < NSTAGES; s++)
		best[s] = (struct miss){ -1, 0, NULL };
	for (size_t i = 0; i < day->ntechs; i++) {
		struct miss m;
		enum stage s = judge(day, i, j, &m, 0, best);

		if (nearer(day, &m, &best[s]))
			best[s] = m;
	}
	for (int s = 0; s < NSTAGES; s++)
		if (best[s].tech >= 0)
			judge(day, (size_t)best[s].tech, j, &best[s], 1, NULL);
	for (int s = NSTAGES - 1; s >= 0; s--) {
		if (best[s].tech < 0)
			continue;
		if (top < 0)
			top = s;
		else if (second < 0)
			second = s;
	}
	if (top < 0)
		text = xstrdup("no technicians to choose from");
	else if (top == LACKS_SKILLS)
		text = xasprintf("no tech holds every skill the job needs; nearest: %s",
		    best[top].text);
	else if (second >= 0)
		text = xasprintf("%s; %s", best[top].text, best[second].text);
	else
		text = xstrdup(best[top].text);
	free(j->message);
	j->message = prefix ? xasprintf("%s; %s", prefix, text) : xstrdup(text);
	free(text);
	j->exception = top < 0 ? "no_qualified_tech" : codes[top];
	j->tech = -1;
	for (int s = 0; s < NSTAGES; s++)
		free(best[s].text);
}
