/* Tomorrow's plan, as far as parts go: each assigned job's truck and the
 * parts it lists. Jobs come from a plan file of job records carrying
 * `tech` and `parts` [{sku, qty}], or route records carrying `tech` and
 * `stops` that are such jobs (fsd-route's output); other records are
 * not about parts and are passed over (records_plan.h reads them). */
#ifndef FSD_RESTOCK_PLAN_H
#define FSD_RESTOCK_PLAN_H

#include <jansson.h>

#include "stock.h"

struct restock_part {
	int sku;	/* -1: a SKU no location stocks */
	long long qty;
	const char *sku_text;	/* as the job wrote it; borrowed from its record */
};

struct restock_plan_job {
	json_t *record;		/* the job, to come out when it cannot be served */
	int truck;
	size_t first_part, nparts;
	long long priority;	/* 1 emergency ... 3 routine: served first */
	size_t index;		/* in the file, to break ties */
	char *unavailable;	/* why its parts cannot be had, or NULL */
};

struct restock_plan {
	struct restock_plan_job *job;
	size_t njobs, job_cap;
	struct restock_part *part;
	size_t nparts, part_cap;
	long long *need;	/* by stock row: what the jobs need */
};

/* Rows added to s for every (truck, SKU) a job needs, and each row's
 * need summed (restock_plan_load does it once the jobs are read). */
void restock_plan_need(struct restock_plan *p, struct restock_stock *s);

/* Once the warehouses have been asked: with uncovered[row] of each
 * truck's need not to be had, give the parts to jobs by priority and
 * mark the jobs that cannot get all of theirs. */
void restock_plan_cover(struct restock_plan *p, const struct restock_stock *s,
    const long long *uncovered);

#endif
