/* A plan as the views read it (fsd-board, fsd-ical, fsd-geojson,
 * fsd-report): the techs, each tech's stops in the order they are driven,
 * and the jobs the plan could not place, from fsd-route's output (see
 * fsd-route(1) OUTPUT and fsd(5)). Plain structs over the records, which
 * the plan holds. JSON is read or written in the records* files only;
 * the rest is plain C over these structs.
 *
 * Map of the files, in the order a plan meets them:
 *   records.c   records and the techs file -> struct view_plan
 *   plan.c      each tech's route in driving order, local clock times
 *   records_geojson.c  RFC 7946 of a plan (fsd-geojson)
 *   ical.c      RFC 5545 events through libical, SEQUENCE bumps (fsd-ical)
 *   records_ical.c  fsd-ical's state file
 *   html.c      escaping, the pages' one style sheet, dates in words
 *   board.c     the dispatcher's board: figures, timelines, alerts, jobs not placed
 *   svgmap.c    the board's map as inline SVG
 *   sheet.c     a tech's printable day sheet
 *   kpi.c       fsd-report's figures, one function a figure
 *   records_kpi.c  a row of figures as a record
 *   report.c    the figures as a table and as a page with charts */
#ifndef FSD_VIEWS_PLAN_H
#define FSD_VIEWS_PLAN_H

#include <stddef.h>

#include <jansson.h>

#include "err.h"
#include "rfc3339.h"

struct view_tech {
	const char *id;
	const char *name;		/* NULL without a techs file */
	const char *phone;
	int has_home;
	double home_lat, home_lon;
	int has_shift;
	struct fsd_time shift_start, shift_end;
	const char *color;		/* the tech's colour on the board and map */
};

/* VIEW_SUPERSEDED: a job whose id comes again later in the input (a
 * plan, then the same jobs closed): the later record is the job. */
enum view_stop_kind { VIEW_JOB, VIEW_PICKUP, VIEW_SUPERSEDED };

/* A part to take, as the record listed it; sku is NULL where the entry
 * had none (it still counts for the list's commas). */
struct view_part {
	const char *sku;
	long long qty;			/* 1 when not given as a whole number */
};

struct view_stop {
	json_t *record;			/* held by the plan */
	struct fsd_pos pos;		/* where it came from (file name borrowed) */
	enum view_stop_kind kind;
	const char *id;			/* a pickup: the job it is for */
	const char *tech;		/* NULL: no tech */
	int tech_index;			/* into plan->techs, -1 when none */
	long seq;			/* 0 when not placed (and for pickups) */
	const char *status;		/* the job's status, NULL when none */
	const char *type;
	long priority;			/* 0 when not given */
	const char *customer_id, *customer_name, *customer_phone;
	const char *notes;		/* free text for the technician */
	const char *access;		/* site.access: gate codes, keys, dogs */
	const char *exception_code, *exception_message;
	int has_site;
	double lat, lon;
	const char *address;
	int placed;			/* has a tech and its times, no exception */
	struct fsd_time arrive, start, end;	/* a pickup: arrive, arrive, depart */
	int has_eta;
	struct fsd_time eta_start, eta_end;
	double drive_min, drive_km;	/* from the previous stop */
	int has_break;
	struct fsd_time break_start, break_end;
	int late;			/* the plan's late: after sla_due */
	int eta_changed;		/* a re-plan moved it */
	const char *location;		/* a pickup's location, NULL when none */
	struct view_part *parts;	/* the job's parts, or a pickup's skus */
	size_t nparts;
	/* The day as it went (status events, or the fields fsd-status folds
	 * into the job): the last status and when, arrival on site and the
	 * end of the work. */
	int has_live;
	const char *live_status;
	struct fsd_time live_at;
	int has_arrived, has_completed;
	struct fsd_time arrived, completed;
	int has_sla;
	struct fsd_time sla_due;
	const char *asset_id;		/* asset.id: the equipment worked on */
	const char *follow_up_of;	/* the job this one returns to */
	/* Its invoice (--invoices): number, total in minor units, currency,
	 * and what payments (kind "payment") brought in against it. */
	const char *invoice_number, *invoice_currency, *invoice_date;
	long long invoice_total, paid;
};

struct view_alert {
	const char *code, *tech, *job, *message;
	int has_at;
	struct fsd_time at;
};

struct view_plan {
	struct view_tech *techs;
	size_t ntechs, techs_cap;
	struct view_stop *stops;	/* every job and pickup, in input order */
	size_t nstops, stops_cap;
	json_t *tech_records;		/* what the techs file held */
	json_t *others;			/* records of other kinds (alerts, status
					 * events), in input order */
	struct view_alert *alerts;	/* after view_plan_settle */
	size_t nalerts, alerts_cap;
	size_t events_used, events_unmatched;	/* status events */
	json_t *invoices;		/* the --invoices records, held */
	json_t *index;			/* job id -> stop index, after settle */
};

void view_plan_init(struct view_plan *p);
void view_plan_free(struct view_plan *p);

/* The techs file (--techs): ids, names, homes, shifts. Bad lines are
 * reported at their place; the good ones are kept. */
void view_plan_load_techs(struct view_plan *p, const char *path);

/* Take one record of a plan: a job (no kind, or kind "job"), a pickup
 * (kind "pickup"), or anything else (kept in p->others). A job whose
 * fields have the wrong shape is reported at pos and kept as not placed,
 * with exception bad_record. Returns 0, or 1 for a bad record. */
int view_plan_add(struct view_plan *p, json_t *record, const struct fsd_pos *pos);

/* A record of the --invoices file (a job as fsd-invoice wrote it, with
 * its invoice); matched to the plan's job by id in view_plan_settle. */
int view_plan_add_invoice(struct view_plan *p, json_t *record, const struct fsd_pos *pos);

/* Once every record is in: a job whose id comes again is superseded by
 * the later record; apply the status events (kind "status", in time
 * order, the last one wins) to their jobs, gather the alerts (kind
 * "alert"), match the invoices and the payments (kind "payment"). Events and alerts are read tolerantly:
 * one without what it needs is counted (events_unmatched), not fatal,
 * since their tools may add fields. */
void view_plan_settle(struct view_plan *p);

/* The stop of job id, or NULL (after view_plan_settle). */
struct view_stop *view_plan_job(const struct view_plan *p, const char *id);

/* The tech of that id, added (with no name) when the techs file has none. */
int view_plan_tech(struct view_plan *p, const char *id);

/* The placed stops of tech t in the order they are driven (by start,
 * then seq): fills out (caller frees) and returns how many. */
size_t view_plan_route(const struct view_plan *p, int t, const struct view_stop ***out);

/* "08:05" in the offset the time was written with. */
#define VIEW_HHMM_LEN 8
char *view_hhmm(const struct fsd_time *t, char buf[VIEW_HHMM_LEN]);
/* "2026-11-23", the local date of a time. */
char *view_local_date(const struct fsd_time *t, char buf[FSD_DATE_LEN]);

/* A tech's name when known, else the id. */
const char *view_tech_label(const struct view_tech *t);

/* An id made safe as a file name: letters, digits, '-', '_' and '.' kept
 * (a leading '.' is not), everything else '_'; ext appended. Caller frees. */
char *view_file_name(const char *id, const char *ext);

#endif
