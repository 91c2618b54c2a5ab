/* fsd-route's records: techs and jobs in, a routing instance out, and the
 * solution back onto the job records (plan.c). This is the only part of
 * the solver that knows JSON. */
#ifndef FSD_ROUTE_RECORDS_H
#define FSD_ROUTE_RECORDS_H

#include <stdio.h>
#include <jansson.h>

#include "clock.h"
#include "places.h"
#include "route.h"
#include "solution.h"

struct route_tech {
	json_t *record;
	const char *id;
	json_t *skills;		/* borrowed from record; may be NULL */
	int home, end;		/* locations */
	double shift_start, shift_end, capacity;
	int offset;		/* UTC offset its shift was written in */
};

struct route_job_record {
	json_t *record;
	const char *id;
	int in_instance;	/* index into the instance's jobs, or -1 */
	int tech;		/* the tech it arrived with, or -1 */
	int offset;
	double window_start, window_end;	/* ROUTE_UNBOUNDED when absent */
	double matched_arrival;	/* fsd-match's match.arrival, or NAN */
	double sla_due;		/* or NAN */
};

struct route_run {
	int reassign;
	int return_in_shift;	/* back home by the shift's end, not only done */
	struct fsd_travel travel;
	struct route_clock clock;
	struct route_places places;
	struct route_tech *techs;
	int ntechs;
	struct route_job_record *jobs;
	size_t njobs, jobs_cap;
	json_t *tech_records;
	/* The instance's jobs as fields, until route_run_instance builds it. */
	struct route_job *pending;
	size_t pending_cap;
	unsigned char *pending_qualified;	/* per pending job, ntechs */
	int npending;
};

/* Read the techs file; a bad tech is reported and left out (exit 1). */
void route_run_load_techs(struct route_run *run, const char *path);
/* One job from the input: kept for output, and into the instance when it
 * can be routed. Returns non-zero for a bad record (already marked). */
int route_run_add_job(struct route_run *run, json_t *record, const struct fsd_pos *pos);
/* The instance of every routable job and every tech. */
struct route_instance *route_run_instance(struct route_run *run);
void route_run_free(struct route_run *run);

/* The day fsd-match planned, as a start: each tech's jobs in the order
 * of their match.arrival, where that order is feasible here. NULL when
 * no job carries one. */
struct route_solution *route_run_seed(const struct route_run *run,
    const struct route_instance *in);

/* Write every job, routed or with its exception, and the per-tech summary
 * (plan.c). eta_width is the customer window's width in minutes. */
void route_run_emit(struct route_run *run, const struct route_instance *in,
    const struct route_solution *s, double eta_width, FILE *summary);

#endif
