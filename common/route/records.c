/* Techs and jobs into a routing instance. Bad fields are reported where
 * they are (file:line: "field" ...) and the record still goes out, marked;
 * a job that cannot be routed for a reason known before any search (an
 * unknown tech with --keep-techs, no tech) is marked here too. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "tech.h"
#include "records.h"

static int
find_tech(const struct route_run *run, const char *id)
{
	for (int t = 0; t < run->ntechs; t++)
		if (strcmp(run->techs[t].id, id) == 0)
			return t;
	return -1;
}

/* The tech a job names. With several days, the day its plan had it on
 * (the shift holding its start), else, re-planning, the day that has not
 * ended by --now; else the first. */
static int
tech_of_job(const struct route_run *run, const struct route_job_record *jr, const char *id)
{
	int t = find_tech(run, id), first = t;
	double when = !isnan(jr->old_start) ? jr->old_start : run->has_now ? run->now : NAN;

	if (t < 0 || run->techs[t].day < 0 || isnan(when))
		return t;
	for (; t < run->ntechs && strcmp(run->techs[t].id, id) == 0; t++)
		if (when <= run->techs[t].shift_end)
			return when >= run->techs[t].shift_start || isnan(jr->old_start) ? t : first;
	return first;
}

/* A non-negative number at path, or def when absent. */
static int
read_amount(const json_t *rec, const char *path, double def, double *out,
    const struct fsd_pos *pos)
{
	int r = fsd_field_number(rec, path, out, pos);

	if (r == FSD_FIELD_ABSENT)
		*out = def;
	else if (r == FSD_FIELD_OK && !(*out >= 0 && isfinite(*out)))
		return fsd_field_fail(pos, "\"%s\" must be a number of at least 0, not %g", path, *out);
	return r == FSD_FIELD_BAD ? r : FSD_FIELD_OK;
}

int
route_read_interval(struct route_run *run, const json_t *rec, const char *path, double *start,
    double *end, int *offset, const struct fsd_pos *pos)
{
	char sp[64], ep[64];
	int rs, re;

	snprintf(sp, sizeof sp, "%s.start", path);
	snprintf(ep, sizeof ep, "%s.end", path);
	if (fsd_field(rec, path) != NULL && !json_is_null(fsd_field(rec, path))
	    && !json_is_object(fsd_field(rec, path)))
		return fsd_field_fail(pos, "\"%s\" must be an object {start, end}", path);
	rs = route_clock_read(&run->clock, rec, sp, start, offset, pos);
	if (rs == FSD_FIELD_BAD)
		return rs;
	re = route_clock_read(&run->clock, rec, ep, end, rs == FSD_FIELD_OK ? NULL : offset, pos);
	if (re == FSD_FIELD_BAD)
		return re;
	if (rs != re)
		return fsd_field_fail(pos, "\"%s\" needs both start and end", path);
	if (rs == FSD_FIELD_OK && *end < *start)
		return fsd_field_fail(pos, "\"%s\" ends before it starts", path);
	return rs;
}

/* A tech's day-th shift ("shifts[day]"), or its "shift" (day -1). */
static int
read_shift(struct route_run *run, struct route_tech *t, int day, const struct fsd_pos *pos)
{
	char name[32];
	json_t *holder;
	int r;

	if (day < 0)
		return route_read_interval(run, t->record, "shift", &t->shift_start, &t->shift_end,
		    &t->offset, pos);
	snprintf(name, sizeof name, "shifts[%d]", day);
	holder = json_object();
	json_object_set(holder, name, json_array_get(json_object_get(t->record, "shifts"), day));
	r = route_read_interval(run, holder, name, &t->shift_start, &t->shift_end, &t->offset, pos);
	json_decref(holder);
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" must be an object {start, end}", name);
	/* Days in order and apart: a job never spans two of them. */
	if (r == FSD_FIELD_OK && day > 0 && t->shift_start < t[-1].shift_end)
		return fsd_field_fail(pos, "\"%s\" starts before the shift before it ends", name);
	return r;
}

