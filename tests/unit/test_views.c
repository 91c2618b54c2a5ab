/* The views' engines without the tools: a plan's routes in driving order,
 * GeoJSON's [lon, lat], and iCalendar read back with libical itself --
 * UIDs stable across a re-plan, SEQUENCE up only for what changed, a
 * visit that left its calendar cancelled there. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "fsd.h"
#include "views/ical.h"
#include "views/plan.h"
#include "views/records_geojson.h"
#include "unit.h"

#define DAY "2026-11-23T"
#define Z "-07:00"

static const char *const plan_lines[] = {
	"{\"id\":\"A\",\"tech\":\"T1\",\"seq\":2,\"start\":\"" DAY "10:00:00" Z "\",\"end\":\"" DAY "11:00:00" Z "\","
	"\"site\":{\"lat\":39.7,\"lon\":-105.0,\"address\":\"1 Main St\"},\"customer\":{\"id\":\"C1\",\"name\":\"Ann\"}}",
	"{\"id\":\"B\",\"tech\":\"T1\",\"seq\":1,\"start\":\"" DAY "08:00:00" Z "\",\"end\":\"" DAY "09:00:00" Z "\","
	"\"site\":{\"lat\":39.8,\"lon\":-104.9,\"address\":\"2 Elm St\"},\"customer\":{\"id\":\"C2\"}}",
	"{\"id\":\"C\",\"tech\":\"T2\",\"seq\":1,\"start\":\"" DAY "09:00:00" Z "\",\"end\":\"" DAY "09:30:00" Z "\","
	"\"site\":{\"lat\":39.6,\"lon\":-104.8,\"address\":\"3 Oak St\"},\"customer\":{\"id\":\"C3\"}}",
	"{\"id\":\"D\",\"site\":{\"lat\":39.5,\"lon\":-104.7},\"exception\":{\"code\":\"day_full\",\"message\":\"full\"}}",
	NULL
};

/* The same day re-planned: A moved an hour, B as it was, C went to T1. */
static const char *const replan_lines[] = {
	"{\"id\":\"A\",\"tech\":\"T1\",\"seq\":2,\"start\":\"" DAY "11:00:00" Z "\",\"end\":\"" DAY "12:00:00" Z "\","
	"\"site\":{\"lat\":39.7,\"lon\":-105.0,\"address\":\"1 Main St\"},\"customer\":{\"id\":\"C1\",\"name\":\"Ann\"}}",
	"{\"id\":\"B\",\"tech\":\"T1\",\"seq\":1,\"start\":\"" DAY "08:00:00" Z "\",\"end\":\"" DAY "09:00:00" Z "\","
	"\"site\":{\"lat\":39.8,\"lon\":-104.9,\"address\":\"2 Elm St\"},\"customer\":{\"id\":\"C2\"}}",
	"{\"id\":\"C\",\"tech\":\"T1\",\"seq\":3,\"start\":\"" DAY "13:00:00" Z "\",\"end\":\"" DAY "13:30:00" Z "\","
	"\"site\":{\"lat\":39.6,\"lon\":-104.8,\"address\":\"3 Oak St\"},\"customer\":{\"id\":\"C3\"}}",
	NULL
};

static void
load(struct view_plan *p, const char *const *lines)
{
	view_plan_init(p);
	for (size_t i = 0; lines[i] != NULL; i++) {
		struct fsd_pos pos = { "test", (long)i + 1 };
		json_t *rec = json_loads(lines[i], 0, NULL);

		view_plan_add(p, rec, &pos);
		json_decref(rec);
	}
}

/* One calendar written and parsed back by libical. */
static icalcomponent *
round_trip(const struct view_events *ev, const char *calendar)
{
	struct fsd_time stamp = { 1795000000, 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	icalcomponent *cal;

	view_ical_write(f, ev, calendar, &stamp);
	fclose(f);
	cal = icalparser_parse_string(text);
	free(text);
	return cal;
}

static icalcomponent *
event_of(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	    e != NULL; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(e), uid) == 0)
			return e;
	return NULL;
}

static int
sequence_of(icalcomponent *e)
{
	return e == NULL ? -1 : icalcomponent_get_sequence(e);
}

