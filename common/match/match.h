/* The dispatch matcher: which technician gets which job, and why not.
 *
 * Plain C over structs, no JSON: cmd/fsd-match.c turns records into a
 * struct match_day, calls match_run and turns the results back. Times are
 * minutes since 1970-01-01T00:00Z as doubles (travel is fractional);
 * each tech and job keeps the UTC offset it was written in for messages.
 *
 * The method is sequential insertion (Solomon's I1 family, greatly
 * simplified): jobs are taken most urgent first, and each goes where it
 * scores best among the techs that can legally take it, into any gap of
 * their day that it fits without moving a visit already promised. A
 * priority-1 job no one can take may bump a routine job (the interrupt). */
#ifndef FSD_MATCH_H
#define FSD_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "geo.h"

struct match_interval {
	double start, end;	/* minutes since the epoch */
};

struct match_stock {
	char *sku;
	long qty;		/* what is on the truck now; used up as jobs are given */
};

struct match_part {
	char *sku;
	long qty;
};

/* One visit on a tech's day; the route is kept in time order. */
struct match_stop {
	size_t job;
	double arrive, end;	/* end = arrive + duration */
};

struct match_tech {
	char *id, *name, *territory;
	size_t *skills, nskills;	/* interned skill numbers */
	uint64_t *skillset;		/* the same as a bitset, made by match_prepare */
	double lat, lon;		/* home: where the day starts */
	double xyz[3];			/* the same as a unit vector (match_prepare) */
	struct match_interval shift;
	struct match_interval *off;	/* sorted by start */
	size_t noff;
	struct match_stock *stock;	/* sorted by sku */
	size_t nstock;
	int on_call;
	int offset_minutes;
	/* the day being built */
	struct match_stop *route;
	size_t nroute, route_cap;
	double booked;			/* minutes of work on the route */
	double longest_gap;		/* minutes: the longest idle stretch */
	uint64_t idle;			/* blocks of the day wholly idle (match_day) */
};

enum { MATCH_UNSET = -1 };

/* Per job type: what a trade's playbook adds (rules file, "types"). */
struct match_playbook {
	char *type;		/* NULL for the default section */
	char **skills;		/* required on top of the job's own */
	size_t nskills;
	int priority;		/* 1..3; the job keeps the more urgent of the two */
	double sla_hours;	/* sla_due = plan start + this, unless sooner */
	double duration;	/* minutes, for jobs that give none */
	int territory_binds;	/* the job's territory is a hard rule */
	int parts_pickup;	/* may a tech without the parts pick them up */
	double pickup_minutes;	/* what a pickup adds to the drive */
	int on_call;		/* on-call techs may take it after their shift */
};

struct match_weights {
	double drive;		/* points lost per minute of added drive */
	double sla;		/* points lost per minute later than the earliest
				 * possible arrival, for jobs with a deadline */
	double vip;		/* multiplies the sla weight for VIP customers */
	double preferred;	/* points for the customer's preferred tech */
	double parts;		/* points when the truck holds every part */
	double balance;		/* points lost per hour already booked */
	double territory;	/* points for working one's own territory */
	double bump;		/* points an emergency pays to bump a routine
				 * visit; twice that for a priority 2 */
};

struct match_rules {
	struct match_weights weights;
	struct match_playbook base;	/* the "default" section */
	struct match_playbook *types;
	size_t ntypes;
	double on_call_minutes;		/* how long after a shift on-call reaches */
	double interrupt_minutes;	/* how much sooner a bump must bring help
					 * than the best free tech */
};

#define MATCH_MAX_REASONS 8

enum {
	MATCH_PLAYBOOK_PRIORITY = 1,	/* made more urgent */
	MATCH_PLAYBOOK_SLA = 2,		/* sla_due filled in or brought forward */
	MATCH_PLAYBOOK_SKILLS = 4,	/* skills added */
	MATCH_PLAYBOOK_DURATION = 8,	/* duration filled in */
	MATCH_PLAYBOOK_TERRITORY = 16,	/* territory made binding */
	MATCH_PLAYBOOK_NO_PICKUP = 32,	/* parts must be on the truck */
	MATCH_PLAYBOOK_ON_CALL = 64	/* on-call techs may be called out for it */
};

struct match_job {
	char *id, *type, *territory;
	int priority, vip, locked;
	double lat, lon;
	double xyz[3];			/* the site as a unit vector (match_prepare) */
	size_t *skills, nskills;	/* interned; the playbook's included */
	uint64_t *skillset;
	double duration;
	int has_window, has_sla;
	struct match_interval window;
	double sla_due;
	int has_received;
	double received;	/* when the call came in: an SLA counts from it */
	int own_has_sla;	/* the deadline it came with, before a playbook */
	double own_sla_due;
	struct match_part *parts;
	size_t nparts;
	long preferred, required, placed;	/* tech numbers, or -1 */
	size_t *excluded, nexcluded;
	int territory_binds, parts_pickup, on_call;
	double pickup_minutes;
	int offset_minutes;
	int skip;		/* a bad record: comes out as it is */
	/* what the playbook changed, for the record to say so (fsd-route
	 * downstream reads priority, sla_due, skills and duration) */
	size_t nskills_given;	/* skills[0..this) came with the job */
	unsigned playbook_changed;	/* MATCH_PLAYBOOK_* bits */
	const char *playbook;	/* the section that applied: a type, or "default" */
	/* the result */
	long tech;		/* -1: see exception */
	double arrive, drive, score;
	int pickup;		/* parts to be picked up on the way */
	long runner_up;
	double runner_up_score;
	char *unpinned;		/* why the tech it came with was not kept */
	char *warning;		/* kept on its tech against a rule (locked) */
	char *reasons[MATCH_MAX_REASONS];
	int nreasons;
	const char *exception;	/* a code: "no_capacity" ... */
	char *message;
};

