/* Unit tests for common/csv/: typing cells, formatting them back, quoting,
 * formula guards, header columns and the line-counting reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "csv/cell.h"
#include "csv/columns.h"
#include "csv/reader.h"
#include "unit.h"

/* A cell typed as kind, as compact JSON text ("ERROR: why" when refused). */
static char *
typed(enum fsd_csv_kind kind, const char *text)
{
	char err[512];
	json_t *v = fsd_csv_parse_cell(kind, text, strlen(text), err, sizeof err);
	char *out;

	if (v == NULL)
		return xasprintf("ERROR: %s", err);
	out = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
	json_decref(v);
	return out;
}

#define CHECK_TYPED(kind, text, want, what) do { \
	char *got_typed = typed(kind, text); \
	CHECK_STR(got_typed, want, what); \
	free(got_typed); \
} while (0)

static void
test_kinds(void)
{
	CHECK(fsd_csv_default_kind("site.lat") == FSD_CSV_NUMBER, "site.lat is a number");
	CHECK(fsd_csv_default_kind("duration") == FSD_CSV_NUMBER, "duration is a number");
	CHECK(fsd_csv_default_kind("travel_min") == FSD_CSV_NUMBER, "_min fields are numbers");
	CHECK(fsd_csv_default_kind("id") == FSD_CSV_STRING, "ids stay strings");
	CHECK(fsd_csv_default_kind("customer.id") == FSD_CSV_STRING, "nested ids too");
	CHECK(fsd_csv_default_kind("site.zip") == FSD_CSV_STRING, "zip codes stay strings");
	CHECK(fsd_csv_default_kind("rrule") == FSD_CSV_STRING, "RFC 5545 rules are not lists");
	CHECK(fsd_csv_default_kind("customer.vip") == FSD_CSV_BOOL, "vip is a boolean");
	CHECK(fsd_csv_default_kind("skills") == FSD_CSV_LIST, "skills is a list");
	CHECK(fsd_csv_default_kind("parts_used") == FSD_CSV_PARTS, "parts_used is a parts list");
	CHECK(fsd_csv_default_kind("stock") == FSD_CSV_STOCK, "stock");
	CHECK(fsd_csv_default_kind("off") == FSD_CSV_PERIODS, "off is periods");

	struct fsd_csv_override o[] = {
		{ FSD_CSV_STRING, "skills,site.lat" }, { FSD_CSV_NUMBER, "zip" },
	};
	CHECK(fsd_csv_column_kind("skills", o, 2) == FSD_CSV_STRING, "--string skills");
	CHECK(fsd_csv_column_kind("site.lat", o, 2) == FSD_CSV_STRING, "--string by full name");
	CHECK(fsd_csv_column_kind("home.lat", o, 2) == FSD_CSV_NUMBER, "other lat untouched");
	CHECK(fsd_csv_column_kind("site.zip", o, 2) == FSD_CSV_NUMBER, "--number by last part");
	CHECK(fsd_csv_column_kind("zipper", o, 2) == FSD_CSV_STRING, "whole names only");
}

