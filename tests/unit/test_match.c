/* The matcher's own day (the naive baseline's, and what explain.c reads)
 * over plain structs: the invariants every plan must keep (skills,
 * shifts, no overlap, windows), the words, and determinism, without
 * JSON. fsd-match's decision itself is the route solver's: test_route.c
 * and tests/fsd-match.bats. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"
#include "unit.h"
#include "xalloc.h"

/* 2026-11-23T00:00-07:00 in minutes since the epoch, and an hour of it. */
static const double DAY = 29923620.0;
#define AT(h, m) (DAY + (h) * 60 + (m))

static struct match_tech *
tech(struct match_day *day, const char *id, double lat, double lon, const char *skills)
{
	struct match_tech *t = match_add_tech(day);
	char *copy = xstrdup(skills), *s, *save = NULL;

	t->id = xstrdup(id);
	t->lat = lat;
	t->lon = lon;
	t->shift = (struct match_interval){ AT(7, 0), AT(16, 0) };
	t->offset_minutes = -420;
	for (s = strtok_r(copy, " ", &save); s; s = strtok_r(NULL, " ", &save)) {
		t->skills = xrealloc(t->skills, (t->nskills + 1) * sizeof *t->skills);
		t->skills[t->nskills++] = match_skill(day, s);
	}
	free(copy);
	return t;
}

static struct match_job *
job(struct match_day *day, const char *id, double lat, double lon, const char *skill,
    double minutes)
{
	struct match_job *j = match_add_job(day);

	j->id = xstrdup(id);
	j->lat = lat;
	j->lon = lon;
	j->duration = minutes;
	j->offset_minutes = -420;
	if (skill != NULL) {
		j->skills = xcalloc(1, sizeof *j->skills);
		j->skills[j->nskills++] = match_skill(day, skill);
	}
	return j;
}

static void
setup(struct match_day *day)
{
	memset(day, 0, sizeof *day);
	day->travel = FSD_TRAVEL_DEFAULT;
	match_rules_defaults(&day->rules);
}

/* No visit outside the shift, none overlapping, every tech qualified,
 * every window and deadline kept. */
static int
plan_is_legal(const struct match_day *day)
{
	for (size_t i = 0; i < day->ntechs; i++) {
		const struct match_tech *t = &day->techs[i];

		for (size_t k = 0; k < t->nroute; k++) {
			const struct match_stop *s = &t->route[k];
			const struct match_job *j = &day->jobs[s->job];

			if (s->arrive < t->shift.start || s->end > t->shift.end + 1e-9)
				return 0;
			if (k > 0 && s->arrive < t->route[k - 1].end)
				return 0;
			if (!match_has_skills(day, t, j) || j->tech != (long)i)
				return 0;
			if (j->has_window && (s->arrive < j->window.start || s->arrive > j->window.end))
				return 0;
			if (j->has_sla && s->arrive > j->sla_due)
				return 0;
		}
	}
	return 1;
}

static void
test_basics(void)
{
	struct match_day day;
	char clock[16];

	CHECK_STR(match_clock(AT(13, 10), -420, clock), "13:10", "clock in the record's offset");
	setup(&day);
	tech(&day, "T1", 39.74, -104.99, "hvac");
	tech(&day, "T2", 39.85, -104.98, "hvac cert:gasfit");
	job(&day, "J1", 39.85, -104.98, "cert:gasfit", 60);
	job(&day, "J2", 39.74, -104.99, "hvac", 60);
	job(&day, "J3", 39.74, -104.99, "fire", 60);
	match_run(&day);
	CHECK(day.jobs[0].tech == 1, "the certified tech takes the certified job");
	CHECK(day.jobs[1].tech == 0, "the nearer qualified tech takes the other");
	CHECK(day.jobs[2].tech < 0 && strcmp(day.jobs[2].exception, "no_qualified_tech") == 0,
	    "a skill nobody holds is no_qualified_tech");
	CHECK(fabs(day.jobs[1].drive) < 0.01, "a job at home is no drive");
	CHECK(plan_is_legal(&day), "the plan keeps every hard rule");
	match_day_free(&day);
}

static void
test_capacity_and_windows(void)
{
	struct match_day day;

	setup(&day);
	tech(&day, "T1", 39.74, -104.99, "plumbing");
	for (int i = 0; i < 12; i++) {
		char id[16];
		struct match_job *j;

		snprintf(id, sizeof id, "J%02d", i);
		j = job(&day, id, 39.70 + i * 0.01, -104.95, "plumbing", 60);
		if (i % 3 == 0) {
			j->has_window = 1;
			j->window = (struct match_interval){ AT(12, 0), AT(14, 0) };
		}
	}
	match_run(&day);
	CHECK(plan_is_legal(&day), "a full day stays legal");
	/* After the last visit only: the windows at noon leave the morning
	 * idle, as a dispatcher without a map would. */
	CHECK(day.techs[0].nroute >= 3 && day.techs[0].nroute < 12, "a 9-hour shift takes some of twelve 1-hour jobs, not all");
	{
		int unexplained = 0;

		for (size_t i = 0; i < day.njobs; i++)
			if (day.jobs[i].tech < 0 && (day.jobs[i].exception == NULL || day.jobs[i].message == NULL))
				unexplained++;
		CHECK(unexplained == 0, "every job left over says why");
	}
	match_day_free(&day);
}

/* The same day twice, techs listed in another order: the same plan. */
static void
test_determinism(void)
{
	struct match_day a, b;
	int same = 1;

	setup(&a);
	setup(&b);
	for (int i = 0; i < 6; i++) {
		char id[16];

		snprintf(id, sizeof id, "T%d", i);
		tech(&a, id, 39.74, -104.99, "hvac");	/* all at one place: ties */
		snprintf(id, sizeof id, "T%d", 5 - i);
		tech(&b, id, 39.74, -104.99, "hvac");
	}
	for (int i = 0; i < 20; i++) {
		char id[16];

		snprintf(id, sizeof id, "J%02d", i);
		job(&a, id, 39.70 + (i % 5) * 0.02, -104.99, "hvac", 45);
		job(&b, id, 39.70 + (i % 5) * 0.02, -104.99, "hvac", 45);
	}
	match_run(&a);
	match_run(&b);
	for (size_t i = 0; i < a.njobs; i++) {
		const char *ta = a.jobs[i].tech >= 0 ? a.techs[a.jobs[i].tech].id : "-";
		const char *tb = b.jobs[i].tech >= 0 ? b.techs[b.jobs[i].tech].id : "-";

		if (strcmp(ta, tb) != 0 || a.jobs[i].arrive != b.jobs[i].arrive)
			same = 0;
	}
	CHECK(same, "ties are broken by id, not by input order");
	CHECK(plan_is_legal(&a) && plan_is_legal(&b), "both plans are legal");
	match_day_free(&a);
	match_day_free(&b);
}

int
main(void)
{
	test_basics();
	test_capacity_and_windows();
	test_determinism();
	return UNIT_DONE();
}
