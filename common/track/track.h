/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-track: GPS pings held against the plan.
 *
 * The files, in the order a ping meets them:
 *   rules.c      the thresholds (struct track_rules) and their defaults,
 *                one table row a rule; records_rules.c reads a rules file
 *   records.c    the plan (job records) into each tech's stops, and the
 *                events and alerts out as records (with records_rules.c,
 *                the only JSON here)
 *   noise.c      whether a ping is believed: accuracy, order, jumps
 *   engine.c     a believed ping moves the tech's state: geofences,
 *                en route, off route, idle, late, speeding; the clock
 *                sweep finds techs gone silent
 *
 * Everything a tech needs is in its struct track_tech, so memory follows
 * the number of techs and stops, never the number of pings. A ping is
 * judged against its own tech's past only, and the silence sweep runs on
 * the time the pings say, not the machine's: a day's file replayed gives
 * what the live stream gave. */
#ifndef FSD_TRACK_H
#define FSD_TRACK_H

#include <stddef.h>
#include <stdint.h>

#include "sidefile.h"

#include "geo.h"

struct track_rules {
	double geofence_km;	/* inside this of a site is "at" it */
	double leave_km;	/* outside this of the site is "left": wider than
				 * the geofence so GPS scatter at the kerb does
				 * not arrive and leave over and over */
	int dwell_min;		/* inside this long proves an arrival */
	double en_route_km;	/* this much nearer the next stop is "on the way" */
	double off_route_km;	/* detour beyond any sensible path to the next stop */
	int off_route_min;	/* ... for this long */
	double idle_km;		/* staying within this is standing still */
	int idle_min;		/* standing still away from sites this long */
	int late_grace_min;	/* ETA past the promised window by more than this */
	int late_step_min;	/* raise again when the ETA slips this much more */
	int no_signal_min;	/* no ping this long during the shift */
	double speeding_kmh;	/* 0: speeding is not watched */
	int speeding_min;	/* faster than that this long */
	double max_accuracy_m;	/* pings reporting worse accuracy are noise */
	double max_speed_kmh;	/* a jump faster than any truck is noise */
	int jump_confirm;	/* ...unless this many pings in a row agree on it */
	struct fsd_travel travel;	/* the drive model fsd-route plans with */
};

void track_rules_default(struct track_rules *r);

/* The rules file's keys, one row a rule, defaults in the rows
 * (common/sidefile.h); track_rules_default gives them. */
extern const struct fsd_key track_rule_keys[];

/* Read a rules file over the defaults; a bad or unknown key is a
 * positioned error and exit 1. */
void track_rules_load(struct track_rules *r, const char *path);

/* One planned stop of a tech's day, in route order. */
struct track_stop {
	char *job;
	char *address;		/* for messages; may be NULL */
	double lat, lon;
	int64_t arrive;		/* planned arrival */
	int64_t promised_end;	/* end of the ETA window told the customer, else
				 * the job's window, else the planned arrival */
	int duration_min;
	int drive_min;		/* planned drive to it */
	int64_t break_start, break_end;	/* a planned break before it, or 0 */
	/* what happened */
	int visited;		/* arrived (proven or in the status log) */
	int closed;		/* completed, cancelled or cannot_complete */
	int en_route_said;
	int64_t arrived_at;
	int64_t late_eta;	/* the ETA last raised as running_late, 0 none */
};

struct track_tech {
	char *id;
	int offset_min;		/* the plan's UTC offset, for times we write */
	struct track_stop *stops;
	size_t nstops, cap;
	int planned;		/* in the plan; pings of others are only counted */
	int64_t shift_start, shift_end;
	int has_home;
	double home_lat, home_lon;

	/* noise.c */
	int have_fix;
	int64_t fix_at;		/* last believed ping */
	double lat, lon;
	int64_t heard_at;	/* last ping of any quality: the device is alive */
	int jump_count;		/* pings in a row agreeing on a jump */
	int64_t jump_at;
	double jump_lat, jump_lon;

	/* engine.c */
	size_t next;		/* the stop being driven to; nstops: day done */
	int on_site;		/* the stop the tech is at, -1 none */
	int inside;		/* the stop whose geofence holds the tech, -1 */
	int64_t inside_since;
	double inside_lat, inside_lon;
	int have_depart;	/* where the leg to next started */
	double depart_lat, depart_lon;
	int64_t left_at;	/* when the tech left the last site, 0 none */
	char *left_job;
	int64_t off_since;
	int off_raised;
	int64_t still_since;
	double still_lat, still_lon;
	int idle_raised;
	int64_t fast_since;
	int speeding_raised;
	int silent_raised;
};

/* What the engine found, for records.c to write. */
enum track_what {
	TRACK_ON_SITE, TRACK_EN_ROUTE,
	TRACK_OFF_ROUTE, TRACK_IDLE, TRACK_RUNNING_LATE, TRACK_NO_SIGNAL, TRACK_SPEEDING
};
struct track_finding {
	enum track_what what;
	const struct track_tech *tech;
	const struct track_stop *stop;	/* the job it is about, or NULL */
	int64_t at;
	int has_position;
	double lat, lon;
	int64_t eta;		/* running_late */
	int minutes;		/* how long / how late */
	double km;		/* off_route: detour; speeding: km/h */
	const char *left_job;	/* en_route after a site */
	int64_t left_at;
	int64_t since;		/* no_signal: the last ping heard, 0 none */
};
typedef void (*track_report_fn)(const struct track_finding *f, void *ctx);

struct track {
	struct track_rules rules;
	struct track_tech *techs;
	size_t ntechs, cap;
	long *index;		/* techs by id hash, -1 empty (techs.c) */
	size_t index_size;
	int64_t clock;		/* the latest believed ping of anyone */
	int64_t swept_at;	/* the clock the silence sweep last ran at */
	track_report_fn report;
	void *ctx;
	long noise_accuracy, noise_order, noise_jump;
};

struct track_tech *track_tech_find(struct track *t, const char *id, size_t len);
struct track_tech *track_tech_add(struct track *t, const char *id);
struct track_stop *track_stop_add(struct track_tech *tech, const char *job);
/* Once the plan and tech records are in: stops in planned order, the
 * shift from the plan where no tech record gave one. */
void track_prepare(struct track *t);
void track_free(struct track *t);

/* One ping of a known tech. Returns 0 when believed, else the reason it
 * was taken for noise. */
enum track_noise { TRACK_BELIEVED = 0, TRACK_NOISE_ACCURACY, TRACK_NOISE_ORDER, TRACK_NOISE_JUMP };
enum track_noise track_noise_judge(struct track *t, struct track_tech *tech, int64_t at,
    double lat, double lon, double accuracy_m);
enum track_noise track_ping(struct track *t, struct track_tech *tech, int64_t at,
    double lat, double lon, double accuracy_m, double speed_kmh);

/* A status event from the day's log: what is known already. */
void track_status(struct track *t, struct track_tech *tech, const char *job,
    const char *status, int64_t at);

/* Raise no_signal for every tech silent too long by the clock; run by
 * track_ping as the clock moves, and once at the end of the input. */
void track_sweep(struct track *t, int64_t clock);

/* records.c: the plan's job records (and --techs' shifts and homes) in;
 * a finding out as one status event or alert record in buf. */
void track_load_plan(struct track *t, const char *path);
void track_load_techs(struct track *t, const char *path);
struct fsd_buf;
void track_finding_record(const struct track_finding *f, struct fsd_buf *buf);

#endif
