/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-close: completed jobs in, each out closed -- its form filled, its
 * photos taken at the site during the visit, its signature for the
 * amount -- or with proof_missing saying what is lacking. The rules are
 * common/close/ (forms.h maps the files); this file is options, side
 * files and the record loop. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "close/files.h"
#include "close/forms.h"
#include "close/media.h"
#include "close/proof.h"
#include "close/records.h"
#include "close/records_price.h"
#include "invoice/engine.h"

static const char *forms_path, *rates_path, *capture_path, *media_dir, *assets_path,
    *evidence_path, *by_text;
static double distance_m;
static long tolerance_minutes;

static const struct fsd_option options[] = {
	{ .short_name = 'f', .long_name = "forms", .arg_name = "FILE",
	  .help = "what closing each job type takes (JSON; see fsd-close(1))",
	  .value = &forms_path },
	{ .short_name = 'r', .long_name = "rates", .arg_name = "FILE",
	  .help = "the rate card, to price what a signature must cover",
	  .value = &rates_path },
	{ .short_name = 'c', .long_name = "capture", .arg_name = "FILE",
	  .help = "form answers, photos and signatures from a form app, joined by id",
	  .value = &capture_path },
	{ .short_name = 'm', .long_name = "media", .arg_name = "DIR",
	  .help = "the folder photo and signature paths are relative to (default .)",
	  .value = &media_dir },
	{ .short_name = 'a', .long_name = "assets", .arg_name = "FILE",
	  .help = "equipment records with their readings history; updated",
	  .value = &assets_path },
	{ .short_name = 'e', .long_name = "evidence", .arg_name = "FILE",
	  .help = "pictures used by earlier runs; closed jobs' pictures are added",
	  .value = &evidence_path },
	{ .short_name = 0, .long_name = "distance", .arg_name = "METRES",
	  .help = "how far from the site a photo may be taken",
	  .type = FSD_OPT_DECIMAL, .number = &distance_m, .min = 1, .max = 100000, .def = 150 },
	{ .short_name = 0, .long_name = "tolerance", .arg_name = "MINUTES",
	  .help = "how long before arrival or after completion a photo may be taken",
	  .type = FSD_OPT_WHOLE, .whole = &tolerance_minutes, .max = 1440, .def = 15 },
	{ .short_name = 0, .long_name = "by", .arg_name = "WHO",
	  .help = "who closes the jobs (default: each job's tech)",
	  .value = &by_text },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-close",
	"--forms FILE --rates FILE [--capture FILE] [--media DIR] [--assets FILE] [--evidence FILE] "
	"[--distance METRES] [--tolerance MINUTES] [--by WHO] [FILE ...]",
	"close completed jobs whose proof holds: forms, readings, photos, signatures",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct close_forms forms;
	const char *forms_name;
	struct inv_ratecard card;
	struct close_pricer pricer;
	struct close_capture capture;
	struct close_assets assets;
	struct close_evidence_log log;
	struct close_seen seen;
	struct close_limits limits;
	char *media_root;
	struct close_reader reader;
	struct close_report report;
	long closed, unproven, not_completed, bad;
};

static int
bad_record(struct run *r, json_t *rec)
{
	fsd_set_exception(rec, "bad_record", "%s", fsd_field_error);
	fsd_emit(rec);
	r->bad++;
	return 1;
}

/* Only a completed job has a visit to prove: "done" as fsd-status folds
 * it, "completed" as a form app or a spreadsheet says it, or no status. */
static int
completed(json_t *rec, const struct fsd_pos *pos)
{
	const char *status = NULL;

	if (fsd_field_string(rec, "status", &status, pos) == FSD_FIELD_BAD)
		return -1;
	if (status == NULL || strcmp(status, "done") == 0 || strcmp(status, "completed") == 0)
		return 1;
	fsd_set_exception(rec, "not_completed", "status is \"%s\": nothing to close yet", status);
	return 0;
}

static int
per_record(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct run *r = ctx;
	const struct close_form *form;
	struct close_job job;
	struct close_closed closed;
	const char *type = NULL, *tech = NULL;
	json_t *asset;
	int done;

	close_capture_join(&r->capture, rec);
	if ((done = completed(rec, pos)) < 0)
		return bad_record(r, rec);
	if (done == 0) {
		fsd_emit(rec);
		r->not_completed++;
		return 0;
	}
	if (fsd_field_string(rec, "type", &type, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "tech", &tech, pos) == FSD_FIELD_BAD)
		return bad_record(r, rec);
	if ((form = close_form_for(&r->forms, type)) == NULL) {
		fsd_field_fail(pos, "no form for job type \"%s\" in %s (and no \"*\" form)",
		    type ? type : "", r->forms_name);
		return bad_record(r, rec);
	}
	if (close_job_read(&r->reader, rec, form, pos, &job) != 0
	    || close_price(&r->pricer, rec, pos, &job.total) != 0)
		return bad_record(r, rec);
	job.exponent = r->card.exponent;
	job.currency = r->card.currency;
	close_judge_files(&job, r->media_root, &r->limits, &r->seen);
	close_check(&job, &r->report);
	done = r->report.nmissing == 0;
	if (done && (asset = close_assets_visit(&r->assets, rec, &job)) != NULL)
		json_object_set_new(rec, "asset", asset);
	closed = (struct close_closed){ job.visit.completed, by_text ? by_text : tech };
	close_job_write(rec, &job, &r->report, done ? &closed : NULL);
	close_evidence_log_add(&r->log, &r->seen, &job, done);
	fsd_emit(rec);
	if (done)
		r->closed++;
	else
		r->unproven++;
	return 0;
}

static void
start(struct run *r)
{
	char err[CLOSE_MEDIA_ERROR_LEN];

	if (forms_path == NULL)
		fsd_usage_error("--forms FILE is required");
	if (rates_path == NULL)
		fsd_usage_error("--rates FILE is required (a signature must cover the priced total)");
	r->limits.distance_m = distance_m;
	r->limits.tolerance_minutes = tolerance_minutes;
	if ((r->media_root = close_media_root(media_dir ? media_dir : ".", err)) == NULL)
		fsd_usage_error("--media %s: %s", media_dir ? media_dir : ".", err);
	r->forms_name = forms_path;
	close_forms_load(&r->forms, forms_path);
	inv_ratecard_load(&r->card, rates_path);
	close_pricer_init(&r->pricer, &r->card);
	if (capture_path != NULL)
		close_capture_load(&r->capture, capture_path);
	close_assets_load(&r->assets, assets_path);
	close_evidence_log_open(&r->log, evidence_path, &r->seen);
}

static void
end(struct run *r)
{
	close_capture_end(&r->capture);
	close_assets_save(&r->assets);
	close_evidence_log_close(&r->log);
	fsd_note("%ld closed, %ld with proof missing, %ld not completed, %ld bad records",
	    r->closed, r->unproven, r->not_completed, r->bad);
	close_forms_free(&r->forms);
	close_pricer_free(&r->pricer);
	inv_ratecard_free(&r->card);
	close_capture_free(&r->capture);
	close_assets_free(&r->assets);
	close_seen_free(&r->seen);
	close_reader_free(&r->reader);
	close_report_free(&r->report);
	free(r->media_root);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run r = { 0 };

	start(&r);
	fsd_read_records(argc - first, argv + first, per_record, &r);
	end(&r);
	return fsd_finish();
}
