#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv/cell.h"
#include "money.h"
#include "rfc3339.h"
#include "xalloc.h"

/* The typing table, keyed by a column's last name component. Numbers are
 * the vocabulary's measures (fsd(5)): places, minutes, load units,
 * quantities, money in minor units. */
static const struct {
	const char *name;
	enum fsd_csv_kind kind;
} kinds[] = {
	{ "lat", FSD_CSV_NUMBER }, { "lon", FSD_CSV_NUMBER },
	{ "x", FSD_CSV_NUMBER }, { "y", FSD_CSV_NUMBER },
	{ "duration", FSD_CSV_NUMBER }, { "priority", FSD_CSV_NUMBER },
	{ "capacity", FSD_CSV_NUMBER }, { "demand", FSD_CSV_NUMBER },
	{ "qty", FSD_CSV_NUMBER }, { "seq", FSD_CSV_NUMBER },
	{ "km", FSD_CSV_NUMBER }, { "min", FSD_CSV_NUMBER }, { "max", FSD_CSV_NUMBER },
	{ "nte", FSD_CSV_MONEY }, { "amount", FSD_CSV_MONEY },
	{ "price", FSD_CSV_MONEY }, { "unit_price", FSD_CSV_MONEY },
	{ "cost", FSD_CSV_MONEY }, { "rate", FSD_CSV_NUMBER },
	{ "subtotal", FSD_CSV_MONEY }, { "tax", FSD_CSV_MONEY },
	{ "total", FSD_CSV_MONEY }, { "deposit", FSD_CSV_MONEY },
	{ "unit_cost", FSD_CSV_MONEY }, { "lead_days", FSD_CSV_NUMBER },
	{ "reorder_qty", FSD_CSV_NUMBER },
	{ "locked", FSD_CSV_BOOL }, { "vip", FSD_CSV_BOOL },
	{ "after_hours", FSD_CSV_BOOL }, { "taxable", FSD_CSV_BOOL },
	{ "warranty", FSD_CSV_BOOL }, { "active", FSD_CSV_BOOL },
	{ "member", FSD_CSV_BOOL }, { "tax_exempt", FSD_CSV_BOOL },
	{ "on_call", FSD_CSV_BOOL },
	{ "skills", FSD_CSV_LIST }, { "excluded_techs", FSD_CSV_LIST },
	{ "tasks", FSD_CSV_LIST },
	{ "tags", FSD_CSV_LIST }, { "territories", FSD_CSV_LIST },
	{ "parts", FSD_CSV_PARTS }, { "parts_used", FSD_CSV_PARTS },
	{ "stock", FSD_CSV_STOCK },
	{ "off", FSD_CSV_PERIODS },
};

/* Names ending so are measures too (fsd(5): minutes in "_min" fields,
 * kilometres in "_km" ones). */
static const char *const number_suffixes[] = { "_min", "_km", "_qty" };

static const char *
last_component(const char *column)
{
	const char *dot = strrchr(column, '.');

	return dot ? dot + 1 : column;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

enum fsd_csv_kind
fsd_csv_default_kind(const char *column)
{
	const char *name = last_component(column);

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	for (size_t i = 0; i < sizeof number_suffixes / sizeof number_suffixes[0]; i++)
		if (ends_with(name, number_suffixes[i]))
			return FSD_CSV_NUMBER;
	return FSD_CSV_STRING;
}

int
fsd_csv_names_column(const char *names, const char *column)
{
	const char *last = last_component(column);

	for (const char *p = names; p != NULL && *p != '\0';) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if ((strlen(column) == len && strncmp(column, p, len) == 0)
		    || (strlen(last) == len && strncmp(last, p, len) == 0))
			return 1;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

enum fsd_csv_kind
fsd_csv_column_kind(const char *column, const struct fsd_csv_override *overrides, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fsd_csv_names_column(overrides[i].names, column))
			return overrides[i].kind;
	return fsd_csv_default_kind(column);
}

const char *
fsd_csv_kind_name(enum fsd_csv_kind kind)
{
	static const char *const names[] = {
		"string", "number", "boolean", "list", "parts", "stock", "periods", "JSON",
		"money"
	};

	return names[kind];
}

/* --- cells to values ----------------------------------------------------- */

/* A number as JSON writes one (leading zeros allowed: "007" is 7). Whole
 * numbers that fit stay integers, so minutes and cents are exact. */
static json_t *
parse_number(const char *text, size_t len)
{
	const char *p = text;
	int digits = 0, whole = 1;
	char *end;

	if (*p == '-')
		p++;
	for (; isdigit((unsigned char)*p); p++)
		digits++;
	if (*p == '.') {
		whole = 0;
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	}
	if (digits == 0)
		return NULL;
	if (*p == 'e' || *p == 'E') {
		whole = 0;
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if ((size_t)(p - text) != len)
		return NULL;
	errno = 0;
	if (whole) {
		long long v = strtoll(text, &end, 10);
		if (errno == 0)
			return json_integer(v);
		errno = 0;	/* too large for an integer: a real, then */
	}
	double d = strtod(text, &end);
	if (errno != 0 || !isfinite(d))
		return NULL;
	return json_real(d);
}

static json_t *
parse_bool(const char *text)
{
	static const char *const yes[] = { "true", "yes", "y", "1" };
	static const char *const no[] = { "false", "no", "n", "0" };

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(text, yes[i]) == 0)
			return json_true();
		if (strcasecmp(text, no[i]) == 0)
			return json_false();
	}
	return NULL;
}

