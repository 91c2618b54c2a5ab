#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "geo.h"
#include "money.h"
#include "output.h"
#include "record.h"
#include "rfc3339.h"
#include "records_stock.h"
#include "xalloc.h"

struct load {
	struct restock_stock *s;
	long bad;
};

static const char *const row_keys[] = {
	"kind", "location", "sku", "qty", "min", "max", "reorder_qty", "unit_cost",
	"currency", "supplier", "lead_days", NULL
};

static const char *const order_keys[] = {
	"kind", "order", "location", "sku", "qty", "from", "supplier", "expected",
	"unit_cost", "currency", NULL
};

static int
is_known(const char *key, const char *const *known)
{
	for (; *known != NULL; known++)
		if (strcmp(key, *known) == 0)
			return 1;
	return 0;
}

/* The members that are not ours, as JSON text without the braces. */
static char *
extra_members(json_t *record, const char *const *known)
{
	const char *key;
	json_t *value;
	char *text = NULL;
	size_t size = 0;
	FILE *f = NULL;

	json_object_foreach(record, key, value) {
		if (is_known(key, known))
			continue;
		if (f == NULL)
			f = open_memstream(&text, &size);
		else
			putc(',', f);
		restock_put_json_string(f, key);
		putc(':', f);
		json_dumpf(value, f, FSD_JSON_FLAGS | JSON_ENCODE_ANY);
	}
	if (f != NULL)
		fclose(f);
	return text;
}

/* A whole number >= min; required or RESTOCK_UNSET when absent. */
static int
count_field(json_t *record, const char *key, long long min, int required,
    long long *out, const struct fsd_pos *pos)
{
	int r = fsd_field_int(record, key, out, pos);

	if (r == FSD_FIELD_ABSENT && required)
		return fsd_field_fail(pos, "\"%s\" is missing", key);
	if (r == FSD_FIELD_ABSENT)
		*out = RESTOCK_UNSET;
	else if (r == FSD_FIELD_OK && *out < min)
		return fsd_field_fail(pos, "\"%s\" must be %s, not %lld", key,
		    min > 0 ? "a positive whole number" : "zero or more", *out);
	return r == FSD_FIELD_BAD ? -1 : 0;
}

static int
required_string(json_t *record, const char *key, const char **out,
    const struct fsd_pos *pos)
{
	int r = fsd_field_string(record, key, out, pos);

	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" is missing", key);
	if (r == FSD_FIELD_OK && **out == '\0')
		return fsd_field_fail(pos, "\"%s\" must not be empty", key);
	return r == FSD_FIELD_BAD ? -1 : 0;
}

/* A location named by key, or -1 (absent, or bad and reported). */
static int
location_field(struct restock_stock *s, json_t *record, const char *key, int required,
    int *out, const struct fsd_pos *pos)
{
	const char *id;
	int r = fsd_field_string(record, key, &id, pos);

	*out = -1;
	if (r == FSD_FIELD_ABSENT && !required)
		return 0;
	if (r != FSD_FIELD_OK)
		return required_string(record, key, &id, pos);
	*out = restock_location_ref(s, id, strlen(id));
	return 0;
}

static int
currency_field(json_t *record, char currency[4], const struct fsd_pos *pos)
{
	const char *code;
	int r = fsd_field_string(record, "currency", &code, pos);

	currency[0] = '\0';
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return 0;
	if (fsd_currency_exponent(code) < 0)
		return fsd_field_fail(pos, "\"currency\" must be an ISO 4217 code, not \"%s\"", code);
	memcpy(currency, code, 4);
	return 0;
}

static int
load_location(struct restock_stock *s, json_t *record, enum restock_kind kind,
    const struct fsd_pos *pos)
{
	const char *id;
	double lat, lon;
	int k, has_site = 0;
	const char *place = fsd_field(record, "site") ? "site" : "home";
	char lat_key[16], lon_key[16];

	if (required_string(record, "id", &id, pos) != 0)
		return -1;
	snprintf(lat_key, sizeof lat_key, "%s.lat", place);
	snprintf(lon_key, sizeof lon_key, "%s.lon", place);
	if (fsd_field(record, place) != NULL) {
		int r_lat = fsd_field_number(record, lat_key, &lat, pos);
		int r_lon = fsd_field_number(record, lon_key, &lon, pos);

		if (r_lat == FSD_FIELD_BAD || r_lon == FSD_FIELD_BAD)
			return -1;
		if (r_lat != FSD_FIELD_OK || r_lon != FSD_FIELD_OK || !fsd_latlon_valid(lat, lon))
			return fsd_field_fail(pos, "\"%s\" must have lat and lon of a real place", place);
		has_site = 1;
	}
	k = restock_location_add(s, id, kind);
	if (k < 0)
		return fsd_field_fail(pos, "\"id\": location \"%s\" is declared twice", id);
	s->location[k].has_site = has_site;
	s->location[k].lat = has_site ? lat : 0;
	s->location[k].lon = has_site ? lon : 0;
	s->location[k].record = json_dumps(record, FSD_JSON_FLAGS);
	return 0;
}

