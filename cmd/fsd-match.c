/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-match: the dispatch engine. Every job comes out once: with the
 * tech it goes to and why, or with an exception that says which rule
 * failed and who came nearest. The playbooks, reasons and nearest misses
 * are common/match/'s; the decision is the route solver's, on the model
 * of a tech's day fsd-route uses (match/decide.h). This file turns
 * records into their structs and back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "check/mistakes.h"
#include "match/decide.h"
#include "match/match.h"
#include "match/records.h"

static const char *techs_path, *rules_path, *now_text;
static struct fsd_time now;
static long candidates, iterations, search_seed;
static double time_limit;
static int naive, has_now, return_in_shift;

/* Static, so that a rules file that stops the run leaves nothing leaked. */
static struct match_day day;
static struct route_run run;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians, one record a line", NULL, &techs_path },
	{ 'r', "rules", "FILE", "weights and per-job-type playbooks (JSON)", NULL, &rules_path },
	{ 0, "now", "TIME", "plan as if it were TIME (RFC 3339): nothing starts earlier", NULL, &now_text,
	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
	FSD_TRAVEL_OPTIONS(day.travel),
	{ 0, "candidates", "N", "look for the runner-up among the N nearest qualified techs; 0: all",
	  .type = FSD_OPT_WHOLE, .whole = &candidates, .max = 1000000, .def = 12 },
	{ 0, "return-in-shift", NULL, "be back home by the shift's end, not only done with the last job", &return_in_shift, NULL },
	{ 0, "time-limit", "SECONDS", "stop the search after SECONDS",
	  .type = FSD_OPT_DECIMAL, .number = &time_limit, .max = 86400, .def = 10 },
	{ 0, "iterations", "N", "stop after N ruin-and-recreate rounds; 0: only the time limit",
	  .type = FSD_OPT_WHOLE, .whole = &iterations, .max = 2000000000, .def = 20000 },
	{ 0, "seed", "N", "seed of the search's random choices",
	  .type = FSD_OPT_WHOLE, .whole = &search_seed, .max = 0x7fffffff, .def = 1 },
	{ 0, "naive", NULL, "whoever qualified is free next: the baseline, no scoring", &naive, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-match", "--techs FILE [--rules FILE] [--now TIME] [--candidates N] [--return-in-shift] [--time-limit SECONDS] [--iterations N] [--seed N] [--naive] [FILE ...]",
	"assign jobs to technicians, with reasons; exceptions for the rest",
	options, FSD_TOOL_RECORDS
};

struct loaded {
	json_t *jobs;		/* the records, to write back enriched */
	struct fsd_pos *where;	/* and where each came from */
	size_t where_cap;
	/* For the mistakes people make (check/mistakes.h): */
	char **tech_skills;	/* every skill some tech has */
	size_t ntech_skills;
	double *homes;		/* lat, lon of every tech's home */
	json_t *job_lines;	/* id -> the line it was first seen on */
};

/* What the techs have, once they are read, to tell a job's typo from a
 * skill nobody has yet. */
static void
know_techs(struct loaded *l)
{
	l->tech_skills = xcalloc(day.nskill_names + 1, sizeof *l->tech_skills);
	l->homes = xcalloc(2 * day.ntechs + 1, sizeof *l->homes);
	for (size_t i = 0; i < day.ntechs; i++) {
		l->homes[2 * i] = day.techs[i].lat;
		l->homes[2 * i + 1] = day.techs[i].lon;
		for (size_t k = 0; k < day.techs[i].nskills; k++) {
			char *name = day.skill_names[day.techs[i].skills[k]];
			size_t j;
			for (j = 0; j < l->ntech_skills && l->tech_skills[j] != name; j++)
				;
			if (j == l->ntech_skills)
				l->tech_skills[l->ntech_skills++] = name;
		}
	}
}

static int
tech_has_skill(const struct loaded *l, const char *skill)
{
	for (size_t i = 0; i < l->ntech_skills; i++)
		if (strcmp(l->tech_skills[i], skill) == 0)
			return 1;
	return 0;
}

/* Farther than a long day's drive from every home: not a job for this
 * shop, or a coordinate typed wrong. */
#define FAR_FROM_EVERY_HOME_KM 300.0

/* Said, not refused: each may be meant, and the job still goes through
 * the match, which gives it its exception if it must. */
static void
say_mistakes(struct loaded *l, const json_t *rec, const struct fsd_pos *pos)
{
	const char *id = json_string_value(json_object_get(rec, "id"));
	json_t *skills = json_object_get(rec, "skills"), *skill, *seen;
	double lat, lon, nearest, fixed;
	size_t i;

	if (id != NULL && (seen = json_object_get(l->job_lines, id)) != NULL)
		fsd_warn_at(pos, "duplicate job id \"%s\" (first on line %lld): both are matched",
		    id, (long long)json_integer_value(seen));
	else if (id != NULL)
		json_object_set_new(l->job_lines, id, json_integer(pos->line));
	json_array_foreach(skills, i, skill) {
		const char *name = json_string_value(skill), *near;

		if (name == NULL || tech_has_skill(l, name))
			continue;
		if (check_joined_skills(name))
			fsd_note_at(pos, "skill \"%s\" holds a comma: skills are separated by \";\" "
			    "(or import with a map's \"list ,\")", name);
		else if ((near = check_did_you_mean(name, l->tech_skills, l->ntech_skills)) != NULL)
			fsd_note_at(pos, "no tech has the skill \"%s\": did you mean %s?", name, near);
	}
	if (fsd_field_number(rec, "site.lat", &lat, NULL) == FSD_FIELD_OK
	    && fsd_field_number(rec, "site.lon", &lon, NULL) == FSD_FIELD_OK
	    && check_far_site(lat, lon, l->homes, day.ntechs, FAR_FROM_EVERY_HOME_KM, &nearest, &fixed)) {
		if (fixed >= 0)
			fsd_note_at(pos, "the site %g,%g is %.0f km from the nearest tech's home: "
			    "a lost minus sign? (with it, %.0f km)", lat, lon, nearest, fixed);
		else
			fsd_note_at(pos, "the site %g,%g is %.0f km from the nearest tech's home",
			    lat, lon, nearest);
	}
}

/* The techs as the route reader took them (a tech it found bad is left
 * out, said once), each once however many shifts it has. */
static void
read_techs(void)
{
	for (int v = 0; v < run.ntechs; v++) {
		struct fsd_pos pos = { techs_path, run.techs[v].line };

		if (v > 0 && run.techs[v].record == run.techs[v - 1].record)
			continue;
		match_read_tech(&day, run.techs[v].record, &pos);
	}
	match_index_techs(&day);
}

static int
read_job(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct loaded *l = ctx;
	struct match_job *j = match_add_job(&day);

	json_array_append(l->jobs, rec);
	l->where = xgrow(l->where, &l->where_cap, day.njobs, sizeof *l->where);
	l->where[day.njobs - 1] = *pos;
	/* Not a job (an alert, a plan's pickup stop), or not ours to decide
	 * (an import's bad_record): out as it came. */
	if (!fsd_record_is_job(rec)) {
		j->skip = 1;
		return 0;
	}
	say_mistakes(l, rec, pos);
	if (fsd_upstream_exception(rec)) {
		j->skip = 1;
		return 0;
	}
	if (match_read_job(&day, j, rec, pos) != 0) {
		j->skip = 1;
		fsd_set_exception(rec, "bad_record", "%s", fsd_field_error);
		return 1;
	}
	return 0;
}

static json_t *
reasons(const struct match_job *j)
{
	json_t *list = json_array();

	for (int i = 0; i < j->nreasons; i++)
		json_array_append_new(list, json_string(j->reasons[i]));
	return list;
}

/* changed.key = the value the record came with (null: it had none),
 * unless an earlier run already kept the first original there. */
static void
keep_original(json_t *changed, const json_t *rec, const char *key)
{
	json_t *was = json_object_get(rec, key);

	if (json_object_get(changed, key) == NULL)
		json_object_set_new(changed, key, was ? json_deep_copy(was) : json_null());
}

/* What the playbook did goes into the job itself, since fsd-route and
 * the rest read priority, sla_due, skills and duration from there; the
 * values the job came with stay in "playbook". */
static void
write_playbook(json_t *rec, const struct match_job *j)
{
	char when[FSD_TIME_LEN];
	json_t *pb, *changed, *skills;

	if (j->playbook_changed == 0)
		return;
	pb = json_object_get(rec, "playbook");
	changed = json_is_object(pb) ? json_object_get(pb, "changed") : NULL;
	changed = json_is_object(changed) ? json_incref(changed) : json_object();
	if (j->playbook_changed & MATCH_PLAYBOOK_PRIORITY) {
		keep_original(changed, rec, "priority");
		json_object_set_new(rec, "priority", json_integer(j->priority));
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_SLA) {
		keep_original(changed, rec, "sla_due");
		json_object_set_new(rec, "sla_due", json_string(fsd_time_format(
		    (int64_t)llround(j->sla_due * 60), j->offset_minutes, when)));
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_SKILLS) {
		keep_original(changed, rec, "skills");
		skills = json_object_get(rec, "skills");
		skills = json_is_array(skills) ? json_copy(skills) : json_array();
		for (size_t i = j->nskills_given; i < j->nskills; i++)
			json_array_append_new(skills, json_string(day.skill_names[j->skills[i]]));
		json_object_set_new(rec, "skills", skills);
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_DURATION) {
		keep_original(changed, rec, "duration");
		json_object_set_new(rec, "duration", json_real(j->duration));
		if (j->duration == floor(j->duration))
			json_object_set_new(rec, "duration", json_integer((json_int_t)j->duration));
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_TERRITORY) {
		keep_original(changed, rec, "territory_binds");
		json_object_set_new(rec, "territory_binds", json_true());
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_ON_CALL) {
		keep_original(changed, rec, "on_call");
		keep_original(changed, rec, "on_call_minutes");
		json_object_set_new(rec, "on_call", json_true());
		json_object_set_new(rec, "on_call_minutes", json_real(day.rules.on_call_minutes));
		if (day.rules.on_call_minutes == floor(day.rules.on_call_minutes))
			json_object_set_new(rec, "on_call_minutes",
			    json_integer((json_int_t)day.rules.on_call_minutes));
	}
	if (j->playbook_changed & MATCH_PLAYBOOK_NO_PICKUP) {
		keep_original(changed, rec, "parts_pickup");
		json_object_set_new(rec, "parts_pickup", json_false());
	}
	json_object_set_new(rec, "playbook", json_pack("{s:s, s:o}",
	    "type", j->playbook, "changed", changed));
}

static void
write_job(json_t *rec, const struct match_job *j)
{
	char when[FSD_TIME_LEN];
	json_t *m;

	if (j->skip)
		return;
	if (j->tech < 0) {
		json_object_del(rec, "tech");
		json_object_del(rec, "match");
		if (j->warning != NULL)
			fsd_set_exception(rec, j->exception, "%s (%s)", j->message, j->warning);
		else
			fsd_set_exception(rec, j->exception, "%s", j->message);
		return;
	}
	json_object_del(rec, "exception");
	json_object_set_new(rec, "tech", json_string(day.techs[j->tech].id));
	m = json_pack("{s:f, s:o, s:o, s:s, s:I}",
	    "score", j->score,
	    "reasons", reasons(j),
	    "runner_up", j->runner_up < 0 ? json_null() : json_pack("{s:s, s:f}",
		"tech", day.techs[j->runner_up].id, "score", j->runner_up_score),
	    "arrival", fsd_time_format((int64_t)llround(j->arrive * 60), j->offset_minutes, when),
	    "drive", (json_int_t)lround(j->drive));
	if (j->warning != NULL)
		json_object_set_new(m, "warning", json_string(j->warning));
	json_object_set_new(rec, "match", m);
}

/* With nobody to take them, every job still comes out, each saying so. */
static void
no_techs(void)
{
	for (size_t i = 0; i < day.njobs; i++) {
		struct match_job *j = &day.jobs[i];

		if (j->skip)
			continue;
		j->tech = -1;
		j->exception = "no_techs";
		free(j->message);
		j->message = xasprintf("%s has no usable technician", fsd_display_name(techs_path));
	}
	fsd_status = FSD_EXIT_DATA;
}

/* Each job the playbooks have been folded into, as the route solver's
 * job; the map from its records back to ours. */
static long *
add_to_route(struct loaded *l)
{
	long *job_of = xmalloc((day.njobs + 1) * sizeof *job_of);

	for (size_t i = 0; i < day.njobs; i++) {
		json_t *rec = json_array_get(l->jobs, i);

		if (day.jobs[i].skip)
			continue;
		write_playbook(rec, &day.jobs[i]);
		job_of[run.njobs] = (long)i;
		route_run_add_job(&run, rec, &l->where[i]);
	}
	return job_of;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct loaded l = { json_array(), NULL, 0, .job_lines = json_object() };
	struct match_decide d = { &run };
	long *job_of = NULL;

	if (techs_path == NULL)
		fsd_usage_error("--techs FILE is required");
	run.travel = day.travel;
	run.return_in_shift = return_in_shift;
	day.naive = naive;
	d.candidates = (size_t)candidates;
	d.params.seed = (uint64_t)search_seed;
	d.params.seconds = time_limit;
	d.params.iterations = iterations;
	day.now = (double)now.seconds / 60;
	day.has_now = has_now;
	match_rules_defaults(&day.rules);
	if (rules_path != NULL)
		match_rules_load(&day.rules, rules_path);
	route_rules_load(&run.limits, NULL);	/* a tech's own limits only */
	route_run_load_techs(&run, techs_path);
	read_techs();
	know_techs(&l);
	if (now_text != NULL)
		route_run_set_not_before(&run, now_text);

	fsd_read_records(argc - first, argv + first, read_job, &l);
	if (day.ntechs == 0) {
		no_techs();
	} else if (naive) {
		match_run(&day);
	} else {
		match_prepare(&day);
		job_of = add_to_route(&l);
		d.job_of_record = job_of;
		match_decide(&day, &d);
	}
	for (size_t i = 0; i < day.njobs; i++) {
		json_t *rec = json_array_get(l.jobs, i);

		if (job_of == NULL && !day.jobs[i].skip)
			write_playbook(rec, &day.jobs[i]);
		write_job(rec, &day.jobs[i]);
		fsd_emit(rec);
	}
	json_decref(l.jobs);
	json_decref(l.job_lines);
	free(l.tech_skills);
	free(l.homes);
	free(l.where);
	free(job_of);
	route_run_free(&run);
	match_day_free(&day);
	return fsd_finish();
}