static void
test_parse(void)
{
	CHECK_TYPED(FSD_CSV_NUMBER, "90", "90", "integer");
	CHECK_TYPED(FSD_CSV_NUMBER, "-104.9903", "-104.9903", "negative real");
	CHECK_TYPED(FSD_CSV_NUMBER, "007", "7", "leading zeros");
	CHECK_TYPED(FSD_CSV_NUMBER, "1e3", "1000.0", "exponent");
	CHECK_TYPED(FSD_CSV_NUMBER, "99999999999999999999", "1e20", "too big for an integer");
	CHECK_TYPED(FSD_CSV_NUMBER, "abc", "ERROR: \"abc\" is not a number", "not a number");
	CHECK_TYPED(FSD_CSV_NUMBER, "1,5", "ERROR: \"1,5\" is not a number", "no decimal comma");
	CHECK_TYPED(FSD_CSV_NUMBER, "0x10", "ERROR: \"0x10\" is not a number", "no hex");
	CHECK_TYPED(FSD_CSV_NUMBER, "inf", "ERROR: \"inf\" is not a number", "no infinity");
	CHECK_TYPED(FSD_CSV_NUMBER, "-", "ERROR: \"-\" is not a number", "a lone sign");
	CHECK_TYPED(FSD_CSV_BOOL, "TRUE", "true", "Excel's TRUE");
	CHECK_TYPED(FSD_CSV_BOOL, "no", "false", "no");
	CHECK_TYPED(FSD_CSV_BOOL, "maybe", "ERROR: \"maybe\" is not true or false", "not a boolean");
	CHECK_TYPED(FSD_CSV_LIST, "hvac; cert:epa608;;", "[\"hvac\",\"cert:epa608\"]",
	    "list trimmed, empty items dropped");
	CHECK_TYPED(FSD_CSV_STRING, "FREQ=MONTHLY;INTERVAL=3", "\"FREQ=MONTHLY;INTERVAL=3\"",
	    "a string keeps its ;");
	CHECK_TYPED(FSD_CSV_PARTS, "CAP-45-5:1;FLT-16X25X1:2",
	    "[{\"sku\":\"CAP-45-5\",\"qty\":1},{\"sku\":\"FLT-16X25X1\",\"qty\":2}]", "parts");
	CHECK_TYPED(FSD_CSV_PARTS, "WAX-RING", "[{\"sku\":\"WAX-RING\",\"qty\":1}]",
	    "a bare SKU is one");
	CHECK_TYPED(FSD_CSV_PARTS, "CAP-45-5:x",
	    "ERROR: \"CAP-45-5:x\" is not a parts list SKU:qty;SKU:qty", "bad quantity");
	CHECK_TYPED(FSD_CSV_STOCK, "CAP-45-5:3;A:B:0", "{\"CAP-45-5\":3,\"A:B\":0}",
	    "stock, split at the last colon");
	CHECK_TYPED(FSD_CSV_STOCK, "CAP-45-5",
	    "ERROR: \"CAP-45-5\" is not a stock list SKU:qty;SKU:qty", "stock needs quantities");
	CHECK_TYPED(FSD_CSV_PERIODS, "2026-11-23T11:30:00-07:00/2026-11-23T13:00:00-07:00",
	    "[{\"start\":\"2026-11-23T11:30:00-07:00\",\"end\":\"2026-11-23T13:00:00-07:00\"}]",
	    "periods");
	CHECK_TYPED(FSD_CSV_PERIODS, "11:30/13:00",
	    "ERROR: \"11:30/13:00\" is not a list of periods START/END;START/END with RFC 3339 times",
	    "periods need full times");
	CHECK_TYPED(FSD_CSV_JSON, "[{\"a\":1}]", "[{\"a\":1}]", "JSON cell");
	char *bad = typed(FSD_CSV_JSON, "{");
	CHECK(strncmp(bad, "ERROR: \"{\" is not JSON: ", 24) == 0, "bad JSON, with jansson's reason");
	free(bad);
}

/* The cell fsd-export writes for a JSON value under a column name. */
static char *
cell(const char *column, const char *json)
{
	json_t *v = json_loads(json, JSON_DECODE_ANY, NULL);
	struct fsd_csv_buf b = { 0 };
	int kind = fsd_csv_format_cell(fsd_csv_default_kind(column), v, &b);
	char *out = xasprintf("%d:%s", kind, b.data ? b.data : "");

	json_decref(v);
	fsd_csv_buf_free(&b);
	return out;
}

#define CHECK_CELL(column, json, want, what) do { \
	char *got_cell = cell(column, json); \
	CHECK_STR(got_cell, want, what); \
	free(got_cell); \
} while (0)

