/* A job's day as its status events tell it: which event may follow
 * which, and what each one records. Plain C over structs; the records
 * side is status/records.c.
 *
 * A job starts in the state its record gives (fsd(5) status: open,
 * assigned, en_route, in_progress, done, cancelled) and each event
 * either moves it on or is refused with a reason, leaving it as it was:
 *
 *   booked, confirmed, scheduled   while nothing has happened yet
 *   en_route                       before arriving, or after a pause
 *   on_site                        before arriving, or after a pause
 * (either again: a tracker telling where the tech is now)
 *   paused, completed              on site
 *   cannot_complete                on the way, on site or paused
 *   cancelled                      before the job is done
 *
 * and never from before the job's last event (time going backwards).
 * Only the job's tech reports the tech's statuses; scheduled assigns
 * one. */
#ifndef FSD_STATUS_FOLD_H
#define FSD_STATUS_FOLD_H

#include <stdint.h>

#include "rfc3339.h"
#include "event/records.h"

enum job_state {
	JOB_WAITING,	/* open or assigned: nothing has happened yet */
	JOB_EN_ROUTE, JOB_ON_SITE, JOB_PAUSED, JOB_DONE, JOB_NOT_DONE, JOB_CANCELLED
};

/* A time an event set, 0 in has when none. */
struct job_moment {
	int has;
	struct fsd_time at;
};

struct job_day {
	enum job_state state;
	const char *tech;		/* borrowed: the record's or an event's */
	struct job_moment last;		/* the last event applied */
	struct job_moment booked, confirmed, scheduled, departed, arrived, completed,
	    cannot_complete, cancelled, paused_since;
	int64_t paused_seconds;		/* pauses ended so far */
	const char *reason;		/* of cannot_complete or cancelled */
	int has_position;
	double lat, lon;
	struct fsd_time position_at;
	const char *last_event;		/* id of the last event applied */
	int changed;			/* an event was applied */
};

enum fold_refusal {
	FOLD_APPLIED = 0,
	FOLD_IMPOSSIBLE,	/* the status cannot follow the job's state */
	FOLD_WRONG_TECH,	/* a tech other than the job's reports it */
	FOLD_NOT_ASSIGNED,	/* a tech reports on a job that has none */
	FOLD_TIME_BACKWARDS	/* earlier than the job's last event */
};

/* The code for an exception: "impossible_transition", ... */
const char *fold_refusal_code(enum fold_refusal r);

/* The state a job's record status starts it in; -1 for a word that is
 * none of fsd(5)'s. NULL (no status) is waiting. */
int job_state_from_status(const char *status);
/* The record status a state is written as (fsd-route --now's words). */
const char *job_state_status(enum job_state s);
/* A word for messages: "on site", "done". */
const char *job_state_words(enum job_state s);

/* Apply one event, or refuse it and leave day unchanged; why gets a
 * sentence for the dispatcher when refused. */
enum fold_refusal job_day_apply(struct job_day *day, const struct event *ev,
    char *why, size_t why_size);

/* Minutes on site, pauses taken off: from arrival to completion. */
long job_day_work_minutes(const struct job_day *day);

#endif
