/* Contracts from records, visits to records. Spreadsheet imports leave
 * numbers as text now and then ("90"), so the whole numbers of a contract
 * are taken either way; everything else must have its proper type. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "recur/records.h"

/* A whole number in [min, max], written as a number or as digits. */
static int
read_count(const json_t *rec, const char *path, long min, long max, long *out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(rec, path);
	long long n;
	int r;

	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;

		n = strtoll(s, &end, 10);
		if (!isdigit((unsigned char)*s) || *end != '\0')
			return fsd_field_fail(pos, "\"%s\" must be a whole number, not \"%s\"",
			    path, s);
	} else if ((r = fsd_field_int(rec, path, &n, pos)) != FSD_FIELD_OK) {
		return r;
	}
	if (n < min || n > max)
		return fsd_field_fail(pos, "\"%s\" must be from %ld to %ld, not %lld",
		    path, min, max, n);
	*out = (long)n;
	return FSD_FIELD_OK;
}

static int
read_date(const json_t *rec, const char *path, int64_t *day, const struct fsd_pos *pos)
{
	const char *s;
	int r = fsd_field_string(rec, path, &s, pos);

	if (r != FSD_FIELD_OK)
		return r;
	if (fsd_date_parse(s, day) != 0)
		return fsd_field_fail(pos, "\"%s\" must be a date like 2026-11-23, not \"%s\"",
		    path, s);
	return FSD_FIELD_OK;
}

static int
read_clock(const json_t *rec, const char *path, int *minutes, const struct fsd_pos *pos)
{
	const char *s;
	int r = fsd_field_string(rec, path, &s, pos);

	if (r != FSD_FIELD_OK)
		return r;
	if ((*minutes = recur_clock_parse(s)) < 0)
		return fsd_field_fail(pos, "\"%s\" must be a time of day like 08:00, not \"%s\"",
		    path, s);
	return FSD_FIELD_OK;
}

/* "2026-01-31", "2026-01-31T09:00" (local), or "2026-01-31T09:00:00-07:00"
 * (local time and its offset). *has_offset says which. */
static int
read_dtstart(const json_t *rec, struct recur_contract *c, int *has_offset,
    const struct fsd_pos *pos)
{
	const char *s;
	struct fsd_time t;
	int r = fsd_field_string(rec, "dtstart", &s, pos);
	char *utc;

	*has_offset = 0;
	if (r != FSD_FIELD_OK)
		return r;
	if (fsd_date_parse(s, &c->dtstart_day) == 0) {
		c->dtstart_minutes = -1;
		return FSD_FIELD_OK;
	}
	if (fsd_time_parse(s, &t) == 0) {
		*has_offset = 1;
		c->offset_minutes = t.offset_minutes;
	} else {
		/* No offset written: local time, read as if at UTC. */
		utc = xasprintf("%sZ", s);
		r = fsd_time_parse(utc, &t);
		free(utc);
		if (r != 0)
			return fsd_field_fail(pos, "\"dtstart\" must be a date or a local time "
			    "like 2026-01-31T09:00, not \"%s\"", s);
	}
	t.seconds += (int64_t)t.offset_minutes * 60;	/* to the local wall clock */
	c->dtstart_day = t.seconds >= 0 ? t.seconds / 86400 : -((-t.seconds + 86399) / 86400);
	c->dtstart_minutes = (int)((t.seconds - c->dtstart_day * 86400) / 60);
	return FSD_FIELD_OK;
}