static void
test_format(void)
{
	CHECK_CELL("id", "\"J1\"", "0:J1", "string");
	CHECK_CELL("lon", "-104.99", "1:-104.99", "a number, flagged as one");
	CHECK_CELL("lon", "-105.0", "1:-105.0", "a whole real stays real");
	CHECK_CELL("vip", "true", "0:true", "boolean");
	CHECK_CELL("x", "null", "-1:", "null is an empty cell");
	CHECK_CELL("skills", "[]", "-1:", "an empty list is an empty cell");
	CHECK_CELL("skills", "[\"hvac\",\"lang:es\"]", "0:hvac;lang:es", "list joined");
	CHECK_CELL("parts", "[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":1}]", "0:A:2;B:1",
	    "parts");
	CHECK_CELL("stock", "{\"A\":2,\"B\":0}", "0:A:2;B:0", "stock");
	CHECK_CELL("off", "[{\"start\":\"s\",\"end\":\"e\"}]", "0:s/e", "periods");
	CHECK_CELL("stops", "[{\"id\":1}]", "0:[{\"id\":1}]", "other objects in a list: JSON");
	CHECK_CELL("tags", "[\"a;b\"]", "0:[\"a;b\"]", "a ; inside an item: JSON, not ambiguous");
	json_t *site = json_pack("{s:s}", "lat", "x"), *stock = json_pack("{s:i}", "A", 1);
	CHECK(!fsd_csv_is_cell(fsd_csv_default_kind("site"), site), "objects spread into columns");
	CHECK(fsd_csv_is_cell(FSD_CSV_STOCK, stock), "but stock is one cell");
	CHECK(!fsd_csv_is_cell(FSD_CSV_STOCK, site), "a stock of text is not");
	json_decref(site);
	json_decref(stock);

	CHECK(fsd_csv_formula_like("=1+2") && fsd_csv_formula_like("-2+3")
	    && fsd_csv_formula_like("@SUM(A1)") && fsd_csv_formula_like("\tx"),
	    "OWASP's formula starts");
	CHECK(!fsd_csv_formula_like("J1") && !fsd_csv_formula_like(""), "plain text is not");
	CHECK_STR(fsd_csv_unguard("'=1+2"), "=1+2", "the guard comes off");
	CHECK_STR(fsd_csv_unguard("'tis"), "'tis", "an apostrophe of the text stays");

	struct fsd_csv_buf b = { 0 };
	fsd_csv_quote(&b, "plain", 5);
	fsd_csv_buf_addc(&b, ',');
	fsd_csv_quote(&b, "a,b", 3);
	fsd_csv_buf_addc(&b, ',');
	fsd_csv_quote(&b, "say \"hi\"", 8);
	fsd_csv_buf_addc(&b, ',');
	fsd_csv_quote(&b, "two\nlines", 9);
	fsd_csv_buf_addc(&b, ',');
	fsd_csv_quote(&b, " padded", 7);
	CHECK_STR(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"",
	    "RFC 4180 quoting");
	fsd_csv_buf_free(&b);

	CHECK(fsd_csv_utf8_valid("caf\xc3\xa9", 5), "UTF-8");
	CHECK(!fsd_csv_utf8_valid("caf\xe9", 4), "Latin-1 is not UTF-8");
	CHECK(!fsd_csv_utf8_valid("\xc0\xaf", 2), "overlong form");
	json_t *s = fsd_csv_lossy_string("caf\xe9", 4);
	CHECK_STR(json_string_value(s), "caf\xef\xbf\xbd", "lossy string marks the bad byte");
	json_decref(s);
}

static void
test_columns(void)
{
	char err[512];
	char *ok[] = { "id", "site.lat", "site.lon", "customer.id" };
	size_t ok_lens[] = { 2, 8, 8, 11 };
	struct fsd_csv_column *c = fsd_csv_columns(ok, ok_lens, 4, NULL, 0, err, sizeof err);

	CHECK(c != NULL && c[1].depth == 2 && strcmp(c[1].path[1], "lat") == 0
	    && c[1].kind == FSD_CSV_NUMBER, "dotted column");
	json_t *r = json_object();
	fsd_csv_set(r, &c[1], json_real(39.7));
	fsd_csv_set(r, &c[2], json_real(-105.0));
	fsd_csv_set(r, &c[0], json_string("J1"));
	char *text = json_dumps(r, JSON_COMPACT | JSON_REAL_PRECISION(15));
	CHECK_STR(text, "{\"site\":{\"lat\":39.7,\"lon\":-105.0},\"id\":\"J1\"}", "nested set");
	free(text);
	json_decref(r);
	fsd_csv_columns_free(c, 4);

	char *dup[] = { "id", "name", "id" };
	size_t dup_lens[] = { 2, 4, 2 };
	CHECK(fsd_csv_columns(dup, dup_lens, 3, NULL, 0, err, sizeof err) == NULL, "duplicate");
	CHECK_STR(err, "column \"id\" is in the header twice (columns 1 and 3)", "says which");
	char *clash[] = { "site.lat", "site" };
	size_t clash_lens[] = { 8, 4 };
	CHECK(fsd_csv_columns(clash, clash_lens, 2, NULL, 0, err, sizeof err) == NULL,
	    "object and plain column");
	CHECK_STR(err, "column \"site.lat\" makes \"site\" an object, but \"site\" is a column "
	    "of its own", "says why");
	/* Both ways round, and deeper: the clash is found whichever comes
	 * first (a hash of names and of their prefixes, not every pair). */
	char *clash2[] = { "id", "site", "x.y", "site.geo.lat" };
	size_t clash2_lens[] = { 2, 4, 3, 12 };
	CHECK(fsd_csv_columns(clash2, clash2_lens, 4, NULL, 0, err, sizeof err) == NULL,
	    "plain column first, then its object");
	CHECK_STR(err, "column \"site.geo.lat\" makes \"site\" an object, but \"site\" is a "
	    "column of its own", "names both");
	char *clash3[] = { "a.b.c", "q", "a.b" };
	size_t clash3_lens[] = { 5, 1, 3 };
	CHECK(fsd_csv_columns(clash3, clash3_lens, 3, NULL, 0, err, sizeof err) == NULL,
	    "an inner object named as a column");
	CHECK_STR(err, "column \"a.b.c\" makes \"a.b\" an object, but \"a.b\" is a column "
	    "of its own", "names both");
	char *siblings[] = { "site.lat", "site.lon", "sites", "site_x" };
	size_t siblings_lens[] = { 8, 8, 5, 6 };
	c = fsd_csv_columns(siblings, siblings_lens, 4, NULL, 0, err, sizeof err);
	CHECK(c != NULL, "siblings and names that only start alike are fine");
	fsd_csv_columns_free(c, 4);
	char *empty[] = { "id", "" };
	size_t empty_lens[] = { 2, 0 };
	CHECK(fsd_csv_columns(empty, empty_lens, 2, NULL, 0, err, sizeof err) == NULL
	    && strcmp(err, "column 2 of the header has no name") == 0, "empty name");
	char *dots[] = { "site..lat" };
	size_t dots_lens[] = { 9 };
	CHECK(fsd_csv_columns(dots, dots_lens, 1, NULL, 0, err, sizeof err) == NULL, "empty part");
}

