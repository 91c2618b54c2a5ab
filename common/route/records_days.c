/* Several days. A tech with "shifts" is one vehicle a day (records.c);
 * a job whose due_range spans days -- a maintenance visit from
 * fsd-recur, due "between Monday and Friday" -- may start on any day of
 * it, within its window's hours when it has one, so it becomes a job of
 * several windows, one a day, and the search puts it on the day it
 * costs least. A job with a fixed window and no range keeps its day;
 * no job spans two days, because each day is its own vehicle. */
#include <math.h>
#include <stdlib.h>

#include "fsd.h"
#include "records.h"

#define MAX_DAYS 366

/* Minute 0 of a local date (days since 1970-01-01) on the run's clock. */
static double
midnight(const struct route_clock *c, int64_t day, int offset)
{
	return (day * 86400.0 - offset * 60.0 - (double)c->base_seconds) / 60.0;
}

static int
read_date(const json_t *rec, const char *path, int64_t *day, const struct fsd_pos *pos)
{
	const char *text;
	int r = fsd_field_string(rec, path, &text, pos);

	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" is required (YYYY-MM-DD)", path);
	if (r == FSD_FIELD_OK && fsd_date_parse(text, day) != 0)
		return fsd_field_fail(pos, "\"%s\" must be a date YYYY-MM-DD, not \"%s\"", path, text);
	return r;
}

int
route_job_read_days(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    int has_window, const struct fsd_pos *pos)
{
	json_t *range = fsd_field(jr->record, "due_range");
	int64_t first, last, day0;
	double open = 0, close = 24 * 60;
	int offset = jr->offset, n = 0;

	if (range == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_object(range))
		return fsd_field_fail(pos, "\"due_range\" must be an object {start, end} of dates");
	if (read_date(jr->record, "due_range.start", &first, pos) != FSD_FIELD_OK
	    || read_date(jr->record, "due_range.end", &last, pos) != FSD_FIELD_OK)
		return FSD_FIELD_BAD;
	if (last < first)
		return fsd_field_fail(pos, "\"due_range\" ends before it starts");
	if (last - first >= MAX_DAYS)
		return fsd_field_fail(pos, "\"due_range\" spans more than %d days", MAX_DAYS);
	if (last == first && has_window)
		return FSD_FIELD_OK;	/* one day: the window says it all */
	if (jr->windows != NULL)
		return fsd_field_fail(pos, "give \"due_range\" or \"windows\", not both");
	if (run->clock.form != ROUTE_TIME_RFC3339 || !run->clock.have_base)
		return fsd_field_fail(pos, "\"due_range\" needs shifts in RFC 3339 times");
	if (has_window) {
		/* The window's hours, on each day of the range. */
		day0 = (int64_t)floor((job->ready + offset + run->clock.base_seconds / 60.0) / 1440);
		open = job->ready - midnight(&run->clock, day0, offset);
		close = job->due - midnight(&run->clock, day0, offset);
	}
	jr->windows = xcalloc(last - first + 2, sizeof *jr->windows);
	for (int64_t d = first; d <= last; d++) {
		double start = midnight(&run->clock, d, offset) + open;
		double end = midnight(&run->clock, d, offset) + close;
		if (n > 0 && start <= jr->windows[n - 1].end)
			jr->windows[n - 1].end = end;	/* whole days: one window */
		else
			jr->windows[n++] = (struct route_interval){ start, end };
	}
	jr->nwindows = n;
	job->windows = jr->windows;
	job->nwindows = n;
	job->ready = jr->window_start = jr->windows[0].start;
	job->due = jr->window_end = jr->windows[n - 1].end;
	return FSD_FIELD_OK;
}