static void
test_route_order(void)
{
	struct view_plan p;
	const struct view_stop **route;
	size_t n;

	load(&p, plan_lines);
	n = view_plan_route(&p, view_plan_tech(&p, "T1"), &route);
	CHECK(n == 2 && strcmp(route[0]->id, "B") == 0 && strcmp(route[1]->id, "A") == 0,
	    "a tech's route is in driving order, whatever the input order");
	free(route);
	CHECK(!p.stops[3].placed && strcmp(p.stops[3].exception_code, "day_full") == 0,
	    "a job with an exception is not placed");
	view_plan_free(&p);
}

static void
test_geojson_lon_lat(void)
{
	struct view_plan p;
	json_t *doc, *line;

	load(&p, plan_lines);
	doc = view_geojson(&p);
	line = json_object_get(json_array_get(json_object_get(doc, "features"), 0), "geometry");
	CHECK_STR(json_string_value(json_object_get(line, "type")), "LineString", "routes come first");
	CHECK(json_real_value(json_array_get(json_array_get(json_object_get(line, "coordinates"), 0), 0)) == -104.9,
	    "positions are [lon, lat] (RFC 7946 3.1.1), from the first stop driven");
	json_decref(doc);
	view_plan_free(&p);
}

static void
test_ical_replan(void)
{
	struct view_ical_state state = { 0 };
	struct view_events ev;
	struct view_plan p;
	icalcomponent *cal, *e;

	load(&p, plan_lines);
	view_ical_events(&p, VIEW_ICAL_TECH, &state, &ev);
	CHECK(ev.n == 3 && ev.not_placed == 1, "an event a placed visit; the unplaced one counted");
	cal = round_trip(&ev, "T1");
	CHECK(cal != NULL && icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) == 2,
	    "libical reads T1's calendar back: two events");
	e = event_of(cal, "job-A@fsd");
	CHECK(e != NULL && sequence_of(e) == 0, "the first publication is SEQUENCE 0");
	CHECK(e != NULL && icaltime_is_utc(icalcomponent_get_dtstart(e))
	    && icalcomponent_get_dtstart(e).day == 23 && icalcomponent_get_dtstart(e).hour == 17
	    && icalcomponent_get_dtend(e).hour == 18, "DTSTART and DTEND are the service's, in UTC (10:00-07:00 is 17:00Z)");
	CHECK(e != NULL && icalproperty_get_geo(icalcomponent_get_first_property(e, ICAL_GEO_PROPERTY)).lat == 39.7,
	    "GEO is lat;lon");
	CHECK_STR(e != NULL ? icalcomponent_get_location(e) : NULL, "1 Main St", "LOCATION is the address");
	icalcomponent_free(cal);
	view_events_free(&ev);
	view_plan_free(&p);

	load(&p, replan_lines);
	view_ical_events(&p, VIEW_ICAL_TECH, &state, &ev);
	cal = round_trip(&ev, "T1");
	CHECK(sequence_of(event_of(cal, "job-A@fsd")) == 1, "a visit that moved: SEQUENCE 1, same UID");
	CHECK(sequence_of(event_of(cal, "job-B@fsd")) == 0, "a visit as it was keeps its SEQUENCE");
	CHECK(sequence_of(event_of(cal, "job-C@fsd")) == 1, "a visit that changed tech: SEQUENCE 1 in its new calendar");
	icalcomponent_free(cal);
	cal = round_trip(&ev, "T2");
	e = event_of(cal, "job-C@fsd");
	CHECK(e != NULL && icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED && sequence_of(e) == 1,
	    "and CANCELLED, SEQUENCE 1, in the calendar it left");
	icalcomponent_free(cal);
	view_events_free(&ev);
	view_ical_events(&p, VIEW_ICAL_TECH, &state, &ev);
	cal = round_trip(&ev, "T1");
	CHECK(sequence_of(event_of(cal, "job-A@fsd")) == 1, "the same plan again: nothing goes up");
	icalcomponent_free(cal);
	view_events_free(&ev);
	view_plan_free(&p);
	view_ical_state_free(&state);
}

int
main(void)
{
	fsd_progname = "test_views";
	test_route_order();
	test_geojson_lon_lat();
	test_ical_replan();
	return UNIT_DONE();
}
