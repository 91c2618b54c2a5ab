/* fsd-route's records: techs and jobs in, a routing instance out, and the
 * solution back onto the job records (records_plan.c). The run is read
 * and written in the records* files only (engine.h's map); the solver
 * never sees JSON. */
#ifndef FSD_ROUTE_RECORDS_H
#define FSD_ROUTE_RECORDS_H

#include <stdio.h>
#include <jansson.h>

#include "records_clock.h"
#include "records_places.h"
#include "route.h"
#include "solution.h"

/* A SKU and how many: a job's part, or what a truck carries of it. */
struct route_part {
	const char *sku;	/* borrowed from the record */
	long long qty;
};

struct route_tech {
	json_t *record;
	long line;		/* its line in the techs file */
	const char *id;
	json_t *skills;		/* borrowed from record; may be NULL */
	const char *territory;	/* borrowed; NULL: floats */
	int home, end;		/* locations */
	int position;		/* last known place (re-planning), or -1 */
	double shift_start, shift_end, capacity;
	int offset;		/* UTC offset its shift was written in */
	/* A tech with "shifts" (several days) is one entry a day, each a
	 * vehicle; day is its index in shifts, or -1 for "shift". */
	int day;
	/* An on-call tech (its record's "on_call") has a second entry after
	 * its day: called out from home once the shift is over, for on-call
	 * jobs only, for up to run->on_call_minutes. on_call marks it. */
	int on_call;
	/* Its time off and breaks (sorted), limits and overtime
	 * (records_techtime.c): the instance's vehicle borrows them. */
	struct route_interval *off;
	int noff;
	struct route_break *breaks;
	int nbreaks;
	struct route_limits {
		long long max_stops;	/* 0: none */
		double max_drive_minutes, max_km;	/* ROUTE_UNBOUNDED: none */
		double overtime_max_min, overtime_cost_per_min;
	} limits;
	/* Its own "stock" (an object of sku: qty; records_parts.c): when
	 * has_stock, its truck is counted from it, not the stock file. An
	 * on-call entry borrows its day's. */
	int has_stock;
	struct route_part *stock;
	int nstock;
};

/* Where a job stands when re-planning (--now). */
enum route_status { ROUTE_OPEN, ROUTE_DONE, ROUTE_IN_PROGRESS, ROUTE_EN_ROUTE };

struct route_job_record {
	json_t *record;
	const char *id;
	enum route_status status;
	struct route_job fields;	/* its fields, also when it is not routed */
	double started;		/* in progress: since when */
	double old_arrive;	/* the arrival the plan it came from gave, or NAN */
	double old_start, old_end;	/* its start of service and end, or NAN */
	/* Re-planning: the break that plan put before it, or NAN. */
	double old_break_start, old_break_end;
	/* --now: the latest running_late alert (fsd-track) for this job on
	 * its tech says the tech is not there before this; NAN when none. */
	double late_eta;
	/* In progress or on the way: fixed times, and the place the drive
	 * to it starts from. */
	double fixed_arrive, fixed_start, fixed_end;
	int fixed_from;
	int in_instance;	/* index into the instance's jobs, or -1 */
	/* Re-planning: the plan it came from had it ended by --now, yet it
	 * carries no status -- likely done, the status not yet recorded. */
	int ended_unsaid;
	int tech;		/* the tech it arrived with, or -1 */
	char *came_with;	/* that tech's id as it came (even unknown), or NULL */
	int offset;
	double window_start, window_end;	/* ROUTE_UNBOUNDED when absent */
	double matched_arrival;	/* fsd-match's match.arrival (or the arrival
				 * of the plan being re-planned), or NAN */
	double sla_due;		/* or NAN */
	struct route_interval *windows;	/* "windows", sorted; or NULL */
	int nwindows;
	int fixed_place;	/* locked with seq: its place in the day, or 0 */
	/* Parts and where to pick them up (parts.c), with --stock. */
	struct route_pickup *pickup;
	struct route_part *parts;
	int nparts;
};

/* The --stock file (fsd-restock's format): places and their stock. */
struct route_stock_place {
	const char *id, *kind;	/* "truck", "warehouse", "supplier" */
	int loc;
	json_t *record;
};

struct route_stock_row {
	int place, supplier;	/* into places; supplier -1 when none */
	const char *sku;
	long long qty;
};

struct route_stock {
	json_t *records;
	struct route_stock_place *places;
	int nplaces;
	struct route_stock_row *rows;
	int nrows;
};

/* A running_late alert read with the plan (--now): tech will not be at
 * job before eta, as fsd-track saw at at. */
