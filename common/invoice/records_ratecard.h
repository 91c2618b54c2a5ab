/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The rate card read from its JSON file (common/sidefile.h) into the
 * plain structs of ratecard.h, every problem said with its line. */
#ifndef FSD_INVOICE_RECORDS_RATECARD_H
#define FSD_INVOICE_RECORDS_RATECARD_H

#include <jansson.h>

#include "invoice/ratecard.h"

/* Fill card from a parsed rate card. text is the file's contents (to
 * find the line a bad key is on) and name the file name for messages;
 * every problem is reported as "fsd-invoice: name:line: what". Returns
 * the number of problems; the card is usable only when it is 0, and must
 * be freed either way. */
int inv_ratecard_from_json(struct inv_ratecard *card, const json_t *doc,
    const char *text, const char *name);

/* Read and load a rate card file; dies (exit 1) when it has problems. */
void inv_ratecard_load(struct inv_ratecard *card, const char *path);

#endif
