/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-track: GPS pings held against the plan. What positions prove
 * (arrived, on the way) comes out as status events for the day's log;
 * what a dispatcher should act on (off route, idle, running late, no
 * signal, speeding) comes out as alerts. It reads a live stream or a
 * day's file alike, emitting as it goes; memory follows the techs, not
 * the pings (common/track/track.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fsd.h"
#include "jsonscan.h"
#include "sort.h"
#include "track/track.h"

static const char *plan_path, *techs_path, *events_path, *rules_path, *noisy_path, *now_text;
static struct fsd_time now;

static const struct fsd_option options[] = {
	{ 'p', "plan", "FILE", "the routed plan (fsd-route output) the pings are held against", NULL, &plan_path },
	{ 't', "techs", "FILE", "technicians: shifts and homes", NULL, &techs_path },
	{ 'e', "events", "FILE", "the day's status log: what is known already, taken in time order with the pings", NULL, &events_path },
	{ 'r', "rules", "FILE", "thresholds (JSON object); defaults in fsd-track(1)", NULL, &rules_path },
	{ 0, "noisy", "FILE", "append the pings taken for noise, with the reason, to FILE", NULL, &noisy_path },
	{ 0, "now", "TIME", "at the end of the input, look for silent techs as of TIME", NULL, &now_text,
	  .type = FSD_OPT_TIME, .time = &now },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-track", "--plan FILE [--techs FILE] [--events FILE] [--rules FILE] [--noisy FILE] [--now TIME] [FILE ...]",
	"hold GPS pings against the plan: proven status events and alerts",
	options, FSD_TOOL_RECORDS
};

/* A status event of --events, waiting for the pings to reach its time. */
struct known {
	int64_t at;
	size_t tech;		/* index in track.techs */
	const char *job, *status;	/* borrowed from the loaded log */
};

struct run {
	struct track track;
	json_t *log;		/* --events, loaded */
	struct known *known;
	size_t nknown, next_known;
	struct fsd_scan doc;	/* the line, reused */
	struct fsd_buf out;
	FILE *noisy;
};

/* Each record goes out whole and at once: a dispatcher's screen or
 * fsd-event downstream of `tail -F` sees it now, not when a buffer fills. */
static void
flush_out(struct run *run)
{
	fwrite(run->out.data, 1, run->out.len, stdout);
	run->out.len = 0;
	fflush(stdout);
}

static void
report(const struct track_finding *f, void *ctx)
{
	struct run *run = ctx;

	track_finding_record(f, &run->out);
	flush_out(run);
}

static void
pass_through(struct run *run)
{
	json_t *rec = fsd_scan_json(&run->doc, 0);

	fsd_emit(rec);
	fflush(stdout);
	json_decref(rec);
}

static enum fsd_line_result
bad_record(struct run *run)
{
	json_t *rec = fsd_scan_json(&run->doc, 0);

	fsd_set_exception(rec, "bad_record", "%s", fsd_field_error);
	fsd_emit(rec);
	fflush(stdout);
	json_decref(rec);
	return FSD_LINE_BAD_RECORD;
}

static const char *const noise_code[] = {
	[TRACK_NOISE_ACCURACY] = "gps_accuracy", [TRACK_NOISE_ORDER] = "out_of_order",
	[TRACK_NOISE_JUMP] = "gps_jump",
};

static void
keep_noise(struct run *run, enum track_noise noise)
{
	json_t *rec;

	if (run->noisy == NULL)
		return;
	rec = fsd_scan_json(&run->doc, 0);
	fsd_set_exception(rec, noise_code[noise], "%s",
	    noise == TRACK_NOISE_ACCURACY ? "accuracy worse than max_accuracy_m"
	    : noise == TRACK_NOISE_ORDER ? "not later than the last believed ping"
	    : "farther than max_speed_kmh could reach from the last believed ping");
	fsd_emit_to(run->noisy, rec);
	json_decref(rec);
}

/* The log's events up to a time, in time order, before the ping of that
 * time: a replay and a live run meet the same facts at the same moment. */
static void
apply_known(struct run *run, int64_t until)
{
	while (run->next_known < run->nknown && run->known[run->next_known].at <= until) {
		struct known *k = &run->known[run->next_known++];

		track_status(&run->track, &run->track.techs[k->tech], k->job, k->status, k->at);
	}
}

static int
by_event_time(const void *a, const void *b, void *ctx)
{
	const struct known *x = a, *y = b;

	(void)ctx;
	return (x->at > y->at) - (x->at < y->at);
}

static void
load_events(struct run *run, const char *path)
{
	long *lines = NULL;
	size_t i, cap = 0;
	json_t *rec;

	run->log = fsd_load_records(path, &lines);
	json_array_foreach(run->log, i, rec) {
		struct fsd_pos pos = { path, lines[i] };
		const char *kind = NULL, *tech, *job, *status;
		struct fsd_time at;
		struct track_tech *t;
		int r[4];

		if (fsd_field_string(rec, "kind", &kind, NULL) != FSD_FIELD_OK || strcmp(kind, "status") != 0)
			continue;	/* not a status event: not ours to read */
		r[0] = fsd_field_string(rec, "tech", &tech, &pos);
		r[1] = fsd_field_string(rec, "job", &job, &pos);
		r[2] = fsd_field_string(rec, "status", &status, &pos);
		r[3] = fsd_field_time(rec, "at", &at, &pos);
		if (r[0] == FSD_FIELD_BAD || r[1] == FSD_FIELD_BAD || r[2] == FSD_FIELD_BAD
		    || r[3] == FSD_FIELD_BAD)
			continue;	/* said at its line; the rest of the log still counts */
		if (r[0] != FSD_FIELD_OK || r[1] != FSD_FIELD_OK || r[2] != FSD_FIELD_OK
		    || r[3] != FSD_FIELD_OK)
			continue;	/* about no tech's stop: nothing to know */
		t = track_tech_find(&run->track, tech, strlen(tech));
		if (t == NULL)
			continue;
		run->known = xgrow(run->known, &cap, run->nknown + 1, sizeof *run->known);
		run->known[run->nknown++] = (struct known){ at.seconds, (size_t)(t - run->track.techs),
			job, status };
	}
	free(lines);
	fsd_sort(run->known, run->nknown, sizeof *run->known, by_event_time, NULL);
}

static enum fsd_line_result
ping(struct run *run, const struct fsd_pos *pos)
{
	const struct fsd_scan *d = &run->doc;
	const char *id;
	size_t id_len;
	struct fsd_time at;
	double lat, lon, accuracy = 0, speed = -1;
	struct track_tech *tech;
	enum track_noise noise;
	int r[6] = {
		fsd_scan_string(d, 0, "tech", &id, &id_len, pos),
		fsd_scan_time(d, 0, "at", &at, pos),
		fsd_scan_number(d, 0, "lat", &lat, pos),
		fsd_scan_number(d, 0, "lon", &lon, pos),
		fsd_scan_number(d, 0, "accuracy", &accuracy, pos),
		fsd_scan_number(d, 0, "speed", &speed, pos),
	};
	static const char *const need[] = { "tech", "at", "lat", "lon" };

	for (int i = 0; i < 6; i++)
		if (r[i] == FSD_FIELD_BAD)
			return bad_record(run);
	for (int i = 0; i < 4; i++)
		if (r[i] == FSD_FIELD_ABSENT) {
			fsd_field_fail(pos, "a ping needs \"%s\"", need[i]);
			return bad_record(run);
		}
	if (!fsd_latlon_valid(lat, lon)) {
		fsd_field_fail(pos, "\"lat\", \"lon\": not a place on Earth: %g, %g", lat, lon);
		return bad_record(run);
	}
	apply_known(run, at.seconds);
	tech = track_tech_find(&run->track, id, id_len);
	if (tech == NULL) {
		/* Kept (unplanned) so it is said once, not once a ping. */
		fsd_note("%s:%ld: \"tech\": %s has no stop in the plan; its pings are not watched",
		    fsd_display_name(pos->file), pos->line, id);
		tech = track_tech_add(&run->track, id);
	}
	noise = track_ping(&run->track, tech, at.seconds, lat, lon, accuracy, speed);
	if (noise != TRACK_BELIEVED)
		keep_noise(run, noise);
	return FSD_LINE_OK;
}

/* A status event of the day's log, merged into the pings in time order:
 * what is known already (an arrival typed in, a job completed) is not
 * proven again. It goes on as it came. */
static enum fsd_line_result
status_event(struct run *run, const struct fsd_pos *pos)
{
	const struct fsd_scan *d = &run->doc;
	const char *tech_id, *job, *status;
	size_t len;
	struct fsd_time at = { 0 };
	struct track_tech *tech;

	if (fsd_scan_string(d, 0, "tech", &tech_id, &len, pos) == FSD_FIELD_BAD
	    || fsd_scan_time(d, 0, "at", &at, pos) == FSD_FIELD_BAD)
		return bad_record(run);
	tech = fsd_scan_get(d, 0, "tech") >= 0 ? track_tech_find(&run->track, tech_id, len) : NULL;
	if (tech != NULL && fsd_scan_string(d, 0, "job", &job, NULL, NULL) == FSD_FIELD_OK
	    && fsd_scan_string(d, 0, "status", &status, NULL, NULL) == FSD_FIELD_OK)
		track_status(&run->track, tech, job, status, at.seconds);
	pass_through(run);
	return FSD_LINE_OK;
}

static enum fsd_line_result
per_line(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;
	const char *kind = "ping";
	size_t kind_len = 4;

	if (fsd_scan_record(&run->doc, text, len, FSD_SCAN_ANY, pos) != 0)
		return FSD_LINE_NOT_JSON;
	if (fsd_scan_string(&run->doc, 0, "kind", &kind, &kind_len, pos) == FSD_FIELD_BAD)
		return bad_record(run);
	if (kind_len == 4 && memcmp(kind, "ping", 4) == 0)
		return ping(run, pos);
	if (kind_len == 6 && memcmp(kind, "status", 6) == 0)
		return status_event(run, pos);
	pass_through(run);	/* not ours: on as it came */
	return FSD_LINE_OK;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };

	if (plan_path == NULL)
		fsd_usage_error("--plan FILE is required");
	track_rules_default(&run.track.rules);
	if (rules_path != NULL)
		track_rules_load(&run.track.rules, rules_path);
	run.track.report = report;
	run.track.ctx = &run;
	track_load_plan(&run.track, plan_path);
	if (techs_path != NULL)
		track_load_techs(&run.track, techs_path);
	track_prepare(&run.track);
	if (events_path != NULL)
		load_events(&run, events_path);
	if (noisy_path != NULL && (run.noisy = fopen(noisy_path, "a")) == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: cannot open: %s", noisy_path, strerror(errno));

	fsd_read_lines(argc - first, argv + first, per_line, &run);
	/* The end of the input is as far as the clock got, unless told. */
	apply_known(&run, now_text != NULL ? now.seconds : run.track.clock);
	track_sweep(&run.track, now_text != NULL ? now.seconds : run.track.clock);

	if (run.noisy != NULL)
		fsd_close_checked(run.noisy, noisy_path);
	fsd_scan_free(&run.doc);
	fsd_buf_free(&run.out);
	free(run.known);
	json_decref(run.log);
	track_free(&run.track);
	return fsd_finish();
}
