/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Records into the watch's structs, alerts out: the only JSON of the
 * watch. Readers are tolerant: a field that is missing means the fact is
 * not known yet, so the timer that needs it does not run. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "err.h"
#include "field.h"
#include "jsonbuf.h"
#include "record.h"
#include "watch.h"
#include "records.h"

static int64_t
when(const json_t *rec, const char *path, const struct fsd_pos *pos, int *bad, int *offset)
{
	struct fsd_time t;
	int r = fsd_field_time(rec, path, &t, pos);

	if (r == FSD_FIELD_BAD)
		*bad = 1;
	if (r != FSD_FIELD_OK)
		return 0;
	if (offset != NULL)
		*offset = t.offset_minutes;
	return t.seconds;
}

int
watch_job_read(struct watch_job *job, const json_t *rec, const struct fsd_pos *pos)
{
	int bad = 0, lone = 0;
	long long n;
	json_t *closed;

	memset(job, 0, sizeof *job);
	if (fsd_field_string(rec, "id", &job->id, pos) != FSD_FIELD_OK) {
		if (fsd_field(rec, "id") == NULL)
			fsd_field_fail(pos, "\"id\" is missing");
		return -1;
	}
	if (fsd_field_string(rec, "type", &job->type, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "tech", &job->tech, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "site.address", &job->address, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "status", &job->status, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "lone_worker", &lone, pos) == FSD_FIELD_BAD)
		return -1;
	if (fsd_field_int(rec, "priority", &n, pos) == FSD_FIELD_OK)
		job->priority = (long)n;
	if (fsd_field_int(rec, "duration", &n, pos) == FSD_FIELD_OK)
		job->duration_min = (int)n;
	job->lone_worker = lone;
	job->offset_min = 0;
	job->created = when(rec, "created", pos, &bad, &job->offset_min);
	job->sla_due = when(rec, "sla_due", pos, &bad, &job->offset_min);
	job->promised_end = when(rec, "eta_window.end", pos, &bad, &job->offset_min);
	if (job->promised_end == 0)
		job->promised_end = when(rec, "window.end", pos, &bad, &job->offset_min);
	job->arrived = when(rec, "arrived", pos, &bad, &job->offset_min);
	job->completed = when(rec, "completed", pos, &bad, &job->offset_min);
	closed = fsd_field(rec, "closed");
	job->closed = closed != NULL;
	if (fsd_field_string(rec, "exception.code", &job->proof_missing, NULL) == FSD_FIELD_OK
	    && strcmp(job->proof_missing, "proof_missing") == 0)
		fsd_field_string(rec, "exception.message", &job->proof_missing, NULL);
	else
		job->proof_missing = NULL;
	return bad ? -1 : 0;
}

int
watch_invoice_read(struct watch_invoice *inv, const json_t *rec, const struct fsd_pos *pos)
{
	const char *due;
	long long total;

	memset(inv, 0, sizeof *inv);
	if (fsd_field_string(rec, "invoice.number", &inv->number, pos) != FSD_FIELD_OK
	    || fsd_field_int(rec, "invoice.total", &total, pos) == FSD_FIELD_BAD)
		return -1;
	inv->total = total;
	fsd_field_string(rec, "invoice.currency", &inv->currency, NULL);
	fsd_field_string(rec, "id", &inv->job, NULL);
	fsd_field_string(rec, "customer.name", &inv->customer, NULL);
	if (fsd_field_string(rec, "invoice.due", &due, pos) == FSD_FIELD_OK) {
		if (fsd_date_parse(due, &inv->due_day) != 0)
			return fsd_field_fail(pos, "\"invoice.due\" must be a date, not \"%s\"", due), -1;
		inv->has_due = 1;
	}
	return 0;
}

void
watch_alert_record(const struct watch_alert *a, struct fsd_buf *b)
{
	char at[FSD_TIME_LEN];
	int first = 1;

	fsd_buf_char(b, '{');
	fsd_buf_key(b, "kind", &first);
	fsd_buf_string(b, "alert");
	fsd_buf_key(b, "id", &first);
	fsd_buf_string(b, a->id);
	fsd_buf_key(b, "code", &first);
	fsd_buf_string(b, a->code);
	if (a->job != NULL) {
		fsd_buf_key(b, "job", &first);
		fsd_buf_string(b, a->job);
	}
	if (a->tech != NULL) {
		fsd_buf_key(b, "tech", &first);
		fsd_buf_string(b, a->tech);
	}
	fsd_buf_key(b, "at", &first);
	fsd_buf_string(b, fsd_time_format(a->at, a->offset_min, at));
	fsd_buf_key(b, "to", &first);
	fsd_buf_string(b, a->to);
	fsd_buf_key(b, "minutes", &first);
	fsd_buf_int(b, a->minutes);
	fsd_buf_key(b, "message", &first);
	fsd_buf_string(b, a->message);
	fsd_buf_puts(b, "}\n");
}

static int
state_line(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	const char *id;

	if (fsd_field_string(rec, "id", &id, pos) != FSD_FIELD_OK)
		return fsd_field(rec, "id") == NULL ? (fsd_warn_at(pos, "\"id\" is missing"), 1) : 1;
	watch_state_add(ctx, id);
	return 0;
}

void
watch_state_load(struct watch_state *s, const char *path)
{
	if (access(path, F_OK) != 0)
		return;		/* the first run: nothing raised yet */
	if (fsd_read_record_file(path, state_line, s) > 0)
		fsd_die(FSD_EXIT_DATA, "%s: state file has errors; nothing raised",
		    fsd_display_name(path));
}
