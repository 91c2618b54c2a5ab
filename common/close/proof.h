/* Does a job's proof hold? The form's rules over what was captured, in
 * plain structs (records.c fills them from the job's record): every
 * required field filled, every checklist item done, n/a with a reason or
 * failed, readings given in the form's unit, the photos each role needs
 * taken at the site during the visit, the customer's signature for at
 * least the amount shown, and a signed approval for a total over the
 * not-to-exceed. What is missing or failed is said in words a dispatcher
 * can act on ("no after photo"); a reading out of range is a finding --
 * the job closes, and the invoice and the dispatcher see it. */
#ifndef FSD_CLOSE_PROOF_H
#define FSD_CLOSE_PROOF_H

#include <stddef.h>
#include <stdint.h>

#include "rfc3339.h"
#include "close/evidence.h"
#include "close/forms.h"
#include "close/photo.h"

enum close_check_state {
	CLOSE_CHECK_UNANSWERED, CLOSE_CHECK_DONE, CLOSE_CHECK_NA, CLOSE_CHECK_FAILED,
	CLOSE_CHECK_BAD		/* an answer that is none of these */
};

/* One answer, for the form item of the same index. */
struct close_answer {
	int present;
	const char *text;	/* fields (and a reading or checklist answer as written) */
	int has_number;
	double number;		/* readings */
	const char *unit;	/* readings: the unit given with it, or NULL */
	enum close_check_state check;
	const char *reason;	/* checklist: why n/a or failed */
};

/* A signature, or a signed approval of an amount over the not-to-exceed. */
struct close_signoff {
	int present;
	const char *name, *file, *job;
	int has_at, has_amount, has_position;
	struct fsd_time at;
	int64_t amount;
	double lat, lon;
	int hashed;
	char sha256[CLOSE_SHA256_HEX];
	char file_problem[CLOSE_FLAG_LEN];	/* the file could not be used */
};

struct close_job {
	const char *id;
	struct close_visit visit;
	const struct close_form *form;
	struct close_answer *answers;	/* form->nitems of them */
	struct close_photo *photos;
	size_t nphotos;
	struct close_signoff signature, approval;
	int has_nte;
	int64_t nte;
	/* The priced total the customer is shown, in the card's currency. */
	int64_t total;
	int exponent;
	const char *currency;
};

struct close_finding {
	char *item;		/* the form item or photo role */
	char *message;
};

struct close_report {
	char **missing;		/* empty: the proof holds */
	size_t nmissing, missing_cap;
	struct close_finding *findings;
	size_t nfindings, findings_cap;
};

/* Check job against its form into rep (emptied first). */
void close_check(const struct close_job *job, struct close_report *rep);

/* The missing items joined for an exception's message: "a; b; c".
 * Caller frees. */
char *close_report_text(const struct close_report *rep);

void close_report_clear(struct close_report *rep);
void close_report_free(struct close_report *rep);

#endif
