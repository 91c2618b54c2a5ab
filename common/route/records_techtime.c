/* A tech's time that is not the customers': time off (the dentist at
 * 14:00) and breaks (half an hour for lunch between 11:30 and 13:30),
 * the day's limits from the tech record or the --rules file, and the
 * several windows a job may offer. Read here, held by timeline.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "records.h"

/* The rules file's keys, and the tech record's fields of the same name.
 * Overtime costs as much as a minute of driving unless told: the two
 * are the objective's units (see fsd-route(1), RULES). */
static const struct fsd_key limit_keys[] = {
	{ "max_stops", FSD_KEY_LLONG, 1, FSD_KEY_NO_MAX,
	  offsetof(struct route_limits, max_stops), 1, 0 },
	{ "max_drive_min", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX,
	  offsetof(struct route_limits, max_drive_minutes), 1, ROUTE_UNBOUNDED },
	{ "max_km", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX,
	  offsetof(struct route_limits, max_km), 1, ROUTE_UNBOUNDED },
	{ "overtime_max_min", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX,
	  offsetof(struct route_limits, overtime_max_min), 1, 0 },
	{ "overtime_cost_per_min", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX,
	  offsetof(struct route_limits, overtime_cost_per_min), 1, 1.0 },
	{ NULL }
};

void
route_rules_load(struct route_limits *l, const char *path)
{
	struct fsd_sidefile f;

	fsd_keys_defaults(limit_keys, l);
	if (path == NULL)
		return;
	fsd_side_open(&f, path, "rules file");
	fsd_side_read(&f, f.doc, "", limit_keys, l);
	if (fsd_side_close(&f) > 0)
		fsd_side_die(&f);
}

/* Element i of the array at key, under a name that says which
 * ("breaks[1]"), so a message points at it. */
static json_t *
element_holder(const json_t *array, const char *key, size_t i, char *name, size_t size)
{
	json_t *holder = json_object();

	snprintf(name, size, "%s[%zu]", key, i);
	json_object_set(holder, name, json_array_get(array, i));
	return holder;
}

/* An array at key: FSD_FIELD_OK with *out, _ABSENT, or _BAD. */
static int
read_array(const json_t *rec, const char *key, json_t **out, const struct fsd_pos *pos)
{
	*out = fsd_field(rec, key);
	if (*out == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_array(*out))
		return fsd_field_fail(pos, "\"%s\" must be an array of {start, end}", key);
	return FSD_FIELD_OK;
}

/* Intervals at key, each {start, end}, sorted by start; overlapping ones
 * are an error (two windows or two absences that overlap say one thing
 * twice, or something wrong). */
static int
read_intervals(struct route_run *run, const json_t *rec, const char *key,
    struct route_interval **out, int *n, int *offset, const struct fsd_pos *pos)
{
	json_t *array;
	int r = read_array(rec, key, &array, pos);
	size_t count;

	*out = NULL;
	*n = 0;
	if (r != FSD_FIELD_OK)
		return r;
	count = json_array_size(array);
	*out = xcalloc(count + 1, sizeof **out);
	for (size_t i = 0; i < count; i++) {
		char name[64];
		json_t *holder = element_holder(array, key, i, name, sizeof name);
		struct route_interval *iv = &(*out)[*n];
		int k;

		r = route_read_interval(run, holder, name, &iv->start, &iv->end, offset, pos);
		json_decref(holder);
		if (r == FSD_FIELD_ABSENT)
			r = fsd_field_fail(pos, "\"%s\" must be an object {start, end}", name);
		if (r == FSD_FIELD_BAD)
			goto bad;
		for (k = *n; k > 0 && (*out)[k - 1].start > iv->start; k--)
			;
		struct route_interval keep = *iv;
		memmove(&(*out)[k + 1], &(*out)[k], (*n - k) * sizeof **out);
		(*out)[k] = keep;
		(*n)++;
	}
	for (int i = 1; i < *n; i++)
		if ((*out)[i].start < (*out)[i - 1].end) {
			r = fsd_field_fail(pos, "\"%s\" overlap: one starts before another ends", key);
			goto bad;
		}
	return FSD_FIELD_OK;
bad:
	free(*out);
	*out = NULL;
	*n = 0;
	return FSD_FIELD_BAD;
}

