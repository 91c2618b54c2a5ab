/* fsd-import: spreadsheet rows (CSV) to records (NDJSON).
 *
 * The header names the fields, dotted names build nested objects, and
 * the vocabulary's numbers, booleans and lists are typed by the table in
 * common/csv/cell.c. A row that does not fit still comes out, with its
 * bad cells kept as text and an exception saying where and why, unless
 * --rejects takes it; nothing a dispatcher typed is dropped. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "csv/cell.h"
#include "csv/columns.h"
#include "csv/reader.h"

/* The type options may be given again and again: all of them count. */
static struct fsd_list string_columns, number_columns, bool_columns, list_columns,
    json_columns;
static const char *rejects_path;
static int keep_guard, stop_on_error;

static const struct fsd_option options[] = {
	{ 's', "string", "COLS", "read these columns as text (names, comma-separated)", NULL, NULL, &string_columns },
	{ 'n', "number", "COLS", "read these columns as numbers", NULL, NULL, &number_columns },
	{ 'b', "bool", "COLS", "read these columns as true or false", NULL, NULL, &bool_columns },
	{ 'l', "list", "COLS", "split these columns on ';' into lists of strings", NULL, NULL, &list_columns },
	{ 0, "json", "COLS", "read these columns as JSON text", NULL, NULL, &json_columns },
	{ 0, "raw", NULL, "keep the ' fsd-export puts before cells like =1+2", &keep_guard, NULL },
	{ 0, "rejects", "FILE", "append bad rows to FILE as CSV, not as exception records", NULL, &rejects_path },
	{ 0, "strict", NULL, "stop at the first bad row", &stop_on_error, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-import",
	"[--string COLS] [--number COLS] [--bool COLS] [--list COLS] [--json COLS] "
	    "[--raw] [--rejects FILE] [--strict] [FILE ...]",
	"turn spreadsheet rows (CSV) into records",
	options, 0
};

/* Forced kinds, in the order they win. */
static struct fsd_csv_override overrides[5];
static size_t noverrides;

/* One input file: its header, once read. */
struct import {
	const char *path;
	struct fsd_csv_column *columns;
	size_t ncolumns;
	int have_header;
	char *header_raw;	/* for the rejects file */
	int header_in_rejects;
};

static FILE *rejects;

static void
write_rejected(struct import *im, const struct fsd_csv_row *row)
{
	if (rejects == NULL && (rejects = fopen(rejects_path, "a")) == NULL)
		fsd_die(1, "%s: %s", rejects_path, strerror(errno));
	/* Each file's header goes first, so the rejects can be fixed in a
	 * spreadsheet and imported again. */
	if (!im->header_in_rejects)
		fputs(im->header_raw, rejects);
	im->header_in_rejects = 1;
	fwrite(row->raw, 1, row->raw_len, rejects);
	if (row->raw_len == 0 || row->raw[row->raw_len - 1] != '\n')
		putc('\n', rejects);
	if (fflush(rejects) != 0 || ferror(rejects))
		fsd_die(1, "%s: write error: %s", rejects_path, strerror(errno));
}

static int
read_header(struct import *im, const struct fsd_csv_row *row)
{
	struct fsd_pos pos = { im->path, row->line };
	char err[512];
	char **names = xcalloc(row->ncells, sizeof *names);
	size_t *lens = xcalloc(row->ncells, sizeof *lens);

	im->have_header = 1;
	/* fsd-export guards header cells too: a field name can be data. */
	for (size_t i = 0; i < row->ncells; i++) {
		names[i] = keep_guard ? row->cells[i] : (char *)fsd_csv_unguard(row->cells[i]);
		lens[i] = row->lens[i] - (size_t)(names[i] - row->cells[i]);
	}
	if (row->problem == NULL)
		im->columns = fsd_csv_columns(names, lens, row->ncells,
		    overrides, noverrides, err, sizeof err);
	free(names);
	free(lens);
	if (im->columns == NULL) {
		fsd_warn_at(&pos, "%s; no rows read from this file",
		    row->problem ? row->problem : err);
		return 1;
	}
	im->ncolumns = row->ncells;
	im->header_raw = xmalloc(row->raw_len + 2);
	memcpy(im->header_raw, row->raw, row->raw_len);
	strcpy(im->header_raw + row->raw_len,
	    row->raw_len > 0 && row->raw[row->raw_len - 1] == '\n' ? "" : "\n");
	return 0;
}

/* A problem with a row: said on stderr, the first kept for the exception. */
static void
row_problem(char **first, const struct fsd_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
row_problem(char **first, const struct fsd_pos *pos, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	fsd_warn_at(pos, "%s", text);
	if (*first == NULL)
		*first = xasprintf("%s:%ld: %s", fsd_display_name(pos->file), pos->line, text);
}

/* One cell into the record; a cell that does not fit its kind is kept as
 * the text it was, so the row loses nothing. */
static void
import_cell(json_t *record, const struct fsd_csv_column *col, const char *text,
    size_t len, char **problem, const struct fsd_pos *pos)
{
	char err[512];
	json_t *v;

	if (!keep_guard && fsd_csv_unguard(text) != text) {
		text++;
		len--;
	}
	if (!fsd_csv_utf8_valid(text, len)) {
		row_problem(problem, pos, "column \"%s\": the cell is not UTF-8 text "
		    "(save the sheet as \"CSV UTF-8\")", col->name);
		v = fsd_csv_lossy_string(text, len);
	} else if ((v = fsd_csv_parse_cell(col->kind, text, len, err, sizeof err)) == NULL) {
		row_problem(problem, pos, "column \"%s\": %s", col->name, err);
		v = json_stringn(text, len);
	}
	fsd_csv_set(record, col, v);
}

static int
is_empty_row(const struct fsd_csv_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (row->lens[i] > 0)
			return 0;
	return 1;
}

static int
import_row(const struct fsd_csv_row *row, void *ctx)
{
	struct import *im = ctx;
	struct fsd_pos pos = { im->path, row->line };
	char *problem = NULL;
	json_t *record, *extra = NULL;
	size_t i;

	if (!im->have_header)
		return read_header(im, row);
	/* Spreadsheets save formatted but empty rows as ",,,,". */
	if (is_empty_row(row) && row->problem == NULL)
		return 0;
	record = json_object();
	if (row->problem != NULL)
		row_problem(&problem, &pos, "%s", row->problem);
	for (i = 0; i < row->ncells && i < im->ncolumns; i++)
		if (row->lens[i] > 0)
			import_cell(record, &im->columns[i], row->cells[i], row->lens[i], &problem, &pos);
	for (; i < row->ncells; i++) {
		if (row->lens[i] == 0)
			continue;	/* a trailing comma loses nothing */
		if (extra == NULL)
			extra = json_array();
		json_array_append_new(extra, fsd_csv_lossy_string(row->cells[i], row->lens[i]));
	}
	if (extra != NULL || row->ncells < im->ncolumns)
		row_problem(&problem, &pos, "the row has %zu cells but the header has %zu columns",
		    row->ncells, im->ncolumns);
	if (extra != NULL)
		json_object_set_new(record, "extra_cells", extra);
	if (problem != NULL && rejects_path != NULL) {
		write_rejected(im, row);
	} else {
		if (problem != NULL)
			fsd_set_exception(record, "bad_record", "%s", problem);
		fsd_emit(record);
	}
	json_decref(record);
	free(problem);
	if (problem != NULL && stop_on_error) {
		fsd_note("stopped at the first bad row (--strict)");
		return 1;
	}
	return 0;
}

/* Returns non-zero when the run must stop. */
static int
import_file(const char *path)
{
	struct import im = { .path = path };
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int stopped = 0;

	if (f == NULL) {
		fsd_warn_at(NULL, "%s: %s", path, strerror(errno));
		return 0;
	}
	if (fsd_csv_read(f, import_row, &im) != 0)
		fsd_warn_at(NULL, "%s: %s", fsd_display_name(path), strerror(errno));
	stopped = stop_on_error && fsd_status != FSD_EXIT_OK;
	if (f != stdin)
		fclose(f);
	fsd_csv_columns_free(im.columns, im.ncolumns);
	free(im.header_raw);
	return stopped;
}

static void
add_override(enum fsd_csv_kind kind, struct fsd_list *columns)
{
	char *names = fsd_list_join(columns, ",");

	if (names != NULL)
		overrides[noverrides++] = (struct fsd_csv_override){ kind, names };
	fsd_list_free(columns);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-" };
	char **files;
	int first = fsd_parse_options(&tool, argc, argv), nfiles;

	/* In the order they win. */
	add_override(FSD_CSV_STRING, &string_columns);
	add_override(FSD_CSV_NUMBER, &number_columns);
	add_override(FSD_CSV_BOOL, &bool_columns);
	add_override(FSD_CSV_LIST, &list_columns);
	add_override(FSD_CSV_JSON, &json_columns);
	files = argv + first;
	nfiles = argc - first;
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++)
		if (import_file(files[i]))
			break;
	if (rejects != NULL)
		fsd_close_checked(rejects, rejects_path);
	for (size_t i = 0; i < noverrides; i++)
		free((char *)overrides[i].names);
	return fsd_finish();
}
