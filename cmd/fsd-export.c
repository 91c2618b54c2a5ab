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

/* The columns, in order, their kinds, and where each is (name -> index). */
struct columns {
	char **names;
	enum fsd_csv_kind *kinds;
	size_t n, cap, kinds_cap;
	json_t *index;
};

/* Without -f: the rows, kept until every column is known, as the CSV
 * text of their cells (a tenth of the memory the records would take). */
struct kept_cell {
	size_t column, start, len;	/* where in text */
};

struct kept {
	struct columns columns;
	struct fsd_csv_buf text;
	struct kept_cell *cells;
	size_t ncells, cells_cap;
	size_t *row_ends;		/* each row's cells end here in cells */
	size_t nrows, rows_cap;
};

static size_t
column_index(struct columns *c, const char *name)
{
	json_t *at = json_object_get(c->index, name);

	if (at != NULL)
		return (size_t)json_integer_value(at);
	c->names = xgrow(c->names, &c->cap, c->n + 1, sizeof *c->names);
	c->kinds = xgrow(c->kinds, &c->kinds_cap, c->n + 1, sizeof *c->kinds);
	c->names[c->n] = xstrdup(name);
	c->kinds[c->n] = fsd_csv_default_kind(name);
	json_object_set_new(c->index, name, json_integer((json_int_t)c->n));
	return c->n++;
}

/* Visit every field that makes one cell: nested objects spread out into
 * dotted names, in the order the record has them. name holds the dotted
 * prefix on the way down. */
typedef void (*cell_fn)(const char *column, const json_t *value, void *ctx);

static void
each_cell(const json_t *object, struct fsd_csv_buf *name, cell_fn fn, void *ctx)
{
	size_t prefix = name->len;
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)object, key, value) {
		if (prefix > 0)
			fsd_csv_buf_addc(name, '.');
		fsd_csv_buf_adds(name, key);
		if (!json_is_object(value)
		    || fsd_csv_is_cell(fsd_csv_default_kind(name->data), value))
			fn(name->data, value, ctx);
		else
			each_cell(value, name, fn, ctx);
		name->len = prefix;
		name->data[prefix] = '\0';
	}
}

static void
each_cell_of(const json_t *record, cell_fn fn, void *ctx)
{
	struct fsd_csv_buf name = { 0 };

	fsd_csv_buf_adds(&name, "");
	each_cell(record, &name, fn, ctx);
	fsd_csv_buf_free(&name);
}

/* Scratch text for one cell, kept between cells: a row is many cells. */
static struct fsd_csv_buf cell;

/* Append a field's cell, quoted and guarded, to out. */
static void
cell_csv(struct fsd_csv_buf *out, enum fsd_csv_kind kind, const json_t *value)
{
	int text;

	cell.len = 0;
	fsd_csv_buf_addc(&cell, FSD_CSV_FORMULA_GUARD);
	text = value ? fsd_csv_format_cell(kind, value, &cell) : -1;
	if (text == 0 && !raw && fsd_csv_formula_like(cell.data + 1))
		fsd_csv_quote(out, cell.data, cell.len);
	else if (text >= 0)
		fsd_csv_quote(out, cell.data + 1, cell.len - 1);
}

static void
add_cell(struct fsd_csv_buf *row, size_t i, enum fsd_csv_kind kind, const json_t *value)
{
	if (i > 0)
		fsd_csv_buf_addc(row, ',');
	cell_csv(row, kind, value);
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
		add_cell(&row, i, FSD_CSV_STRING, name);
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
		add_cell(&row, i, c->kinds[i], fsd_field(record, c->names[i]));
	end_row(&row);
	fsd_csv_buf_free(&row);
	return 0;
}

/* Without -f: learn the record's columns, keep its cells' text. */
static void
keep_cell(const char *column, const json_t *value, void *ctx)
{
	struct kept *k = ctx;
	size_t i = column_index(&k->columns, column), start = k->text.len;

	cell_csv(&k->text, k->columns.kinds[i], value);
	k->cells = xgrow(k->cells, &k->cells_cap, k->ncells + 1, sizeof *k->cells);
	k->cells[k->ncells++] = (struct kept_cell){ i, start, k->text.len - start };
}

static int
keep_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct kept *k = ctx;

	(void)pos;
	each_cell_of(record, keep_cell, k);
	k->row_ends = xgrow(k->row_ends, &k->rows_cap, k->nrows + 1, sizeof *k->row_ends);
	k->row_ends[k->nrows++] = k->ncells;
	return 0;
}

static void
write_kept(struct kept *k)
{
	struct fsd_csv_buf row = { 0 };
	const struct columns *c = &k->columns;
	const struct kept_cell **by_column;
	size_t first = 0;

	/* Records without a field (or none at all) make no columns to write. */
	if (c->n > 0)
		write_header(c);
	by_column = xcalloc(c->n, sizeof *by_column);
	for (size_t r = 0; r < k->nrows && c->n > 0; r++) {
		memset(by_column, 0, c->n * sizeof *by_column);
		for (size_t i = first; i < k->row_ends[r]; i++)
			by_column[k->cells[i].column] = &k->cells[i];
		first = k->row_ends[r];
		for (size_t i = 0; i < c->n; i++) {
			if (i > 0)
				fsd_csv_buf_addc(&row, ',');
			if (by_column[i] != NULL)
				fsd_csv_buf_add(&row, k->text.data + by_column[i]->start,
				    by_column[i]->len);
		}
		end_row(&row);
	}
	fsd_csv_buf_free(&row);
	free(by_column);
	free(k->cells);
	free(k->row_ends);
	fsd_csv_buf_free(&k->text);
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
	free(c->kinds);
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
	fsd_csv_buf_free(&cell);
	return fsd_finish();
}
