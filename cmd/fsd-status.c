/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-status: fold a day's status events into its jobs.
 *
 * The jobs (a plan) come on standard input, the events from the day's
 * log; every job goes out, in its order, with what its events told
 * (status/records.h), ready for fsd-route --now and, through --done,
 * fsd-invoice. An event that cannot happen to its job is refused at its
 * log line and changes nothing (status/fold.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "sort.h"
#include "status/fold.h"
#include "status/records.h"

static const char *events_path, *done_path, *exceptions_path;

static const struct fsd_option options[] = {
	{ 'e', "events", "FILE", "the day's event log (fsd-event's)", NULL, &events_path },
	{ 0, "done", "FILE", "also write the jobs completed to FILE, for fsd-invoice", NULL, &done_path },
	{ 0, "exceptions", "FILE", "write the events refused to FILE, each with its exception", NULL, &exceptions_path },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-status", "--events FILE [--done FILE] [--exceptions FILE] [FILE ...]",
	"fold a day's status events into its jobs: status, arrival, completion",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct status_job *jobs;
	size_t njobs, cap;
	struct status_job **by_id;	/* sorted by id; bad jobs left out */
	size_t nby_id;
	json_t *events;			/* kept: the days borrow their strings */
	FILE *exceptions;
	long refused;
};

static int
per_job(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;

	run->jobs = xgrow(run->jobs, &run->cap, run->njobs + 1, sizeof *run->jobs);
	return status_job_read(&run->jobs[run->njobs++], record, pos);
}

static int
by_id(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp((*(struct status_job *const *)a)->id, (*(struct status_job *const *)b)->id);
}

/* Index the jobs by id; a second job with an id is bad (which one would
 * the events be for?). */
static void
index_jobs(struct run *run)
{
	run->by_id = xcalloc(run->njobs + 1, sizeof *run->by_id);
	for (size_t i = 0; i < run->njobs; i++)
		if (!run->jobs[i].bad && !run->jobs[i].other)
			run->by_id[run->nby_id++] = &run->jobs[i];
	/* stable: of two jobs with one id, the first read stays first */
	fsd_sort(run->by_id, run->nby_id, sizeof *run->by_id, by_id, NULL);
	for (size_t i = 1; i < run->nby_id; i++) {
		struct status_job *first = run->by_id[i - 1], *again = run->by_id[i];

		if (strcmp(first->id, again->id) != 0)
			continue;
		fsd_field_fail(&again->pos, "\"id\" \"%s\" is on line %ld already", again->id,
		    first->pos.line);
		fsd_set_exception(again->record, "bad_record", "%s", fsd_field_error);
		again->bad = 1;
	}
	/* The events go to the first of them, so the index keeps only it. */
	size_t kept = 0;
	for (size_t i = 0; i < run->nby_id; i++)
		if (!run->by_id[i]->bad)
			run->by_id[kept++] = run->by_id[i];
	run->nby_id = kept;
}

static struct status_job *
find_job(const struct run *run, const char *id)
{
	size_t lo = 0, hi = run->nby_id;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(run->by_id[mid]->id, id);

		if (c == 0)
			return run->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* An event refused: said at its line, and kept with --exceptions. */
static int
refuse(struct run *run, json_t *event, const struct fsd_pos *pos, const char *code,
    const char *fmt, const char *id, const char *job, const char *why)
{
	run->refused++;
	fsd_warn_at(pos, fmt, id, job, why);
	if (run->exceptions != NULL) {
		json_t *copy = json_deep_copy(event);

		fsd_set_exception(copy, code, fmt, id, job, why);
		json_object_set_new(copy, "line", json_integer(pos->line));
		fsd_emit_to(run->exceptions, copy);
		json_decref(copy);
	}
	return 1;
}

static int
per_event(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;
	struct event ev;
	struct status_job *job;
	enum fold_refusal r;
	char why[512];

	if (event_read(record, &ev, NULL) != FSD_FIELD_OK)
		return refuse(run, record, pos, "bad_record", "%s%s%s", "", "", fsd_field_error);
	if (ev.id == NULL)
		ev.id = "(no id)";
	if ((job = find_job(run, ev.job)) == NULL)
		return refuse(run, record, pos, "unknown_job", "event \"%s\": no job \"%s\"%s",
		    ev.id, ev.job, " in the input");
	if (job->skip_until != NULL) {	/* folded in already, by an earlier run */
		if (strcmp(job->skip_until, ev.id) == 0)
			job->skip_until = NULL;
		return 0;
	}
	json_array_append(run->events, record);
	if ((r = job_day_apply(&job->day, &ev, why, sizeof why)) != FOLD_APPLIED)
		return refuse(run, record, pos, fold_refusal_code(r), "event \"%s\" for %s: %s",
		    ev.id, ev.job, why);
	return 0;
}

static FILE *
open_output(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	return f;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };
	struct fsd_replace done;
	FILE *done_file = NULL;

	if (events_path == NULL)
		fsd_usage_error("--events FILE is required");
	fsd_read_records(argc - first, argv + first, per_job, &run);
	index_jobs(&run);
	run.events = json_array();
	if (exceptions_path != NULL)
		run.exceptions = open_output(exceptions_path);
	fsd_read_record_file(events_path, per_event, &run);
	if (done_path != NULL)
		done_file = fsd_replace_begin(&done, done_path);
	for (size_t i = 0; i < run.njobs; i++) {
		struct status_job *job = &run.jobs[i];

		status_job_write(job);
		fsd_emit(job->record);
		if (done_file != NULL && job->day.state == JOB_DONE && !job->bad && !job->other)
			fsd_emit_to(done_file, job->record);
		status_job_free(job);
	}
	if (done_file != NULL)
		fsd_replace_commit(&done);
	if (run.exceptions != NULL)
		fsd_close_checked(run.exceptions, exceptions_path);
	if (run.refused > 0)
		fsd_note("%ld event%s refused", run.refused, run.refused == 1 ? "" : "s");
	json_decref(run.events);
	free(run.by_id);
	free(run.jobs);
	return fsd_finish();
}
