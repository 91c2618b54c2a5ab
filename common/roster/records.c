/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "roster/records.h"
#include "roster/roster.h"
#include "xalloc.h"
#include "zone.h"

typedef int (*add_fn)(struct roster *r, const char *text, char *err, size_t errlen);

/* A roster field: one string of items split on ';' (a spreadsheet cell),
 * or an array of strings. */
static int
add_items(struct roster *r, const json_t *value, const char *name, add_fn add,
    const struct fsd_pos *pos)
{
	char err[512];
	const json_t *item;
	size_t i;

	if (value == NULL)
		return 0;
	if (json_is_string(value)) {
		char *text = xstrdup(json_string_value(value)), *save = NULL;
		int bad = 0;

		for (char *t = strtok_r(text, ";", &save); t != NULL && !bad; t = strtok_r(NULL, ";", &save)) {
			t += strspn(t, " \t");
			if (*t != '\0' && (bad = add(r, t, err, sizeof err)) != 0)
				fsd_field_fail(pos, "\"roster.%s\": %s", name, err);
		}
		free(text);
		return bad ? FSD_FIELD_BAD : 0;
	}
	if (!json_is_array(value))
		return fsd_field_fail(pos, "\"roster.%s\" must be a string or an array of strings", name);
	json_array_foreach(value, i, item) {
		if (!json_is_string(item))
			return fsd_field_fail(pos, "\"roster.%s\" must be a string or an array of strings", name);
		if (add(r, json_string_value(item), err, sizeof err) != 0)
			return fsd_field_fail(pos, "\"roster.%s\": %s", name, err);
	}
	return 0;
}

/* Minutes from day's local midnight (past 24:00 on a night shift) as an
 * RFC 3339 time in zone. */
static int
instant(const char *zone, int64_t day, int minutes, char out[FSD_TIME_LEN],
    const struct fsd_pos *pos)
{
	int64_t y;
	int m, d;
	struct fsd_wall wall;
	struct fsd_time t;
	char err[256];

	fsd_civil_from_days(day + minutes / (24 * 60), &y, &m, &d);
	wall = (struct fsd_wall){ (int)y, m, d, minutes % (24 * 60) / 60, minutes % 60, 0 };
	if (fsd_zone_to_time(zone, &wall, &t, err, sizeof err) != 0)
		return fsd_field_fail(pos, "\"roster\": %s", err);
	fsd_time_format(t.seconds, t.offset_minutes, out);
	return 0;
}

static json_t *
period(const char *start, const char *end)
{
	return json_pack("{s:s,s:s}", "start", start, "end", end);
}

static int
write_day(json_t *rec, const struct roster_day *rd, int64_t day, const char *zone,
    const struct fsd_pos *pos)
{
	char start[FSD_TIME_LEN], end[FSD_TIME_LEN];
	json_t *off;

	if (instant(zone, day, rd->start_min, start, pos) != 0
	    || instant(zone, day, rd->end_min, end, pos) != 0)
		return FSD_FIELD_BAD;
	json_object_set_new(rec, "shift", period(start, end));
	json_object_del(rec, "not_working");
	for (size_t i = 0; i < rd->ngaps; i++) {
		if (instant(zone, day, rd->gaps[i].start_min, start, pos) != 0
		    || instant(zone, day, rd->gaps[i].end_min, end, pos) != 0)
			return FSD_FIELD_BAD;
		if (!json_is_array(off = json_object_get(rec, "off")))
			json_object_set_new(rec, "off", off = json_array());
		json_array_append_new(off, period(start, end));
	}
	return 0;
}

int
roster_apply(json_t *rec, int64_t day, const char *zone,
    const struct recur_holidays *holidays, const struct fsd_pos *pos)
{
	struct roster r = { 0 };
	struct roster_day rd;
	json_t *roster;
	const char *own_zone;
	int result;

	if ((result = fsd_field_object(rec, "roster", &roster, pos)) != FSD_FIELD_OK)
		return result == FSD_FIELD_ABSENT ? 0 : FSD_FIELD_BAD;
	if ((result = fsd_field_string(rec, "roster.zone", &own_zone, pos)) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (result == FSD_FIELD_OK)
		zone = own_zone;
	if (zone == NULL)
		return fsd_field_fail(pos, "\"roster.zone\" is required (or --tz ZONE)");
	if (!fsd_zone_valid(zone))
		return fsd_field_fail(pos, "\"roster.zone\": \"%s\" is not a zone of the tz database", zone);
	if (json_object_get(roster, "week") == NULL)
		return fsd_field_fail(pos, "\"roster.week\" is required (mon-fri 07:00-15:30)");
	if (add_items(&r, json_object_get(roster, "week"), "week", roster_add_hours, pos) != 0
	    || add_items(&r, json_object_get(roster, "days_off"), "days_off", roster_add_off, pos) != 0) {
		roster_free(&r);
		return FSD_FIELD_BAD;
	}
	roster_day(&r, day, &rd);
	roster_free(&r);
	if (rd.working && recur_holiday(holidays, day)) {
		rd.working = 0;
		rd.why_not = "holiday";
	}
	if (!rd.working) {
		/* Yesterday's shift must not be read as today's. */
		json_object_del(rec, "shift");
		json_object_set_new(rec, "not_working", json_string(rd.why_not));
		return 0;
	}
	return write_day(rec, &rd, day, zone, pos);
}
