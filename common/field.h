/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Typed access to record fields, with the error every tool gives for a
 * field of the wrong shape:
 *     fsd-match: jobs.ndjson:17: "skills" must be an array of strings
 * Paths may be dotted ("site.lat") to reach into nested objects. */
#ifndef FSD_FIELD_H
#define FSD_FIELD_H

#include <jansson.h>

#include "err.h"
#include "rfc3339.h"

enum fsd_field_result {
	FSD_FIELD_OK = 0,	/* present and valid; *out set */
	FSD_FIELD_ABSENT = 1,	/* missing or null; *out untouched */
	FSD_FIELD_BAD = -1	/* present but wrong: reported at pos (when
				 * pos is not NULL) and kept in fsd_field_error */
};

/* The message of the last FSD_FIELD_BAD, for a record's exception. */
extern char fsd_field_error[512];

/* The value at a dotted path, or NULL. */
json_t *fsd_field(const json_t *record, const char *path);

int fsd_field_string(const json_t *record, const char *path, const char **out,
    const struct fsd_pos *pos);
/* Whole numbers; a real with no fraction (3.0) is taken. */
int fsd_field_int(const json_t *record, const char *path, long long *out,
    const struct fsd_pos *pos);
int fsd_field_number(const json_t *record, const char *path, double *out,
    const struct fsd_pos *pos);
int fsd_field_bool(const json_t *record, const char *path, int *out,
    const struct fsd_pos *pos);
/* An RFC 3339 time string. */
int fsd_field_time(const json_t *record, const char *path, struct fsd_time *out,
    const struct fsd_pos *pos);
/* An array whose members are all strings; *out is borrowed. */
int fsd_field_strings(const json_t *record, const char *path, json_t **out,
    const struct fsd_pos *pos);
/* An object; *out is borrowed. */
int fsd_field_object(const json_t *record, const char *path, json_t **out,
    const struct fsd_pos *pos);

/* What a field should have been, for the standard message. */
enum fsd_field_want {
	FSD_WANT_STRING, FSD_WANT_WHOLE, FSD_WANT_NUMBER, FSD_WANT_BOOL,
	FSD_WANT_TIME, FSD_WANT_OBJECT
};

/* The one wording of "this field has the wrong shape", the value quoted
 * as written: used by these getters and by common/jsonscan.h's, so the
 * two readers say the same thing. Returns FSD_FIELD_BAD. */
int fsd_field_wrong(const struct fsd_pos *pos, const char *path,
    enum fsd_field_want want, const char *quoted);

/* A value as it was written, cut short to fit buf ("..."), to quote in
 * such a message (field.h's and sidefile.h's). Returns buf. */
const char *fsd_quote_value(const json_t *v, char *buf, size_t size);

/* Report a field problem the tool found itself (a value out of range, an
 * unknown id): same shape, sets fsd_field_error, returns FSD_FIELD_BAD. */
int fsd_field_fail(const struct fsd_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Mark a record as an exception: "exception": {"code", "message"}. */
void fsd_set_exception(json_t *record, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Does the record carry an exception from upstream -- one the planning
 * tools (fsd-match, fsd-route) did not give and cannot mend, such as an
 * import's bad_record? Such a job is neither matched nor routed: it
 * passes through as it came until someone fixes it. An exception of the
 * planners' own (no_qualified_tech, day_full...) is only their last
 * word, and they decide the job again. */
int fsd_upstream_exception(const json_t *record);

/* Is the record a job? A record that says its kind (a status event, an
 * alert, a plan's pickup stop, a message, an asset) is not, unless the
 * kind is "job": the planners pass it through as it came (fsd(5)). */
int fsd_record_is_job(const json_t *record);

#endif
