/* Re-planning the rest of a day that has begun (--now): what is done
 * stays as it was, the job in progress ends when it is expected to (or,
 * when it has overrun, a while after now), the job a tech is driving to
 * is theirs next, and everything not started is planned again from where
 * and when each tech will be free. */
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

/* Breaks the plan being re-planned put before now (a job's "break")
 * have been taken: they leave the tech's list; one under way at now
 * keeps the tech until it ends. Returns when the tech is free of them. */
static double
taken_breaks(struct route_run *run, int t, struct route_vehicle *v, double free_at)
{
	struct route_tech *tech = &run->techs[t];

	for (size_t i = 0; i < run->njobs; i++) {
		struct route_job_record *jr = &run->jobs[i];
		double start, end;

		if (jr->tech != t || route_clock_read(&run->clock, jr->record, "break.start", &start,
		    NULL, NULL) != FSD_FIELD_OK || route_clock_read(&run->clock, jr->record,
		    "break.end", &end, NULL, NULL) != FSD_FIELD_OK || start > run->now)
			continue;
		for (int b = 0; b < tech->nbreaks; b++)
			if (start >= tech->breaks[b].start - ROUTE_FIT_EPS
			    && end <= tech->breaks[b].end + ROUTE_FIT_EPS) {
				memmove(&tech->breaks[b], &tech->breaks[b + 1],
				    (tech->nbreaks - b - 1) * sizeof *tech->breaks);
				tech->nbreaks--;
				break;
			}
		if (end > run->now)
			free_at = fmax(free_at, end);
	}
	v->breaks = tech->breaks;
	v->nbreaks = tech->nbreaks;
	return free_at;
}

/* Where each tech is free from, and when: home at the shift's start or
 * now; the last job done (at its end); the last known position (now);
 * then the job in progress and the one being driven to. */
void
route_replan_heads(struct route_run *run, struct route_instance *in)
{
	for (int t = 0; t < run->ntechs; t++) {
		struct route_vehicle *v = &in->vehicles[t];
		double free_at = fmax(v->shift_start, run->now), last_done = -HUGE_VAL;
		int at = v->start_loc;

		free_at = taken_breaks(run, t, v, free_at);

		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_DONE || isnan(jr->old_end)
			    || jr->old_end <= last_done)
				continue;
			last_done = jr->old_end;
			at = jr->fields.loc;
		}
		if (run->techs[t].position >= 0)
			at = run->techs[t].position;
		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_IN_PROGRESS)
				continue;
			at = jr->fields.loc;
			jr->fixed_arrive = jr->fixed_start = jr->started;
			/* Overrun (it should have ended by now): a while yet. */
			jr->fixed_end = jr->started + jr->fields.service;
			if (jr->fixed_end < run->now)
				jr->fixed_end = run->now + run->min_remaining;
			free_at = fmax(free_at, jr->fixed_end);
		}
		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			if (jr->tech != t || jr->status != ROUTE_EN_ROUTE)
				continue;
			jr->fixed_from = at;
			jr->fixed_arrive = free_at + route_minutes(in, at, jr->fields.loc);
			/* On the way since the plan said, where we do not know
			 * better: there when the plan said, or now. */
			if (run->techs[t].position < 0 && !isnan(jr->old_arrive)
			    && jr->fixed_arrive > free_at)
				jr->fixed_arrive = fmax(jr->old_arrive, free_at);
			jr->fixed_start = fmax(jr->fixed_arrive, jr->fields.ready);
			jr->fixed_end = jr->fixed_start + jr->fields.service;
			at = jr->fields.loc;
			free_at = jr->fixed_end;
		}
		v->start_loc = at;
		v->shift_start = free_at;
	}
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