static int
by_break_start(const void *a, const void *b)
{
	const struct route_break *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* breaks: [{duration, start, end}], each fitting its window and the shift. */
static int
read_breaks(struct route_run *run, struct route_tech *t, const struct fsd_pos *pos)
{
	json_t *array;
	int r = read_array(t->record, "breaks", &array, pos);
	size_t count;

	if (r != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : FSD_FIELD_OK;
	count = json_array_size(array);
	t->breaks = xcalloc(count + 1, sizeof *t->breaks);
	for (size_t i = 0; i < count; i++) {
		char name[64], path[96];
		json_t *holder = element_holder(array, "breaks", i, name, sizeof name);
		struct route_break *b = &t->breaks[t->nbreaks];
		double duration;
		int offset = t->offset;

		r = route_read_interval(run, holder, name, &b->start, &b->end, &offset, pos);
		if (r == FSD_FIELD_ABSENT)
			r = fsd_field_fail(pos, "\"%s\" needs \"start\" and \"end\": the time it is "
			    "to be taken within", name);
		snprintf(path, sizeof path, "%s.duration", name);
		if (r == FSD_FIELD_OK) {
			r = fsd_field_number(holder, path, &duration, pos);
			if (r == FSD_FIELD_ABSENT)
				r = fsd_field_fail(pos, "\"%s\" is required (minutes)", path);
			else if (r == FSD_FIELD_OK && !(duration > 0 && isfinite(duration)))
				r = fsd_field_fail(pos, "\"%s\" must be a number above 0, not %g",
				    path, duration);
		}
		json_decref(holder);
		if (r != FSD_FIELD_OK)
			return FSD_FIELD_BAD;
		b->duration = duration;
		if (duration > t->shift_end - t->shift_start)
			return fsd_field_fail(pos, "\"%s\" is %g minutes, longer than the shift (%g)",
			    path, duration, t->shift_end - t->shift_start);
		if (duration > b->end - b->start)
			return fsd_field_fail(pos, "\"%s\" is %g minutes, longer than the %g between "
			    "its start and end", path, duration, b->end - b->start);
		t->nbreaks++;
	}
	qsort(t->breaks, t->nbreaks, sizeof *t->breaks, by_break_start);
	return FSD_FIELD_OK;
}

int
route_tech_read_time(struct route_run *run, struct route_tech *t, const struct fsd_pos *pos)
{
	int offset = t->offset;

	t->limits = run->limits;
	if (read_intervals(run, t->record, "off", &t->off, &t->noff, &offset, pos) == FSD_FIELD_BAD
	    || read_breaks(run, t, pos) == FSD_FIELD_BAD
	    || fsd_keys_read(limit_keys, t->record, &t->limits, pos) == FSD_FIELD_BAD) {
		free(t->off);
		free(t->breaks);
		t->off = NULL;
		t->breaks = NULL;
		return FSD_FIELD_BAD;
	}
	return FSD_FIELD_OK;
}

int
route_job_read_windows(struct route_run *run, struct route_job_record *jr,
    struct route_job *job, const struct fsd_pos *pos)
{
	int r = read_intervals(run, jr->record, "windows", &jr->windows, &jr->nwindows,
	    &jr->offset, pos);

	if (r != FSD_FIELD_OK)
		return r;
	if (jr->nwindows == 0) {
		free(jr->windows);
		jr->windows = NULL;
		return fsd_field_fail(pos, "\"windows\" is empty: leave it out, or give one");
	}
	job->windows = jr->windows;
	job->nwindows = jr->nwindows;
	job->ready = jr->window_start = jr->windows[0].start;
	job->due = jr->window_end = jr->windows[jr->nwindows - 1].end;
	return FSD_FIELD_OK;
}