/* The ;-separated items of a cell, spaces around each trimmed, empty
 * ones dropped. Calls fn(item, len, ctx) for each; stops when it fails. */
static int
each_item(const char *text, int (*fn)(const char *, size_t, void *), void *ctx)
{
	const char *p = text;

	while (*p != '\0') {
		const char *end = strchr(p, ';');
		const char *next = end ? end + 1 : p + strlen(p);

		if (end == NULL)
			end = next;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > p && fn(p, (size_t)(end - p), ctx) != 0)
			return -1;
		p = next;
	}
	return 0;
}

static int
add_list_item(const char *item, size_t len, void *ctx)
{
	json_array_append_new(ctx, json_stringn(item, len));
	return 0;
}

/* "SKU:qty" split at its last colon (a SKU may hold one, a quantity not). */
static int
split_sku(const char *item, size_t len, char **sku, json_t **qty)
{
	const char *colon = NULL;

	for (size_t i = 0; i < len; i++)
		if (item[i] == ':')
			colon = item + i;
	*sku = NULL;
	*qty = NULL;
	if (colon == NULL || colon == item)
		return -1;
	*qty = parse_number(colon + 1, len - (size_t)(colon + 1 - item));
	if (*qty == NULL)
		return -1;
	*sku = xmalloc((size_t)(colon - item) + 1);
	memcpy(*sku, item, (size_t)(colon - item));
	(*sku)[colon - item] = '\0';
	return 0;
}

static int
add_part(const char *item, size_t len, void *ctx)
{
	char *sku;
	json_t *qty;

	/* A bare SKU is one of it: how people write a parts list by hand. */
	if (memchr(item, ':', len) == NULL) {
		sku = xmalloc(len + 1);
		memcpy(sku, item, len);
		sku[len] = '\0';
		qty = json_integer(1);
	} else if (split_sku(item, len, &sku, &qty) != 0) {
		return -1;
	}
	json_array_append_new(ctx, json_pack("{s:s,s:o}", "sku", sku, "qty", qty));
	free(sku);
	return 0;
}

static int
add_stock(const char *item, size_t len, void *ctx)
{
	char *sku;
	json_t *qty;

	if (split_sku(item, len, &sku, &qty) != 0)
		return -1;
	json_object_set_new(ctx, sku, qty);
	free(sku);
	return 0;
}

static int
add_period(const char *item, size_t len, void *ctx)
{
	const char *slash = memchr(item, '/', len);
	struct fsd_time t;
	char *start, *end;
	int bad;

	if (slash == NULL)
		return -1;
	start = xmalloc(len + 1);
	memcpy(start, item, len);
	start[len] = '\0';
	start[slash - item] = '\0';
	end = start + (slash - item) + 1;
	bad = fsd_time_parse(start, &t) != 0 || fsd_time_parse(end, &t) != 0;
	if (!bad)
		json_array_append_new(ctx, json_pack("{s:s,s:s}", "start", start, "end", end));
	free(start);
	return bad ? -1 : 0;
}

/* Money is whole minor units (fsd(5)). "150.00" in such a column is
 * dollars typed where cents belong: read as a number it would be $1.50,
 * so it is refused with what to write instead. */
static json_t *
parse_minor_units(const char *text, size_t len, char *err, size_t errlen)
{
	json_t *v = parse_number(text, len);
	int64_t minor;

	if (v != NULL && json_is_integer(v))
		return v;
	json_decref(v);
	if (strchr(text, '.') != NULL && fsd_money_parse(text, 2, &minor) == 0)
		snprintf(err, errlen, "\"%s\": money is in cents here: write %" PRId64
		    ", or map the column as dollars", text, minor);
	else
		snprintf(err, errlen, "\"%s\" is not a whole number of cents", text);
	return NULL;
}