static int
load_row(struct restock_stock *s, json_t *record, const struct fsd_pos *pos)
{
	struct restock_row r = { 0 }, *row;
	const char *sku;
	int bad = 0;

	bad |= location_field(s, record, "location", 1, &r.location, pos);
	bad |= required_string(record, "sku", &sku, pos);
	bad |= count_field(record, "qty", 0, 1, &r.qty, pos);
	bad |= count_field(record, "min", 0, 0, &r.min, pos);
	bad |= count_field(record, "max", 0, 0, &r.max, pos);
	bad |= count_field(record, "reorder_qty", 1, 0, &r.reorder_qty, pos);
	bad |= count_field(record, "unit_cost", 0, 0, &r.unit_cost, pos);
	bad |= count_field(record, "lead_days", 0, 0, &r.lead_days, pos);
	bad |= currency_field(record, r.currency, pos);
	bad |= location_field(s, record, "supplier", 0, &r.supplier, pos);
	if (bad)
		return -1;
	if (r.max != RESTOCK_UNSET && r.min != RESTOCK_UNSET && r.max < r.min)
		return fsd_field_fail(pos, "\"max\" (%lld) is less than \"min\" (%lld)", r.max, r.min);
	r.sku = restock_names_add(&s->sku_names, sku, strlen(sku));
	row = restock_row_find(s, r.location, r.sku);
	if (row != NULL)
		return fsd_field_fail(pos, "duplicate stock row for location \"%s\" sku \"%s\" "
		    "(first at line %ld)", restock_location_id(s, r.location), sku, row->line);
	row = restock_row_add(s, r.location, r.sku);
	r.line = pos->line;
	r.extra = extra_members(record, row_keys);
	*row = r;
	return 0;
}

static int
load_order(struct restock_stock *s, json_t *record, const struct fsd_pos *pos)
{
	struct restock_order o = { .expected_day = -1 };
	const char *id, *sku, *expected;
	int bad = 0, r;

	bad |= required_string(record, "order", &id, pos);
	bad |= location_field(s, record, "location", 1, &o.location, pos);
	bad |= required_string(record, "sku", &sku, pos);
	bad |= count_field(record, "qty", 1, 1, &o.qty, pos);
	bad |= location_field(s, record, "from", 0, &o.from, pos);
	bad |= location_field(s, record, "supplier", 0, &o.supplier, pos);
	bad |= count_field(record, "unit_cost", 0, 0, &o.unit_cost, pos);
	bad |= currency_field(record, o.currency, pos);
	r = fsd_field_string(record, "expected", &expected, pos);
	if (r == FSD_FIELD_BAD)
		bad = 1;
	else if (r == FSD_FIELD_OK && fsd_date_parse(expected, &o.expected_day) != 0)
		bad |= fsd_field_fail(pos, "\"expected\" must be a date YYYY-MM-DD, not \"%s\"", expected);
	if (bad)
		return -1;
	if ((o.from < 0) == (o.supplier < 0))
		return fsd_field_fail(pos, "an open order needs either \"from\" (a pull) "
		    "or \"supplier\" (a purchase order)");
	o.sku = restock_names_add(&s->sku_names, sku, strlen(sku));
	o.id = xstrdup(id);
	o.line = pos->line;
	o.extra = extra_members(record, order_keys);
	restock_order_add(s, &o);
	return 0;
}

