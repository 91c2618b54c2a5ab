/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The plan file read: job records (or fsd-route's routes of them) with
 * their tech and parts into struct restock_plan (records_plan.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "record.h"
#include "xalloc.h"
#include "records_plan.h"

struct load {
	struct restock_plan *p;
	struct restock_stock *s;
	long bad;
};

static int
add_job(struct load *l, json_t *job, const char *tech, const struct fsd_pos *pos)
{
	struct restock_plan *p = l->p;
	struct restock_plan_job *j;
	json_t *parts = fsd_field(job, "parts"), *part;
	long long priority = 3;
	size_t i, first = p->nparts;
	int truck = restock_location_find(l->s, tech, strlen(tech));

	if (!json_is_array(parts))
		return fsd_field_fail(pos, "\"parts\" must be an array of {sku, qty}");
	if (fsd_field_int(job, "priority", &priority, pos) == FSD_FIELD_BAD)
		return -1;
	if (truck < 0 || !l->s->location[truck].declared
	    || l->s->location[truck].kind != RESTOCK_TRUCK)
		return fsd_field_fail(pos, "\"tech\": \"%s\" has no truck in the stock file", tech);
	json_array_foreach(parts, i, part) {
		const char *sku;
		long long qty = 1;
		int r = fsd_field_string(part, "sku", &sku, NULL);
		int q = fsd_field_int(part, "qty", &qty, NULL);

		if (r != FSD_FIELD_OK || q == FSD_FIELD_BAD || qty < 1) {
			p->nparts = first;
			return fsd_field_fail(pos, "\"parts\" member %zu must have a \"sku\" "
			    "and a positive whole \"qty\"", i + 1);
		}
		p->part = xgrow(p->part, &p->part_cap, p->nparts + 1, sizeof *p->part);
		p->part[p->nparts++] = (struct restock_part){
			restock_names_find(&l->s->sku_names, sku, strlen(sku)), qty, sku
		};
	}
	p->job = xgrow(p->job, &p->job_cap, p->njobs + 1, sizeof *p->job);
	j = &p->job[p->njobs];
	*j = (struct restock_plan_job){ json_incref(job), truck, first, p->nparts - first,
	    priority, p->njobs, NULL };
	p->njobs++;
	return 0;
}

static int
plan_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct load *l = ctx;
	const char *tech;
	json_t *stops = fsd_field(record, "stops"), *stop;
	size_t i;
	int r = fsd_field_string(record, "tech", &tech, pos);

	if (r == FSD_FIELD_BAD)
		return l->bad++, 1;
	if (r == FSD_FIELD_ABSENT)
		return 0;	/* not assigned: no truck to load */
	if (json_is_array(stops)) {
		json_array_foreach(stops, i, stop)
			if (json_is_object(stop) && fsd_field(stop, "parts") != NULL
			    && add_job(l, stop, tech, pos) != 0)
				return l->bad++, 1;
		return 0;
	}
	if (fsd_field(record, "parts") == NULL)
		return 0;
	if (add_job(l, record, tech, pos) != 0)
		return l->bad++, 1;
	return 0;
}

long
restock_plan_load(struct restock_plan *p, struct restock_stock *s, const char *path)
{
	struct load l = { p, s, 0 };

	memset(p, 0, sizeof *p);
	fsd_read_record_file(path, plan_record, &l);
	restock_plan_need(p, s);
	return l.bad;
}

void
restock_plan_free(struct restock_plan *p)
{
	for (size_t j = 0; j < p->njobs; j++) {
		json_decref(p->job[j].record);
		free(p->job[j].unavailable);
	}
	free(p->job);
	free(p->part);
	free(p->need);
	memset(p, 0, sizeof *p);
}
