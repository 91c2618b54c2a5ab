/* The solution back onto the records: each routed job gets its tech, its
 * place in the day, its times and the drive that led to it; each job left
 * out gets the reason; each tech a summary of the day. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "records.h"
#include "timeline.h"

/* Customer windows start on the quarter hour: "between 9:15 and 10:15"
 * reads as a promise, "between 9:07 and 10:07" as a computer's guess. */
#define ETA_GRANULE 15.0

static double
round_to(double x, double unit)
{
	return round(x / unit) * unit;
}

static json_t *
drive_value(double minutes, double km)
{
	return json_pack("{s:f,s:f}", "min", round_to(minutes, 0.01), "km", round_to(km, 0.001));
}

/* A window of the given width around the start of service, on the
 * quarter hour, kept inside the promised window where there is one, and
 * never opening before the tech's day does (a customer told "from 6:30"
 * by a tech who starts at 7:00 waits for nothing). */
static void
eta_window(const struct route_run *run, const struct route_job_record *jr, double start,
    double width, double day_start, double *from, double *to)
{
	double base = run->clock.form == ROUTE_TIME_RFC3339 ? run->clock.base_seconds / 60.0 : 0;

	*from = floor((base + start - width / 2) / ETA_GRANULE) * ETA_GRANULE - base;
	if (*from < jr->window_start)
		*from = jr->window_start;
	if (*from < day_start && day_start <= start)
		*from = day_start;
	*to = *from + width;
	if (*to > jr->window_end) {
		*to = jr->window_end;
		*from = fmax(*to - width, jr->window_start);
	}
}

/* A job routed now, or given a new reason, keeps the one it came with
 * as previous_exception: stale, but the history a dispatcher may ask for. */
static void
keep_previous_exception(json_t *rec)
{
	json_t *old = json_object_get(rec, "exception");

	if (old == NULL)
		return;
	json_object_set(rec, "previous_exception", old);
	json_object_del(rec, "exception");
}

static void
set_time(const struct route_run *run, json_t *obj, const char *key, double minutes, int offset)
{
	json_object_set_new(obj, key, route_clock_value(&run->clock, minutes, offset));
}

/* Find the record of instance job j (the records are in input order). */
static struct route_job_record *
record_of(struct route_run *run, int *by_instance, int j)
{
	return &run->jobs[by_instance[j]];
}

/* Tech t's jobs done, in progress and on the way, before the rest of
 * the day: done as they were, the others with the times they will have. */
int
route_replan_emit_heads(struct route_run *run, const struct route_instance *in, int t)
{
	static const enum route_status order[] = { ROUTE_DONE, ROUTE_IN_PROGRESS, ROUTE_EN_ROUTE };
	int count = 0;

	for (int o = 0; o < 3; o++)
		for (size_t i = 0; i < run->njobs; i++) {
			struct route_job_record *jr = &run->jobs[i];
			json_t *rec = jr->record;

			if (jr->tech != t || jr->status != order[o]
			    || json_object_get(rec, "exception") != NULL)
				continue;
			count++;
			if (jr->status == ROUTE_DONE) {
				fsd_emit(rec);
				continue;
			}
			json_object_set_new(rec, "seq", json_integer(count));
			if (jr->status == ROUTE_EN_ROUTE) {
				int from = jr->fixed_from, to = jr->fields.loc;
				set_time(run, rec, "arrive", jr->fixed_arrive, jr->offset);
				set_time(run, rec, "start", jr->fixed_start, jr->offset);
				json_object_set_new(rec, "drive", drive_value(route_minutes(in, from, to),
				    route_km(in, from, to)));
				route_replan_mark_eta(run, jr, jr->fixed_start);
			}
			if (jr->status == ROUTE_IN_PROGRESS)
				set_time(run, rec, "start", jr->started, jr->offset);
			if (jr->status == ROUTE_IN_PROGRESS
			    && jr->fixed_end > jr->started + jr->fields.service + 0.5 / 60)
				json_object_set_new(rec, "overrun", json_real(round_to(jr->fixed_end
				    - jr->started - jr->fields.service, 0.01)));
			set_time(run, rec, "end", jr->fixed_end, jr->offset);
			fsd_emit(rec);
		}
	return count;
}

