/* The JSON around fsd-close's checks: a job record read into a
 * close_job (records.c), the side files joined to it or changed by it
 * (records_capture.c: a form app's export; records_assets.c: equipment
 * and its readings; records_evidence_log.c: pictures already used), and
 * the result written back into the record. With records_forms.c and
 * records_price.c, the only files of common/close/ that see JSON. */
#ifndef FSD_CLOSE_RECORDS_H
#define FSD_CLOSE_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "close/evidence.h"
#include "close/forms.h"
#include "close/proof.h"

/* Arrays reused from one record to the next; strings borrowed from the
 * record, so a job lives as long as its record. */
struct close_reader {
	struct close_answer *answers;
	size_t answers_cap;
	struct close_photo *photos;
	size_t photos_cap;
};

/* Fill job from rec for form. Returns 0, or -1 after reporting a field of
 * the wrong shape at pos (the message in fsd_field_error). */
int close_job_read(struct close_reader *r, const json_t *rec, const struct close_form *form,
    const struct fsd_pos *pos, struct close_job *job);

void close_reader_free(struct close_reader *r);

/* What a closed job gains, beside its evidence. */
struct close_closed {
	struct fsd_time at;
	const char *by;
};

/* Write the evidence (photos with their hash, time and distance, and the
 * signature files' hashes), the findings, and either "closed" (closed
 * not NULL) or the proof_missing exception with its "missing" list. */
void close_job_write(json_t *rec, const struct close_job *job, const struct close_report *rep,
    const struct close_closed *closed);

/* --capture: records from a form app (through fsd-import), joined to the
 * jobs by "id"; what they hold is merged into the job, theirs winning. */
struct close_capture {
	json_t *records;	/* array */
	long *lines;
	char *used;
	const char *path;
};

void close_capture_load(struct close_capture *c, const char *path);
/* Merge the capture for rec's id into rec; a capture given twice for one
 * id is reported (once) and the later one wins. */
void close_capture_join(struct close_capture *c, json_t *rec);
/* Report every capture no job took, at its line; status 1 when any. */
void close_capture_end(struct close_capture *c);
void close_capture_free(struct close_capture *c);

/* --evidence FILE: the pictures earlier runs took as proof, one
 * {"sha256","job","role","path"} a line; the file is locked for the run
 * and a closed job's pictures are appended to it, synced. */
struct close_evidence_log {
	const char *path;
	int lock;
};

void close_evidence_log_open(struct close_evidence_log *log, const char *path,
    struct close_seen *seen);
/* Add a job's pictures to seen (a picture cannot prove two jobs, closed
 * or not) and, when it closed and there is a log, to the file. */
void close_evidence_log_add(struct close_evidence_log *log, struct close_seen *seen,
    const struct close_job *job, int closed);
void close_evidence_log_close(struct close_evidence_log *log);

/* --assets FILE: equipment records, {"kind":"asset","id","serial",
 * "model","readings":[...]}, one a line. A closed job whose form names a
 * serial field gets its "asset" with the history, this visit's readings
 * added; the file is rewritten at the end, whole or not at all. */
struct close_assets {
	const char *path;	/* NULL: no file; the asset is this visit's alone */
	json_t *byid;		/* id -> asset record, in the file's order */
	int lock, changed;
};

void close_assets_load(struct close_assets *a, const char *path);
/* The job's asset with its history (caller owns it), or NULL when the
 * form has no asset or the serial was not given. */
json_t *close_assets_visit(struct close_assets *a, const json_t *rec, const struct close_job *job);
void close_assets_save(struct close_assets *a);
void close_assets_free(struct close_assets *a);

#endif
