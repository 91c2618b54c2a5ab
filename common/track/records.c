/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The plan in, findings out: the only JSON of fsd-track's engine. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "field.h"
#include "jsonbuf.h"
#include "record.h"
#include "track.h"
#include "xalloc.h"

static int64_t
time_or_zero(const json_t *rec, const char *path, const struct fsd_pos *pos, int *offset)
{
	struct fsd_time t;

	if (fsd_field_time(rec, path, &t, pos) != FSD_FIELD_OK)
		return 0;
	if (offset != NULL)
		*offset = t.offset_minutes;
	return t.seconds;
}

/* A routed job: tech, seq, site and arrive. Others (unassigned jobs,
 * summaries, pickups) are not stops to watch. */
static int
plan_record(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct track *t = ctx;
	const char *id, *tech_id, *address = NULL;
	long long seq, duration = 0;
	double lat, lon, drive = 0;
	struct track_tech *tech;
	struct track_stop *s;
	int offset;
	int64_t arrive;
	struct fsd_time when;

	if (fsd_field(rec, "kind") != NULL || fsd_field_string(rec, "tech", &tech_id, NULL) != FSD_FIELD_OK
	    || fsd_field_int(rec, "seq", &seq, NULL) != FSD_FIELD_OK)
		return 0;
	{
		int r[4] = {
			fsd_field_string(rec, "id", &id, pos),
			fsd_field_number(rec, "site.lat", &lat, pos),
			fsd_field_number(rec, "site.lon", &lon, pos),
			fsd_field_time(rec, "arrive", &when, pos),
		};

		for (int i = 0; i < 4; i++)
			if (r[i] == FSD_FIELD_BAD)
				return 1;
		if (r[0] != FSD_FIELD_OK || r[1] != FSD_FIELD_OK || r[2] != FSD_FIELD_OK
		    || r[3] != FSD_FIELD_OK || !fsd_latlon_valid(lat, lon)) {
			fsd_warn_at(pos, "a routed job needs \"id\", \"site\" {lat, lon} and \"arrive\"");
			return 1;
		}
		arrive = when.seconds;
		offset = when.offset_minutes;
	}
	fsd_field_int(rec, "duration", &duration, pos);
	fsd_field_number(rec, "drive.min", &drive, pos);
	fsd_field_string(rec, "site.address", &address, pos);
	tech = track_tech_find(t, tech_id, strlen(tech_id));
	if (tech == NULL)
		tech = track_tech_add(t, tech_id);
	tech->planned = 1;
	tech->offset_min = offset;
	s = track_stop_add(tech, id);
	s->lat = lat;
	s->lon = lon;
	s->arrive = arrive;
	s->duration_min = (int)duration;
	s->drive_min = (int)(drive + 0.5);
	s->address = address != NULL ? xstrdup(address) : NULL;
	s->promised_end = time_or_zero(rec, "eta_window.end", pos, NULL);
	if (s->promised_end == 0)
		s->promised_end = time_or_zero(rec, "window.end", pos, NULL);
	if (s->promised_end == 0)
		s->promised_end = arrive;
	s->break_start = time_or_zero(rec, "break.start", pos, NULL);
	s->break_end = time_or_zero(rec, "break.end", pos, NULL);
	return 0;
}

void
track_load_plan(struct track *t, const char *path)
{
	if (fsd_read_record_file(path, plan_record, t) > 0)
		fsd_die(FSD_EXIT_DATA, "%s: plan has errors", fsd_display_name(path));
}

/* A tech record gives the shift (no_signal is watched inside it) and
 * home (standing still there is not idle). */
static int
tech_record(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct track *t = ctx;
	const char *id;
	struct track_tech *tech;
	double lat, lon;

	if (fsd_field_string(rec, "id", &id, pos) != FSD_FIELD_OK)
		return fsd_field(rec, "id") == NULL ? (fsd_warn_at(pos, "\"id\" is missing"), 1) : 1;
	tech = track_tech_find(t, id, strlen(id));
	if (tech == NULL)
		return 0;	/* not on the plan: nothing to watch */
	if (fsd_field_number(rec, "home.lat", &lat, NULL) == FSD_FIELD_OK
	    && fsd_field_number(rec, "home.lon", &lon, NULL) == FSD_FIELD_OK
	    && fsd_latlon_valid(lat, lon)) {
		tech->has_home = 1;
		tech->home_lat = lat;
		tech->home_lon = lon;
	}
	tech->shift_start = time_or_zero(rec, "shift.start", pos, NULL);
	tech->shift_end = time_or_zero(rec, "shift.end", pos, NULL);
	if (tech->shift_start == 0 || tech->shift_end <= tech->shift_start)
		tech->shift_start = tech->shift_end = 0;
	return 0;
}

void
track_load_techs(struct track *t, const char *path)
{
	if (fsd_read_record_file(path, tech_record, t) > 0)
		fsd_die(FSD_EXIT_DATA, "%s: technicians file has errors", fsd_display_name(path));
}

static const char *const what_name[] = {
	[TRACK_ON_SITE] = "on_site", [TRACK_EN_ROUTE] = "en_route",
	[TRACK_OFF_ROUTE] = "off_route", [TRACK_IDLE] = "idle",
	[TRACK_RUNNING_LATE] = "running_late", [TRACK_NO_SIGNAL] = "no_signal",
	[TRACK_SPEEDING] = "speeding",
};

static void
put_time(struct fsd_buf *b, const char *key, int64_t seconds, int offset, int *first)
{
	char text[FSD_TIME_LEN];

	fsd_buf_key(b, key, first);
	fsd_buf_string(b, fsd_time_format(seconds, offset, text));
}