static int
load_applied(struct restock_stock *s, json_t *record, const struct fsd_pos *pos)
{
	json_t *ids = fsd_field(record, "ids"), *ranges = fsd_field(record, "ranges"), *v;
	const char *prefix;
	long long digits;
	size_t i;

	if (ids != NULL) {
		if (fsd_field_strings(record, "ids", &ids, pos) != FSD_FIELD_OK)
			return -1;
		json_array_foreach(ids, i, v)
			restock_applied_add(&s->applied, json_string_value(v), json_string_length(v));
		return 0;
	}
	if (fsd_field_string(record, "prefix", &prefix, pos) != FSD_FIELD_OK
	    || fsd_field_int(record, "digits", &digits, pos) != FSD_FIELD_OK
	    || !json_is_array(ranges))
		return fsd_field_fail(pos, "an applied record needs \"ids\", or "
		    "\"prefix\", \"digits\" and \"ranges\"");
	json_array_foreach(ranges, i, v) {
		json_t *a = json_array_get(v, 0), *b = json_array_get(v, 1);
		if (json_array_size(v) != 2 || !json_is_integer(a) || !json_is_integer(b)
		    || restock_applied_add_range(&s->applied, prefix, (int)digits,
		    json_integer_value(a), json_integer_value(b)) != 0)
			return fsd_field_fail(pos, "\"ranges\" member %zu must be [first,last] "
			    "of %lld-digit numbers", i + 1, digits);
	}
	return 0;
}

static int
load_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct load *l = ctx;
	const char *kind = "stock";
	long long next;

	if (fsd_field_string(record, "kind", &kind, pos) == FSD_FIELD_BAD)
		return l->bad++, 1;
	if (strcmp(kind, "truck") == 0 || strcmp(kind, "warehouse") == 0
	    || strcmp(kind, "supplier") == 0) {
		enum restock_kind k = kind[0] == 't' ? RESTOCK_TRUCK
		    : kind[0] == 'w' ? RESTOCK_WAREHOUSE : RESTOCK_SUPPLIER;
		if (load_location(l->s, record, k, pos) != 0)
			return l->bad++, 1;
	} else if (strcmp(kind, "stock") == 0) {
		if (load_row(l->s, record, pos) != 0)
			return l->bad++, 1;
	} else if (strcmp(kind, "open_order") == 0) {
		if (load_order(l->s, record, pos) != 0)
			return l->bad++, 1;
	} else if (strcmp(kind, "applied") == 0) {
		if (load_applied(l->s, record, pos) != 0)
			return l->bad++, 1;
	} else if (strcmp(kind, "sequence") == 0) {
		if (count_field(record, "next_order", 1, 1, &next, pos) != 0)
			return l->bad++, 1;
		l->s->next_order = next;
	} else {
		fsd_field_fail(pos, "\"kind\" must be truck, warehouse, supplier, stock, "
		    "open_order, applied or sequence, not \"%s\"", kind);
		return l->bad++, 1;
	}
	return 0;
}

/* A reference to a location must name one of the right kind. */
static int
check_ref(struct load *l, const char *path, long line, const char *key, int k,
    int want_stock, enum restock_kind want)
{
	const struct restock_location *loc = &l->s->location[k];
	struct fsd_pos pos = { path, line };

	if (k < 0)
		return 0;
	if (!loc->declared)
		fsd_field_fail(&pos, "\"%s\": unknown location \"%s\"", key,
		    restock_location_id(l->s, k));
	else if (want_stock && loc->kind == RESTOCK_SUPPLIER)
		fsd_field_fail(&pos, "\"%s\": \"%s\" is a supplier; stock is kept on "
		    "trucks and in warehouses", key, restock_location_id(l->s, k));
	else if (!want_stock && loc->kind != want)
		fsd_field_fail(&pos, "\"%s\": \"%s\" is not a %s", key,
		    restock_location_id(l->s, k), want == RESTOCK_SUPPLIER ? "supplier" : "warehouse");
	else
		return 0;
	l->bad++;
	return -1;
}

long
restock_stock_load(struct restock_stock *s, const char *path)
{
	struct load l = { s, 0 };
	size_t nrows;

	l.bad += fsd_read_record_file(path, load_record, &l) - l.bad;
	nrows = s->nrows;
	for (size_t i = 0; i < nrows; i++) {
		check_ref(&l, path, s->row[i].line, "location", s->row[i].location, 1, 0);
		check_ref(&l, path, s->row[i].line, "supplier", s->row[i].supplier, 0,
		    RESTOCK_SUPPLIER);
	}
	for (size_t i = 0; i < s->norders; i++) {
		const struct restock_order *o = &s->order[i];
		if (check_ref(&l, path, o->line, "location", o->location, 1, 0) == 0
		    && check_ref(&l, path, o->line, "from", o->from, 0, RESTOCK_WAREHOUSE) == 0
		    && check_ref(&l, path, o->line, "supplier", o->supplier, 0, RESTOCK_SUPPLIER) == 0) {
			/* Rows to count what is due in and out (none are written
			 * back while they stay empty). */
			if (restock_row_find(s, o->location, o->sku) == NULL)
				restock_row_add(s, o->location, o->sku);
			if (o->from >= 0 && restock_row_find(s, o->from, o->sku) == NULL)
				restock_row_add(s, o->from, o->sku);
		}
	}
	return l.bad;
}