/* Of a job's several windows, the one its start falls in: the promise
 * its ETA window stays inside. */
static void
window_of(struct route_job_record *jr, double start)
{
	for (int i = 0; i < jr->nwindows; i++)
		if (start <= jr->windows[i].end + ROUTE_FIT_EPS) {
			jr->window_start = jr->windows[i].start;
			jr->window_end = jr->windows[i].end;
			return;
		}
}

static json_t *
interval_value(const struct route_run *run, double start, double end, int offset)
{
	json_t *v = json_object();

	set_time(run, v, "start", start, offset);
	set_time(run, v, "end", end, offset);
	return v;
}

/* A job's parts come off the truck; what it lacked was picked up
 * (timeline.c draws the same way). */
static void
draw_down(const struct route_pickup *pk, double *have)
{
	for (int i = 0; have != NULL && i < pk->nparts; i++)
		have[pk->sku[i]] = fmax(have[pk->sku[i]] - pk->qty[i], 0);
}

/* Re-planning: a break the plan put before now has been taken; it
 * stays on the job it preceded, as history (replan.c took it off the
 * tech's list). */
static int
break_taken(struct route_run *run, const json_t *rec)
{
	double start;

	return run->has_now && route_clock_read(&run->clock, rec, "break.start", &start, NULL,
	    NULL) == FSD_FIELD_OK && start <= run->now;
}

/* Idle is time on the clock with nothing to do: waits at doors, and the
 * time at home between the shift's start and leaving, since a tech who
 * leaves at 09:00 for a 09:00 window was paid from 07:00. A tech with no
 * stops idles the whole shift. */
static double
idle_minutes(const struct route_instance *in, int v, int stops, const struct route_day *day)
{
	const struct route_vehicle *veh = &in->vehicles[v];
	int bounded = veh->shift_start > -ROUTE_UNBOUNDED / 2 && veh->shift_end < ROUTE_UNBOUNDED / 2;

	if (stops == 0)
		return bounded ? fmax(veh->shift_end - veh->shift_start, 0) : 0;
	return day->idle + (bounded ? fmax(day->depart - veh->shift_start, 0) : 0);
}

static void
emit_summary(struct route_run *run, const struct route_instance *in, int v, int len,
    int pickups, const struct route_day *day, const struct route_break_times *breaks,
    struct route_job_record **order, FILE *summary)
{
	const struct route_tech *tech = &run->techs[v];
	json_t *sum = json_pack("{s:s}", "tech", tech->id);
	json_t *taken = json_array();

	if (tech->day >= 0) {
		/* One record a day of the tech's shifts, named by its date. */
		char date[FSD_DATE_LEN];
		double local = run->clock.base_seconds / 60.0 + tech->shift_start + tech->offset;
		json_object_set_new(sum, "day", json_string(fsd_date_format(
		    (int64_t)floor(local / 1440), date)));
	}
	if (tech->on_call)
		json_object_set_new(sum, "on_call", json_true());
	json_object_set_new(sum, "stops", json_integer(len));

	if (len > 0) {
		set_time(run, sum, "depart", day->depart, tech->offset);
		set_time(run, sum, "return", day->back, tech->offset);
	}
	json_object_set_new(sum, "drive", drive_value(day->drive_minutes, day->km));
	json_object_set_new(sum, "work", json_real(round_to(day->work, 0.01)));
	json_object_set_new(sum, "idle", json_real(round_to(idle_minutes(in, v, len, day), 0.01)));
	for (int b = 0; b < in->vehicles[v].nbreaks; b++) {
		json_t *one;
		if (breaks[b].before < 0)
			continue;
		one = interval_value(run, breaks[b].start, breaks[b].end, tech->offset);
		json_object_set_new(one, "before", json_string(order[breaks[b].before]->id));
		json_array_append_new(taken, one);
	}
	if (json_array_size(taken) > 0)
		json_object_set_new(sum, "breaks", taken);
	else
		json_decref(taken);
	if (pickups > 0)
		json_object_set_new(sum, "pickups", json_integer(pickups));
	if (day->overtime > 0)
		json_object_set_new(sum, "overtime_min", json_real(round_to(day->overtime, 0.01)));
	fsd_emit_to(summary, sum);
	json_decref(sum);
}