json_t *
fsd_csv_parse_cell(enum fsd_csv_kind kind, const char *text, size_t len,
    char *err, size_t errlen)
{
	json_t *v = NULL;
	json_error_t jerr;

	switch (kind) {
	case FSD_CSV_STRING:
		return json_stringn(text, len);
	case FSD_CSV_NUMBER:
		if ((v = parse_number(text, len)) == NULL)
			snprintf(err, errlen, "\"%s\" is not a number", text);
		return v;
	case FSD_CSV_BOOL:
		if ((v = parse_bool(text)) == NULL)
			snprintf(err, errlen, "\"%s\" is not true or false", text);
		return v;
	case FSD_CSV_LIST:
		v = json_array();
		each_item(text, add_list_item, v);
		return v;
	case FSD_CSV_PARTS:
		v = json_array();
		if (each_item(text, add_part, v) == 0)
			return v;
		snprintf(err, errlen, "\"%s\" is not a parts list SKU:qty;SKU:qty", text);
		break;
	case FSD_CSV_STOCK:
		v = json_object();
		if (each_item(text, add_stock, v) == 0)
			return v;
		snprintf(err, errlen, "\"%s\" is not a stock list SKU:qty;SKU:qty", text);
		break;
	case FSD_CSV_PERIODS:
		v = json_array();
		if (each_item(text, add_period, v) == 0)
			return v;
		snprintf(err, errlen, "\"%s\" is not a list of periods START/END;START/END "
		    "with RFC 3339 times", text);
		break;
	case FSD_CSV_JSON:
		if ((v = json_loadb(text, len, JSON_DECODE_ANY, &jerr)) == NULL)
			snprintf(err, errlen, "\"%s\" is not JSON: %s", text, jerr.text);
		return v;
	case FSD_CSV_MONEY:
		return parse_minor_units(text, len, err, errlen);
	}
	json_decref(v);
	return NULL;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_sequence(const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t len;

	/* NUL is ASCII but no text: a C string would end at it. */
	if (s[0] < 0x80)
		return s[0] != 0;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, UTF-16 surrogates and beyond U+10FFFF are not text. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) || c > 0x10ffff
	    || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return len;
}

int
fsd_csv_utf8_valid(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

json_t *
fsd_csv_lossy_string(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	struct fsd_csv_buf b = { 0 };
	json_t *v;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0) {
			fsd_csv_buf_add(&b, "\xef\xbf\xbd", 3);
			i++;
		} else {
			fsd_csv_buf_add(&b, text + i, n);
			i += n;
		}
	}
	v = json_stringn(b.data ? b.data : "", b.len);
	fsd_csv_buf_free(&b);
	return v;
}

/* Spaces first do not stop a spreadsheet reading a formula. */
int
fsd_csv_formula_like(const char *text)
{
	while (*text == ' ')
		text++;
	return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

int
fsd_csv_phone_like(const char *text)
{
	size_t digits = 0;

	if (text[0] != '+')
		return 0;
	for (const char *p = text + 1; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" -.()", *p) == NULL)
			return 0;
	}
	return digits >= 7 && digits <= 15;	/* E.164: at most 15 digits */
}

const char *
fsd_csv_unguard(const char *text)
{
	if (text[0] == FSD_CSV_FORMULA_GUARD && fsd_csv_formula_like(text + 1))
		return text + 1;
	return text;
}

/* --- values to cells ----------------------------------------------------- */

void
fsd_csv_buf_add(struct fsd_csv_buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + len + 1, 1);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
fsd_csv_buf_addc(struct fsd_csv_buf *b, char c)
{
	fsd_csv_buf_add(b, &c, 1);
}

void
fsd_csv_buf_adds(struct fsd_csv_buf *b, const char *s)
{
	fsd_csv_buf_add(b, s, strlen(s));
}

