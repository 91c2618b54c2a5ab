/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The plan file read into struct restock_plan (plan.h). */
#ifndef FSD_RESTOCK_RECORDS_PLAN_H
#define FSD_RESTOCK_RECORDS_PLAN_H

#include "restock/plan.h"

/* Read the plan; bad jobs are reported at their line and left out.
 * Rows are added to s for every (truck, SKU) a job needs. Returns the
 * number of problems. */
long restock_plan_load(struct restock_plan *p, struct restock_stock *s, const char *path);

/* The plan freed, with the job records it holds. */
void restock_plan_free(struct restock_plan *p);

#endif
