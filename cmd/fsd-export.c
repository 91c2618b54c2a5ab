/* fsd-export: records (NDJSON) to spreadsheet rows (CSV).
 *
 * Nested fields become dotted columns, lists are joined by ";", parts and
 * stock are written SKU:qty as fsd-import reads them, so the two make a
 * round trip. Cells a spreadsheet would run as a formula get a leading
 * quote (OWASP's advice on CSV injection): a customer name typed as
 * =HYPERLINK(...) into a web form must not run on the dispatcher's desk.
 * Numbers are exempt: -104.99 is a longitude, not a formula. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "csv/cell.h"

static const char *fields_text;
static int raw, crlf;

static const struct fsd_option options[] = {
	{ 'f', "fields", "LIST", "columns to write, comma-separated (default: every field seen)", NULL, &fields_text },
	{ 0, "raw", NULL, "no ' before cells starting with = + - @ (unsafe in a spreadsheet)", &raw, NULL },
	{ 0, "crlf", NULL, "end rows with CR LF, as RFC 4180 writes them", &crlf, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-export", "[-f LIST] [--raw] [--crlf] [FILE ...]",
	"turn records into spreadsheet rows (CSV)",
	options, FSD_TOOL_RECORDS
};

/* The columns, in order, and where each is (name -> index). */
struct columns {
	char **names;
	size_t n, cap;
	json_t *index;
};

/* Without -f: the records, kept until every column is known. */
struct kept {
	struct columns columns;
	json_t **records;
	size_t n, cap;
	const json_t **cells;	/* one row's values by column, borrowed */
};

static size_t
column_index(struct columns *c, const char *name)
{
	json_t *at = json_object_get(c->index, name);

	if (at != NULL)
		return (size_t)json_integer_value(at);
	c->names = xgrow(c->names, &c->cap, c->n + 1, sizeof *c->names);
	c->names[c->n] = xstrdup(name);
	json_object_set_new(c->index, name, json_integer((json_int_t)c->n));
	return c->n++;
}

/* Visit every field that makes one cell: nested objects spread out into
 * dotted names, in the order the record has them. */
typedef void (*cell_fn)(const char *column, const json_t *value, void *ctx);

static void
each_cell(const json_t *object, const char *prefix, cell_fn fn, void *ctx)
{
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)object, key, value) {
		char *name = prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);

		if (fsd_csv_is_cell(name, value))
			fn(name, value, ctx);
		else
			each_cell(value, name, fn, ctx);
		free(name);
	}
}

static void
learn_column(const char *column, const json_t *value, void *ctx)
{
	(void)value;
	column_index(ctx, column);
}

static void
add_cell(struct fsd_csv_buf *row, size_t i, const char *column, const json_t *value)
{
	struct fsd_csv_buf cell = { 0 };
	int kind = value ? fsd_csv_format_cell(column, value, &cell) : -1;

	if (i > 0)
		fsd_csv_buf_addc(row, ',');
	if (kind == 0 && !raw && fsd_csv_formula_like(cell.data)) {
		struct fsd_csv_buf guarded = { 0 };
		fsd_csv_buf_addc(&guarded, FSD_CSV_FORMULA_GUARD);
		fsd_csv_buf_add(&guarded, cell.data, cell.len);
		fsd_csv_quote(row, guarded.data, guarded.len);
		fsd_csv_buf_free(&guarded);
	} else if (kind >= 0) {
		fsd_csv_quote(row, cell.data, cell.len);
	}
	fsd_csv_buf_free(&cell);
}

static void
end_row(struct fsd_csv_buf *row)
{
	fsd_csv_buf_adds(row, crlf ? "\r\n" : "\n");
	fwrite(row->data, 1, row->len, stdout);
	row->len = 0;
}

static void
write_header(const struct columns *c)
{
	struct fsd_csv_buf row = { 0 };

	for (size_t i = 0; i < c->n; i++) {
		json_t *name = json_string(c->names[i]);
		add_cell(&row, i, "", name);
		json_decref(name);
	}
	end_row(&row);
	fsd_csv_buf_free(&row);
}

/* With -f: each record's row as it comes. */
static int
export_selected(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	const struct columns *c = ctx;
	struct fsd_csv_buf row = { 0 };

	(void)pos;
	for (size_t i = 0; i < c->n; i++)
		add_cell(&row, i, c->names[i], fsd_field(record, c->names[i]));
	end_row(&row);
	fsd_csv_buf_free(&row);
	return 0;
}

/* Without -f: learn the columns, keep the record for later. */
static int
keep_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct kept *k = ctx;

	(void)pos;
	each_cell(record, NULL, learn_column, &k->columns);
	k->records = xgrow(k->records, &k->cap, k->n + 1, sizeof *k->records);
	k->records[k->n++] = json_incref(record);
	return 0;
}

static void
place_cell(const char *column, const json_t *value, void *ctx)
{
	struct kept *k = ctx;

	k->cells[column_index(&k->columns, column)] = value;
}

static void
write_kept(struct kept *k)
{
	struct fsd_csv_buf row = { 0 };
	const struct columns *c = &k->columns;

	/* Records without a field (or none at all) make no columns to write. */
	if (c->n == 0) {
		for (size_t r = 0; r < k->n; r++)
			json_decref(k->records[r]);
		free(k->records);
		return;
	}
	write_header(c);
	k->cells = xcalloc(c->n, sizeof *k->cells);
	for (size_t r = 0; r < k->n; r++) {
		memset(k->cells, 0, c->n * sizeof *k->cells);
		each_cell(k->records[r], NULL, place_cell, k);
		for (size_t i = 0; i < c->n; i++)
			add_cell(&row, i, c->names[i], k->cells[i]);
		end_row(&row);
		json_decref(k->records[r]);
	}
	fsd_csv_buf_free(&row);
	free(k->cells);
	free(k->records);
}

/* -f "id, tech,site.lat" -> the columns, spaces around names dropped. */
static void
parse_fields(struct columns *c, const char *text)
{
	for (const char *p = text;;) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		char *name;

		while (*p == ' ')
			p++;
		while (end > p && end[-1] == ' ')
			end--;
		if (end == p)
			fsd_usage_error("-f: an empty column name in \"%s\"", text);
		name = xasprintf("%.*s", (int)(end - p), p);
		column_index(c, name);
		free(name);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static void
free_columns(struct columns *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	json_decref(c->index);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct kept k = { .columns = { .index = json_object() } };

	if (fields_text != NULL) {
		parse_fields(&k.columns, fields_text);
		write_header(&k.columns);
		fsd_read_records(argc - first, argv + first, export_selected, &k.columns);
	} else {
		fsd_read_records(argc - first, argv + first, keep_record, &k);
		write_kept(&k);
	}
	free_columns(&k.columns);
	return fsd_finish();
}
