/* Parts pickups as the records say them (parts.c does the counting): the
 * stock file (fsd-restock's: locations by kind, rows of location, sku,
 * qty), a tech's own "stock", a job's "parts" and "parts_pickup", the
 * job no tech can have the parts for marked parts_unavailable, and the
 * pickup record written before a job. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "records.h"

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
	if (route_stock_find(st, p->id) >= 0)
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
	if ((row->place = route_stock_find(st, location)) < 0)
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
	row->supplier = supplier ? route_stock_find(st, supplier) : -1;
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
	free(run->sku_names);
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

void
route_tech_read_stock(struct route_tech *t)
{
	json_t *stock = json_object_get(t->record, "stock"), *qty;
	const char *sku;

	if (!json_is_object(stock))
		return;
	t->has_stock = 1;
	t->stock = xcalloc(json_object_size(stock) + 1, sizeof *t->stock);
	/* A count that is not a whole number is none, as an absent one. */
	json_object_foreach(stock, sku, qty)
		if (json_is_integer(qty)) {
			t->stock[t->nstock].sku = sku;
			t->stock[t->nstock++].qty = json_integer_value(qty);
		}
}

/* parts: [{sku, qty}] with qty a whole number from 1 (default 1), into
 * jr->parts. */
static int
read_parts(struct route_job_record *jr, json_t *parts, const struct fsd_pos *pos)
{
	size_t i;
	json_t *part;

	if (!json_is_array(parts))
		return fsd_field_fail(pos, "\"parts\" must be an array of {sku, qty}");
	jr->parts = xcalloc(json_array_size(parts) + 1, sizeof *jr->parts);
	json_array_foreach(parts, i, part) {
		json_t *qty = json_object_get(part, "qty");
		if (!json_is_string(json_object_get(part, "sku")))
			return fsd_field_fail(pos, "\"parts[%zu].sku\" must be a string", i);
		if (qty != NULL && !(json_is_integer(qty) && json_integer_value(qty) >= 1))
			return fsd_field_fail(pos, "\"parts[%zu].qty\" must be a whole number of at least 1", i);
		jr->parts[i].sku = json_string_value(json_object_get(part, "sku"));
		jr->parts[i].qty = qty ? json_integer_value(qty) : 1;
	}
	jr->nparts = (int)json_array_size(parts);
	return FSD_FIELD_OK;
}

int
route_parts_read(struct route_run *run, struct route_job_record *jr, struct route_job *job,
    unsigned char *ok, const struct fsd_pos *pos)
{
	json_t *parts;
	int r;

	/* A trade that may not stop for parts (a backflow test: the tester
	 * comes with its kit or not at all): fsd-match writes the playbook's
	 * "parts_pickup": false into the job. */
	int pickup = 1;

	if (fsd_field_bool(jr->record, "parts_pickup", &pickup, pos) == FSD_FIELD_BAD)
		return -1;
	parts = json_object_get(jr->record, "parts");
	if ((!run->has_stock && pickup) || parts == NULL || json_is_null(parts))
		return 1;
	if (read_parts(jr, parts, pos) != FSD_FIELD_OK)
		return -1;
	if (jr->nparts == 0)
		return 1;
	if ((r = route_parts_sources(run, jr, job, ok, pickup)) != 0)
		return r;
	if (!run->has_stock)
		fsd_set_exception(jr->record, "parts_unavailable", "its parts may not be picked up "
		    "(parts_pickup is false) and no truck of a tech who may take it carries them all");
	else
		fsd_set_exception(jr->record, "parts_unavailable", "its parts are on no truck of "
		    "a tech who may take it, and no warehouse or supplier in the stock file has them all");
	return 0;
}

json_t *
route_pickup_record(const struct route_run *run, const struct route_job_record *jr, int tech,
    int loc, const double *have)
{
	const struct route_stock *st = &run->stock;
	json_t *rec = json_pack("{s:s,s:s}", "kind", "pickup", "tech", run->techs[tech].id);
	json_t *skus = json_array();

	for (int p = 0; p < st->nplaces; p++)
		if (st->places[p].loc == loc && strcmp(st->places[p].kind, "truck") != 0) {
			json_t *site = json_object_get(st->places[p].record, "site");
			json_object_set_new(rec, "location", json_string(st->places[p].id));
			if (site != NULL)
				json_object_set(rec, "site", site);
			break;
		}
	for (int i = 0; i < jr->nparts; i++) {
		double missing = jr->parts[i].qty - have[jr->pickup->sku[i]];
		if (missing > 0)
			json_array_append_new(skus, json_pack("{s:s,s:I}", "sku", jr->parts[i].sku,
			    "qty", (json_int_t)ceil(missing)));
	}
	json_object_set_new(rec, "skus", skus);
	json_object_set_new(rec, "for", json_string(jr->id));
	return rec;
}
