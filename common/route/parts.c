/* Parts pickups. A job's "parts" that its tech's truck does not carry
 * (the tech's "stock", else the truck's rows in the stock file) are
 * picked up on the way, at a warehouse that holds them all or a
 * supplier that sells them all; timeline.c takes the place that costs
 * least from wherever the tech comes. A job whose parts no tech may
 * take can have anywhere is parts_unavailable. The stock file is
 * fsd-restock's: locations by kind, rows of location, sku, qty. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "records.h"

/* Minutes at a counter for a pickup: find the order, load, sign. */
#define PICKUP_MINUTES 10.0

static int
find_place(const struct route_stock *st, const char *id)
{
	for (int i = 0; i < st->nplaces; i++)
		if (strcmp(st->places[i].id, id) == 0)
			return i;
	return -1;
}

static int
is_place_kind(const char *kind)
{
	return strcmp(kind, "truck") == 0 || strcmp(kind, "warehouse") == 0
	    || strcmp(kind, "supplier") == 0;
}

/* A location: id and site (a truck may give home). */
static int
read_place(struct route_run *run, json_t *rec, const char *kind, const struct fsd_pos *pos)
{
	struct route_stock *st = &run->stock;
	struct route_stock_place *p = &st->places[st->nplaces];
	int r;

	if ((r = fsd_field_string(rec, "id", &p->id, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"id\" is required") : r;
	if (find_place(st, p->id) >= 0)
		return fsd_field_fail(pos, "\"id\" \"%s\" is given to two locations", p->id);
	r = route_places_read(&run->places, rec, "site", "location_index", &p->loc, pos);
	if (r == FSD_FIELD_ABSENT && strcmp(kind, "truck") == 0)
		r = route_places_read(&run->places, rec, "home", "location_index", &p->loc, pos);
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"site\" is required: where the %s is", kind);
	if (r != FSD_FIELD_OK)
		return r;
	p->kind = kind;
	p->record = rec;
	st->nplaces++;
	return FSD_FIELD_OK;
}

/* A stock row, its location (and supplier) known. */
static int
read_row(struct route_stock *st, json_t *rec, const struct fsd_pos *pos)
{
	struct route_stock_row *row = &st->rows[st->nrows];
	const char *location, *supplier = NULL;
	int r;

	if ((r = fsd_field_string(rec, "location", &location, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"location\" is required") : r;
	if ((row->place = find_place(st, location)) < 0)
		return fsd_field_fail(pos, "\"location\" \"%s\" is not a location of the file "
		    "(a truck, warehouse or supplier with a site)", location);
	if ((r = fsd_field_string(rec, "sku", &row->sku, pos)) != FSD_FIELD_OK)
		return r == FSD_FIELD_ABSENT ? fsd_field_fail(pos, "\"sku\" is required") : r;
	if ((r = fsd_field_int(rec, "qty", &row->qty, pos)) == FSD_FIELD_BAD)
		return r;
	if (r == FSD_FIELD_ABSENT || row->qty < 0)
		return fsd_field_fail(pos, "\"qty\" must be a whole number of at least 0");
	if (fsd_field_string(rec, "supplier", &supplier, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	row->supplier = supplier ? find_place(st, supplier) : -1;
	if (supplier != NULL && (row->supplier < 0
	    || strcmp(st->places[row->supplier].kind, "supplier") != 0))
		return fsd_field_fail(pos, "\"supplier\" \"%s\" is not a supplier of the file", supplier);
	st->nrows++;
	return FSD_FIELD_OK;
}

void
route_stock_load(struct route_run *run, const char *path)
{
	struct route_stock *st = &run->stock;
	long *lines = NULL;
	size_t n;

	run->has_stock = 1;
	st->records = fsd_load_records(path, &lines);
	n = json_array_size(st->records);
	st->places = xcalloc(n + 1, sizeof *st->places);
	st->rows = xcalloc(n + 1, sizeof *st->rows);
	/* Locations first: a row may come before the location it names. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			struct fsd_pos pos = { path, lines[i] };
			json_t *rec = json_array_get(st->records, i);
			const char *kind = NULL;

			if (fsd_field_string(rec, "kind", &kind, pass ? NULL : &pos) == FSD_FIELD_BAD)
				continue;
			if (pass == 0 && kind != NULL && is_place_kind(kind))
				read_place(run, rec, kind, &pos);
			else if (pass == 1 && (kind == NULL || strcmp(kind, "stock") == 0))
				read_row(st, rec, &pos);
		}
	free(lines);
}

void
route_stock_free(struct route_run *run)
{
	free(run->stock.places);
	free(run->stock.rows);
	json_decref(run->stock.records);
	json_decref(run->sku_index);
	free(run->truck_stock);
	for (size_t i = 0; i < run->njobs; i++)
		if (run->jobs[i].pickup != NULL) {
			free((void *)run->jobs[i].pickup->locs);
			free((void *)run->jobs[i].pickup->on_truck);
			free((void *)run->jobs[i].pickup->sku);
			free((void *)run->jobs[i].pickup->qty);
			free(run->jobs[i].pickup);
		}
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
	json_t *stock = json_object_get(run->techs[t].record, "stock");
	int p;

	if (json_is_object(stock))
		return json_is_integer(json_object_get(stock, sku))
		    ? json_integer_value(json_object_get(stock, sku)) : 0;
	p = find_place(&run->stock, run->techs[t].id);
	return p >= 0 && strcmp(run->stock.places[p].kind, "truck") == 0
	    ? held(&run->stock, p, sku) : 0;
}

/* parts: [{sku, qty}] with qty a whole number from 1 (default 1). */
static int
check_parts(json_t *parts, const struct fsd_pos *pos)
{
	size_t i;
	json_t *part;

	if (!json_is_array(parts))
		return fsd_field_fail(pos, "\"parts\" must be an array of {sku, qty}");
	json_array_foreach(parts, i, part) {
		json_t *qty = json_object_get(part, "qty");
		if (!json_is_string(json_object_get(part, "sku")))
			return fsd_field_fail(pos, "\"parts[%zu].sku\" must be a string", i);
		if (qty != NULL && !(json_is_integer(qty) && json_integer_value(qty) >= 1))
			return fsd_field_fail(pos, "\"parts[%zu].qty\" must be a whole number of at least 1", i);
	}
	return FSD_FIELD_OK;
}

static long long
part_qty(json_t *part)
{
	json_t *qty = json_object_get(part, "qty");
	return qty ? json_integer_value(qty) : 1;
}

static int
truck_has_all(const struct route_run *run, int t, json_t *parts)
{
	size_t i;
	json_t *part;

	json_array_foreach(parts, i, part)
		if (on_truck(run, t, json_string_value(json_object_get(part, "sku"))) < part_qty(part))
			return 0;
	return 1;
}

/* No pickup allowed and no stock file: the techs whose own "stock"
 * holds every part are the ones who may take the job. */
static int
parts_on_truck_only(struct route_run *run, struct route_job_record *jr,
    const struct route_job *job, unsigned char *ok)
{
	int any = 0;

	for (int t = 0; t < run->ntechs; t++) {
		int has = truck_has_all(run, t, jr->parts);

		if (job->only_vehicle < 0)
			ok[t] = ok[t] && has;
		any |= (job->only_vehicle >= 0 ? t == job->only_vehicle : ok[t]) && has;
	}
	if (any)
		return 1;
	fsd_set_exception(jr->record, "parts_unavailable", "its parts may not be picked up "
	    "(parts_pickup is false) and no truck of a tech who may take it carries them all");
	return 0;
}

int
route_parts_read(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    unsigned char *ok, const struct fsd_pos *pos)
{
	const struct route_stock *st = &run->stock;
	struct route_pickup *pk;
	int *locs, *sku, nlocs = 0, any = 0;
	double *qty;
	unsigned char *truck;
	json_t *part;
	size_t i;

	/* A trade that may not stop for parts (a backflow test: the tester
	 * comes with its kit or not at all): fsd-match writes the playbook's
	 * "parts_pickup": false into the job. */
	int pickup = 1;

	if (fsd_field_bool(jr->record, "parts_pickup", &pickup, pos) == FSD_FIELD_BAD)
		return -1;
	jr->parts = json_object_get(jr->record, "parts");
	if ((!run->has_stock && pickup) || jr->parts == NULL || json_is_null(jr->parts))
		return 1;
	if (check_parts(jr->parts, pos) != FSD_FIELD_OK)
		return -1;
	if (json_array_size(jr->parts) == 0)
		return 1;
	if (!run->has_stock)
		return parts_on_truck_only(run, jr, job, ok);
	locs = xmalloc((st->nplaces + 1) * sizeof *locs);
	truck = xcalloc(run->ntechs + 1, 1);
	for (int p = 0; p < st->nplaces && pickup; p++) {
		int all = strcmp(st->places[p].kind, "truck") != 0;
		json_array_foreach(jr->parts, i, part)
			all = all && held(st, p, json_string_value(json_object_get(part, "sku")))
			    >= part_qty(part);
		if (all)
			locs[nlocs++] = st->places[p].loc;
	}
	for (int t = 0; t < run->ntechs; t++) {
		int allowed = job->only_vehicle >= 0 ? t == job->only_vehicle : ok[t];
		truck[t] = truck_has_all(run, t, jr->parts);
		if (job->only_vehicle < 0)
			ok[t] = ok[t] && (truck[t] || nlocs > 0);
		any |= allowed && (truck[t] || nlocs > 0);
	}
	if (!any) {
		free(locs);
		free(truck);
		fsd_set_exception(jr->record, "parts_unavailable", "its parts are on no truck of "
		    "a tech who may take it, and no warehouse or supplier in the stock file has them all");
		return 0;
	}
	pk = xcalloc(1, sizeof *pk);
	pk->locs = locs;
	pk->nlocs = nlocs;
	pk->on_truck = truck;
	pk->minutes = PICKUP_MINUTES;
	pk->nparts = (int)json_array_size(jr->parts);
	pk->sku = sku = xmalloc((pk->nparts + 1) * sizeof *sku);
	pk->qty = qty = xmalloc((pk->nparts + 1) * sizeof *qty);
	if (run->sku_index == NULL)
		run->sku_index = json_object();
	json_array_foreach(jr->parts, i, part) {
		const char *name = json_string_value(json_object_get(part, "sku"));
		json_t *at = json_object_get(run->sku_index, name);
		if (at == NULL)
			json_object_set_new(run->sku_index, name, at = json_integer(run->nskus++));
		sku[i] = (int)json_integer_value(at);
		qty[i] = (double)part_qty(part);
	}
	jr->pickup = pk;
	job->pickup = pk;
	return 1;
}

void
route_parts_attach(struct route_run *run, struct route_instance *in)
{
	const char *name;
	json_t *at;

	if (run->nskus == 0)
		return;
	run->truck_stock = xcalloc((size_t)run->ntechs * run->nskus + 1, sizeof *run->truck_stock);
	json_object_foreach(run->sku_index, name, at)
		for (int t = 0; t < run->ntechs; t++)
			run->truck_stock[(size_t)t * run->nskus + json_integer_value(at)]
			    = (double)on_truck(run, t, name);
	in->nskus = run->nskus;
	for (int t = 0; t < run->ntechs; t++)
		in->vehicles[t].truck_stock = run->truck_stock + (size_t)t * run->nskus;
}

json_t *
route_pickup_record(const struct route_run *run, const struct route_job_record *jr, int tech,
    int loc, const double *have)
{
	const struct route_stock *st = &run->stock;
	json_t *rec = json_pack("{s:s,s:s}", "kind", "pickup", "tech", run->techs[tech].id);
	json_t *skus = json_array(), *part;
	size_t i;

	for (int p = 0; p < st->nplaces; p++)
		if (st->places[p].loc == loc && strcmp(st->places[p].kind, "truck") != 0) {
			json_t *site = json_object_get(st->places[p].record, "site");
			json_object_set_new(rec, "location", json_string(st->places[p].id));
			if (site != NULL)
				json_object_set(rec, "site", site);
			break;
		}
	json_array_foreach(jr->parts, i, part) {
		const char *sku = json_string_value(json_object_get(part, "sku"));
		double missing = part_qty(part) - have[jr->pickup->sku[i]];
		if (missing > 0)
			json_array_append_new(skus, json_pack("{s:s,s:I}", "sku", sku,
			    "qty", (json_int_t)ceil(missing)));
	}
	json_object_set_new(rec, "skus", skus);
	json_object_set_new(rec, "for", json_string(jr->id));
	return rec;
}
