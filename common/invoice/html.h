/* A printable HTML invoice, one self-contained file (styles inline, no
 * scripts, no remote resources) fit for an email body or print-to-PDF.
 * Every text that came from a record or the card is escaped. */
#ifndef FSD_INVOICE_HTML_H
#define FSD_INVOICE_HTML_H

#include <stdio.h>

#include "invoice/heading.h"

/* Who the invoice is to, as the job's record (or a group's customer)
 * says it; read by the records layer (records_issue.c). Any may be NULL:
 * the line is left out. */
struct inv_bill_to {
	const char *job_id;	/* shown for a job's own invoice */
	const char *name, *email, *phone;
	const char *billing_address;	/* shown when given, else... */
	const char *site_address;	/* ...the site's */
};

/* Write the invoice to f. */
void inv_html_write(FILE *f, const struct inv_ratecard *card, const struct inv_bill_to *to,
    const struct inv_invoice *inv, const struct inv_heading *h);

/* Write it to dir/inv_html_file_name(h->number), all or nothing
 * (common/statefile.h): a reader never sees half an invoice. Returns 0,
 * or -1 with why in err: one invoice's copy failing stops nothing. */
int inv_html_save(const char *dir, const struct inv_ratecard *card, const struct inv_bill_to *to,
    const struct inv_invoice *inv, const struct inv_heading *h, char *err, size_t errlen);

/* The file name for an invoice number, one number one name: letters,
 * digits, '-' and '.' (not first) as they are, any other byte as _XX
 * (its hex), ".html" added; a name longer than 180 is cut and ends in
 * '~' and a hash of the whole number. Caller frees. */
char *inv_html_file_name(const char *number);

#endif