/* "90", 90, "90 days", "13 weeks", "3 months", "90d", "13w", "3m". */
static int
read_every(const json_t *rec, struct recur_contract *c, const struct fsd_pos *pos)
{
	json_t *v = fsd_field(rec, "every");
	const char *s, *unit;
	char *end;
	long n;

	if (json_is_number(v)) {
		c->every_unit = RECUR_DAYS;
		if (read_count(rec, "every", 1, 3660, &n, pos) != FSD_FIELD_OK)
			return FSD_FIELD_BAD;
		c->every = (int)n;
		return FSD_FIELD_OK;
	}
	if (!json_is_string(v))
		return fsd_field_fail(pos, "\"every\" must be a number of days or text like "
		    "\"90 days\", \"13 weeks\", \"3 months\"");
	s = json_string_value(v);
	n = strtol(s, &end, 10);
	unit = end + strspn(end, " ");
	if (!isdigit((unsigned char)*s) || n < 1 || n > 3660)
		goto bad;
	if (*unit == '\0' || strcmp(unit, "d") == 0 || strcmp(unit, "day") == 0
	    || strcmp(unit, "days") == 0)
		c->every_unit = RECUR_DAYS;
	else if (strcmp(unit, "w") == 0 || strcmp(unit, "week") == 0 || strcmp(unit, "weeks") == 0)
		c->every_unit = RECUR_WEEKS;
	else if (strcmp(unit, "m") == 0 || strcmp(unit, "month") == 0
	    || strcmp(unit, "months") == 0)
		c->every_unit = RECUR_MONTHS;
	else
		goto bad;
	c->every = (int)n;
	return FSD_FIELD_OK;
bad:
	return fsd_field_fail(pos, "\"every\" must be like \"90 days\", \"13 weeks\" or "
	    "\"3 months\", not \"%s\"", s);
}

static int
read_weekdays(const json_t *rec, struct recur_contract *c, const struct fsd_pos *pos)
{
	json_t *v = fsd_field(rec, "weekdays"), *day;
	size_t i;

	c->weekdays = RECUR_WEEKDAYS_MON_FRI;
	if (v == NULL)
		return FSD_FIELD_OK;
	if (json_is_string(v)) {
		c->weekdays = recur_weekdays_parse(json_string_value(v));
		if (c->weekdays == 0)
			return fsd_field_fail(pos, "\"weekdays\" must name days like \"mon-fri\" "
			    "or \"mon;wed;fri\", not \"%s\"", json_string_value(v));
		return FSD_FIELD_OK;
	}
	if (!json_is_array(v) || json_array_size(v) == 0)
		return fsd_field_fail(pos, "\"weekdays\" must be day names, as text or an array");
	c->weekdays = 0;
	json_array_foreach(v, i, day) {
		unsigned bits = json_is_string(day) ? recur_weekdays_parse(json_string_value(day)) : 0;
		if (bits == 0)
			return fsd_field_fail(pos, "\"weekdays\" must be day names like \"mon\"");
		c->weekdays |= bits;
	}
	return FSD_FIELD_OK;
}

/* The arrival window: the customer's preferred hours, else from the
 * dtstart's time of day (or the start of the allowed hours) to their end. */
