#include <stdio.h>
#include <string.h>

#include "field.h"
#include "geo.h"
#include "xalloc.h"
#include "event/records.h"

/* The fields an event is written with, first and in this order. */
static const char *const ordered[] = {
	"kind", "id", "job", "tech", "status", "at", "by", "position", "reason", "note", NULL
};

static int
is_ordered(const char *key)
{
	for (int i = 0; ordered[i] != NULL; i++)
		if (strcmp(key, ordered[i]) == 0)
			return 1;
	return 0;
}

/* A string field that, when present, must not be empty. */
static int
read_text(const json_t *record, const char *key, const char **out, const struct fsd_pos *pos)
{
	int r = fsd_field_string(record, key, out, pos);

	if (r == FSD_FIELD_OK && **out == '\0')
		return fsd_field_fail(pos, "\"%s\" must not be empty", key);
	return r;
}

int
event_read(const json_t *record, struct event *ev, const struct fsd_pos *pos)
{
	const char *kind = NULL, *status = NULL;
	json_t *position;
	int r, s;

	memset(ev, 0, sizeof *ev);
	if ((r = fsd_field_string(record, "kind", &kind, pos)) == FSD_FIELD_BAD)
		return r;
	if (kind != NULL && strcmp(kind, "status") != 0)
		return fsd_field_fail(pos, "\"kind\" of an event must be \"status\", not \"%s\"", kind);
	if (read_text(record, "id", &ev->id, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if ((r = read_text(record, "job", &ev->job, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : fsd_field_fail(pos, "\"job\" is missing");
	if ((r = fsd_field_string(record, "status", &status, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : fsd_field_fail(pos, "\"status\" is missing");
	if ((s = event_status_parse(status)) < 0)
		return fsd_field_fail(pos, "\"status\" \"%s\" is none of %s", status,
		    event_status_list());
	ev->status = (enum event_status)s;
	if (read_text(record, "tech", &ev->tech, pos) == FSD_FIELD_BAD
	    || read_text(record, "by", &ev->by, pos) == FSD_FIELD_BAD
	    || read_text(record, "reason", &ev->reason, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (ev->tech == NULL && event_status_needs_tech(ev->status))
		return fsd_field_fail(pos, "\"status\" \"%s\" needs the \"tech\" who reports it",
		    status);
	if (ev->reason == NULL && ev->status == EVENT_CANNOT_COMPLETE)
		return fsd_field_fail(pos, "\"status\" \"cannot_complete\" needs a \"reason\"");
	if ((r = fsd_field_time(record, "at", &ev->at, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? r : fsd_field_fail(pos, "\"at\" is missing");
	if ((r = fsd_field_object(record, "position", &position, pos)) == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_OK) {
		if (fsd_field_number(position, "lat", &ev->lat, NULL) != FSD_FIELD_OK
		    || fsd_field_number(position, "lon", &ev->lon, NULL) != FSD_FIELD_OK
		    || !fsd_latlon_valid(ev->lat, ev->lon))
			return fsd_field_fail(pos, "\"position\" must be {\"lat\", \"lon\"} of a real place");
		ev->has_position = 1;
	}
	return fsd_field_string(record, "note", &(const char *){ NULL }, pos) == FSD_FIELD_BAD
	    ? FSD_FIELD_BAD : FSD_FIELD_OK;
}

static void
fill_string(json_t *out, const json_t *in, const char *key, const char *fallback)
{
	json_t *v = json_object_get(in, key);

	if (v != NULL && !json_is_null(v))
		json_object_set(out, key, v);
	else if (fallback != NULL)
		json_object_set_new(out, key, json_string(fallback));
}

json_t *
event_record_make(const json_t *in, const struct event_defaults *d, const struct fsd_pos *pos)
{
	json_t *out = json_object(), *v;
	const char *key;
	struct event ev;

	json_object_set_new(out, "kind", json_string("status"));
	fill_string(out, in, "id", NULL);
	if (json_object_get(out, "id") == NULL)	/* its place, for the id the log gives */
		json_object_set_new(out, "id", json_null());
	fill_string(out, in, "job", NULL);
	fill_string(out, in, "tech", d->tech);
	fill_string(out, in, "status", NULL);
	fill_string(out, in, "at", d->at);
	fill_string(out, in, "by", d->by);
	if ((v = json_object_get(in, "position")) != NULL && !json_is_null(v))
		json_object_set(out, "position", v);
	else if (d->has_position)
		json_object_set_new(out, "position", json_pack("{s:f, s:f}", "lat", d->lat,
		    "lon", d->lon));
	fill_string(out, in, "reason", d->reason);
	fill_string(out, in, "note", d->note);
	json_object_foreach((json_t *)in, key, v)
		if (!is_ordered(key) && strcmp(key, "prev") != 0 && strcmp(key, "hash") != 0)
			json_object_set(out, key, v);
	/* "kind" was checked on the way in, the rest on the whole. */
	if ((v = json_object_get(in, "kind")) != NULL && !json_is_null(v))
		json_object_set(out, "kind", v);
	if (event_read(out, &ev, pos) != FSD_FIELD_OK) {
		json_decref(out);
		return NULL;
	}
	return out;
}

char *
event_id_make(const struct fsd_time *at, long line)
{
	int64_t local = at->seconds + (int64_t)at->offset_minutes * 60, year;
	int month, day;

	fsd_civil_from_days(local / 86400 - (local % 86400 < 0), &year, &month, &day);
	return xasprintf("EV-%04lld%02d%02d-%04ld", (long long)year, month, day, line);
}

const char *
event_id_of_line(struct event_id_reader *r, const char *line, size_t len)
{
	const char *id = NULL;

	if (fsd_scan(&r->scan, line, len, FSD_SCAN_ANY) != 0
	    || fsd_scan_string(&r->scan, 0, "id", &id, NULL, NULL) != FSD_FIELD_OK)
		return NULL;
	return id;
}

void
event_id_reader_free(struct event_id_reader *r)
{
	fsd_scan_free(&r->scan);
}