struct route_late_eta {
	const char *job, *tech;	/* borrowed from the alert */
	double eta, at;
};

struct route_run {
	int has_now;		/* re-planning: statuses count */
	double now;		/* minutes on the clock */
	/* fsd-match --now: no day starts before this (no statuses read). */
	int has_not_before;
	double not_before;
	double eta_threshold;	/* a moved arrival is told beyond this */
	double min_remaining;	/* an overrun job takes at least this more */
	/* What the techs jobs come with are: by default a start the search
	 * may leave for a better plan (moved_from says so); with keep_techs
	 * (--keep-techs) a bond; with from_scratch (--reassign) nothing. */
	int keep_techs, from_scratch;
	int any_free;		/* some job may go to any qualified tech */
	int return_in_shift;	/* back home by the shift's end, not only done */
	double on_call_minutes;	/* how long after the shift on-call techs reach:
				 * the most an on-call job asks (on_call_minutes,
				 * fsd-match writes it from its rules) */
	struct fsd_travel travel;
	struct route_clock clock;
	struct route_places places;
	struct route_tech *techs;
	int ntechs;
	size_t techs_cap;
	int multi_day;		/* some tech has several shifts */
	struct route_job_record *jobs;
	size_t njobs, jobs_cap;
	json_t *tech_records;
	/* The instance's jobs as fields, until route_run_instance builds it. */
	struct route_job *pending;
	size_t pending_cap;
	unsigned char *pending_qualified;	/* per pending job, ntechs */
	int npending;
	struct route_limits limits;	/* --rules: every tech's, unless its own */
	/* Jobs locked at their seq, by tech then place (fixed.c): the
	 * vehicles' fixed stops, and the records they are. */
	struct route_job *fixed_jobs;
	int *fixed_places, *fixed_records;
	int nfixed;
	int has_stock;
	struct route_stock stock;
	long stale_pickups;	/* pickup records of the plan read, replaced */
	/* Records that are not jobs (alerts from fsd-track and fsd-watch):
	 * out as they came, after the plan; running_late ones are heeded. */
	json_t *passed;
	struct route_late_eta *late_etas;
	size_t nlate_etas, late_etas_cap;
	long ended_unsaid;	/* jobs planned to end before --now, no status */
	/* SKUs the jobs' pickups name (sku_names[k] is number k), and each
	 * tech's truck stock of them, ntechs x nskus (parts.c). */
	const char **sku_names;
	size_t sku_names_cap;
	int nskus;
	double *truck_stock;
};

/* --rules FILE: the limits every tech has unless its record says
 * otherwise; an unknown key or a bad value ends the run (exit 1). */
void route_rules_load(struct route_limits *limits, const char *path);
/* Tech t's off, breaks and limits (records_techtime.c); FSD_FIELD_OK
 * or _BAD. */
int route_tech_read_time(struct route_run *run, struct route_tech *t,
    const struct fsd_pos *pos);
/* A job's "windows"; FSD_FIELD_OK, _ABSENT or _BAD. */
int route_job_read_windows(struct route_run *run, struct route_job_record *jr,
    struct route_job *job, const struct fsd_pos *pos);
/* A job's "due_range" of dates (records_days.c): a window on each day of it
 * (the window's hours, else the whole day); FSD_FIELD_OK, _ABSENT or
 * _BAD. */
int route_job_read_days(struct route_run *run, struct route_job_record *jr,
    struct route_job *job, int has_window, const struct fsd_pos *pos);
/* start and end of an interval object ({start, end}) at path: both or
 * neither; FSD_FIELD_OK, _ABSENT or _BAD. */
int route_read_interval(struct route_run *run, const json_t *rec, const char *path,
    double *start, double *end, int *offset, const struct fsd_pos *pos);

/* A locked job with a seq and a tech keeps its place: a fixed stop of
 * its tech (records_fixed.c). 1 when it is one, 0 when not, -1 for a
 * bad seq. */
int route_fixed_read(struct route_run *run, struct route_job_record *jr,
    const struct fsd_pos *pos);
/* Give each vehicle its fixed stops (fixed.c); a stop its tech cannot
 * keep at its place is marked and left out. */
void route_fixed_attach(struct route_run *run, struct route_instance *in);
/* Mark jr, a fixed stop of tech t, as one t cannot keep (locked_unreachable). */
void route_fixed_unreachable(const struct route_run *run, int t, struct route_job_record *jr);
/* The records of vehicle v's day in order, fixed stops among the
 * routed jobs, as timeline.c put them: stops[0..count-1]. */