static int
read_hours(const json_t *rec, struct recur_contract *c, const struct fsd_pos *pos)
{
	int open = RECUR_DEFAULT_HOURS_START, close = RECUR_DEFAULT_HOURS_END;
	int from, to;

	if (read_clock(rec, "hours.start", &open, pos) == FSD_FIELD_BAD
	    || read_clock(rec, "hours.end", &close, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (close <= open)
		return fsd_field_fail(pos, "\"hours.end\" must be after \"hours.start\"");
	c->window_start = c->kind == RECUR_RRULE && c->dtstart_minutes > 0
	    ? c->dtstart_minutes : open;
	c->window_end = close;
	if (c->window_start >= close)
		return fsd_field_fail(pos, "\"dtstart\" must fall inside the allowed hours");
	if ((from = read_clock(rec, "preferred.start", &c->window_start, pos)) == FSD_FIELD_BAD
	    || (to = read_clock(rec, "preferred.end", &c->window_end, pos)) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if ((from == FSD_FIELD_OK || to == FSD_FIELD_OK)
	    && (c->window_start < open || c->window_end > close))
		return fsd_field_fail(pos, "\"preferred\" must lie inside the allowed hours");
	if (c->window_end <= c->window_start)
		return fsd_field_fail(pos, "\"preferred.end\" must be after \"preferred.start\"");
	return FSD_FIELD_OK;
}

static int
read_zone(const json_t *rec, struct recur_contract *c, int has_offset, const char *default_tz,
    const struct fsd_pos *pos)
{
	int r = fsd_field_string(rec, "tz", &c->tz, pos);

	if (r == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_ABSENT && has_offset)
		return FSD_FIELD_OK;
	if (r == FSD_FIELD_ABSENT)
		c->tz = default_tz;
	if (c->tz == NULL)
		return fsd_field_fail(pos, "no time zone: give \"tz\" (such as America/Denver), "
		    "a \"dtstart\" with an offset, or --tz");
	if ((c->zone = recur_zone(c->tz)) == NULL)
		return fsd_field_fail(pos, "\"tz\": unknown time zone \"%s\"", c->tz);
	return FSD_FIELD_OK;
}

/* The trade a visit's hours count against: the job's first plain skill
 * ("hvac", not "cert:epa608"), else its type. */
static const char *
trade_of(const json_t *rec)
{
	json_t *skills = fsd_field(rec, "job.skills"), *skill;
	const char *type;
	size_t i;

	json_array_foreach(skills, i, skill)
		if (json_is_string(skill) && strchr(json_string_value(skill), ':') == NULL)
			return json_string_value(skill);
	return fsd_field_string(rec, "job.type", &type, NULL) == FSD_FIELD_OK ? type : "";
}

static int
read_schedule(const json_t *rec, struct recur_contract *c, int *has_offset,
    const struct fsd_pos *pos)
{
	int has_rrule = fsd_field(rec, "rrule") != NULL, has_every = fsd_field(rec, "every") != NULL;
	const char *why;

	*has_offset = 0;
	if (has_rrule && has_every)
		return fsd_field_fail(pos, "give \"rrule\" or \"every\", not both");
	if (has_every) {
		c->kind = RECUR_EVERY;
		return read_every(rec, c, pos);
	}
	if (!has_rrule)
		return fsd_field_fail(pos, "a contract needs a schedule: \"rrule\" or \"every\"");
	c->kind = RECUR_RRULE;
	if (fsd_field_string(rec, "rrule", &c->rrule, pos) != FSD_FIELD_OK)
		return FSD_FIELD_BAD;
	if ((why = recur_rrule_check(c->rrule)) != NULL)
		return fsd_field_fail(pos, "\"rrule\": \"%s\" %s", c->rrule, why);
	switch (read_dtstart(rec, c, has_offset, pos)) {
	case FSD_FIELD_BAD:
		return FSD_FIELD_BAD;
	case FSD_FIELD_ABSENT:
		if (c->start_day == RECUR_NO_DAY)
			return fsd_field_fail(pos, "\"rrule\" needs a \"dtstart\" or a \"start\"");
		c->dtstart_day = c->start_day;
		c->dtstart_minutes = -1;
	}
	return FSD_FIELD_OK;
}

int
recur_contract_read(const json_t *rec, const struct fsd_pos *pos, const char *default_tz,
    struct recur_contract *c)
{
	json_t *job;
	long n;
	int has_offset, r;

	memset(c, 0, sizeof *c);
	c->pos = *pos;
	c->start_day = c->end_day = c->last_day = RECUR_NO_DAY;
	c->tolerance_days = RECUR_DEFAULT_TOLERANCE;
	c->lead_days = -1;
	c->duration_minutes = RECUR_DEFAULT_DURATION;
	if ((r = fsd_field_string(rec, "id", &c->id, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : fsd_field_fail(pos, "a contract needs an \"id\"");
	if ((r = fsd_field_object(rec, "job", &job, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r
		    : fsd_field_fail(pos, "a contract needs a \"job\" template");
	if (read_date(rec, "start", &c->start_day, pos) == FSD_FIELD_BAD
	    || read_date(rec, "end", &c->end_day, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (c->start_day != RECUR_NO_DAY && c->end_day != RECUR_NO_DAY && c->end_day < c->start_day)
		return fsd_field_fail(pos, "\"end\" must not be before \"start\"");
	if (read_schedule(rec, c, &has_offset, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if ((r = read_count(rec, "tolerance", 0, 366, &n, pos)) == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_OK)
		c->tolerance_days = (int)n;
	if ((r = read_count(rec, "lead", 0, 3660, &n, pos)) == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_OK)
		c->lead_days = (int)n;
	if ((r = read_count(rec, "job.duration", 1, 24 * 60, &n, pos)) == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_OK)
		c->duration_minutes = (int)n;
	if (read_weekdays(rec, c, pos) == FSD_FIELD_BAD || read_hours(rec, c, pos) == FSD_FIELD_BAD
	    || read_zone(rec, c, has_offset, default_tz, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (fsd_field_string(rec, "territory", &c->territory, pos) == FSD_FIELD_BAD
	    || (c->territory == NULL
	    && fsd_field_string(rec, "job.territory", &c->territory, pos) == FSD_FIELD_BAD))
		return FSD_FIELD_BAD;
	c->trade = trade_of(rec);
	return FSD_FIELD_OK;
}

/* The local date of an RFC 3339 time at path, as it was written. */
static int
local_day(const json_t *rec, const char *path, int64_t *day, const struct fsd_pos *pos)
{
	struct fsd_time t;
	int r = fsd_field_time(rec, path, &t, pos);
	int64_t local;

	if (r != FSD_FIELD_OK)
		return r;
	local = t.seconds + (int64_t)t.offset_minutes * 60;
	*day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	return FSD_FIELD_OK;
}

int
recur_seen_read(struct recur_seen *s, const json_t *rec, const struct fsd_pos *pos)
{
	const char *id, *contract;
	int64_t day;
	int r;

	if (fsd_field_string(rec, "id", &id, pos) == FSD_FIELD_OK)
		recur_seen_add_id(s, id);
	if ((r = fsd_field_string(rec, "contract", &contract, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : 0;
	if ((r = read_date(rec, "date", &day, pos)) == FSD_FIELD_ABSENT
	    && (r = local_day(rec, "completed", &day, pos)) == FSD_FIELD_ABSENT
	    && (r = local_day(rec, "window.start", &day, pos)) == FSD_FIELD_ABSENT
	    && (r = read_date(rec, "due", &day, pos)) == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "a visit of contract \"%s\" needs a \"date\", "
		    "\"completed\", \"window.start\" or \"due\"", contract);
	if (r == FSD_FIELD_BAD)
		return r;
	recur_seen_add_visit(s, contract, day);
	return 0;
}

char *
recur_visit_id(const struct recur_contract *c, const struct recur_visit *v,
    char buf[RECUR_ID_LEN])
{
	char date[FSD_DATE_LEN];

	snprintf(buf, RECUR_ID_LEN, "%s-%s", c->id, fsd_date_format(v->due_day, date));
	return buf;
}

static json_t *
local_time(const struct recur_contract *c, int64_t day, int minutes)
{
	int offset = recur_offset_minutes(c, day, minutes);
	char buf[FSD_TIME_LEN];

	return json_string(fsd_time_format(day * 86400 + (int64_t)(minutes - offset) * 60,
	    offset, buf));
}

static json_t *
date_range(int64_t start, int64_t end)
{
	char a[FSD_DATE_LEN], b[FSD_DATE_LEN];

	return json_pack("{s:s, s:s}", "start", fsd_date_format(start, a),
	    "end", fsd_date_format(end, b));
}

json_t *
recur_visit_job(const json_t *contract, const struct recur_contract *c,
    const struct recur_visit *v)
{
	static const char *const from_contract[] = { "customer", "site", "territory" };
	json_t *job = json_object(), *template = fsd_field(contract, "job"), *value;
	const char *key;
	char id[RECUR_ID_LEN], date[FSD_DATE_LEN], end[FSD_DATE_LEN];

	json_object_set_new(job, "id", json_string(recur_visit_id(c, v, id)));
	json_object_set_new(job, "contract", json_string(c->id));
	json_object_foreach(template, key, value)
		if (strcmp(key, "id") != 0 && strcmp(key, "contract") != 0)
			json_object_set(job, key, value);	/* shared: never changed */
	for (size_t i = 0; i < sizeof from_contract / sizeof *from_contract; i++)
		if (json_object_get(job, from_contract[i]) == NULL
		    && (value = json_object_get(contract, from_contract[i])) != NULL)
			json_object_set(job, from_contract[i], value);
	json_object_set_new(job, "window", json_pack("{s:o, s:o}",
	    "start", local_time(c, v->day, c->window_start),
	    "end", local_time(c, v->day, c->window_end)));
	json_object_set_new(job, "due", json_string(fsd_date_format(v->due_day, date)));
	json_object_set_new(job, "due_range", date_range(v->range_start, v->range_end));
	if (v->overdue_days > 0)
		json_object_set_new(job, "overdue", json_integer(v->overdue_days));
	if (v->unplaceable)
		fsd_set_exception(job, "no_allowed_day",
		    "no allowed day from %s to %s (weekdays, holidays, contract dates); "
		    "left on its due date", fsd_date_format(v->range_start, date),
		    fsd_date_format(v->range_end, end));
	return job;
}
