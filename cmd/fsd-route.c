/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-route: the crew's day as one vehicle routing problem with time
 * windows -- who does which job, in which order, arriving when -- started
 * from the techs and order the jobs come with (fsd-match's plan) and
 * improved from there; with --keep-techs only each day's order. The
 * solver is common/route/ (route.h); this file is options and records. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fsd.h"
#include "route/engine.h"

static const char *rules_path, *stock_path;
static const char *now_text;
static const char *techs_path, *matrix_path, *summary_path;
static double eta_threshold, min_remaining, time_limit, eta_width;
static long search_seed, iterations;
static struct fsd_travel travel;
static struct fsd_time now_time;
static int reassign, keep_techs, return_in_shift;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians, one record a line", NULL, &techs_path },
	{ 0, "rules", "FILE", "day limits for every tech: max_stops, max_drive_min, max_km, overtime (JSON)", NULL, &rules_path },
	{ 0, "stock", "FILE", "where parts are (fsd-restock's stock file): pick up what a truck lacks", NULL, &stock_path },
	{ 0, "now", "TIME", "re-plan the rest of the day from TIME (RFC 3339): statuses count", NULL, &now_text,
	  .type = FSD_OPT_TIME, .time = &now_time },
	{ 0, "eta-threshold", "MINUTES", "mark eta_changed when a start of service moves more",
	  .type = FSD_OPT_DECIMAL, .number = &eta_threshold, .max = 24 * 60, .def = 15 },
	{ 0, "min-remaining", "MINUTES", "an overrun job in progress takes at least this more",
	  .type = FSD_OPT_DECIMAL, .number = &min_remaining, .max = 24 * 60, .def = 15 },
	{ 0, "keep-techs", NULL, "keep every job on the tech it comes with; order each day only", &keep_techs, NULL },
	{ 0, "reassign", NULL, "plan from scratch: the techs jobs come with are not the start", &reassign, NULL },
	{ 0, "return-in-shift", NULL, "be back home by the shift's end, not only done with the last job", &return_in_shift, NULL },
	{ 0, "time-limit", "SECONDS", "stop searching after SECONDS",
	  .type = FSD_OPT_DECIMAL, .number = &time_limit, .max = 86400, .def = 10 },
	{ 0, "iterations", "N", "stop after N ruin-and-recreate rounds; 0: only the time limit",
	  .type = FSD_OPT_WHOLE, .whole = &iterations, .max = 2000000000, .def = 20000 },
	{ 0, "seed", "N", "seed of the search's random choices",
	  .type = FSD_OPT_WHOLE, .whole = &search_seed, .max = 0x7fffffff, .def = 1 },
	{ 0, "matrix", "FILE", "drive times and distances from a router (OSRM table JSON)", NULL, &matrix_path },
	{ 0, "summary", "FILE", "write one record per tech: stops, drive, work, idle", NULL, &summary_path },
	{ 0, "eta-width", "MINUTES", "width of the customer's ETA window",
	  .type = FSD_OPT_DECIMAL, .number = &eta_width, .max = 24 * 60, .def = 60 },
	FSD_TRAVEL_OPTIONS(travel),
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-route",
	"--techs FILE [--rules FILE] [--stock FILE] [--now TIME] [--eta-threshold MINUTES] [--min-remaining MINUTES] [--keep-techs | --reassign] [--return-in-shift] [--time-limit SECONDS] [--iterations N] [--seed N] "
	"[--matrix FILE] [--summary FILE] [--eta-width MINUTES] [--road-factor X] "
	"[--speed KMH] [FILE ...]",
	"plan the crew's day: who does each job, in which order, arriving when, with ETA windows and drive",
	options, FSD_TOOL_RECORDS
};

static int
per_job(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return route_run_add_job(ctx, record, pos);
}

int
main(int argc, char **argv)
{
	struct timespec began, now;
	int first = (clock_gettime(CLOCK_MONOTONIC, &began), fsd_parse_options(&tool, argc, argv));
	struct route_run run = { 0 };
	struct route_params params = { 0 };
	struct route_instance *in;
	struct route_solution *plan, *seed;
	FILE *summary = NULL;

	if (techs_path == NULL)
		fsd_usage_error("--techs FILE is required");
	params.seed = (uint64_t)search_seed;
	params.seconds = time_limit;
	params.iterations = iterations;
	if (keep_techs && reassign)
		fsd_usage_error("--keep-techs and --reassign cannot go together");
	run.keep_techs = keep_techs;
	run.from_scratch = reassign;
	run.return_in_shift = return_in_shift;
	run.travel = travel;
	if (matrix_path != NULL)
		route_places_load_matrix(&run.places, matrix_path, &run.travel);
	if (summary_path != NULL && (summary = fopen(summary_path, "w")) == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: cannot write: %m", summary_path);

	run.eta_threshold = eta_threshold;
	run.min_remaining = min_remaining;
	run.has_now = now_text != NULL;
	route_rules_load(&run.limits, rules_path);
	route_run_load_techs(&run, techs_path);
	if (stock_path != NULL)
		route_stock_load(&run, stock_path);
	if (now_text != NULL)
		route_run_set_now(&run, now_text);
	fsd_read_records(argc - first, argv + first, per_job, &run);
	in = route_run_instance(&run);
	/* The time limit is the whole run's: reading and the matrix count. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (params.seconds > 0)
		params.seconds = fmax(params.seconds - (now.tv_sec - began.tv_sec)
		    - (now.tv_nsec - began.tv_nsec) / 1e9, 1e-3);
	/* The plan the jobs come with is the start, unless --reassign. */
	seed = reassign ? NULL : route_run_seed(&run, in);
	if (keep_techs || run.has_now) {
		/* Every job on its tech (only the order is searched), or a
		 * day under way: searched on from the plan, which customers
		 * were told, never rebuilt from nothing. */
		plan = route_solve_from(in, &params, seed);
		route_place_late(in, plan, &params);
	} else {
		/* A start's job moves for half a percent less drive. */
		plan = route_solve_started(in, &params, seed, 0.005);
	}
	route_solution_free(seed);
	route_run_emit(&run, in, plan, eta_width, summary);

	if (summary != NULL)
		fsd_close_checked(summary, summary_path);
	route_solution_free(plan);
	route_instance_free(in);
	route_run_free(&run);
	return fsd_finish();
}
