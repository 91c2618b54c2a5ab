/* The one size of an invoice engine's reason buffer: every function of
 * common/invoice/ that explains a refusal writes it into char
 * err[INV_ERROR_LEN], and its caller quotes it. */
#ifndef FSD_INVOICE_ERROR_H
#define FSD_INVOICE_ERROR_H

#define INV_ERROR_LEN 256

#endif
