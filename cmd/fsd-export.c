/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-export: records (NDJSON) to spreadsheet rows (CSV).
 *
 * Nested fields become dotted columns, lists are joined by ";", parts and
 * stock are written SKU:qty as fsd-import reads them, so the two make a
 * round trip. Cells a spreadsheet would run as a formula get a leading
 * quote (OWASP's advice on CSV injection): a customer name typed as
 * =HYPERLINK(...) into a web form must not run on the dispatcher's desk.
 * Numbers are exempt: -104.99 is a longitude, not a formula; so are phone
 * numbers, "+1 303 555 0142", which can run nothing.
 *
 * For people rather than for fsd-import: a column map (QuickBooks,
 * Google Calendar), local times, miles, tech names and directions
 * (common/csv/sheet.h), and one file per tech (--split-by). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsd.h"
#include "csv/cell.h"
#include "csv/map.h"
#include "csv/sheet.h"
#include "zone.h"

static const char *fields_text, *map_path, *zone, *time_format, *techs_path,
    *units = "km", *split_field, *split_dir = ".";
static int raw, crlf, directions;

static const struct fsd_option options[] = {
	{ 'f', "fields", "LIST", "columns to write, comma-separated (default: every field seen)", NULL, &fields_text },
	{ 'm', "map", "FILE", "columns by a column map (names, dates, dollars; see fsd-import(1))", NULL, &map_path },
	{ 0, "tz", "ZONE", "write times on this zone's clock (America/Denver)", NULL, &zone },
	{ 0, "time-format", "FMT", "write times so (strftime: %m/%d/%Y %I:%M %p)", NULL, &time_format },
	{ 0, "techs", "FILE", "add tech_name and tech_phone from these technicians", NULL, &techs_path },
	{ 0, "units", "UNITS", "distances in km (default) or mi", NULL, &units },
	{ 0, "directions", NULL, "add a directions link to each site", &directions, NULL },
	{ 0, "split-by", "FIELD", "one CSV file per value of FIELD (tech: a sheet per tech)", NULL, &split_field },
	{ 0, "dir", "DIR", "where --split-by writes its files (default: .)", NULL, &split_dir },
	{ 0, "raw", NULL, "no ' before cells starting with = + - @ (unsafe in a spreadsheet)", &raw, NULL },
	{ 0, "crlf", NULL, "end rows with CR LF, as RFC 4180 writes them", &crlf, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-export",
	"[-f LIST | --map FILE] [--tz ZONE] [--time-format FMT] [--techs FILE] "
	    "[--units UNITS] [--directions] [--split-by FIELD [--dir DIR]] [--raw] [--crlf] [FILE ...]",
	"turn records into spreadsheet rows (CSV)",
	options, FSD_TOOL_RECORDS
};

/* The columns, in order, their kinds, and where each is (name -> index). */
struct columns {
	char **names;
	enum fsd_csv_kind *kinds;
	char *seen;		/* with -f: some record had the field */
	size_t n, cap, kinds_cap, seen_cap;
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

/* One CSV file being written: to stdout, or one of --split-by's. */
struct sheet {
	FILE *out;
	struct columns *fields;	/* -f: the columns, shared by every sheet */
	struct fsd_map *map;	/* --map */
	struct kept kept;	/* neither: every field seen */
};

static size_t
column_index(struct columns *c, const char *name)
{
	json_t *at = json_object_get(c->index, name);

	if (at != NULL)
		return (size_t)json_integer_value(at);
	c->names = xgrow(c->names, &c->cap, c->n + 1, sizeof *c->names);
	c->kinds = xgrow(c->kinds, &c->kinds_cap, c->n + 1, sizeof *c->kinds);
	c->seen = xgrow(c->seen, &c->seen_cap, c->n + 1, 1);
	c->names[c->n] = xstrdup(name);
	c->kinds[c->n] = fsd_csv_default_kind(name);
	c->seen[c->n] = 0;
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

/* The cell text in cell.data + 1 (text: 1 a number, 0 other text, -1
 * none), guarded when a spreadsheet would run it, appended to out. */
static void
put_cell(struct fsd_csv_buf *out, int text)
{
	const char *body = cell.data + 1;

	if (text == 0 && !raw && fsd_csv_formula_like(body) && !fsd_csv_phone_like(body))
		fsd_csv_quote(out, cell.data, cell.len);
	else if (text >= 0)
		fsd_csv_quote(out, body, cell.len - 1);
}

/* Append a field's cell, quoted and guarded, to out. */
static void
cell_csv(struct fsd_csv_buf *out, enum fsd_csv_kind kind, const json_t *value)
{
	cell.len = 0;
	fsd_csv_buf_addc(&cell, FSD_CSV_FORMULA_GUARD);
	put_cell(out, value ? fsd_csv_format_cell(kind, value, &cell) : -1);
}

static void
add_cell(struct fsd_csv_buf *row, size_t i, enum fsd_csv_kind kind, const json_t *value)
{
	if (i > 0)
		fsd_csv_buf_addc(row, ',');
	cell_csv(row, kind, value);
}

static void
end_row(FILE *out, struct fsd_csv_buf *row)
{
	fsd_csv_buf_adds(row, crlf ? "\r\n" : "\n");
	fwrite(row->data, 1, row->len, out);
	row->len = 0;
}

static void
write_header(FILE *out, char *const *names, size_t n)
{
	struct fsd_csv_buf row = { 0 };

	for (size_t i = 0; i < n; i++) {
		json_t *name = json_string(names[i]);
		add_cell(&row, i, FSD_CSV_STRING, name);
		json_decref(name);
	}
	end_row(out, &row);
	fsd_csv_buf_free(&row);
}

/* With -f: each record's row as it comes. */
static void
export_selected(struct sheet *s, const json_t *record)
{
	struct columns *c = s->fields;
	struct fsd_csv_buf row = { 0 };

	for (size_t i = 0; i < c->n; i++) {
		json_t *value = fsd_field(record, c->names[i]);
		c->seen[i] |= value != NULL;
		add_cell(&row, i, c->kinds[i], value);
	}
	end_row(s->out, &row);
	fsd_csv_buf_free(&row);
}

/* --- with a map -------------------------------------------------------- */

/* The money exponent for a field: the nearest "currency" on its path
 * ("invoice.lines[].amount" looks at invoice.currency, then currency). */
static int
exponent_for(const struct fsd_map *map, const json_t *record, const char *field)
{
	char *path = xstrdup(field);
	int exponent = -1;

	for (char *dot; exponent < 0 && (dot = strrchr(path, '.')) != NULL;) {
		char *currency_path;
		*dot = '\0';
		if (strstr(path, "[]") != NULL)
			continue;
		currency_path = xasprintf("%s.currency", path);
		exponent = fsd_currency_exponent(json_string_value(fsd_field(record, currency_path))
		    ? json_string_value(fsd_field(record, currency_path)) : "");
		free(currency_path);
	}
	free(path);
	if (exponent < 0)
		exponent = fsd_currency_exponent(json_string_value(json_object_get(record, "currency"))
		    ? json_string_value(json_object_get(record, "currency")) : "");
	return exponent < 0 ? map->exponent : exponent;
}

/* The array a map spreads over rows ("invoice.lines" for a field
 * "invoice.lines[].amount"): one row per item. NULL when none. */
static char *
row_array(const struct fsd_map *map)
{
	for (size_t i = 0; i < map->n; i++) {
		const char *field = map->entries[i].field, *brackets;
		if (map->entries[i].column != NULL && (brackets = strstr(field, "[]")) != NULL)
			return xasprintf("%.*s", (int)(brackets - field), field);
	}
	return NULL;
}

static const json_t *
map_value(const struct fsd_map_entry *e, const json_t *record, const json_t *item)
{
	const char *brackets = strstr(e->field, "[]");

	if (brackets == NULL)
		return fsd_field(record, e->field);
	if (item == NULL)
		return NULL;
	if (brackets[2] == '\0')
		return item;
	return brackets[2] == '.' ? fsd_field(item, brackets + 3) : NULL;
}

static void
map_row(struct sheet *s, const json_t *record, const json_t *item, const struct fsd_pos *pos)
{
	struct fsd_csv_buf row = { 0 };
	char err[256];

	for (size_t i = 0; i < s->map->n; i++) {
		const struct fsd_map_entry *e = &s->map->entries[i];
		const json_t *value;
		int text;

		if (i > 0)
			fsd_csv_buf_addc(&row, ',');
		cell.len = 0;
		fsd_csv_buf_addc(&cell, FSD_CSV_FORMULA_GUARD);
		if (e->constant != NULL) {
			fsd_csv_buf_adds(&cell, e->constant);
			put_cell(&row, 0);
			continue;
		}
		value = map_value(e, record, item);
		text = fsd_map_write_cell(e, zone, exponent_for(s->map, record, e->field),
		    fsd_csv_default_kind(e->field), value, &cell, err, sizeof err);
		if (text == -2) {
			/* Written as it is: a cell the map cannot format is not dropped. */
			fsd_warn_at(pos, "column \"%s\": %s", e->column, err);
			cell.len = 1;
			text = fsd_csv_format_cell(FSD_CSV_STRING, value, &cell);
		}
		put_cell(&row, text);
	}
	end_row(s->out, &row);
	fsd_csv_buf_free(&row);
}

static void
export_mapped(struct sheet *s, const json_t *record, const struct fsd_pos *pos)
{
	char *array_path = row_array(s->map);
	const json_t *items = array_path ? fsd_field(record, array_path) : NULL;
	const json_t *item;
	size_t i;

	if (json_is_array(items) && json_array_size(items) > 0)
		json_array_foreach(items, i, item)
			map_row(s, record, item, pos);
	else
		map_row(s, record, NULL, pos);
	free(array_path);
}

/* --- every field seen ---------------------------------------------------- */

/* Learn the record's columns, keep its cells' text. */
static void
keep_cell(const char *column, const json_t *value, void *ctx)
{
	struct kept *k = ctx;
	size_t i = column_index(&k->columns, column), start = k->text.len;

	cell_csv(&k->text, k->columns.kinds[i], value);
	k->cells = xgrow(k->cells, &k->cells_cap, k->ncells + 1, sizeof *k->cells);
	k->cells[k->ncells++] = (struct kept_cell){ i, start, k->text.len - start };
}

static void
keep_record(struct kept *k, const json_t *record)
{
	each_cell_of(record, keep_cell, k);
	k->row_ends = xgrow(k->row_ends, &k->rows_cap, k->nrows + 1, sizeof *k->row_ends);
	k->row_ends[k->nrows++] = k->ncells;
}

static void
write_kept(FILE *out, struct kept *k)
{
	struct fsd_csv_buf row = { 0 };
	const struct columns *c = &k->columns;
	const struct kept_cell **by_column;
	size_t first = 0;

	/* Records without a field (or none at all) make no columns to write. */
	if (c->n > 0)
		write_header(out, c->names, c->n);
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
		end_row(out, &row);
	}
	fsd_csv_buf_free(&row);
	free(by_column);
}

static void
free_columns(struct columns *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	free(c->kinds);
	free(c->seen);
	json_decref(c->index);
}

static void
free_kept(struct kept *k)
{
	free_columns(&k->columns);
	free(k->cells);
	free(k->row_ends);
	fsd_csv_buf_free(&k->text);
}

/* --- a sheet: header, rows, end ------------------------------------------ */

static void
sheet_begin(struct sheet *s)
{
	s->kept = (struct kept){ .columns = { .index = json_object() } };
	if (s->fields != NULL) {
		write_header(s->out, s->fields->names, s->fields->n);
	} else if (s->map != NULL) {
		char **names = xcalloc(s->map->n, sizeof *names);
		for (size_t i = 0; i < s->map->n; i++)
			names[i] = s->map->entries[i].column ? s->map->entries[i].column
			    : s->map->entries[i].field;
		write_header(s->out, names, s->map->n);
		free(names);
	}
}

static void
sheet_add(struct sheet *s, const json_t *record, const struct fsd_pos *pos)
{
	if (s->fields != NULL)
		export_selected(s, record);
	else if (s->map != NULL)
		export_mapped(s, record, pos);
	else
		keep_record(&s->kept, record);
}

static void
sheet_end(struct sheet *s)
{
	if (s->fields == NULL && s->map == NULL)
		write_kept(s->out, &s->kept);
	free_kept(&s->kept);
}

/* --- the run ------------------------------------------------------------- */

struct run {
	struct sheet sheet;	/* the one sheet, or the template of split ones */
	json_t *techs;		/* --techs: id -> tech */
	json_t *groups;		/* --split-by: value -> [records] */
	long nrecords;
};

/* What a person's sheet adds to the record before it is a row. */
static void
prepare(const struct run *run, json_t *record)
{
	if (run->techs != NULL)
		fsd_sheet_join_tech(record, run->techs);
	if (directions)
		fsd_sheet_add_directions(record);
	if (strcmp(units, "mi") == 0)
		fsd_sheet_miles(record);
	/* A map formats its own columns; the zone is its default. */
	if (run->sheet.map == NULL && (zone != NULL || time_format != NULL))
		fsd_sheet_local_times(record, zone, time_format);
}

static int
export_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;

	run->nrecords++;
	prepare(run, record);
	if (run->groups != NULL) {
		const json_t *by = fsd_field(record, split_field);
		const char *key = json_is_string(by) ? json_string_value(by) : "none";
		json_t *group = json_object_get(run->groups, key);

		if (group == NULL)
			json_object_set_new(run->groups, key, group = json_array());
		json_array_append(group, record);
		return 0;
	}
	sheet_add(&run->sheet, record, pos);
	return 0;
}

/* A value as a file name: letters, digits, - _ and . kept, the rest _. */
static char *
file_name_for(const char *value)
{
	char *name = xasprintf("%s/%s.csv", split_dir, value);
	char *p = name + strlen(split_dir) + 1;

	for (; *p && strcmp(p, ".csv") != 0; p++)
		if (strchr("-_.", *p) == NULL && !(*p >= 'A' && *p <= 'Z')
		    && !(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9'))
			*p = '_';
	if (name[strlen(split_dir) + 1] == '.')
		name[strlen(split_dir) + 1] = '_';
	return name;
}

/* Each group's sheet, written whole to a temporary and renamed: a file
 * a tech opens is never half a day. */
static void
write_groups(struct run *run)
{
	const char *key;
	json_t *group, *record;
	size_t i;

	/* The folder of the day's sheets is made for them. */
	if (mkdir(split_dir, 0777) != 0 && errno != EEXIST)
		fsd_die(FSD_EXIT_DATA, "%s: %s", split_dir, strerror(errno));
	json_object_foreach(run->groups, key, group) {
		char *path = file_name_for(key);
		struct fsd_replace r;
		struct sheet s = run->sheet;

		s.out = fsd_replace_begin(&r, path);
		sheet_begin(&s);
		json_array_foreach(group, i, record)
			sheet_add(&s, record, NULL);
		sheet_end(&s);
		fsd_replace_commit(&r);
		printf("%s\n", path);
		free(path);
	}
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

/* -f naming a field no record had is most often a typo: say so. */
static void
say_unseen_fields(const struct columns *c, const struct run *run)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->seen[i])
			continue;
		/* The columns --techs and --directions add may be absent on
		 * every record of a day without a typo. */
		fsd_note("-f: no record has a field \"%s\"%s", c->names[i],
		    run->techs == NULL && strncmp(c->names[i], "tech_", 5) == 0
		    ? " (--techs FILE adds tech_name and tech_phone)" : "");
	}
}

static json_t *
load_techs(const char *path)
{
	json_t *list = fsd_load_records(path, NULL), *by_id = json_object(), *tech;
	size_t i;

	json_array_foreach(list, i, tech) {
		const char *id = json_string_value(json_object_get(tech, "id"));
		if (id != NULL)
			json_object_set(by_id, id, tech);
	}
	json_decref(list);
	return by_id;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct columns fields = { .index = json_object() };
	struct run run = { .sheet = { .out = stdout } };

	if (fields_text != NULL && map_path != NULL)
		fsd_usage_error("-f and --map both choose the columns: give one");
	if (zone != NULL && !fsd_zone_valid(zone))
		fsd_usage_error("--tz: \"%s\" is not a zone of the tz database "
		    "(America/Denver, Europe/Berlin, UTC...)", zone);
	if (strcmp(units, "km") != 0 && strcmp(units, "mi") != 0)
		fsd_usage_error("--units: \"%s\" is not km or mi", units);
	if (fields_text != NULL) {
		parse_fields(&fields, fields_text);
		run.sheet.fields = &fields;
	}
	if (map_path != NULL)
		run.sheet.map = fsd_map_load(map_path);
	if (techs_path != NULL)
		run.techs = load_techs(techs_path);
	if (split_field != NULL) {
		run.groups = json_object();
	} else {
		sheet_begin(&run.sheet);
	}
	fsd_read_records(argc - first, argv + first, export_record, &run);
	if (split_field != NULL)
		write_groups(&run);
	else
		sheet_end(&run.sheet);
	if (fields_text != NULL && run.nrecords > 0)
		say_unseen_fields(&fields, &run);
	free_columns(&fields);
	fsd_map_free(run.sheet.map);
	json_decref(run.techs);
	json_decref(run.groups);
	fsd_csv_buf_free(&cell);
	return fsd_finish();
}
