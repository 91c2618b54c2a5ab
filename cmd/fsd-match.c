/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-match: the dispatch engine. Every job comes out once: with the
 * tech it goes to and why, or with an exception that says which rule
 * failed and who came nearest. The decisions are common/match/'s; this
 * file turns records into its structs and back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "match/match.h"
#include "match/match_records.h"

static const char *techs_path, *rules_path;
static struct fsd_time now;
static long candidates;
static int naive, has_now;

/* Static, so that a rules file that stops the run leaves nothing leaked. */
static struct match_day day;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians, one record a line", NULL, &techs_path },
	{ 'r', "rules", "FILE", "weights and per-job-type playbooks (JSON)", NULL, &rules_path },
	{ 0, "now", "TIME", "plan as if it were TIME (RFC 3339): nothing starts earlier",
	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
	FSD_TRAVEL_OPTIONS(day.travel),
	{ 0, "candidates", "N", "weigh only the N nearest techs that could take a job; 0: all",
	  .type = FSD_OPT_WHOLE, .whole = &candidates, .max = 1000000, .def = 12 },
	{ 0, "naive", NULL, "whoever qualified is free next: the baseline, no scoring", &naive, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-match", "--techs FILE [--rules FILE] [--now TIME] [--candidates N] [--naive] [FILE ...]",
	"assign jobs to technicians, with reasons; exceptions for the rest",
	options, FSD_TOOL_RECORDS
};

struct loaded {
	json_t *jobs;		/* the records, to write back enriched */
	long *tech_lines;
	size_t line_cap;
};

static int
read_tech(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct loaded *l = ctx;

	if (match_read_tech(&day, rec, pos) != 0)
		return 1;
	l->tech_lines = xgrow(l->tech_lines, &l->line_cap, day.ntechs, sizeof *l->tech_lines);
	l->tech_lines[day.ntechs - 1] = pos->line;
	return 0;
}

/* Two techs with one id would make every reference to it a guess. */
static void
check_duplicate_techs(const struct loaded *l)
{
	match_index_techs(&day);
	for (size_t i = 1; i < day.ntechs; i++) {
		size_t a = day.by_id[i - 1], b = day.by_id[i];

		if (strcmp(day.techs[a].id, day.techs[b].id) == 0)
			fsd_warn_at(&(struct fsd_pos){ techs_path, l->tech_lines[a > b ? a : b] },
			    "duplicate tech id \"%s\" (first on line %ld): the first is used",
			    day.techs[a].id, l->tech_lines[a < b ? a : b]);
	}
}

static int
read_job(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct loaded *l = ctx;
	struct match_job *j = match_add_job(&day);

	json_array_append(l->jobs, rec);
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
	write_playbook(rec, j);
	if (j->tech < 0) {
		json_object_del(rec, "tech");
		json_object_del(rec, "match");
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

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct loaded l = { json_array(), NULL, 0 };

	if (techs_path == NULL)
		fsd_usage_error("--techs FILE is required");
	day.naive = naive;
	day.candidates = (size_t)candidates;
	day.now = (double)now.seconds / 60;
	day.has_now = has_now;
	match_rules_defaults(&day.rules);
	if (rules_path != NULL)
		match_rules_load(&day.rules, rules_path);
	fsd_read_record_file(techs_path, read_tech, &l);
	/* Matching against nobody would turn every job into an exception
	 * for a reason that is not the jobs'. */
	if (day.ntechs == 0 && fsd_status != FSD_EXIT_OK) {
		json_decref(l.jobs);
		match_day_free(&day);
		fsd_die(FSD_EXIT_DATA, "%s: no usable technicians", fsd_display_name(techs_path));
	}
	check_duplicate_techs(&l);

	fsd_read_records(argc - first, argv + first, read_job, &l);
	match_run(&day);
	for (size_t i = 0; i < day.njobs; i++) {
		json_t *rec = json_array_get(l.jobs, i);

		write_job(rec, &day.jobs[i]);
		fsd_emit(rec);
	}
	json_decref(l.jobs);
	free(l.tech_lines);
	match_day_free(&day);
	return fsd_finish();
}