/* The techs holding a given set of skills, found once per distinct set. */
struct match_pool {
	uint64_t *skillset;
	size_t *techs, ntechs;
};

struct match_day {
	struct match_tech *techs;
	size_t ntechs;
	struct match_job *jobs;
	size_t njobs;
	char **skill_names;
	size_t nskill_names, skill_cap, words;
	struct match_rules rules;
	struct fsd_travel travel;
	double now;		/* nothing starts before this */
	int has_now;
	double plan_start;	/* --now, or the earliest shift start */
	/* The day as 64 blocks from plan_start, a bit a block in each
	 * tech's idle: a job fits nowhere a run of idle blocks as long as
	 * it is cannot be found, which rules techs out by the handful. */
	double block_minutes;	/* 0: the day is too long for 64 blocks */
	int naive;		/* "whoever qualified is free next" */
	size_t *by_id;		/* tech numbers sorted by id */
	/* made by match_run */
	size_t *order;
	struct match_pool *pools;	/* qualified techs per skill set */
	size_t npools;
};

/* Intern a skill name: the same name, the same number. */
size_t match_skill(struct match_day *day, const char *name);
/* Add a tech or job, zeroed, with results cleared; returns it. */
struct match_tech *match_add_tech(struct match_day *day);
struct match_job *match_add_job(struct match_day *day);
/* The tech with this id, or -1 (binary search after match_index_techs). */
long match_find_tech(const struct match_day *day, const char *id);
void match_index_techs(struct match_day *day);

void match_rules_defaults(struct match_rules *rules);
/* Read a rules file over the defaults; a bad one is reported and exits 1. */
void match_rules_load(struct match_rules *rules, const char *path);
const struct match_playbook *match_playbook_for(const struct match_rules *rules,
    const char *type);
void match_rules_free(struct match_rules *rules);
/* Fold a job's playbook into it: skills, priority, SLA, flags. plan_start
 * is the base of sla_hours. */
void match_apply_playbook(struct match_day *day, struct match_job *job,
    double plan_start);

/* Decide the day. Afterwards every job that is not skip has tech >= 0 or
 * an exception with its message. */
void match_run(struct match_day *day);
void match_day_free(struct match_day *day);

/* Pieces, exposed for the unit tests and the explanation. */
/* A place as a point on the unit sphere, so that a distance costs a
 * square root and an arc sine instead of five trigonometric calls. */
void match_unit_vector(double lat, double lon, double xyz[3]);
double match_road_km(const struct match_day *day, const double a[3], const double b[3]);
double match_drive(const struct match_day *day, const double a[3], const double b[3]);
int match_has_skills(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j);
size_t match_count_missing(const struct match_tech *t, const struct match_job *j);
/* Where j would go on t's day: the best position by score, or -1. With
 * ignore_deadline, windows' ends and sla_due do not bind (for messages). */
struct match_slot {
	size_t pos;
	double arrive, drive;
	int pickup;
};
int match_best_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, int ignore_deadline, struct match_slot *slot);
int match_append_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, struct match_slot *slot);
void match_forced_slot(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, struct match_slot *slot);
int match_tech_has_parts(const struct match_tech *t, const struct match_job *j);
/* j in the gap left were stops from..to-1 of t's day taken away. */
int match_slot_between(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, size_t from, size_t to, struct match_slot *slot);
/* The hard rules, in the order they are checked and explained: the first
 * one tech breaks for job j, and its words after the tech's id ("lacks
 * cert:gasfit", "is excluded by the customer"; NULL for MATCH_RULE_KEPT). */
enum match_rule {
	MATCH_RULE_KEPT,
	MATCH_LACKS_SKILLS,
	MATCH_NOT_REQUIRED,	/* the customer requires another tech */
	MATCH_EXCLUDED,		/* the customer excluded this one */
	MATCH_OUT_OF_TERRITORY,	/* and the playbook binds the territory */
};
enum match_rule match_rule_broken(const struct match_day *day, size_t tech,
    const struct match_job *j);
char *match_rule_words(const struct match_day *day, size_t tech, const struct match_job *j,
    enum match_rule rule);

/* Could j fit a day with these idle blocks? 0 only when it cannot. */
struct match_need {
	int run;		/* idle blocks in a row the job must hold */
	uint64_t starts;	/* blocks the run may start in */
};
struct match_need match_job_need(const struct match_day *day, const struct match_job *j);
int match_may_fit(uint64_t idle, struct match_need need);
/* When t's day begins: shift start, or --now when later. */
double match_day_start(const struct match_day *day, const struct match_tech *t);
void match_insert(struct match_day *day, size_t tech, size_t job,
    const struct match_slot *slot);
void match_remove(struct match_day *day, size_t tech, size_t pos);
/* Why no tech could take job: sets its exception and message, after
 * prefix (may be NULL) when one is given. */
void match_explain(struct match_day *day, size_t job, const char *prefix);
/* Score j on t at slot: the number the choice is made by. */
double match_score(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, const struct match_slot *slot);
void match_prepare(struct match_day *day);
void match_refresh_gaps(struct match_day *day);
/* "13:10" in the given offset. */
char *match_clock(double minutes, int offset_minutes, char buf[16]);

#endif
