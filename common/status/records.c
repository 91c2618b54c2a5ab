#include <string.h>

#include "field.h"
#include "status/records.h"

int
status_job_read(struct status_job *job, json_t *record, const struct fsd_pos *pos)
{
	const char *status = NULL;
	int state;

	memset(job, 0, sizeof *job);
	job->record = json_incref(record);
	job->pos = *pos;
	if (fsd_field(record, "kind") != NULL) {
		job->other = 1;
		return 0;
	}
	if (fsd_field_string(record, "id", &job->id, pos) != FSD_FIELD_OK) {
		if (job->id == NULL && fsd_field(record, "id") == NULL)
			fsd_field_fail(pos, "\"id\" is missing");
		goto bad;
	}
	if (fsd_field_string(record, "status", &status, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "tech", &job->day.tech, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "status_event", &job->skip_until, pos) == FSD_FIELD_BAD)
		goto bad;
	if ((state = job_state_from_status(status)) < 0) {
		fsd_field_fail(pos, "\"status\" \"%s\" is none of open, assigned, en_route, "
		    "in_progress, done, cancelled", status);
		goto bad;
	}
	job->day.state = (enum job_state)state;
	return 0;
bad:
	job->bad = 1;
	job->id = NULL;
	fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	return 1;
}

static void
set_time(json_t *record, const char *key, const struct job_moment *m)
{
	char text[FSD_TIME_LEN];

	if (m->has)
		json_object_set_new(record, key, json_string(fsd_time_format(m->at.seconds,
		    m->at.offset_minutes, text)));
}

/* fsd-invoice bills the span on the tools when there is no labor: the
 * visit from arrival to completion, or, when it was paused, the minutes
 * on site less the pauses. What was captured on site wins. */
static void
set_work(json_t *record, const struct job_day *day)
{
	json_t *work;

	if (!day->arrived.has || !day->completed.has || fsd_field(record, "work") != NULL
	    || fsd_field(record, "labor") != NULL)
		return;
	if (day->paused_seconds > 0) {
		json_object_set_new(record, "labor", json_pack("[{s:s?, s:I}]", "tech", day->tech,
		    "minutes", (json_int_t)job_day_work_minutes(day)));
		return;
	}
	work = json_object();
	set_time(work, "start", &day->arrived);
	set_time(work, "end", &day->completed);
	json_object_set_new(record, "work", work);
}

void
status_job_write(struct status_job *job)
{
	const struct job_day *d = &job->day;
	json_t *r = job->record;
	struct fsd_time sla;

	if (!d->changed)
		return;
	json_object_set_new(r, "status", json_string(d->state == JOB_WAITING && d->tech == NULL
	    ? "open" : job_state_status(d->state)));
	set_time(r, "booked", &d->booked);
	set_time(r, "confirmed", &d->confirmed);
	set_time(r, "scheduled", &d->scheduled);
	set_time(r, "departed", &d->departed);
	set_time(r, "arrived", &d->arrived);
	/* fsd-route --now reads an in-progress job's start of work here */
	set_time(r, "started", &d->arrived);
	set_time(r, "completed", &d->completed);
	/* and fsd-invoice dates the invoice by this */
	set_time(r, "completed_at", &d->completed);
	set_work(r, d);
	if (d->paused_seconds > 0)
		json_object_set_new(r, "paused_min",
		    json_integer((json_int_t)((d->paused_seconds + 59) / 60)));
	if (d->state == JOB_PAUSED)
		set_time(r, "paused_since", &d->paused_since);
	set_time(r, "cannot_complete", &d->cannot_complete);
	set_time(r, "cancelled", &d->cancelled);
	if (d->reason != NULL)
		json_object_set_new(r, "status_reason", json_string(d->reason));
	if (d->arrived.has && fsd_field_time(r, "sla_due", &sla, NULL) == FSD_FIELD_OK)
		json_object_set_new(r, "sla_met", json_boolean(d->arrived.at.seconds <= sla.seconds));
	if (d->has_position) {
		char text[FSD_TIME_LEN];

		json_object_set_new(r, "last_position", json_pack("{s:f, s:f, s:s}", "lat", d->lat,
		    "lon", d->lon, "at", fsd_time_format(d->position_at.seconds,
		    d->position_at.offset_minutes, text)));
	}
	set_time(r, "status_at", &d->last);
	/* Last: d->tech may be the record's own string, which this frees. */
	if (d->tech != NULL && json_object_get(r, "tech") == NULL)
		json_object_set_new(r, "tech", json_string(d->tech));
	else if (d->tech != NULL && strcmp(json_string_value(json_object_get(r, "tech")), d->tech) != 0)
		json_object_set_new(r, "tech", json_string(d->tech));
	if (d->last_event != NULL)
		json_object_set_new(r, "status_event", json_string(d->last_event));
}

void
status_job_free(struct status_job *job)
{
	json_decref(job->record);
	job->record = NULL;
}