/* "12:48" in the job's offset, for a sentence; plain minutes for
 * benchmark instances. */
static const char *
clock_text(const struct route_run *run, double minutes, int offset, char buf[16])
{
	if (run->clock.form != ROUTE_TIME_RFC3339) {
		snprintf(buf, 16, "%.0f", minutes);
		return buf;
	}
	long local = lround(run->clock.base_seconds / 60.0 + minutes + offset);
	long day_minute = ((local % 1440) + 1440) % 1440;

	snprintf(buf, 16, "%02ld:%02ld", day_minute / 60, day_minute % 60);
	return buf;
}

/* "late": by how much, and what blocked an earlier start -- the other
 * jobs of the days that could have made it, naming some, or the clock
 * and the drive when no day could, even empty. */
static json_t *
late_value(const struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, const struct route_job_record *jr, double start,
    int *by_instance)
{
	struct route_late_why why;
	char due[16], when[16], reason[512];
	int j = jr->in_instance;

	clock_text(run, jr->sla_due, jr->offset, due);
	if (j < 0) {
		snprintf(reason, sizeof reason, "its place in the day is locked: "
		    "this is the earliest start there");
	} else if (route_explain_late(in, j, jr->sla_due, &why), why.could > 0) {
		const struct route_plan *p = &s->routes[why.soonest];
		int n = 0, len = snprintf(reason, sizeof reason, "%d tech%s who may take it could "
		    "be there by %s with nothing else to do (%s at %s), but their days hold jobs "
		    "as urgent or more", why.could, why.could == 1 ? "" : "s", due,
		    run->techs[why.soonest].id, clock_text(run, why.soonest_start, jr->offset, when));

		for (int k = 1; k <= p->len && n < 3 && len < (int)sizeof reason - 80; k++) {
			int other = p->jobs[k];
			if (other == j || in->jobs[other].weight < in->jobs[j].weight)
				continue;
			len += snprintf(reason + len, sizeof reason - len, "%s%s",
			    n++ == 0 ? " (" : ", ", run->jobs[by_instance[other]].id);
		}
		snprintf(reason + len, sizeof reason - len, "%s: this is the earliest start found",
		    n > 0 ? " on theirs)" : "");
	} else if (why.soonest >= 0) {
		snprintf(reason, sizeof reason, "no tech who may take it can be there by %s even "
		    "with nothing else to do: the soonest, %s, at %s; this is the earliest start found", due,
		    run->techs[why.soonest].id, clock_text(run, why.soonest_start, jr->offset, when));
	} else {
		snprintf(reason, sizeof reason, "no tech who may take it can be there by %s: "
		    "this is the earliest start found", due);
	}
	return json_pack("{s:f,s:s}", "minutes", round_to(start - jr->sla_due, 0.01),
	    "reason", reason);
}

/* Vehicle v's day; seq counts on from seq_from (an on-call callout goes
 * on from the day before it). Returns the last seq given. */
