/* Re-planning as the records say it (replan.c decides where each day
 * resumes): --now on the run's clock, each job's "status" and the times
 * it needs, the break the plan being re-planned put before it, and
 * "eta_changed" on a job whose start moved. */
#include <math.h>
#include <string.h>

#include "fsd.h"
#include "records.h"

static const char *const status_names[] = { "open", "assigned", "done", "cancelled",
	"in_progress", "en_route", NULL };
static const enum route_status status_values[] = { ROUTE_OPEN, ROUTE_OPEN, ROUTE_DONE,
	ROUTE_DONE, ROUTE_IN_PROGRESS, ROUTE_EN_ROUTE };

/* TIME on the run's clock, or a usage error naming the option. */
static double
read_option_time(struct route_run *run, const char *text)
{
	json_t *holder = json_pack("{s:s}", "now", text);
	double minutes;
	int r = route_clock_read(&run->clock, holder, "now", &minutes, NULL, NULL);

	json_decref(holder);
	if (r != FSD_FIELD_OK || run->clock.form != ROUTE_TIME_RFC3339)
		fsd_usage_error("option '--now': \"%s\" is not an RFC 3339 time like the shifts'",
		    text);
	return minutes;
}

void
route_run_set_now(struct route_run *run, const char *text)
{
	run->now = read_option_time(run, text);
}

void
route_run_set_not_before(struct route_run *run, const char *text)
{
	run->not_before = read_option_time(run, text);
	run->has_not_before = 1;
}

int
route_replan_read(struct route_run *run, struct route_job_record *jr,
    const struct fsd_pos *pos)
{
	const char *status = NULL;
	int i, r;

	jr->status = ROUTE_OPEN;
	if ((r = fsd_field_string(jr->record, "status", &status, pos)) == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT) {
		if (!isnan(jr->old_end) && jr->old_end <= run->now) {
			jr->ended_unsaid = 1;
			run->ended_unsaid++;
		}
		return 0;
	}
	for (i = 0; status_names[i] != NULL; i++)
		if (strcmp(status, status_names[i]) == 0)
			break;
	if (status_names[i] == NULL)
		return fsd_field_fail(pos, "\"status\" \"%s\" is none of open, assigned, en_route, "
		    "in_progress, done, cancelled", status), -1;
	jr->status = status_values[i];
	if (jr->status != ROUTE_IN_PROGRESS)
		return 0;
	r = route_clock_read(&run->clock, jr->record, "started", &jr->started, NULL, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"status\" \"in_progress\" needs \"started\""), -1;
	if (jr->started > run->now)
		return fsd_field_fail(pos, "\"started\" is after --now"), -1;
	return 0;
}

void
route_replan_read_breaks(struct route_run *run)
{
	for (size_t i = 0; i < run->njobs; i++) {
		struct route_job_record *jr = &run->jobs[i];

		if (route_clock_read(&run->clock, jr->record, "break.start", &jr->old_break_start,
		    NULL, NULL) != FSD_FIELD_OK || route_clock_read(&run->clock, jr->record,
		    "break.end", &jr->old_break_end, NULL, NULL) != FSD_FIELD_OK)
			jr->old_break_start = jr->old_break_end = NAN;
	}
}

int
route_pass_record(struct route_run *run, json_t *record, const struct fsd_pos *pos)
{
	struct route_late_eta late = { NULL, NULL, NAN, NAN };
	const char *kind = NULL, *code = NULL;
	int r;

	if (run->passed == NULL)
		run->passed = json_array();
	json_array_append(run->passed, record);
	if (!run->has_now || fsd_field_string(record, "kind", &kind, NULL) != FSD_FIELD_OK
	    || strcmp(kind, "alert") != 0
	    || fsd_field_string(record, "code", &code, NULL) != FSD_FIELD_OK
	    || strcmp(code, "running_late") != 0)
		return 0;
	if (fsd_field_string(record, "job", &late.job, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "tech", &late.tech, pos) != FSD_FIELD_OK
	    || route_clock_read(&run->clock, record, "eta", &late.eta, NULL, pos) != FSD_FIELD_OK)
		return fsd_field_fail(pos, "a running_late alert needs \"job\", \"tech\" and "
		    "\"eta\" for --now to heed it"), -1;
	if ((r = route_clock_read(&run->clock, record, "at", &late.at, NULL, pos)) == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		late.at = -ROUTE_UNBOUNDED;
	run->late_etas = xgrow(run->late_etas, &run->late_etas_cap, run->nlate_etas + 1,
	    sizeof *run->late_etas);
	run->late_etas[run->nlate_etas++] = late;
	return 0;
}

/* The latest alert about a job counts (fsd-track raises running_late
 * again as the tech slips further), and only while the job is still on
 * the tech it was about: a job already moved to another tech is not
 * held back by the first one's delay. */
void
route_replan_read_late(struct route_run *run)
{
	double *seen = xmalloc((run->njobs + 1) * sizeof *seen);

	for (size_t i = 0; i < run->njobs; i++)
		seen[i] = -HUGE_VAL;
	for (size_t k = 0; k < run->nlate_etas; k++) {
		const struct route_late_eta *late = &run->late_etas[k];

		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];

			if (jr->id == NULL || strcmp(jr->id, late->job) != 0 || jr->tech < 0
			    || strcmp(run->techs[jr->tech].id, late->tech) != 0
			    || late->at < seen[i])
				continue;
			seen[i] = late->at;
			jr->late_eta = late->eta;
		}
	}
	free(seen);
}

void
route_replan_mark_eta(const struct route_run *run, struct route_job_record *jr, double start)
{
	json_t *change;

	json_object_del(jr->record, "eta_changed");	/* an earlier re-plan's */
	if (isnan(jr->old_start) || fabs(start - jr->old_start) <= run->eta_threshold)
		return;
	change = json_object();
	json_object_set_new(change, "old", route_clock_value(&run->clock, jr->old_start, jr->offset));
	json_object_set_new(change, "new", route_clock_value(&run->clock, start, jr->offset));
	json_object_set_new(change, "minutes", json_real(round((start - jr->old_start) * 100) / 100));
	json_object_set_new(jr->record, "eta_changed", change);
}
