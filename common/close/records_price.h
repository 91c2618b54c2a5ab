/* The total a job's customer is shown, priced by the rate card with
 * fsd-invoice's own calculator (common/invoice/), so the amount a
 * signature must cover is the amount the invoice will ask for. */
#ifndef FSD_CLOSE_RECORDS_PRICE_H
#define FSD_CLOSE_RECORDS_PRICE_H

#include <stdint.h>

#include <jansson.h>

#include "err.h"
#include "jsonbuf.h"
#include "jsonscan.h"
#include "invoice/calc.h"
#include "invoice/ratecard.h"
#include "invoice/records_job.h"

struct close_pricer {
	const struct inv_ratecard *card;
	struct inv_job_reader reader;
	struct inv_invoice inv;
	struct fsd_scan doc;
	struct fsd_buf text;
};

void close_pricer_init(struct close_pricer *p, const struct inv_ratecard *card);

/* The job's total before any deposit is taken off: what the work costs.
 * Returns 0, or -1 with the reason reported at pos (in fsd_field_error). */
int close_price(struct close_pricer *p, const json_t *rec, const struct fsd_pos *pos,
    int64_t *total);

void close_pricer_free(struct close_pricer *p);

#endif
