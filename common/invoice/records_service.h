/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The work billed, read from records: --techs' technician records and a
 * job's scanned record into the structs of service.h. */
#ifndef FSD_INVOICE_RECORDS_SERVICE_H
#define FSD_INVOICE_RECORDS_SERVICE_H

#include "jsonscan.h"
#include "invoice/service.h"

/* Load technician records ({"id", "name"}, fsd(5)); a record without
 * both is reported at its line (exit 1 at the end) and left out. */
void inv_techs_load(struct inv_techs *t, const char *path);
/* Fill s from the scanned job d (node 0). Nothing in it is required, and
 * a field of the wrong shape is left out: the pricing has said what
 * matters, and the service only describes. */
void inv_service_read(struct inv_service *s, const struct fsd_scan *d,
    const struct inv_techs *techs);

#endif