void
restock_put_json_string(FILE *f, const char *text)
{
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			putc(*p, f);
	}
	putc('"', f);
}

static void
put_member(FILE *f, const char *key, const char *value)
{
	fprintf(f, ",\"%s\":", key);
	restock_put_json_string(f, value);
}

static void
put_count(FILE *f, const char *key, long long value)
{
	if (value != RESTOCK_UNSET)
		fprintf(f, ",\"%s\":%lld", key, value);
}

static void
write_row(const struct restock_stock *s, const struct restock_row *r, FILE *f)
{
	fputs("{\"location\":", f);
	restock_put_json_string(f, restock_location_id(s, r->location));
	put_member(f, "sku", restock_sku_name(s, r->sku));
	put_count(f, "qty", r->qty);
	put_count(f, "min", r->min);
	put_count(f, "max", r->max);
	put_count(f, "reorder_qty", r->reorder_qty);
	put_count(f, "unit_cost", r->unit_cost);
	if (r->currency[0])
		put_member(f, "currency", r->currency);
	if (r->supplier >= 0)
		put_member(f, "supplier", restock_location_id(s, r->supplier));
	put_count(f, "lead_days", r->lead_days);
	if (r->extra)
		fprintf(f, ",%s", r->extra);
	fputs("}\n", f);
}

static void
write_order(const struct restock_stock *s, const struct restock_order *o, FILE *f)
{
	char date[FSD_DATE_LEN];

	fputs("{\"kind\":\"open_order\"", f);
	put_member(f, "order", o->id);
	put_member(f, "location", restock_location_id(s, o->location));
	put_member(f, "sku", restock_sku_name(s, o->sku));
	put_count(f, "qty", o->qty);
	if (o->from >= 0)
		put_member(f, "from", restock_location_id(s, o->from));
	if (o->supplier >= 0)
		put_member(f, "supplier", restock_location_id(s, o->supplier));
	if (o->expected_day >= 0)
		put_member(f, "expected", fsd_date_format(o->expected_day, date));
	put_count(f, "unit_cost", o->unit_cost);
	if (o->currency[0])
		put_member(f, "currency", o->currency);
	if (o->extra)
		fprintf(f, ",%s", o->extra);
	fputs("}\n", f);
}

static void
write_applied(const struct restock_applied *a, FILE *f)
{
	size_t n = restock_applied_whole_count(a);

	for (size_t i = 0; i < restock_applied_series_count(a); i++) {
		const struct restock_series *series = &a->series[i];
		int digits;
		const char *prefix = restock_applied_series_prefix(a, i, &digits);

		fputs("{\"kind\":\"applied\",\"prefix\":", f);
		restock_put_json_string(f, prefix);
		fprintf(f, ",\"digits\":%d,\"ranges\":[", digits);
		for (size_t j = 0; j < series->count; j++)
			fprintf(f, "%s[%lld,%lld]", j ? "," : "",
			    (long long)series->range[j].first, (long long)series->range[j].last);
		fputs("]}\n", f);
	}
	/* Ids kept whole, a thousand to a line so no line grows without end. */
	for (size_t i = 0; i < n; i += 1000) {
		fputs("{\"kind\":\"applied\",\"ids\":[", f);
		for (size_t j = i; j < n && j < i + 1000; j++) {
			if (j > i)
				putc(',', f);
			restock_put_json_string(f, restock_applied_whole(a, j));
		}
		fputs("]}\n", f);
	}
}

void
restock_stock_write(const struct restock_stock *s, FILE *f)
{
	for (size_t i = 0; i < s->location_names.count; i++)
		if (s->location[i].record != NULL)
			fprintf(f, "%s\n", s->location[i].record);
	for (size_t i = 0; i < s->nrows; i++)
		if (!restock_row_is_empty_new(&s->row[i]))
			write_row(s, &s->row[i], f);
	for (size_t i = 0; i < s->norders; i++)
		write_order(s, &s->order[i], f);
	if (s->next_order > 1)
		fprintf(f, "{\"kind\":\"sequence\",\"next_order\":%lld}\n", s->next_order);
	write_applied(&s->applied, f);
}
