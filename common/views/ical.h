/* A plan as iCalendar (RFC 5545) events, one a visit, and what lets a
 * calendar client update an event instead of adding a second one: a UID
 * made from the job id, and a SEQUENCE that goes up each time the visit
 * changes in a way its attendees must act on.
 *
 * SEQUENCE must only ever grow (§3.8.7.4: a client keeps the event with
 * the higher number), so it cannot be derived from the plan alone: a hash
 * of the visit goes down as often as up, and a re-plan's clock does not
 * say whether this visit moved. It comes from a state file that holds,
 * for every UID published, its sequence and what was published (times,
 * status, place, calendar); each run compares, bumps what changed, and
 * replaces the state whole (common/statefile.h). Without a state file
 * every SEQUENCE is 0 and nothing is known of earlier runs. */
#ifndef FSD_VIEWS_ICAL_H
#define FSD_VIEWS_ICAL_H

#include <stdio.h>

#include "rfc3339.h"
#include "views/plan.h"

enum view_ical_split { VIEW_ICAL_ONE, VIEW_ICAL_TECH, VIEW_ICAL_CUSTOMER };

/* What was published of one UID: one line of the state file. */
struct view_ical_seen {
	char *uid, *calendar, *summary, *location;
	struct fsd_time start, end;
	int cancelled;
	long sequence;
};

struct view_ical_state {
	struct view_ical_seen *seen;
	size_t n, cap;
};

struct view_event {
	char *uid;
	char *calendar;		/* tech id, customer id, or "" for one calendar */
	char *calendar_name;	/* shown by the client (X-WR-CALNAME) */
	struct fsd_time start, end;
	int cancelled;
	char *summary, *location, *description;
	int has_geo;
	double lat, lon;
	long sequence;
};

struct view_events {
	struct view_event *events;
	size_t n, cap;
	size_t not_placed;	/* jobs with no event: never placed, never published */
};

/* "job-J1003@fsd": the same job gives the same UID in every run. */
char *view_ical_uid(const char *job_id);

/* The events of a plan, SEQUENCE from and into state (NULL: none). */
void view_ical_events(const struct view_plan *p, enum view_ical_split split,
    struct view_ical_state *state, struct view_events *out);

/* The events of one calendar (calendar NULL: all) as a VCALENDAR,
 * DTSTAMP at stamp. Returns what fputs wrote. */
int view_ical_write(FILE *f, const struct view_events *ev, const char *calendar,
    const struct fsd_time *stamp);

void view_events_free(struct view_events *ev);

/* The state file, as records_ical.c reads and writes it. A missing file
 * is an empty state; a bad line stops the run (exit 1) at its place
 * before anything is written, since a sequence lost would go back to 0. */
void view_ical_state_load(struct view_ical_state *s, const char *path);
void view_ical_state_save(const struct view_ical_state *s, const char *path);
void view_ical_state_free(struct view_ical_state *s);

#endif
