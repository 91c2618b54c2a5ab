/* A completed job record read into the calculator's struct: the only
 * place that knows the field names of on-site capture (work, labor,
 * tasks, parts_used, after_hours, nte, deposit, ...). */
#ifndef FSD_INVOICE_RECORDS_JOB_H
#define FSD_INVOICE_RECORDS_JOB_H

#include "err.h"
#include "invoice/calc.h"
#include "invoice/service.h"
#include "jsonscan.h"

/* Arrays reused from one record to the next; strings borrowed from the
 * scanned line, so a job lives only until the next line is scanned. */
struct inv_job_reader {
	struct inv_labor *labor;
	size_t labor_cap;
	struct inv_item *tasks, *parts;
	size_t tasks_cap, parts_cap;
	const char **skills;
	size_t skills_cap;
	char **owned;		/* codes cut out of "CODE:qty" strings */
	size_t nowned, owned_cap;
	const char *currency;	/* the rate card's: a job in another is refused */
	enum fsd_rounding rounding;	/* the rate card's, for a deposit percentage */
	const struct inv_techs *techs;	/* --techs: labor lines name the tech; NULL */
	const char *media_url;	/* --media-url: where the evidence links point; NULL */
	struct inv_service service;	/* the work as the invoice shows it */
};

/* Fill job from the scanned record d, and r->service beside it. Returns 0, or -1 after reporting the problem at pos
 * (the message is in fsd_field_error). *day is the invoice date as days
 * since 1970, or INT64_MIN when the record gives none. */
int inv_job_read(struct inv_job_reader *r, const struct fsd_scan *d, const struct fsd_pos *pos,
    struct inv_job *job, int64_t *day);

/* fsd-invoice bills jobs fsd-close closed, and jobs captured without it;
 * one fsd-close left open (exception proof_missing or not_completed) is
 * not billed. Returns that exception's code and sets *message, or NULL. */
const char *inv_job_held(const struct fsd_scan *d, const char **message);

void inv_job_reader_free(struct inv_job_reader *r);

#endif
