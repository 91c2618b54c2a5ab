/* The job record goes to the invoice reader as the text fsd-invoice
 * would read: one reader, one reading of the capture fields. */
#include <string.h>

#include "field.h"
#include "close/records_price.h"
#include "invoice/shown.h"

void
close_pricer_init(struct close_pricer *p, const struct inv_ratecard *card)
{
	memset(p, 0, sizeof *p);
	p->card = card;
	p->reader.currency = card->currency;
	p->reader.rounding = card->rounding;
}

int
close_price(struct close_pricer *p, const json_t *rec, const struct fsd_pos *pos,
    int64_t *total)
{
	struct inv_job job;
	char err[INV_ERROR_LEN];
	int64_t day;

	p->text.len = 0;
	fsd_buf_json(&p->text, rec);
	if (fsd_scan(&p->doc, p->text.data, p->text.len, FSD_SCAN_CANONICAL) != 0)
		return fsd_field_fail(pos, "the record could not be read for pricing");
	if (inv_job_read(&p->reader, &p->doc, pos, &job, &day) != 0)
		return -1;
	if (inv_compute(p->card, &job, &p->inv, err) != 0)
		return fsd_field_fail(pos, "%s", err);
	*total = inv_shown_charges(&p->inv);
	return 0;
}

void
close_pricer_free(struct close_pricer *p)
{
	inv_job_reader_free(&p->reader);
	inv_invoice_free(&p->inv);
	fsd_scan_free(&p->doc);
	fsd_buf_free(&p->text);
}
