/* A printable HTML invoice, one self-contained file (styles inline, no
 * scripts, no remote resources) fit for an email body or print-to-PDF.
 * Every text that came from a record or the card is escaped. */
#ifndef FSD_INVOICE_HTML_H
#define FSD_INVOICE_HTML_H

#include <stdio.h>

#include <jansson.h>

#include "invoice/render.h"

/* Write the invoice to f. job is the job's record (customer, site). */
void inv_html_write(FILE *f, const struct inv_ratecard *card, const json_t *job,
    const struct inv_invoice *inv, const struct inv_heading *h);

/* Write it to dir/inv_html_file_name(h->number), all or nothing
 * (common/statefile.h): a reader never sees half an invoice. */
void inv_html_save(const char *dir, const struct inv_ratecard *card, const json_t *job,
    const struct inv_invoice *inv, const struct inv_heading *h);

/* The file name for an invoice number: characters other than letters,
 * digits, '-', '_' and '.' become '_', and ".html" is added. Caller frees. */
char *inv_html_file_name(const char *number);

#endif
