/* SPDX-License-Identifier: ISC (see LICENSE) */
/* common/watch/records.c: records in, alerts out. */
#ifndef FSD_WATCH_RECORDS_H
#define FSD_WATCH_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "jsonbuf.h"
#include "watch.h"

/* Strings are borrowed from rec. Returns 0, or -1 with the field's
 * problem said at pos and in fsd_field_error. */
int watch_job_read(struct watch_job *job, const json_t *rec, const struct fsd_pos *pos);
int watch_invoice_read(struct watch_invoice *inv, const json_t *rec, const struct fsd_pos *pos);
void watch_alert_record(const struct watch_alert *a, struct fsd_buf *b);

#endif