struct route_job_record *route_fixed_record(struct route_run *run, int v, int fixed);

/* --stock FILE: where parts are (records_parts.c). Rows naming an
 * unknown location or supplier are reported where they are (exit 1). */
void route_stock_load(struct route_run *run, const char *path);
/* The stock file's location of that id, or -1 (parts.c). */
int route_stock_find(const struct route_stock *st, const char *id);
/* Tech t's own "stock", when its record has one (records_parts.c). */
void route_tech_read_stock(struct route_tech *t);
/* A job's parts against each allowed tech's truck and the stock file:
 * 1 when some tech can have them (ok[] narrowed to those), 0 when none
 * can (marked parts_unavailable), -1 for a bad field (records_parts.c). */
int route_parts_read(struct route_run *run, struct route_job_record *jr,
    struct route_job *job, unsigned char *ok, const struct fsd_pos *pos);
/* The counting behind route_parts_read, over the parts read into jr
 * (parts.c): without a stock file (pickup is then 0) the techs whose
 * truck carries them all; with one, also the warehouses and suppliers
 * that have them all, as jr's pickup. 1 when some tech can have them
 * (ok[] narrowed to those), 0 when none can. */
int route_parts_sources(struct route_run *run, struct route_job_record *jr,
    struct route_job *job, unsigned char *ok, int pickup);
/* Each vehicle's truck stock, for the timeline to draw down (parts.c). */
void route_parts_attach(struct route_run *run, struct route_instance *in);
/* The pickup record before a job: kind "pickup", where, what the truck
 * lacks of its parts (have: the truck as drawn down so far). */
json_t *route_pickup_record(const struct route_run *run, const struct route_job_record *jr,
    int tech, int loc, const double *have);
void route_stock_free(struct route_run *run);

/* Does the job's record carry an exception (its own, or one given here)? */
int route_job_has_exception(const struct route_job_record *jr);

/* Read the techs file; a bad tech is reported and left out (exit 1). */
void route_run_load_techs(struct route_run *run, const char *path);
/* One job from the input: kept for output, and into the instance when it
 * can be routed. Returns non-zero for a bad record (already marked). */
int route_run_add_job(struct route_run *run, json_t *record, const struct fsd_pos *pos);
/* The instance of every routable job and every tech. */
struct route_instance *route_run_instance(struct route_run *run);
void route_run_free(struct route_run *run);

/* --now TIME on the run's clock; a bad time is a usage error. */
void route_run_set_now(struct route_run *run, const char *text);
/* fsd-match's --now: days start no earlier than TIME, nothing else. */
void route_run_set_not_before(struct route_run *run, const char *text);
/* Re-planning (records_replan.c). The job's status and the times it
 * needs, read when --now was given; -1 for a bad one (reported). */
int route_replan_read(struct route_run *run, struct route_job_record *jr,
    const struct fsd_pos *pos);
/* Each job's old_break_start and _end, from the "break" the plan being
 * re-planned gave it, for route_replan_heads. */
void route_replan_read_breaks(struct route_run *run);
/* A record that is not a job (fsd_record_is_job): kept, to go out as it
 * came after the plan; a running_late alert is also read, for --now. 0,
 * or -1 with the field's message when such an alert is bad. */
int route_pass_record(struct route_run *run, json_t *record, const struct fsd_pos *pos);
/* Each job's late_eta, from the running_late alerts read. */
void route_replan_read_late(struct route_run *run);
/* Each tech's day so far -- done, in progress, on the way -- decides
 * where and when the rest starts: the vehicles are moved there, and
 * the breaks taken leave their lists (replan.c). */
void route_replan_heads(struct route_run *run, struct route_instance *in);
/* Write tech t's jobs that are done, in progress or on the way; returns
 * how many (the routed jobs' seq follow them). */
int route_replan_emit_heads(struct route_run *run, const struct route_instance *in, int t);
/* "eta_changed" on a job whose start of service -- what the customer
 * waits for -- moved beyond the threshold. */
void route_replan_mark_eta(const struct route_run *run, struct route_job_record *jr,
    double start);

/* The plan jobs come with, as a start: each tech's jobs in the order of
 * their match.arrival (or the arrival of the plan being re-planned)
 * while the day holds, then those given a tech by hand where they cost
 * least. NULL when no job comes with a tech. */
struct route_solution *route_run_seed(const struct route_run *run,
    const struct route_instance *in);

/* Write every job, routed or with its exception, and the per-tech summary
 * (records_plan.c). eta_width is the customer window's width in minutes. */
void route_run_emit(struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, double eta_width, FILE *summary);

#endif
