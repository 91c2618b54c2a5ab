/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The field names of fsd(5), for telling a sheet with its own headers
 * ("Job #", "Client", "Start") from one written in fsd's words, and for
 * saying which of the fields a day needs such a sheet lacks. */
#ifndef FSD_CSV_VOCABULARY_H
#define FSD_CSV_VOCABULARY_H

#include <stddef.h>

/* Is the column ("site.lat", "customer.name") in fsd's vocabulary? Its
 * first dotted part decides: fields under a known object pass. */
int fsd_vocabulary_has(const char *column);

/* The fields a jobs sheet (or, when the columns have home.* or shift.*,
 * a techs sheet) needs and these columns lack, as "id, site.lat" in
 * out; empty when none. */
void fsd_vocabulary_missing(char *const *columns, size_t n, char *out, size_t outlen);

#endif
