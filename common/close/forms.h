/* The forms file: for each job type, what closing it takes -- the
 * fields to fill, the checklist, the readings with their units and
 * ranges, the photos by role, whether the customer signs, and which
 * fields name the equipment worked on. Loaded once (records_forms.c, the
 * only file here that sees its JSON) into these structs, which the
 * checks (proof.h) read. The format is in fsd-close(1); the file is read
 * by common/sidefile.h's table-driven loader.
 *
 * The map of common/close/, in the order a job meets it:
 *   forms.h     the forms file, loaded by records_forms.c (forms.c: a
 *               job's form found)
 *   records.h   the JSON: a job record read into a visit and its answers
 *               and the result written back (records.c); the side files
 *               (records_capture.c, records_assets.c,
 *               records_evidence_log.c)
 *   records_price.h  the total a signature must cover, by fsd-invoice's
 *               calculator over the job's record (records_price.c)
 *   files.h     every file a job cites, found, hashed and judged:
 *   media.h     a path in a record resolved under --media, never outside
 *   photo.h     a photo's SHA-256 and its EXIF time and place (libexif)
 *   evidence.h  a photo judged against the visit: place, time, reuse
 *   proof.h     the form's rules over the answers: what is missing, what
 *               is a finding */
#ifndef FSD_CLOSE_FORMS_H
#define FSD_CLOSE_FORMS_H

#include <stddef.h>

enum close_item_kind {
	CLOSE_FIELD,		/* text to fill in ("work performed") */
	CLOSE_CHECK,		/* a checklist item: done, n/a with a reason, failed */
	CLOSE_READING		/* a measured value with a unit and a range */
};

struct close_item {
	enum close_item_kind kind;
	char *id;		/* the answer's key in the job's "form" */
	char *label;		/* words a dispatcher reads; the id when none */
	int required;		/* fields and readings: must be there (default) */
	char *unit;		/* readings: "inWC", "V" */
	int has_min, has_max;
	double min, max;	/* readings: the allowed range, inclusive */
};

struct close_form {
	char *type;		/* the job type it is for; "*" for any other */
	char *title;		/* free text */
	struct close_item *items;	/* fields, then checklist, then readings */
	size_t nitems;
	char **photos;		/* roles required: "before", "after", "panel" */
	size_t nphotos;
	int signature;		/* the customer signs for the amount */
	char *asset_serial, *asset_model;	/* field ids, or NULL: no asset */
};

struct close_forms {
	struct close_form *forms;	/* sorted by type */
	size_t n;
};

/* Load and check path (records_forms.c); every problem is reported with its line and the
 * run stops (exit 1) when there was one: a form misread would close jobs
 * that should not be. */
void close_forms_load(struct close_forms *forms, const char *path);

/* Sorted by type, for close_form_for (close_forms_load does it). */
void close_forms_sort(struct close_forms *forms);

/* The form for a job type: its own, else the "*" form, else NULL. */
const struct close_form *close_form_for(const struct close_forms *forms, const char *type);

void close_forms_free(struct close_forms *forms);

#endif