static void
put_number(struct fsd_buf *b, double v)
{
	json_t *j = json_real(v);

	fsd_buf_json(b, j);
	json_decref(j);
}

/* HH:MM in the plan's offset, for messages. */
static const char *
clock_text(int64_t seconds, int offset, char buf[FSD_TIME_LEN])
{
	char full[FSD_TIME_LEN];

	fsd_time_format(seconds, offset, full);
	snprintf(buf, FSD_TIME_LEN, "%.5s", full + 11);
	return buf;
}

static char *
message(const struct track_finding *f)
{
	const char *tech = f->tech->id, *job = f->stop != NULL ? f->stop->job : "";
	const char *where = f->stop != NULL && f->stop->address != NULL ? f->stop->address : job;
	int off = f->tech->offset_min;
	char a[FSD_TIME_LEN], b[FSD_TIME_LEN];

	switch (f->what) {
	case TRACK_ON_SITE:
		return xasprintf("%s arrived at %s", tech, where);
	case TRACK_EN_ROUTE:
		return xasprintf("%s on the way to %s", tech, where);
	case TRACK_OFF_ROUTE:
		return xasprintf("call %s: %.1f km off any sensible path to %s (%s) for %d min",
		    tech, f->km, job, where, f->minutes);
	case TRACK_IDLE:
		return xasprintf("call %s: standing still %d min away from any site, next job %s (%s)",
		    tech, f->minutes, job, where);
	case TRACK_RUNNING_LATE:
		return xasprintf("%s will reach %s at %s, %d min after the promised %s: tell the customer or re-plan (fsd-route --now)",
		    tech, job, clock_text(f->eta, off, a), f->minutes,
		    clock_text(f->stop->promised_end, off, b));
	case TRACK_NO_SIGNAL:
		if (f->since == 0)
			return xasprintf("call %s: no ping in %d min of the shift, next job %s (%s)",
			    tech, f->minutes, job, where);
		return xasprintf("call %s: no ping since %s (%d min), next job %s (%s)",
		    tech, clock_text(f->since, off, a), f->minutes, job, where);
	case TRACK_SPEEDING:
		return xasprintf("call %s: %.0f km/h for %d min", tech, f->km, f->minutes);
	}
	return xstrdup("");
}

void
track_finding_record(const struct track_finding *f, struct fsd_buf *b)
{
	const char *what = what_name[f->what];
	int status = f->what == TRACK_ON_SITE || f->what == TRACK_EN_ROUTE;
	int off = f->tech->offset_min, first = 1;
	char at[FSD_TIME_LEN], *text = message(f), *id;

	fsd_time_format(f->at, off, at);
	/* Ids are made of what was found, so a replay gives the same ids
	 * and a log or a sent list can tell a repeat. */
	id = status ? xasprintf("track:%s:%s:%s", f->tech->id, f->stop->job, what)
	    : xasprintf("track:%s:%s:%s", f->tech->id, what, at);
	fsd_buf_char(b, '{');
	fsd_buf_key(b, "kind", &first);
	fsd_buf_string(b, status ? "status" : "alert");
	fsd_buf_key(b, "id", &first);
	fsd_buf_string(b, id);
	if (!status) {
		fsd_buf_key(b, "code", &first);
		fsd_buf_string(b, what);
	}
	if (f->stop != NULL) {
		fsd_buf_key(b, "job", &first);
		fsd_buf_string(b, f->stop->job);
	}
	fsd_buf_key(b, "tech", &first);
	fsd_buf_string(b, f->tech->id);
	if (status) {
		fsd_buf_key(b, "status", &first);
		fsd_buf_string(b, what);
	}
	put_time(b, "at", f->at, off, &first);
	if (status) {
		fsd_buf_key(b, "by", &first);
		fsd_buf_string(b, "fsd-track");
	}
	if (f->has_position) {
		fsd_buf_key(b, "position", &first);
		fsd_buf_puts(b, "{\"lat\":");
		put_number(b, round(f->lat * 1e6) / 1e6);
		fsd_buf_puts(b, ",\"lon\":");
		put_number(b, round(f->lon * 1e6) / 1e6);
		fsd_buf_char(b, '}');
	}
	if (f->what == TRACK_RUNNING_LATE)
		put_time(b, "eta", f->eta, off, &first);
	if (f->what == TRACK_NO_SIGNAL && f->since != 0)
		put_time(b, "since", f->since, off, &first);
	if (f->what == TRACK_EN_ROUTE && f->left_job != NULL) {
		fsd_buf_key(b, "left", &first);
		fsd_buf_puts(b, "{\"job\":");
		fsd_buf_string(b, f->left_job);
		fsd_buf_puts(b, ",\"at\":");
		fsd_buf_string(b, fsd_time_format(f->left_at, off, at));
		fsd_buf_char(b, '}');
	}
	if (f->what == TRACK_OFF_ROUTE) {
		fsd_buf_key(b, "km", &first);
		put_number(b, round(f->km * 10) / 10);
	}
	if (f->what == TRACK_SPEEDING) {
		fsd_buf_key(b, "speed_kmh", &first);
		fsd_buf_int(b, (int64_t)llround(f->km));
	}
	if (!status || f->what == TRACK_EN_ROUTE) {
		if (!status) {
			fsd_buf_key(b, "minutes", &first);
			fsd_buf_int(b, f->minutes);
		}
		fsd_buf_key(b, status ? "note" : "message", &first);
		fsd_buf_string(b, text);
	}
	fsd_buf_puts(b, "}\n");
	free(text);
	free(id);
}
