/* "Why is this job unassigned?" -- the question dispatchers ask most of a
 * solver. The answer names the constraint that failed and the nearest
 * misses: "T012 has the skills but is full from 13:10; T044 is free but
 * lacks cert:gasfit". Each tech gets as far down the list of rules as it
 * can; the one that got furthest, and the best of the stage before, are
 * named. */
#include <math.h>
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

/* How many of the job's skills t lacks; their names too when words. */
static char *
missing_skills(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, int *count, int words)
{
	char *text = words ? xstrdup("") : NULL;

	*count = 0;
	for (size_t i = 0; i < j->nskills; i++) {
		size_t s = j->skills[i];
		char *more;

		if (t->skillset[s / 64] & (UINT64_C(1) << (s % 64)))
			continue;
		if (!words) {
			++*count;
			continue;
		}
		more = xasprintf("%s%s%s", text, *count ? ", " : "", day->skill_names[s]);
		free(text);
		text = more;
		++*count;
	}
	return text;
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

/* Where tech t stops, and how near it came. The words cost an
 * allocation, so they are made (words != 0) only for the techs named.
 * Every job left over is judged against every tech, so the costly part
 * (drive estimates, slots) is skipped when a bound already shows t
 * cannot come nearer than best[stage], the nearest so far: then rank is
 * infinite. best is NULL when the words are made. */
#define SAY(...) (m->text = words ? xasprintf(__VA_ARGS__) : NULL)
#define BEATEN(stage, bound) (best != NULL && best[stage].tech >= 0 \
    && (bound) > best[stage].rank ? (m->rank = INFINITY, 1) : 0)

static enum stage
judge(const struct match_day *day, size_t tech, const struct match_job *j,
    struct miss *m, int words, const struct miss *best)
{
	const struct match_tech *t = &day->techs[tech];
	double km;
	struct match_slot slot;
	char clock[16], until[16];
	int nmissing;
	char *missing;

	m->tech = (long)tech;
	missing_skills(day, t, j, &nmissing, 0);
	if (nmissing > 0) {
		double left = free_minutes(day, t);

		if (BEATEN(LACKS_SKILLS, nmissing * 1e6 - left * 100))
			return LACKS_SKILLS;
		missing = missing_skills(day, t, j, &nmissing, words);
		km = match_road_km(day, t->xyz, j->xyz);
		if (t->nroute == 0)
			SAY("%s is free but lacks %s", t->id, missing);
		else
			SAY("%s has %.0f min free but lacks %s", t->id, left, missing);
		/* Fewest missing, then most free time, then nearest. */
		m->rank = nmissing * 1e6 - left * 100 + km;
		free(missing);
		return LACKS_SKILLS;
	}
	km = match_road_km(day, t->xyz, j->xyz);
	m->rank = km;
	if (j->required >= 0 && (size_t)j->required != tech) {
		SAY("%s has the skills but the customer requires %s",
		    t->id, day->techs[j->required].id);
		return RULED_OUT;
	}
	for (size_t i = 0; i < j->nexcluded; i++)
		if (j->excluded[i] == tech) {
			SAY("%s has the skills but is excluded by the customer", t->id);
			return RULED_OUT;
		}
	if (j->territory_binds && j->territory && t->territory
	    && strcmp(j->territory, t->territory) != 0) {
		SAY("%s has the skills but works %s, the job is in %s",
		    t->id, t->territory, j->territory);
		return RULED_OUT;
	}
	if (!j->parts_pickup && !match_tech_has_parts(t, j)) {
		SAY("%s has the skills but no %s on the truck, and %s allows no pickup",
		    t->id, first_missing_part(t, j), j->type ? j->type : "the rules");
		return NO_PARTS;
	}
	if (match_best_slot(day, t, j, 1, &slot) && slot.arrive > deadline(j)) {
		double due = INFINITY;
		const char *what = "sla_due";

		if (j->has_window && j->window.end < due) {
			due = j->window.end;
			what = "the window's end";
		}
		if (j->has_sla && j->sla_due < due) {
			due = j->sla_due;
			what = "sla_due";
		}
		SAY("%s has the skills but could arrive %s at the earliest, after %s %s",
		    t->id, match_clock(slot.arrive, j->offset_minutes, clock), what,
		    match_clock(due, j->offset_minutes, until));
		m->rank = slot.arrive;
		return TOO_LATE;
	}
	if (t->nroute > 0) {
		double from = t->route[t->nroute - 1].end, left = t->shift.end - from;
		char off[64] = "";

		/* Time off after the last visit is not time left. */
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
		{
			const struct match_job *last = &day->jobs[t->route[t->nroute - 1].job];
			double drive, extra;
			char pickup[48] = "";

			if (BEATEN(NO_ROOM, j->duration - left))
				return NO_ROOM;
			drive = match_drive(day, last->xyz, j->xyz);
			extra = match_tech_has_parts(t, j) ? 0 : j->pickup_minutes;
			if (words && extra > 0)
				snprintf(pickup, sizeof pickup, " + %.0f min parts pickup", extra);
			SAY("%s has the skills but is full from %s (%.0f min left%s; the job needs %.0f + %.0f min drive%s)",
			    t->id, match_clock(from, j->offset_minutes, clock), left > 0 ? left : 0,
			    off, j->duration, drive, pickup);
			/* Nearest: the smallest shortfall. */
			m->rank = j->duration + drive + extra - left;
		}
	} else {
		SAY("%s has the skills but no room in the shift %s-%s for %.0f min",
		    t->id, match_clock(t->shift.start, t->offset_minutes, clock),
		    match_clock(t->shift.end, t->offset_minutes, until), j->duration);
	}
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