void
fsd_csv_buf_free(struct fsd_csv_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static void
add_number(struct fsd_csv_buf *out, const json_t *v)
{
	char text[64];

	if (json_is_integer(v))
		snprintf(text, sizeof text, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else	/* the precision fsd tools write JSON with (output.h) */
		snprintf(text, sizeof text, "%.15g", json_real_value(v));
	/* A real stays one on the way back, as JSON writes it: -105.0. */
	if (json_is_real(v) && strpbrk(text, ".e") == NULL)
		strcat(text, ".0");
	fsd_csv_buf_adds(out, text);
}

static int
has_separator(const char *s)
{
	return strchr(s, ';') != NULL;
}

/* An array of strings, numbers and booleans none of which holds a ";". */
static int
is_scalar_list(const json_t *a)
{
	size_t i;
	json_t *v;

	json_array_foreach(a, i, v) {
		if (json_is_string(v) ? has_separator(json_string_value(v))
		    : !(json_is_number(v) || json_is_boolean(v)))
			return 0;
	}
	return 1;
}

static int
is_parts_list(const json_t *a)
{
	size_t i;
	json_t *v, *sku, *qty;

	json_array_foreach(a, i, v) {
		sku = json_object_get(v, "sku");
		qty = json_object_get(v, "qty");
		if (json_object_size(v) != 2 || !json_is_string(sku) || !json_is_number(qty)
		    || has_separator(json_string_value(sku)))
			return 0;
	}
	return 1;
}

static int
is_period_list(const json_t *a)
{
	size_t i;
	json_t *v, *start, *end;

	json_array_foreach(a, i, v) {
		start = json_object_get(v, "start");
		end = json_object_get(v, "end");
		if (json_object_size(v) != 2 || !json_is_string(start) || !json_is_string(end)
		    || strpbrk(json_string_value(start), ";/") != NULL
		    || has_separator(json_string_value(end)))
			return 0;
	}
	return 1;
}

static int
is_stock(enum fsd_csv_kind kind, const json_t *o)
{
	const char *key;
	json_t *v;

	if (kind != FSD_CSV_STOCK || json_object_size(o) == 0)
		return 0;
	json_object_foreach((json_t *)o, key, v) {
		if (!json_is_number(v) || has_separator(key))
			return 0;
	}
	return 1;
}

int
fsd_csv_is_cell(enum fsd_csv_kind kind, const json_t *value)
{
	return !json_is_object(value) || is_stock(kind, value);
}

static void
add_json_text(struct fsd_csv_buf *out, const json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));

	fsd_csv_buf_adds(out, text);
	free(text);
}

int
fsd_csv_format_cell(enum fsd_csv_kind kind, const json_t *v, struct fsd_csv_buf *out)
{
	size_t i;
	const char *key;
	json_t *item;
	int first = 1;

	switch (json_typeof(v)) {
	case JSON_NULL:
		return -1;
	case JSON_STRING:
		fsd_csv_buf_add(out, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
	case JSON_REAL:
		add_number(out, v);
		return 1;
	case JSON_TRUE:
		fsd_csv_buf_adds(out, "true");
		return 0;
	case JSON_FALSE:
		fsd_csv_buf_adds(out, "false");
		return 0;
	case JSON_OBJECT:
		if (!is_stock(kind, v))
			break;
		json_object_foreach((json_t *)v, key, item) {
			if (!first)
				fsd_csv_buf_addc(out, ';');
			first = 0;
			fsd_csv_buf_adds(out, key);
			fsd_csv_buf_addc(out, ':');
			add_number(out, item);
		}
		return 0;
	case JSON_ARRAY:
		if (json_array_size(v) == 0)
			return -1;
		if (kind == FSD_CSV_PARTS && is_parts_list(v)) {
			json_array_foreach(v, i, item) {
				if (i > 0)
					fsd_csv_buf_addc(out, ';');
				fsd_csv_buf_adds(out, json_string_value(json_object_get(item, "sku")));
				fsd_csv_buf_addc(out, ':');
				add_number(out, json_object_get(item, "qty"));
			}
			return 0;
		}
		if (kind == FSD_CSV_PERIODS && is_period_list(v)) {
			json_array_foreach(v, i, item) {
				if (i > 0)
					fsd_csv_buf_addc(out, ';');
				fsd_csv_buf_adds(out, json_string_value(json_object_get(item, "start")));
				fsd_csv_buf_addc(out, '/');
				fsd_csv_buf_adds(out, json_string_value(json_object_get(item, "end")));
			}
			return 0;
		}
		if (!is_scalar_list(v))
			break;
		json_array_foreach(v, i, item) {
			if (i > 0)
				fsd_csv_buf_addc(out, ';');
			fsd_csv_format_cell(FSD_CSV_STRING, item, out);
		}
		return 0;
	}
	add_json_text(out, v);
	return 0;
}

void
fsd_csv_quote(struct fsd_csv_buf *row, const char *text, size_t len)
{
	int quote = len > 0 && (text[0] == ' ' || text[0] == '\t'
	    || text[len - 1] == ' ' || text[len - 1] == '\t');

	for (size_t i = 0; i < len && !quote; i++)
		quote = text[i] == ',' || text[i] == '"' || text[i] == '\r' || text[i] == '\n';
	if (!quote) {
		fsd_csv_buf_add(row, text, len);
		return;
	}
	fsd_csv_buf_addc(row, '"');
	for (const char *p = text, *end = text + len; p < end;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		size_t n = q ? (size_t)(q - p) + 1 : (size_t)(end - p);

		fsd_csv_buf_add(row, p, n);
		if (q != NULL)
			fsd_csv_buf_addc(row, '"');
		p += n;
	}
	fsd_csv_buf_addc(row, '"');
}
