/* Visits as iCalendar events through libical, so folding, escaping and
 * the grammar are a well-kept library's (RFC 5545 §3.1, §3.3.11). Times
 * are written in UTC (§3.3.5, form #2): exact without a VTIMEZONE, and
 * every client shows them in its own zone. */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "xalloc.h"
#include "views/ical.h"

char *
view_ical_uid(const char *job_id)
{
	return xasprintf("job-%s@fsd", job_id);
}

static struct view_ical_seen *
find_seen(struct view_ical_state *s, const char *uid)
{
	for (size_t i = 0; s != NULL && i < s->n; i++)
		if (strcmp(s->seen[i].uid, uid) == 0)
			return &s->seen[i];
	return NULL;
}

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

static struct view_event *
new_event(struct view_events *out)
{
	struct view_event *e;

	out->events = xgrow(out->events, &out->cap, out->n + 1, sizeof *out->events);
	e = &out->events[out->n++];
	memset(e, 0, sizeof *e);
	return e;
}

static const char *
calendar_of(const struct view_plan *p, const struct view_stop *s,
    enum view_ical_split split, const char **name)
{
	if (split == VIEW_ICAL_CUSTOMER) {
		*name = s->customer_name != NULL ? s->customer_name : s->customer_id;
		return s->customer_id;
	}
	if (split == VIEW_ICAL_TECH && s->tech_index >= 0) {
		*name = view_tech_label(&p->techs[s->tech_index]);
		return s->tech;
	}
	*name = "Visits";
	return "";
}

/* A line more on text, freed and replaced. */
static void
add_line(char **text, const char *label, const char *value)
{
	char *longer;

	if (value == NULL || *value == '\0')
		return;
	longer = xasprintf("%s%s%s%s", *text, **text ? "\n" : "", label, value);
	free(*text);
	*text = longer;
}

/* What the tech reads on the event, or what the customer reads. */
static char *
describe(const struct view_plan *p, const struct view_stop *s, enum view_ical_split split)
{
	char from[VIEW_HHMM_LEN], to[VIEW_HHMM_LEN], *text = xstrdup("");
	char *window = s->has_eta ? xasprintf("%s-%s", view_hhmm(&s->eta_start, from),
	    view_hhmm(&s->eta_end, to)) : NULL;
	char *spoken = s->has_eta ? xasprintf("%s and %s", from, to) : NULL;
	char *job = xasprintf("%s%s%s, priority %ld", s->id, s->type ? " " : "",
	    s->type ? s->type : "", s->priority ? s->priority : 3);
	char *customer = s->customer_name == NULL ? NULL : xasprintf("%s%s%s", s->customer_name,
	    s->customer_phone ? ", " : "", s->customer_phone ? s->customer_phone : "");

	if (split == VIEW_ICAL_CUSTOMER) {
		add_line(&text, "Arrival between ", spoken);
		add_line(&text, "Service: ", s->type);
		add_line(&text, "Technician: ", s->tech_index >= 0
		    ? view_tech_label(&p->techs[s->tech_index]) : NULL);
		add_line(&text, "Job ", s->id);
	} else {
		add_line(&text, "Job ", job);
		add_line(&text, "Customer: ", customer);
		add_line(&text, "Arrival window told the customer: ", window);
		add_line(&text, "Access: ", s->access);
		add_line(&text, "Notes: ", s->notes);
	}
	free(window);
	free(spoken);
	free(job);
	free(customer);
	return text;
}

static char *
summarize(const struct view_stop *s, enum view_ical_split split)
{
	const char *type = s->type != NULL ? s->type : "visit";

	if (split == VIEW_ICAL_CUSTOMER)
		return xasprintf("Service visit: %s", type);
	return xasprintf("%s %s%s%s", s->id, type, s->customer_name ? " - " : "",
	    s->customer_name ? s->customer_name : "");
}

/* Did the visit change in a way the attendee must act on? Times, place,
 * cancellation (§3.8.7.4 names times and status; the place matters as
 * much to someone who drives there). */
static int
changed(const struct view_ical_seen *seen, const struct view_event *e)
{
	return seen->start.seconds != e->start.seconds || seen->end.seconds != e->end.seconds
	    || seen->cancelled != e->cancelled || strcmp(seen->location, e->location) != 0
	    || strcmp(seen->calendar, e->calendar) != 0;
}

static void
remember(struct view_ical_state *state, struct view_ical_seen *seen, const struct view_event *e)
{
	if (state == NULL)
		return;
	if (seen == NULL) {
		state->seen = xgrow(state->seen, &state->cap, state->n + 1, sizeof *state->seen);
		seen = &state->seen[state->n++];
		memset(seen, 0, sizeof *seen);
		seen->uid = xstrdup(e->uid);
	} else {
		free(seen->calendar);
		free(seen->summary);
		free(seen->location);
	}
	seen->calendar = xstrdup(e->calendar);
	seen->summary = xstrdup(e->summary);
	seen->location = xstrdup(e->location);
	seen->start = e->start;
	seen->end = e->end;
	seen->cancelled = e->cancelled;
	seen->sequence = e->sequence;
}

