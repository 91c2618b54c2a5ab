/* A plan as the views read it (fsd-board, fsd-ical, fsd-geojson,
 * fsd-report): the techs, each tech's stops in the order they are driven,
 * and the jobs the plan could not place, from fsd-route's output (see
 * fsd-route(1) OUTPUT and fsd(5)). Plain structs over the records, which
 * the plan holds; records.c is the only file here that reads JSON.
 *
 * Map of the files, in the order a plan meets them:
 *   records.c   records and the techs file -> struct view_plan
 *   plan.c      each tech's route in driving order, local clock times
 *   geojson.c   RFC 7946 of a plan (fsd-geojson)
 *   ical.c      RFC 5545 events through libical, SEQUENCE bumps (fsd-ical)
 *   ical_records.c  fsd-ical's state file */
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

enum view_stop_kind { VIEW_JOB, VIEW_PICKUP };

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
};

struct view_plan {
	struct view_tech *techs;
	size_t ntechs, techs_cap;
	struct view_stop *stops;	/* every job and pickup, in input order */
	size_t nstops, stops_cap;
	json_t *tech_records;		/* what the techs file held */
	json_t *others;			/* records of other kinds (alerts, status
					 * events, invoices), in input order */
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