static int
parse_tech(struct route_run *run, struct route_tech *t, json_t *rec, int day,
    const struct fsd_pos *pos)
{
	int r;

	memset(t, 0, sizeof *t);
	t->record = rec;
	t->shift_start = -ROUTE_UNBOUNDED;
	t->shift_end = ROUTE_UNBOUNDED;
	t->offset = run->clock.offset_minutes;
	if ((r = fsd_field_string(rec, "id", &t->id, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"id\" is required") : r;
	if (day <= 0 && find_tech(run, t->id) >= 0)
		return fsd_field_fail(pos, "\"id\" \"%s\" is given to two techs", t->id);
	t->day = day;
	if (fsd_field_strings(rec, "skills", &t->skills, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "territory", &t->territory, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	r = route_places_read(&run->places, rec, "home", "location_index", &t->home, pos);
	if (r != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"home\" is required") : r;
	t->end = t->home;
	r = route_places_read(&run->places, rec, "end", "end.location_index", &t->end, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	t->position = -1;
	if (run->has_now && route_places_read(&run->places, rec, "position",
	    "position.location_index", &t->position, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (day >= 0 && fsd_field(rec, "shift") != NULL)
		return fsd_field_fail(pos, "give \"shift\" or \"shifts\", not both");
	if (read_shift(run, t, day, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (read_amount(rec, "capacity", HUGE_VAL, &t->capacity, pos) == FSD_FIELD_BAD
	    || route_tech_read_time(run, t, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	route_tech_read_stock(t);
	return FSD_FIELD_OK;
}

/* An on-call tech's callout entry: from home, from the end of the shift
 * (route_run_instance sets how long), no breaks or time off of the day. */
static void
add_on_call(struct route_run *run, json_t *rec, int days)
{
	struct route_tech *base = &run->techs[run->ntechs - 1], *t;
	int on_call = 0;

	if (days > 0 || run->ntechs == 0 || base->record != rec
	    || fsd_field_bool(rec, "on_call", &on_call, NULL) != FSD_FIELD_OK || !on_call)
		return;
	run->techs = xgrow(run->techs, &run->techs_cap, run->ntechs + 1, sizeof *run->techs);
	base = &run->techs[run->ntechs - 1];
	t = &run->techs[run->ntechs++];
	*t = *base;
	t->on_call = 1;
	t->off = NULL;
	t->noff = 0;
	t->breaks = NULL;
	t->nbreaks = 0;
	t->shift_start = base->shift_end;
}

void
route_run_load_techs(struct route_run *run, const char *path)
{
	long *lines = NULL;
	size_t n;

	run->tech_records = fsd_load_records(path, &lines);
	n = json_array_size(run->tech_records);
	for (size_t i = 0; i < n; i++) {
		struct fsd_pos pos = { path, lines[i] };
		json_t *rec = json_array_get(run->tech_records, i), *shifts = json_object_get(rec, "shifts");
		int days = 0, first = run->ntechs;

		if (fsd_tech_off_today(rec, &pos))
			continue;
		if (shifts != NULL && !json_is_null(shifts)) {
			if (!json_is_array(shifts) || json_array_size(shifts) == 0) {
				fsd_field_fail(&pos, "\"shifts\" must be an array of {start, end}, one a day");
				continue;
			}
			days = (int)json_array_size(shifts);
			run->multi_day = 1;
		}
		/* One entry a day; a bad day takes the tech's other days with it. */
		for (int d = days ? 0 : -1; d < days; d++) {
			run->techs = xgrow(run->techs, &run->techs_cap, run->ntechs + 2, sizeof *run->techs);
			if (parse_tech(run, &run->techs[run->ntechs], rec, d, &pos) != FSD_FIELD_OK) {
				for (int k = first; k < run->ntechs; k++) {
					free(run->techs[k].off);
					free(run->techs[k].breaks);
					free(run->techs[k].stock);
				}
				run->ntechs = first;
				break;
			}
			run->techs[run->ntechs++].line = lines[i];
		}
		add_on_call(run, rec, days);
	}
	if (run->techs == NULL)
		run->techs = xcalloc(1, sizeof *run->techs);
	free(lines);
}

/* Does tech t have every skill in skills (NULL: none needed)? */
static int
has_skills(const struct route_tech *t, json_t *skills)
{
	size_t i, k;
	json_t *need, *have;

	json_array_foreach(skills, i, need) {
		int found = 0;
		if (t->skills != NULL)
			json_array_foreach(t->skills, k, have)
				found |= json_equal(need, have);
		if (!found)
			return 0;
	}
	return 1;
}

static int
listed(json_t *ids, const char *id)
{
	size_t i;
	json_t *v;

	json_array_foreach(ids, i, v)
		if (strcmp(json_string_value(v), id) == 0)
			return 1;
	return 0;
}

/* Is tech t kept away from the job by a rule of the job's own: skills,
 * excluded_techs, required_tech, or its territory when it binds (the
 * playbook's territory_binds, which fsd-match writes into the job; a tech
 * with no territory floats)? */
static int
tech_may_take(const struct route_tech *t, json_t *skills, json_t *excluded,
    const char *required, const char *territory, int territory_binds)
{
	if (skills != NULL && !has_skills(t, skills))
		return 0;
	if (excluded != NULL && listed(excluded, t->id))
		return 0;
	if (required != NULL && strcmp(t->id, required) != 0)
		return 0;
	return !territory_binds || territory == NULL || t->territory == NULL
	    || strcmp(territory, t->territory) == 0;
}

/* Which techs may take the job: 1 when fine, 0 when the job is already
 * decided unroutable (marked), -1 for a bad field. */
static int
allowed_techs(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    unsigned char *ok, const struct fsd_pos *pos)
{
	json_t *rec = jr->record, *skills = NULL, *excluded = NULL;
	const char *tech_id = NULL, *required = NULL, *territory = NULL;
	int locked = 0, binds = 0, on_call = 0, only;
	double reach = 0;

	if (fsd_field_string(rec, "tech", &tech_id, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "locked", &locked, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "required_tech", &required, pos) == FSD_FIELD_BAD
	    || fsd_field_strings(rec, "skills", &skills, pos) == FSD_FIELD_BAD
	    || fsd_field_strings(rec, "excluded_techs", &excluded, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "territory", &territory, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "territory_binds", &binds, pos) == FSD_FIELD_BAD)
		return -1;
	jr->tech = tech_id ? tech_of_job(run, jr, tech_id) : -1;
	if (tech_id != NULL)
		jr->came_with = xstrdup(tech_id);
	if (tech_id != NULL && jr->tech < 0 && (run->keep_techs || locked)) {
		fsd_set_exception(rec, "no_qualified_tech", "tech \"%s\" is not in the techs file",
		    tech_id);
		return 0;
	}
	/* Re-planning, a job that comes with neither tech nor exception is
	 * new -- an emergency just called in -- and goes to whoever is
	 * qualified and can fit it best. */
	int fresh = run->has_now && tech_id == NULL && json_object_get(rec, "exception") == NULL;

	if ((run->keep_techs && !fresh) || (locked && tech_id != NULL)) {
		/* An exception from upstream (fsd-match saying why no tech
		 * could take it) is the real reason: it stays as it came. */
		if (tech_id == NULL) {
			if (json_object_get(rec, "exception") == NULL)
				fsd_set_exception(rec, "no_tech", "the job has no tech and "
				    "--keep-techs gives it none: assign it, or route without --keep-techs");
			return 0;
		}
		job->only_vehicle = jr->tech;
		memset(ok, 1, run->ntechs);
		if (run->techs[jr->tech].day >= 0) {
			/* Any of the tech's days: the search picks one. */
			job->only_vehicle = -1;
			run->any_free = 1;
			for (int t = 0; t < run->ntechs; t++)
				ok[t] = strcmp(run->techs[t].id, tech_id) == 0;
		}
		return 1;
	}
	only = required ? find_tech(run, required) : -1;
	if (required != NULL && only < 0) {
		fsd_set_exception(rec, "no_qualified_tech",
		    "required tech \"%s\" is not in the techs file", required);
		return 0;
	}
	job->only_vehicle = only >= 0 && run->techs[only].day < 0 ? only : -1;
	run->any_free = 1;
	if (fsd_field_bool(rec, "on_call", &on_call, pos) == FSD_FIELD_BAD
	    || read_amount(rec, "on_call_minutes", 0, &reach, pos) == FSD_FIELD_BAD)
		return -1;
	if (on_call && reach > run->on_call_minutes)
		run->on_call_minutes = reach;
	for (int t = 0; t < run->ntechs; t++)
		ok[t] = tech_may_take(&run->techs[t], skills, excluded, required, territory, binds)
		    && (!run->techs[t].on_call || on_call);
	return 1;
}

/* What leaving the job out costs when the day is overbooked: a priority
 * outweighs any number of jobs of the next priority a day could hold
 * (ten to one), and a VIP counts half again within its priority. */
static int
read_weight(const json_t *rec, int *weight, const struct fsd_pos *pos)
{
	long long priority = 3;
	int vip = 0, locked = 0, r = fsd_field_int(rec, "priority", &priority, pos);

	if (r == FSD_FIELD_BAD)
		return r;
	if (priority < 1 || priority > 3)
		return fsd_field_fail(pos, "\"priority\" must be 1, 2 or 3, not %lld", priority);
	if (fsd_field_bool(rec, "customer.vip", &vip, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	*weight = (vip ? 3 : 2) * (priority == 1 ? ROUTE_EMERGENCY_WEIGHT / 2
	    : priority == 2 ? 10 : 1);
	/* A locked job is the dispatcher's promise: it outweighs any
	 * number of emergencies a day could hold, so none takes its place. */
	if (fsd_field_bool(rec, "locked", &locked, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (locked)
		*weight *= 1000;
	return FSD_FIELD_OK;
}

/* The job's fields; FSD_FIELD_OK or _BAD. */
static int
parse_job(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    const struct fsd_pos *pos)
{
	json_t *rec = jr->record;
	double sla;
	int r;

	if ((r = fsd_field_string(rec, "id", &jr->id, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"id\" is required") : r;
	r = route_places_read(&run->places, rec, "site", "location_index", &job->loc, pos);
	if (r != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, run->places.kind == ROUTE_PLACE_INDEX
		    ? "\"location_index\" is required with --matrix" : "\"site\" is required") : r;
	if (read_amount(rec, "duration", 60, &job->service, pos) == FSD_FIELD_BAD
	    || read_amount(rec, "demand", 0, &job->demand, pos) == FSD_FIELD_BAD
	    || read_weight(rec, &job->weight, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	r = route_read_interval(run, rec, "window", &job->ready, &job->due, &jr->offset, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_OK) {
		jr->window_start = job->ready;
		jr->window_end = job->due;
	}
	if (fsd_field(rec, "windows") != NULL && r == FSD_FIELD_OK)
		return fsd_field_fail(pos, "give \"window\" or \"windows\", not both");
	if (route_job_read_windows(run, jr, job, pos) == FSD_FIELD_BAD
	    || route_job_read_days(run, jr, job, r == FSD_FIELD_OK, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	job->window_due = job->due;
	/* The contract's latest arrival is a deadline like the window's end:
	 * a late arrival is never traded for a shorter drive. */
	r = route_clock_read(&run->clock, rec, "sla_due", &sla, NULL, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	jr->sla_due = r == FSD_FIELD_OK ? sla : NAN;
	if (r == FSD_FIELD_OK && sla < job->due)
		job->due = sla;
	/* A plan being re-planned: its arrival is the order to start from,
	 * and what customers were told. */
	if (route_clock_read(&run->clock, rec, "arrive", &jr->old_arrive, NULL, pos) == FSD_FIELD_BAD
	    || route_clock_read(&run->clock, rec, "start", &jr->old_start, NULL, pos) == FSD_FIELD_BAD
	    || route_clock_read(&run->clock, rec, "end", &jr->old_end, NULL, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (isnan(jr->old_start))
		jr->old_start = jr->old_arrive;
	if (!isnan(jr->old_arrive)) {
		jr->matched_arrival = jr->old_arrive;
		return FSD_FIELD_OK;
	}
	r = route_clock_read(&run->clock, rec, "match.arrival", &jr->matched_arrival, NULL, pos);
	return r == FSD_FIELD_BAD ? r : FSD_FIELD_OK;
}

int
route_run_add_job(struct route_run *run, json_t *record, const struct fsd_pos *pos)
{
	struct route_job_record *jr;
	struct route_job job = { 0, -ROUTE_UNBOUNDED, ROUTE_UNBOUNDED, 0, 0, -1, 1 };
	unsigned char *ok;
	const char *kind = NULL;
	int r;

	/* An earlier plan's pickup stops: this plan makes its own. */
	if (fsd_field_string(record, "kind", &kind, NULL) == FSD_FIELD_OK
	    && strcmp(kind, "pickup") == 0) {
		run->stale_pickups++;
		return 0;
	}
	if (!fsd_record_is_job(record)) {
		if (route_pass_record(run, record, pos) == 0)
			return 0;
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
		return 1;	/* still goes out, after the plan */
	}
	run->jobs = xgrow(run->jobs, &run->jobs_cap, run->njobs + 1, sizeof *run->jobs);
	jr = &run->jobs[run->njobs++];
	memset(jr, 0, sizeof *jr);
	jr->record = json_incref(record);
	jr->in_instance = -1;
	jr->tech = -1;
	jr->offset = run->clock.offset_minutes;
	jr->window_start = -ROUTE_UNBOUNDED;
	jr->window_end = ROUTE_UNBOUNDED;
	jr->matched_arrival = NAN;
	jr->sla_due = NAN;
	jr->old_arrive = jr->old_start = jr->old_end = NAN;
	jr->late_eta = NAN;
	jr->old_break_start = jr->old_break_end = NAN;
	run->pending = xgrow(run->pending, &run->pending_cap, run->npending + 1, sizeof *run->pending);
	run->pending_qualified = xrealloc(run->pending_qualified,
	    run->pending_cap * (run->ntechs + 1));
	ok = run->pending_qualified + (size_t)run->npending * (run->ntechs + 1);
	if (fsd_upstream_exception(record))
		return 0;	/* not ours to decide: out as it came */
	if (parse_job(run, jr, &job, pos) != FSD_FIELD_OK
	    || (run->has_now && route_replan_read(run, jr, pos) < 0))
		goto bad;
	jr->fields = job;
	if (jr->status == ROUTE_DONE) {
		/* As it was: only its tech is wanted, for where they are. */
		const char *tech_id = NULL;
		if (fsd_field_string(record, "tech", &tech_id, NULL) == FSD_FIELD_OK)
			jr->tech = tech_of_job(run, jr, tech_id);
		return 0;
	}
	if ((r = allowed_techs(run, jr, &job, ok, pos)) < 0)
		goto bad;
	if (jr->status != ROUTE_OPEN && r > 0 && jr->tech < 0) {
		fsd_field_fail(pos, "\"status\" \"%s\" needs a \"tech\"",
		    jr->status == ROUTE_EN_ROUTE ? "en_route" : "in_progress");
		goto bad;
	}
	jr->fields = job;
	if (r == 0 || jr->status != ROUTE_OPEN)
		return 0;
	if ((r = route_parts_read(run, jr, &job, ok, pos)) <= 0) {
		if (r < 0)
			goto bad;
		return 0;
	}
	jr->fields = job;
	if ((r = route_fixed_read(run, jr, pos)) != 0) {
		if (r < 0)
			goto bad;
		return 0;
	}
	jr->in_instance = run->npending;
	run->pending[run->npending++] = job;
	return 0;
bad:
	fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	return 1;
}

int
route_job_has_exception(const struct route_job_record *jr)
{
	return json_object_get(jr->record, "exception") != NULL;
}

/* The local day a time on the run's clock falls on, as days since the
 * epoch. */
static long
local_day(const struct route_run *run, double minutes, int offset)
{
	return (long)floor((run->clock.base_seconds / 60.0 + minutes + offset) / 1440);
}

/* Jobs dated a day no tech works: the usual slip is a techs file with
 * yesterday's shifts (or a roster not yet turned into today's), which
 * would leave every job out for a reason that is not the jobs'. Said
 * once, naming both dates. */
static void
check_days(const struct route_run *run)
{
	long *days = xmalloc((run->ntechs + 1) * sizeof *days), count = 0, job_day = 0;
	int ndays = 0;
	const char *first = NULL;
	char a[FSD_DATE_LEN], b[FSD_DATE_LEN];

	if (run->clock.form != ROUTE_TIME_RFC3339) {
		free(days);
		return;
	}
	for (int t = 0; t < run->ntechs; t++)
		if (run->techs[t].shift_start > -ROUTE_UNBOUNDED / 2 && !run->techs[t].on_call)
			days[ndays++] = local_day(run, run->techs[t].shift_start, run->techs[t].offset);
	for (size_t i = 0; i < run->njobs && ndays > 0; i++) {
		const struct route_job_record *jr = &run->jobs[i];
		double from = jr->fields.ready > -ROUTE_UNBOUNDED / 2 ? jr->fields.ready : jr->sla_due;
		double until = jr->fields.window_due < ROUTE_UNBOUNDED / 2 ? jr->fields.window_due : from;
		long d, last;
		int known = 0;

		if (jr->in_instance < 0 || isnan(from) || from > ROUTE_UNBOUNDED / 2)
			continue;
		/* A visit may be due over several days (a contract's
		 * tolerance): any shift among them will do. */
		d = local_day(run, from, jr->offset);
		last = local_day(run, fmax(until, from), jr->offset);
		for (int k = 0; k < ndays && !known; k++)
			known = days[k] >= d && days[k] <= last;
		if (known)
			continue;
		if (count++ == 0) {
			first = jr->id;
			job_day = d;
		}
	}
	if (count > 0)
		fsd_warn_at(NULL, "%ld job%s dated %s (the first: %s), a day no tech's shift is on: "
		    "the shifts are on %s; fsd-roster --on %s makes that day's techs", count,
		    count == 1 ? " is" : "s are", fsd_date_format(job_day, a), first,
		    fsd_date_format(days[0], b), a);
	free(days);
}

struct route_instance *
route_run_instance(struct route_run *run)
{
	int nlocs = route_places_count(&run->places);
	struct route_instance *in = route_instance_new(run->npending, run->ntechs, nlocs);
	size_t stride = run->ntechs + 1;

	check_days(run);
	route_places_fill(&run->places, in, &run->travel);
	if (run->npending > 0)	/* no jobs: pending may be NULL */
		memcpy(in->jobs, run->pending, run->npending * sizeof *in->jobs);
	for (int t = 0; t < run->ntechs; t++) {
		struct route_vehicle *v = &in->vehicles[t];
		v->start_loc = run->techs[t].home;
		v->end_loc = run->techs[t].end;
		v->shift_start = run->techs[t].shift_start;
		v->shift_end = run->techs[t].shift_end;
		if (run->techs[t].on_call)
			v->shift_end = v->shift_start + run->on_call_minutes;
		v->capacity = run->techs[t].capacity;
		if (run->has_not_before && v->shift_start < run->not_before)
			v->shift_start = run->not_before;
		v->return_in_shift = run->return_in_shift;
		v->off = run->techs[t].off;
		v->noff = run->techs[t].noff;
		v->breaks = run->techs[t].breaks;
		v->nbreaks = run->techs[t].nbreaks;
		v->max_stops = (int)run->techs[t].limits.max_stops;
		v->max_drive_minutes = run->techs[t].limits.max_drive_minutes;
		v->max_km = run->techs[t].limits.max_km;
		v->overtime_minutes = run->techs[t].limits.overtime_max_min;
		v->overtime_cost = run->techs[t].limits.overtime_cost_per_min;
	}
	if (run->has_now) {
		route_replan_read_breaks(run);
		route_replan_read_late(run);
		route_replan_heads(run, in);
	}
	route_parts_attach(run, in);
	route_fixed_attach(run, in);
	if (run->any_free) {
		in->qualified = xmalloc((size_t)run->npending * run->ntechs + 1);
		for (int j = 0; j < run->npending; j++)
			memcpy(in->qualified + (size_t)j * run->ntechs,
			    run->pending_qualified + j * stride, run->ntechs);
	}
	route_instance_prepare(in);
	return in;
}

void
route_run_free(struct route_run *run)
{
	route_stock_free(run);
	for (size_t i = 0; i < run->njobs; i++) {
		json_decref(run->jobs[i].record);
		free(run->jobs[i].windows);
		free(run->jobs[i].came_with);
		free(run->jobs[i].parts);
	}
	for (int t = 0; t < run->ntechs; t++) {
		free(run->techs[t].off);
		free(run->techs[t].breaks);
		if (!run->techs[t].on_call)
			free(run->techs[t].stock);
	}
	free(run->jobs);
	free(run->techs);
	free(run->fixed_jobs);
	free(run->fixed_places);
	free(run->fixed_records);
	free(run->pending);
	free(run->pending_qualified);
	json_decref(run->tech_records);
	json_decref(run->passed);
	free(run->late_etas);
	route_places_free(&run->places);
}
