/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-watch: the clock. Run from cron with --now; reads the current job
 * records (fsd-status output), invoices and payments, check-ins and the
 * day's status events, and raises every alert that is due and was not
 * raised before (--state). The timers are in common/watch/timers.c. */
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "watch/watch.h"
#include "watch/records.h"

static const char *now_text, *rules_path, *state_path;
static struct fsd_time now_given;

static const struct fsd_option options[] = {
	{ 0, "now", "TIME", "the time it is (RFC 3339); required", NULL, &now_text,
	  .type = FSD_OPT_TIME, .time = &now_given },
	{ 'r', "rules", "FILE", "SLA rows and timer thresholds (JSON object)", NULL, &rules_path },
	{ 's', "state", "FILE", "alerts raised before; new ones are appended, none is raised twice", NULL, &state_path },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-watch", "--now TIME [--rules FILE] [--state FILE] [FILE ...]",
	"raise the alerts that are due: SLA, late start, overrun, unclosed, unpaid, lone workers",
	options, FSD_TOOL_RECORDS
};

struct checkin {
	const char *tech;
	int64_t at;
};

struct run {
	struct watch_rules rules;
	struct fsd_time now;
	json_t *jobs, *invoices, *payments;	/* records kept until the end */
	json_t *checkin_records;	/* their tech strings are borrowed */
	struct fsd_pos *job_pos, *invoice_pos;
	size_t job_cap, invoice_cap;
	struct checkin *checkins;
	size_t ncheckins, checkin_cap;
	struct watch_alert *alerts;
	size_t nalerts, alert_cap;
};

static int
bad_record(json_t *rec)
{
	fsd_status = FSD_EXIT_DATA;
	fsd_set_exception(rec, "bad_record", "%s", fsd_field_error);
	fsd_emit(rec);
	return 1;
}

/* A sign of life from a tech: a check-in, or any status event they sent. */
static int
note_checkin(struct run *run, json_t *rec, const struct fsd_pos *pos)
{
	const char *tech;
	struct fsd_time at;

	if (fsd_field_string(rec, "tech", &tech, pos) == FSD_FIELD_BAD
	    || fsd_field_time(rec, "at", &at, pos) == FSD_FIELD_BAD)
		return bad_record(rec);
	if (fsd_field(rec, "tech") == NULL || fsd_field(rec, "at") == NULL
	    || at.seconds > run->now.seconds)
		return 0;
	for (size_t i = 0; i < run->ncheckins; i++)
		if (strcmp(run->checkins[i].tech, tech) == 0) {
			if (at.seconds > run->checkins[i].at)
				run->checkins[i].at = at.seconds;
			return 0;
		}
	run->checkins = xgrow(run->checkins, &run->checkin_cap, run->ncheckins + 1,
	    sizeof *run->checkins);
	json_array_append(run->checkin_records, rec);
	run->checkins[run->ncheckins++] = (struct checkin){ tech, at.seconds };
	return 0;
}

static void
keep(json_t *array, struct fsd_pos **where, size_t *cap, json_t *rec, const struct fsd_pos *pos)
{
	size_t n = json_array_size(array);

	*where = xgrow(*where, cap, n + 1, sizeof **where);
	(*where)[n] = *pos;	/* the file name is argv's, or "-" */
	json_array_append(array, rec);
}

static int
per_record(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;
	const char *kind = NULL;

	if (fsd_field_string(rec, "kind", &kind, pos) == FSD_FIELD_BAD)
		return bad_record(rec);
	if (kind == NULL && fsd_field(rec, "invoice") != NULL)
		keep(run->invoices, &run->invoice_pos, &run->invoice_cap, rec, pos);
	else if (kind == NULL)
		keep(run->jobs, &run->job_pos, &run->job_cap, rec, pos);
	else if (strcmp(kind, "payment") == 0)
		json_array_append(run->payments, rec);
	else if (strcmp(kind, "check_in") == 0 || strcmp(kind, "status") == 0)
		return note_checkin(run, rec, pos);
	/* alerts and other records: not the watch's to time */
	return 0;
}

static void
collect(struct watch_alert *a, void *ctx)
{
	struct run *run = ctx;
	struct watch_alert *copy;

	run->alerts = xgrow(run->alerts, &run->alert_cap, run->nalerts + 1, sizeof *run->alerts);
	copy = &run->alerts[run->nalerts++];
	*copy = *a;
	copy->id = xstrdup(a->id);
	copy->message = xstrdup(a->message);
	copy->code = a->code;
	copy->job = a->job != NULL ? xstrdup(a->job) : NULL;
	copy->tech = a->tech != NULL ? xstrdup(a->tech) : NULL;
	copy->to = xstrdup(a->to);
}

static void
time_jobs(struct run *run)
{
	size_t i;
	json_t *rec;

	json_array_foreach(run->jobs, i, rec) {
		struct watch_job job;

		if (watch_job_read(&job, rec, &run->job_pos[i]) != 0) {
			bad_record(rec);
			continue;
		}
		for (size_t c = 0; job.tech != NULL && c < run->ncheckins; c++)
			if (strcmp(run->checkins[c].tech, job.tech) == 0)
				job.last_checkin = run->checkins[c].at;
		watch_job_timers(&run->rules, &job, run->now.seconds, collect, run);
	}
}

/* Payments of one invoice, in time order: paid sums the successful ones;
 * failures count from the last success. */
