/* fsd-match's decision, made on the route solver (common/route/): one
 * model of a tech's day -- travel, windows, shifts, breaks, time off,
 * day limits, the drive-home rule -- for fsd-match and fsd-route, so the
 * two can never disagree about whether a job fits.
 *
 * The jobs, with their playbooks written in, are a routing instance
 * (route_run_add_job, the same reader fsd-route uses); the solver
 * places them by insertion cost over whole days and improves the plan
 * by its search. What fsd-match adds is the words: the reasons for each
 * tech, the runner-up (the best other tech the finished plan could take
 * the job to, and its score) and, for a job no day holds, the nearest
 * misses (explain.c). */
#ifndef FSD_MATCH_DECIDE_H
#define FSD_MATCH_DECIDE_H

#include "match.h"
#include "route/engine.h"

struct match_decide {
	struct route_run *run;		/* the techs loaded, the jobs added */
	const long *job_of_record;	/* run->jobs[k] is day->jobs[this] */
	struct route_params params;	/* the search's budget */
	size_t candidates;		/* runner-up among this many nearest
					 * qualified techs; 0: every one */
};

/* Decide every job added: afterwards each has tech >= 0 with its
 * arrival, drive, score, runner-up and reasons, or an exception and
 * message; a job the route reader found bad is marked skip. */
void match_decide(struct match_day *day, const struct match_decide *d);

#endif
