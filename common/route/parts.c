/* Parts pickups. A job's "parts" that its tech's truck does not carry
 * (the tech's "stock", else the truck's rows in the stock file) are
 * picked up on the way, at a warehouse that holds them all or a
 * supplier that sells them all; timeline.c takes the place that costs
 * least from wherever the tech comes. A job whose parts no tech may
 * take can have anywhere is parts_unavailable. This is the counting;
 * records_parts.c reads the parts, the trucks' stock and the stock file. */
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "xalloc.h"

/* Minutes at a counter for a pickup: find the order, load, sign. */
#define PICKUP_MINUTES 10.0

int
route_stock_find(const struct route_stock *st, const char *id)
{
	for (int i = 0; i < st->nplaces; i++)
		if (strcmp(st->places[i].id, id) == 0)
			return i;
	return -1;
}

/* How many of sku place p holds (a supplier: unlimited when it sells it). */
static long long
held(const struct route_stock *st, int p, const char *sku)
{
	int supplier = strcmp(st->places[p].kind, "supplier") == 0;

	for (int i = 0; i < st->nrows; i++) {
		const struct route_stock_row *row = &st->rows[i];
		if (strcmp(row->sku, sku) != 0)
			continue;
		if (supplier && row->supplier == p)
			return 1LL << 40;
		if (!supplier && row->place == p)
			return row->qty;
	}
	return 0;
}

/* How many of sku tech t's truck carries: its "stock", else the file. */
static long long
on_truck(const struct route_run *run, int t, const char *sku)
{
	const struct route_tech *tech = &run->techs[t];
	int p;

	if (tech->has_stock) {
		for (int i = 0; i < tech->nstock; i++)
			if (strcmp(tech->stock[i].sku, sku) == 0)
				return tech->stock[i].qty;
		return 0;
	}
	p = route_stock_find(&run->stock, tech->id);
	return p >= 0 && strcmp(run->stock.places[p].kind, "truck") == 0
	    ? held(&run->stock, p, sku) : 0;
}

static int
truck_has_all(const struct route_run *run, int t, const struct route_job_record *jr)
{
	for (int i = 0; i < jr->nparts; i++)
		if (on_truck(run, t, jr->parts[i].sku) < jr->parts[i].qty)
			return 0;
	return 1;
}

/* No pickup allowed and no stock file: the techs whose own "stock"
 * holds every part are the ones who may take the job. */
static int
parts_on_truck_only(struct route_run *run, const struct route_job_record *jr,
    const struct route_job *job, unsigned char *ok)
{
	int any = 0;

	for (int t = 0; t < run->ntechs; t++) {
		int has = truck_has_all(run, t, jr);

		if (job->only_vehicle < 0)
			ok[t] = ok[t] && has;
		any |= (job->only_vehicle >= 0 ? t == job->only_vehicle : ok[t]) && has;
	}
	return any;
}

/* The SKU's number among those the jobs' pickups name: its place in
 * each vehicle's truck_stock. */
static int
sku_number(struct route_run *run, const char *sku)
{
	for (int k = 0; k < run->nskus; k++)
		if (strcmp(run->sku_names[k], sku) == 0)
			return k;
	run->sku_names = xgrow(run->sku_names, &run->sku_names_cap, run->nskus + 1,
	    sizeof *run->sku_names);
	run->sku_names[run->nskus] = sku;
	return run->nskus++;
}

int
route_parts_sources(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    unsigned char *ok, int pickup)
{
	const struct route_stock *st = &run->stock;
	struct route_pickup *pk;
	int *locs, *sku, nlocs = 0, any = 0;
	double *qty;
	unsigned char *truck;

	if (!run->has_stock)
		return parts_on_truck_only(run, jr, job, ok);
	locs = xmalloc((st->nplaces + 1) * sizeof *locs);
	truck = xcalloc(run->ntechs + 1, 1);
	for (int p = 0; p < st->nplaces && pickup; p++) {
		int all = strcmp(st->places[p].kind, "truck") != 0;
		for (int i = 0; i < jr->nparts; i++)
			all = all && held(st, p, jr->parts[i].sku) >= jr->parts[i].qty;
		if (all)
			locs[nlocs++] = st->places[p].loc;
	}
	for (int t = 0; t < run->ntechs; t++) {
		int allowed = job->only_vehicle >= 0 ? t == job->only_vehicle : ok[t];
		truck[t] = truck_has_all(run, t, jr);
		if (job->only_vehicle < 0)
			ok[t] = ok[t] && (truck[t] || nlocs > 0);
		any |= allowed && (truck[t] || nlocs > 0);
	}
	if (!any) {
		free(locs);
		free(truck);
		return 0;
	}
	pk = xcalloc(1, sizeof *pk);
	pk->locs = locs;
	pk->nlocs = nlocs;
	pk->on_truck = truck;
	pk->minutes = PICKUP_MINUTES;
	pk->nparts = jr->nparts;
	pk->sku = sku = xmalloc((pk->nparts + 1) * sizeof *sku);
	pk->qty = qty = xmalloc((pk->nparts + 1) * sizeof *qty);
	for (int i = 0; i < jr->nparts; i++) {
		sku[i] = sku_number(run, jr->parts[i].sku);
		qty[i] = (double)jr->parts[i].qty;
	}
	jr->pickup = pk;
	job->pickup = pk;
	return 1;
}

void
route_parts_attach(struct route_run *run, struct route_instance *in)
{
	if (run->nskus == 0)
		return;
	run->truck_stock = xcalloc((size_t)run->ntechs * run->nskus + 1, sizeof *run->truck_stock);
	for (int k = 0; k < run->nskus; k++)
		for (int t = 0; t < run->ntechs; t++)
			run->truck_stock[(size_t)t * run->nskus + k]
			    = (double)on_truck(run, t, run->sku_names[k]);
	in->nskus = run->nskus;
	for (int t = 0; t < run->ntechs; t++)
		in->vehicles[t].truck_stock = run->truck_stock + (size_t)t * run->nskus;
}
