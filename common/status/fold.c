#include <stdio.h>
#include <string.h>

#include "status/fold.h"

static const char *const state_status[] = {
	"assigned", "en_route", "in_progress", "in_progress", "done", "cancelled", "cancelled"
};

static const char *const state_words[] = {
	"not started", "on the way", "on site", "paused", "done", "not completed", "cancelled"
};

const char *
job_state_status(enum job_state s)
{
	return state_status[s];
}

const char *
job_state_words(enum job_state s)
{
	return state_words[s];
}

int
job_state_from_status(const char *status)
{
	static const struct { const char *word; enum job_state state; } words[] = {
		{ "open", JOB_WAITING }, { "assigned", JOB_WAITING },
		{ "en_route", JOB_EN_ROUTE }, { "in_progress", JOB_ON_SITE },
		{ "done", JOB_DONE }, { "cancelled", JOB_CANCELLED }
	};

	if (status == NULL)
		return JOB_WAITING;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(status, words[i].word) == 0)
			return (int)words[i].state;
	return -1;
}

const char *
fold_refusal_code(enum fold_refusal r)
{
	switch (r) {
	case FOLD_APPLIED: return "applied";
	case FOLD_IMPOSSIBLE: return "impossible_transition";
	case FOLD_WRONG_TECH: return "wrong_tech";
	case FOLD_NOT_ASSIGNED: return "not_assigned";
	case FOLD_TIME_BACKWARDS: return "time_backwards";
	}
	return "";
}

/* May status follow a job in state? */
static int
may_follow(enum job_state state, enum event_status status)
{
	switch (status) {
	case EVENT_BOOKED: case EVENT_CONFIRMED: case EVENT_SCHEDULED:
		return state == JOB_WAITING;
	case EVENT_EN_ROUTE:	/* again: a tracker saying where the tech is now */
		return state == JOB_WAITING || state == JOB_PAUSED || state == JOB_EN_ROUTE;
	case EVENT_ON_SITE:
		return state == JOB_WAITING || state == JOB_PAUSED || state == JOB_EN_ROUTE
		    || state == JOB_ON_SITE;
	case EVENT_PAUSED: case EVENT_COMPLETED:
		return state == JOB_ON_SITE;
	case EVENT_CANNOT_COMPLETE:
		return state == JOB_EN_ROUTE || state == JOB_ON_SITE || state == JOB_PAUSED;
	case EVENT_CANCELLED:
		return state != JOB_DONE && state != JOB_NOT_DONE && state != JOB_CANCELLED;
	case EVENT_NSTATUSES:
		break;
	}
	return 0;
}

static void
mark(struct job_moment *m, const struct fsd_time *at, int first_only)
{
	if (first_only && m->has)
		return;
	m->has = 1;
	m->at = *at;
}

enum fold_refusal
job_day_apply(struct job_day *day, const struct event *ev, char *why, size_t why_size)
{
	const char *status = event_status_name(ev->status);

	if (day->last.has && ev->at.seconds < day->last.at.seconds) {
		snprintf(why, why_size, "%s is earlier than the job's last event", status);
		return FOLD_TIME_BACKWARDS;
	}
	if (ev->tech != NULL && ev->status != EVENT_SCHEDULED
	    && event_status_needs_tech(ev->status)) {
		if (day->tech == NULL) {
			snprintf(why, why_size, "%s from %s, but the job has no tech", status, ev->tech);
			return FOLD_NOT_ASSIGNED;
		}
		if (strcmp(day->tech, ev->tech) != 0) {
			snprintf(why, why_size, "%s from %s, but the job is %s's", status,
			    ev->tech, day->tech);
			return FOLD_WRONG_TECH;
		}
	}
	if (!may_follow(day->state, ev->status)) {
		snprintf(why, why_size, "%s cannot follow: the job is %s", status,
		    job_state_words(day->state));
		return FOLD_IMPOSSIBLE;
	}
	if (day->state == JOB_PAUSED && ev->status != EVENT_CANCELLED) {
		day->paused_seconds += ev->at.seconds - day->paused_since.at.seconds;
		day->paused_since.has = 0;
	}
	switch (ev->status) {
	case EVENT_BOOKED: mark(&day->booked, &ev->at, 1); break;
	case EVENT_CONFIRMED: mark(&day->confirmed, &ev->at, 0); break;
	case EVENT_SCHEDULED:
		mark(&day->scheduled, &ev->at, 0);
		if (ev->tech != NULL)
			day->tech = ev->tech;
		break;
	case EVENT_EN_ROUTE:
		if (day->state != JOB_EN_ROUTE)
			mark(&day->departed, &ev->at, 0);
		day->state = JOB_EN_ROUTE;
		break;
	case EVENT_ON_SITE:
		mark(&day->arrived, &ev->at, 1);	/* back from a pause: still the first arrival */
		day->state = JOB_ON_SITE;
		break;
	case EVENT_PAUSED:
		mark(&day->paused_since, &ev->at, 0);
		day->state = JOB_PAUSED;
		break;
	case EVENT_COMPLETED:
		mark(&day->completed, &ev->at, 0);
		day->state = JOB_DONE;
		break;
	case EVENT_CANNOT_COMPLETE:
		mark(&day->cannot_complete, &ev->at, 0);
		day->reason = ev->reason;
		day->state = JOB_NOT_DONE;
		break;
	case EVENT_CANCELLED:
		mark(&day->cancelled, &ev->at, 0);
		day->reason = ev->reason;
		day->state = JOB_CANCELLED;
		break;
	case EVENT_NSTATUSES:
		break;
	}
	if (ev->has_position) {
		day->has_position = 1;
		day->lat = ev->lat;
		day->lon = ev->lon;
		day->position_at = ev->at;
	}
	mark(&day->last, &ev->at, 0);
	day->last_event = ev->id;
	day->changed = 1;
	return FOLD_APPLIED;
}

long
job_day_work_minutes(const struct job_day *day)
{
	int64_t seconds;

	if (!day->arrived.has || !day->completed.has)
		return 0;
	seconds = day->completed.at.seconds - day->arrived.at.seconds - day->paused_seconds;
	return seconds > 0 ? (long)((seconds + 59) / 60) : 0;
}