static int
emit_route(struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, int v, int *by_instance, double eta_width, FILE *summary,
    int seq_from)
{
	const struct route_plan *p = &s->routes[v];
	const struct route_tech *tech = &run->techs[v];
	int total = p->len + in->vehicles[v].nfixed, before, pickups = 0;
	struct route_stop_times *times = xcalloc(total + 1, sizeof *times);
	struct route_break_times *breaks = xcalloc(in->vehicles[v].nbreaks + 1, sizeof *breaks);
	struct route_job_record **order = xcalloc(total + 1, sizeof *order);
	struct route_day day;
	/* The truck as the day draws it down, for what a pickup lacks. */
	double *have = NULL;

	if (in->vehicles[v].truck_stock != NULL && in->nskus > 0) {
		have = xmalloc(in->nskus * sizeof *have);
		memcpy(have, in->vehicles[v].truck_stock, in->nskus * sizeof *have);
	}

	/* As soon as possible, leaving late only to avoid waiting at the
	 * first door: an early schedule keeps the slack for the day's
	 * surprises, and is feasible whenever any is (timeline.c). */
	route_timeline(in, v, p->jobs + 1, p->len, &day, times, breaks);
	before = seq_from + (run->has_now && !tech->on_call ? route_replan_emit_heads(run, in, v) : 0);
	for (int k = 0, next = 1; k < total; k++)
		order[k] = times[k].fixed >= 0 ? route_fixed_record(run, v, times[k].fixed)
		    : record_of(run, by_instance, p->jobs[next++]);
	for (int k = 1; k <= total; k++) {
		const struct route_stop_times *at = &times[k - 1];
		struct route_job_record *jr = order[k - 1];
		double from, to;
		json_t *rec = jr->record, *eta = json_object();

		keep_previous_exception(rec);
		json_object_del(rec, "previous");
		json_object_set_new(rec, "tech", json_string(tech->id));
		if (jr->came_with != NULL && strcmp(jr->came_with, tech->id) != 0)
			json_object_set_new(rec, "moved_from", json_string(jr->came_with));
		else
			json_object_del(rec, "moved_from");
		json_object_set_new(rec, "seq", json_integer(before + k));
		set_time(run, rec, "arrive", at->arrive, jr->offset);
		set_time(run, rec, "start", at->start, jr->offset);
		set_time(run, rec, "end", at->end, jr->offset);
		window_of(jr, at->start);
		eta_window(run, jr, at->start, eta_width, in->vehicles[v].shift_start, &from, &to);
		set_time(run, eta, "start", from, jr->offset);
		set_time(run, eta, "end", to, jr->offset);
		json_object_set_new(rec, "eta_window", eta);
		json_object_set_new(rec, "drive", drive_value(at->drive_minutes, at->drive_km));
		if (have != NULL && jr->pickup != NULL && at->pickup_loc < 0)
			draw_down(jr->pickup, have);
		if (at->pickup_loc >= 0) {
			json_t *pick = route_pickup_record(run, jr, v, at->pickup_loc, have);
			set_time(run, pick, "arrive", at->pickup_arrive, jr->offset);
			set_time(run, pick, "depart", at->pickup_arrive + jr->pickup->minutes, jr->offset);
			json_object_set_new(pick, "drive", drive_value(at->pickup_drive_minutes,
			    at->pickup_drive_km));
			fsd_emit(pick);
			json_decref(pick);
			draw_down(jr->pickup, have);
			pickups++;
		}
		if (!break_taken(run, rec))
			json_object_del(rec, "break");
		for (int b = 0; b < in->vehicles[v].nbreaks; b++)
			if (breaks[b].before == k - 1) {
				json_object_set_new(rec, "break", interval_value(run, breaks[b].start,
				    breaks[b].end, jr->offset));
				break;
			}
		route_replan_mark_eta(run, jr, at->start);
		if (!isnan(jr->sla_due) && at->start > jr->sla_due + 0.5 / 60)
			json_object_set_new(rec, "late", late_value(run, in, s, jr, at->start,
			    by_instance));
		else
			json_object_del(rec, "late");
		fsd_emit(rec);
	}
	if (summary != NULL && (total > 0 || !tech->on_call))
		emit_summary(run, in, v, total, pickups, &day, breaks, order, summary);
	free(times);
	free(breaks);
	free(order);
	free(have);
	return before + total;
}

/* The plan's fields on a job it no longer holds are stale promises: the
 * tech, place and times it came with go under "previous" (the dispatcher
 * may want to know whose day it left), the rest goes. A locked job keeps
 * its tech: that is the dispatcher's word, not a plan's. */
static void
retire_plan_fields(json_t *rec)
{
	static const char *const kept[] = { "tech", "seq", "arrive", "start", "end", "match",
		NULL };
	static const char *const dropped[] = { "eta_window", "drive", "late", "eta_changed",
		"break", "moved_from", NULL };
	json_t *previous = json_object(), *locked = json_object_get(rec, "locked");

	for (int i = 0; kept[i] != NULL; i++) {
		json_t *v = json_object_get(rec, kept[i]);

		if (v == NULL)
			continue;
		json_object_set(previous, kept[i], v);
		if (!(json_is_true(locked) && strcmp(kept[i], "tech") == 0))
			json_object_del(rec, kept[i]);
	}
	for (int i = 0; dropped[i] != NULL; i++)
		json_object_del(rec, dropped[i]);
	if (json_object_size(previous) > 0)
		json_object_set_new(rec, "previous", previous);
	else
		json_decref(previous);
}