static void
payments_of(struct run *run, struct watch_invoice *inv)
{
	size_t i;
	json_t *p;
	int64_t last_ok = 0;

	json_array_foreach(run->payments, i, p) {
		const char *number, *status;
		long long amount = 0;
		struct fsd_time at = { 0, 0 };

		if (fsd_field_string(p, "invoice", &number, NULL) != FSD_FIELD_OK
		    || strcmp(number, inv->number) != 0
		    || fsd_field_string(p, "status", &status, NULL) != FSD_FIELD_OK)
			continue;
		fsd_field_time(p, "at", &at, NULL);
		if (at.seconds > run->now.seconds)
			continue;
		if (strcmp(status, "succeeded") == 0 || strcmp(status, "paid") == 0) {
			fsd_field_int(p, "amount", &amount, NULL);
			inv->paid += amount;
			if (at.seconds >= last_ok)
				last_ok = at.seconds;
		}
	}
	json_array_foreach(run->payments, i, p) {
		const char *number, *status;
		struct fsd_time at = { 0, 0 };

		if (fsd_field_string(p, "invoice", &number, NULL) != FSD_FIELD_OK
		    || strcmp(number, inv->number) != 0
		    || fsd_field_string(p, "status", &status, NULL) != FSD_FIELD_OK
		    || strcmp(status, "failed") != 0)
			continue;
		fsd_field_time(p, "at", &at, NULL);
		if (at.seconds > run->now.seconds || at.seconds < last_ok)
			continue;
		inv->failed_in_a_row++;
		if (at.seconds > inv->failed_at)
			inv->failed_at = at.seconds;
	}
}

static void
time_invoices(struct run *run)
{
	int64_t local = run->now.seconds + (int64_t)run->now.offset_minutes * 60;
	int64_t today = local / 86400 - (local % 86400 < 0);
	size_t i;
	json_t *rec;

	json_array_foreach(run->invoices, i, rec) {
		struct watch_invoice inv;

		if (watch_invoice_read(&inv, rec, &run->invoice_pos[i]) != 0) {
			bad_record(rec);
			continue;
		}
		inv.offset_min = run->now.offset_minutes;
		payments_of(run, &inv);
		watch_invoice_timers(&run->rules, &inv, run->now.seconds, today, collect, run);
	}
}

static int
by_time(const void *a, const void *b)
{
	const struct watch_alert *x = a, *y = b;

	if (x->at != y->at)
		return (x->at > y->at) - (x->at < y->at);
	return strcmp(x->id, y->id);
}

/* Due alerts in the order they fell due; those raised before are left
 * out, the new ones go out and then into the state, durably. */
static void
raise_new(struct run *run)
{
	struct watch_state state = { 0 };
	struct fsd_buf out = { 0 }, added = { 0 };

	if (state_path != NULL)
		watch_state_load(&state, state_path);
	if (run->nalerts > 0)
		qsort(run->alerts, run->nalerts, sizeof *run->alerts, by_time);
	for (size_t i = 0; i < run->nalerts; i++) {
		struct watch_alert *a = &run->alerts[i];
		int first = 1;
		char when[FSD_TIME_LEN];

		if (watch_state_has(&state, a->id))
			continue;
		watch_alert_record(a, &out);
		fsd_buf_char(&added, '{');
		fsd_buf_key(&added, "id", &first);
		fsd_buf_string(&added, a->id);
		fsd_buf_key(&added, "raised", &first);
		fsd_buf_string(&added, fsd_time_format(run->now.seconds, run->now.offset_minutes, when));
		fsd_buf_puts(&added, "}\n");
	}
	if (out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	/* Out first, then remembered: a run that dies between the two raises
	 * again next time rather than never. */
	if (fflush(stdout) != 0 || ferror(stdout))
		fsd_die(FSD_EXIT_DATA, "write error; %s not updated", fsd_display_name(state_path));
	if (state_path != NULL && added.len > 0)
		fsd_append_durable(state_path, added.data, added.len);
	fsd_buf_free(&out);
	fsd_buf_free(&added);
	watch_state_free(&state);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };
	int lock = -1;

	if (now_text == NULL)
		fsd_usage_error("--now TIME is required");
	run.now = now_given;
	watch_rules_default(&run.rules);
	if (rules_path != NULL)
		watch_rules_load(&run.rules, rules_path);
	if (state_path != NULL) {
		lock = fsd_lock(state_path);	/* two crons at once raise once */
		fsd_append_repair(state_path);	/* a run cut short by a crash */
	}
	run.jobs = json_array();
	run.invoices = json_array();
	run.payments = json_array();
	run.checkin_records = json_array();

	fsd_read_records(argc - first, argv + first, per_record, &run);
	time_jobs(&run);
	time_invoices(&run);
	raise_new(&run);
	fsd_unlock(lock);

	for (size_t i = 0; i < run.nalerts; i++) {
		free(run.alerts[i].id);
		free(run.alerts[i].message);
		free((char *)run.alerts[i].job);
		free((char *)run.alerts[i].tech);
		free((char *)run.alerts[i].to);
	}
	free(run.alerts);
	free(run.checkins);
	free(run.job_pos);
	free(run.invoice_pos);
	json_decref(run.checkin_records);
	json_decref(run.jobs);
	json_decref(run.invoices);
	json_decref(run.payments);
	watch_rules_free(&run.rules);
	return fsd_finish();
}
