/* Usage and receipt events applied to the stock (records_events.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "output.h"
#include "xalloc.h"
#include "restock/applied.h"
#include "restock/names.h"
#include "restock/records_events.h"

/* A record that could not be applied comes out with the reason. */
static int
reject(struct restock_line *l, const char *code, const char *fmt, const char *what)
{
	json_t *record = restock_line_record(l);

	if (code == NULL)	/* a field message, already said at the line */
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	else {
		fsd_warn_at(&l->pos, fmt, what);
		fsd_set_exception(record, code, fmt, what);
	}
	fsd_emit(record);
	return 1;
}

static void
discrepancy(struct restock_stock *s, int location, int sku, long long recorded,
    long long used, const char *event, size_t event_len)
{
	json_t *rec = json_pack("{s:s, s:s, s:s, s:I, s:I}", "kind", "count_discrepancy",
	    "location", restock_location_id(s, location), "sku", restock_sku_name(s, sku),
	    "recorded", (json_int_t)recorded, "used", (json_int_t)used);

	if (event != NULL)
		json_object_set_new(rec, "event", json_stringn(event, event_len));
	fsd_emit(rec);
	json_decref(rec);
}

static void
receipt_short(int location, int sku, long long recorded, long long used, void *ctx)
{
	discrepancy(ctx, location, sku, recorded, used, NULL, 0);
}

/* A string field that must be there and name something. */
static int
need_string(struct restock_line *l, const char *key, const char **out, size_t *len)
{
	int r = restock_line_string(l, key, out, len);

	if (r == FSD_FIELD_ABSENT || (r == FSD_FIELD_OK && *len == 0))
		return fsd_field_fail(&l->pos, "\"%s\" is missing", key);
	return r == FSD_FIELD_OK ? 0 : -1;
}

static int
apply_receipt(struct restock_events *run, struct restock_line *l)
{
	struct restock_stock *s = run->stock;
	const char *order, *sku_text;
	size_t order_len, sku_len;
	long long qty = RESTOCK_UNSET;
	int sku = -1, r;
	char *id;

	if (need_string(l, "order", &order, &order_len) != 0)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_string(l, "sku", &sku_text, &sku_len);
	if (r == FSD_FIELD_BAD || restock_line_int(l, "qty", &qty) == FSD_FIELD_BAD)
		return reject(l, NULL, NULL, NULL);
	if (qty != RESTOCK_UNSET && (qty < 1 || r != FSD_FIELD_OK)) {
		fsd_field_fail(&l->pos, "\"qty\" of a receipt must be positive and name its \"sku\"");
		return reject(l, NULL, NULL, NULL);
	}
	if (r == FSD_FIELD_OK && (sku = restock_names_find(&s->sku_names, sku_text, sku_len)) < 0)
		return reject(l, "unknown_sku", "\"sku\": unknown SKU \"%s\"",
		    json_string_value(json_object_get(restock_line_record(l), "sku")));
	id = xstrdup(json_string_value(json_object_get(restock_line_record(l), "order")));
	r = restock_receive(s, id, sku, qty, receipt_short, s);
	if (r <= 0)
		reject(l, r == 0 ? "unknown_order" : "bad_record", r == 0
		    ? "\"order\": no open order \"%s\" (for that sku)"
		    : "\"qty\": more than order \"%s\" has open", id);
	free(id);
	return r <= 0;
}

static int
apply_usage(struct restock_events *run, struct restock_line *l)
{
	struct restock_stock *s = run->stock;
	const char *where, *where_key, *sku_text, *id, *at;
	size_t where_len, sku_len, id_len, at_len;
	long long qty = 0;
	int location, sku, r;
	struct restock_row *row;
	struct fsd_time when;

	restock_line_string(l, "id", &id, &id_len);
	/* The truck is the tech's; "location" names another place used from. */
	where_key = "location";
	r = restock_line_string(l, where_key, &where, &where_len);
	if (r == FSD_FIELD_ABSENT)
		r = need_string(l, where_key = "tech", &where, &where_len) == 0 ? FSD_FIELD_OK : -1;
	if (r != FSD_FIELD_OK || need_string(l, "sku", &sku_text, &sku_len) != 0)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_int(l, "qty", &qty);
	if (r == FSD_FIELD_ABSENT)
		fsd_field_fail(&l->pos, "\"qty\" is missing");
	else if (r == FSD_FIELD_OK && qty < 1)
		fsd_field_fail(&l->pos, "\"qty\" must be a positive whole number, not %lld", qty);
	if (r != FSD_FIELD_OK || qty < 1)
		return reject(l, NULL, NULL, NULL);
	r = restock_line_string(l, "at", &at, &at_len);
	if (r == FSD_FIELD_OK) {
		char text[FSD_TIME_LEN];

		snprintf(text, sizeof text, "%.*s", (int)at_len, at);
		if (at_len >= sizeof text || fsd_time_parse(text, &when) != 0) {
			fsd_field_fail(&l->pos, "\"at\" must be an RFC 3339 time, not \"%s\"", text);
			return reject(l, NULL, NULL, NULL);
		}
		if (!run->have_time || when.seconds > run->last_at.seconds)
			run->last_at = when;
		run->have_time = 1;
	} else if (r == FSD_FIELD_BAD)
		return reject(l, NULL, NULL, NULL);

	location = restock_location_find(s, where, where_len);
	if (location < 0 || !s->location[location].declared
	    || s->location[location].kind == RESTOCK_SUPPLIER)
		return reject(l, "unknown_location", where_key[0] == 't'
		    ? "\"tech\": no truck \"%s\" in the stock file"
		    : "\"location\": no truck or warehouse \"%s\" in the stock file",
		    json_string_value(json_object_get(restock_line_record(l), where_key)));
	sku = restock_names_find(&s->sku_names, sku_text, sku_len);
	if (sku < 0)
		return reject(l, "unknown_sku", "\"sku\": unknown SKU \"%s\"",
		    json_string_value(json_object_get(restock_line_record(l), "sku")));

	row = restock_row_find(s, location, sku);
	if (row == NULL)
		row = restock_row_add(s, location, sku);
	long long recorded = row->qty;
	if (restock_decrement(row, qty) > 0)
		discrepancy(s, location, sku, recorded, qty, id, id_len);
	restock_applied_add(&s->applied, id, id_len);
	return 0;
}

int
restock_event_apply(struct restock_events *run, struct restock_line *l)
{
	const char *kind = "usage", *id;
	size_t kind_len = 5, id_len;

	if (restock_line_string(l, "kind", &kind, &kind_len) == FSD_FIELD_BAD
	    || need_string(l, "id", &id, &id_len) != 0)
		return reject(l, NULL, NULL, NULL);
	/* Applied before: in the stock already, so nothing to do. */
	if (restock_applied_has(&run->stock->applied, id, id_len))
		return 0;
	if (kind_len == 7 && memcmp(kind, "receipt", 7) == 0) {
		if (apply_receipt(run, l) != 0)
			return 1;
		restock_applied_add(&run->stock->applied, id, id_len);
		return 0;
	}
	if (kind_len == 5 && memcmp(kind, "usage", 5) == 0)
		return apply_usage(run, l);
	fsd_field_fail(&l->pos, "\"kind\" must be usage or receipt, not \"%.*s\"",
	    (int)kind_len, kind);
	return reject(l, NULL, NULL, NULL);
}