/* Does the job's exception already say code? fsd-match's words for the
 * same verdict name the nearest misses ("T01 is free but lacks
 * cert:medgas"): they stay rather than give way to plainer ones. */
static int
same_code(const json_t *rec, const char *code)
{
	const char *had = json_string_value(json_object_get(json_object_get(rec, "exception"),
	    "code"));

	return had != NULL && strcmp(had, code) == 0;
}

/* A job the plan being re-planned held, and this one cannot: name the
 * emergency that took its tech's time when there is one. */
static void
mark_displaced(struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, struct route_job_record *jr, int *by_instance,
    const struct route_reason *why)
{
	int v = jr->tech;
	const char *tech = v >= 0 ? run->techs[v].id : "its tech";

	keep_previous_exception(jr->record);
	for (int k = 1; v >= 0 && k <= s->routes[v].len; k++) {
		int j = s->routes[v].jobs[k];
		const struct route_job_record *other = &run->jobs[by_instance[j]];

		if (isnan(other->old_arrive) && in->jobs[j].weight > jr->fields.weight) {
			fsd_set_exception(jr->record, "displaced",
			    "%s's day no longer holds it after %s (more urgent) went in", tech, other->id);
			return;
		}
	}
	fsd_set_exception(jr->record, "displaced", "%s's day no longer holds it: %s", tech,
	    why->message);
}

void
route_run_emit(struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, double eta_width, FILE *summary)
{
	int *by_instance = xmalloc((in->njobs + 1) * sizeof *by_instance);
	long unrouted = 0;

	for (size_t i = 0; i < run->njobs; i++)
		if (run->jobs[i].in_instance >= 0)
			by_instance[run->jobs[i].in_instance] = (int)i;
	for (int v = 0, last = 0; v < in->nvehicles; v++)
		last = emit_route(run, in, s, v, by_instance, eta_width, summary,
		    run->techs[v].on_call ? last : 0);
	/* Then every job not in a route, in input order. */
	for (size_t i = 0; i < run->njobs; i++) {
		struct route_job_record *jr = &run->jobs[i];

		if (jr->in_instance >= 0 && s->route_of[jr->in_instance] >= 0)
			continue;
		if (jr->in_instance < 0 && (jr->status != ROUTE_OPEN || jr->fixed_place > 0)
		    && jr->tech >= 0 && json_object_get(jr->record, "exception") == NULL)
			continue;	/* done, in progress, on the way, fixed: out already */
		if (!fsd_upstream_exception(jr->record))
			retire_plan_fields(jr->record);
		if (jr->in_instance >= 0) {
			struct route_reason why;
			route_explain(in, jr->in_instance, &why);
			if (!isnan(jr->old_arrive) && !jr->ended_unsaid
			    && strcmp(why.code, "no_qualified_tech") != 0) {
				mark_displaced(run, in, s, jr, by_instance, &why);
			} else if (!same_code(jr->record, why.code)) {
				keep_previous_exception(jr->record);
				fsd_set_exception(jr->record, why.code, "%s", why.message);
			}
		}
		if (json_object_get(jr->record, "exception") != NULL)
			unrouted++;
		fsd_emit(jr->record);
	}
	/* Alerts read with the plan go on as they came, for the board and
	 * fsd-notify downstream. */
	for (size_t i = 0; i < json_array_size(run->passed); i++)
		fsd_emit(json_array_get(run->passed, i));
	if (run->ended_unsaid > 0)
		fsd_note("%ld job%s planned to end before --now carr%s no \"status\": planned again "
		    "as open; if done, say so (\"status\": \"done\", or fsd-status from the day's "
		    "events)", run->ended_unsaid, run->ended_unsaid == 1 ? "" : "s",
		    run->ended_unsaid == 1 ? "ies" : "y");
	if (run->stale_pickups > 0)
		fsd_note("%ld pickup record%s of the plan read replaced by this plan's",
		    run->stale_pickups, run->stale_pickups == 1 ? "" : "s");
	if (unrouted > 0)
		fsd_note("%ld job%s could not be routed (see their \"exception\")", unrouted,
		    unrouted == 1 ? "" : "s");
	free(by_instance);
}