/* The reader: each row as "line:cell|cell" lines. */
static int
collect(const struct fsd_csv_row *row, void *ctx)
{
	struct fsd_csv_buf *b = ctx;
	char line[32];

	snprintf(line, sizeof line, "%ld:", row->line);
	fsd_csv_buf_adds(b, line);
	for (size_t i = 0; i < row->ncells; i++) {
		if (i > 0)
			fsd_csv_buf_addc(b, '|');
		fsd_csv_buf_add(b, row->cells[i], row->lens[i]);
	}
	if (row->problem)
		fsd_csv_buf_adds(b, " !");
	fsd_csv_buf_addc(b, '\n');
	return 0;
}

static char *
read_rows(const char *text, size_t len)
{
	FILE *f = fmemopen((void *)text, len, "r");
	struct fsd_csv_buf b = { 0 };

	fsd_csv_read(f, collect, &b);
	fclose(f);
	return b.data ? b.data : xstrdup("");
}

#define CHECK_ROWS(text, want, what) do { \
	char *got_rows = read_rows(text, sizeof text - 1); \
	CHECK_STR(got_rows, want, what); \
	free(got_rows); \
} while (0)

static void
test_reader(void)
{
	CHECK_ROWS("a,b\n1,2\n", "1:a|b\n2:1|2\n", "two rows");
	CHECK_ROWS("\xef\xbb\xbf" "a,b\r\n1,2\r\n", "1:a|b\n2:1|2\n", "BOM and CRLF");
	CHECK_ROWS("a,b\r1,2\r", "1:a|b\n2:1|2\n", "old Mac CR line ends");
	CHECK_ROWS("a,b\n\n  \n1,2", "1:a|b\n4:1|2\n", "blank lines skipped, no final newline");
	CHECK_ROWS("a,b\n\"x\ny\",\"1,\"\"2\"\"\"\n3,4\n", "1:a|b\n2:x\ny|1,\"2\"\n4:3|4\n",
	    "quoted line break, comma and quotes; next row's line");
	CHECK_ROWS("a\n\"open\nrest\n", "1:a\n2:open\nrest\n !\n", "unclosed quote reported");
	CHECK_ROWS(" a , b \n", "1:a|b\n", "spaces around unquoted cells trimmed");
	CHECK_ROWS("5\" pipe,x\n", "1:5\" pipe|x\n", "a stray inch mark is text");

	/* A CR LF split by the reader's 64 KiB reads is still one line end. */
	size_t size = 65536 + 16;
	char *big = xmalloc(size);
	memset(big, 'x', size);
	memcpy(big, "a\r\n", 3);
	memcpy(big + 65535, "\r\nb\r\n", 5);
	char *rows = read_rows(big, 65535 + 5);
	CHECK(strncmp(rows, "1:a\n2:xx", 8) == 0 && strcmp(rows + strlen(rows) - 4, "3:b\n") == 0,
	    "CR LF across two reads");
	free(rows);
	free(big);
}

int
main(void)
{
	fsd_progname = "test_csv";
	test_kinds();
	test_parse();
	test_format();
	test_columns();
	test_reader();
	return UNIT_DONE();
}