/* The event as it was published, now cancelled (in its old calendar). */
static void
cancel_seen(struct view_events *out, const struct view_ical_seen *seen, long sequence)
{
	struct view_event *e = new_event(out);

	e->uid = xstrdup(seen->uid);
	e->calendar = xstrdup(seen->calendar);
	e->calendar_name = xstrdup(seen->calendar);
	e->start = seen->start;
	e->end = seen->end;
	e->cancelled = 1;
	e->summary = xstrdup(seen->summary);
	e->location = xstrdup(seen->location);
	e->description = xstrdup("Cancelled");
	e->sequence = sequence;
}

static void
job_events(const struct view_plan *p, const struct view_stop *s, enum view_ical_split split,
    struct view_ical_state *state, struct view_events *out)
{
	int cancelled = s->status != NULL && strcmp(s->status, "cancelled") == 0;
	int timed = s->placed || (cancelled && s->tech != NULL && s->end.seconds > s->start.seconds);
	char *uid = view_ical_uid(s->id);
	struct view_ical_seen *seen = find_seen(state, uid);
	const char *calendar, *name;
	struct view_event *e;
	size_t at;

	if (!timed) {
		/* Not placed now: an event published before is cancelled. */
		if (seen != NULL && !seen->cancelled) {
			cancel_seen(out, seen, seen->sequence + 1);
			remember(state, seen, &out->events[out->n - 1]);
		} else if (!cancelled)
			out->not_placed++;
		free(uid);
		return;
	}
	calendar = calendar_of(p, s, split, &name);
	if (calendar == NULL) {
		fsd_warn_at(&s->pos, "job \"%s\" has no \"customer.id\" to name its calendar", s->id);
		free(uid);
		return;
	}
	e = new_event(out);
	e->uid = uid;
	e->calendar = xstrdup(calendar);
	e->calendar_name = dup_or_empty(name);
	e->cancelled = cancelled;
	e->start = split == VIEW_ICAL_CUSTOMER && s->has_eta ? s->eta_start : s->start;
	e->end = split == VIEW_ICAL_CUSTOMER && s->has_eta ? s->eta_end : s->end;
	e->summary = summarize(s, split);
	e->location = dup_or_empty(s->address);
	e->description = describe(p, s, split);
	e->has_geo = s->has_site;
	e->lat = s->lat;
	e->lon = s->lon;
	at = out->n - 1;
	if (seen != NULL) {
		e->sequence = seen->sequence + changed(seen, e);
		/* Moved to another calendar: cancelled in the one it left. */
		if (strcmp(seen->calendar, e->calendar) != 0 && !seen->cancelled)
			cancel_seen(out, seen, e->sequence);	/* e may move */
	}
	remember(state, seen, &out->events[at]);
}

void
view_ical_events(const struct view_plan *p, enum view_ical_split split,
    struct view_ical_state *state, struct view_events *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < p->nstops; i++)
		if (p->stops[i].kind == VIEW_JOB)
			job_events(p, &p->stops[i], split, state, out);
}

void
view_events_free(struct view_events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		struct view_event *e = &ev->events[i];

		free(e->uid);
		free(e->calendar);
		free(e->calendar_name);
		free(e->summary);
		free(e->location);
		free(e->description);
	}
	free(ev->events);
}

static struct icaltimetype
utc(const struct fsd_time *t)
{
	return icaltime_from_timet_with_zone((time_t)t->seconds, 0, icaltimezone_get_utc_timezone());
}

static icalcomponent *
vevent(const struct view_event *e, const struct fsd_time *stamp)
{
	icalcomponent *ev = icalcomponent_new_vevent();

	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(stamp)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(&e->start)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(utc(&e->end)));
	icalcomponent_add_property(ev, icalproperty_new_sequence((int)e->sequence));
	icalcomponent_add_property(ev, icalproperty_new_status(e->cancelled
	    ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(ev, icalproperty_new_summary(e->summary));
	if (*e->location != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(e->location));
	if (e->has_geo) {
		struct icalgeotype geo = { e->lat, e->lon };

		icalcomponent_add_property(ev, icalproperty_new_geo(geo));
	}
	icalcomponent_add_property(ev, icalproperty_new_description(e->description));
	return ev;
}

int
view_ical_write(FILE *f, const struct view_events *ev, const char *calendar,
    const struct fsd_time *stamp)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	const char *name = NULL;	/* a cancelled copy knows only the id */
	char *text;
	int r;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//fsd//fsd-ical " FSD_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	for (size_t i = 0; calendar != NULL && i < ev->n; i++)
		if (strcmp(ev->events[i].calendar, calendar) == 0
		    && (name == NULL || !ev->events[i].cancelled))
			name = ev->events[i].calendar_name;
	for (size_t i = 0; i < ev->n; i++) {
		if (calendar != NULL && strcmp(ev->events[i].calendar, calendar) != 0)
			continue;
		icalcomponent_add_component(cal, vevent(&ev->events[i], stamp));
	}
	if (name != NULL && *name != '\0') {
		icalproperty *x = icalproperty_new_x(name);

		icalproperty_set_x_name(x, "X-WR-CALNAME");
		icalcomponent_add_property(cal, x);
	}
	text = icalcomponent_as_ical_string_r(cal);
	r = fputs(text, f);
	free(text);
	icalcomponent_free(cal);
	return r;
}
