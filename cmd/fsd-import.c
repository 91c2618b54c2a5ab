/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-import: spreadsheet rows (CSV) to records (NDJSON).
 *
 * The header names the fields, dotted names build nested objects, and
 * the vocabulary's numbers, booleans and lists are typed by the table in
 * common/csv/cell.c. A sheet with its own headers (an FSM's export,
 * QuickBooks) comes in through a column map (common/csv/map.h) that also
 * says how its dates, dollars and lists are written. A row that does not fit still comes out, with its
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
#include "csv/map.h"
#include "csv/reader.h"
#include "csv/vocabulary.h"
#include "zone.h"

/* The type options may be given again and again: all of them count. */
static struct fsd_list string_columns, number_columns, bool_columns, list_columns,
    json_columns;
static const char *rejects_path, *map_path, *zone, *delimiter_text, *encoding_text;
static int keep_guard, stop_on_error, with_source, check;

static const struct fsd_option options[] = {
	{ 's', "string", "COLS", "read these columns as text (names, comma-separated)", NULL, NULL, &string_columns },
	{ 'n', "number", "COLS", "read these columns as numbers", NULL, NULL, &number_columns },
	{ 'b', "bool", "COLS", "read these columns as true or false", NULL, NULL, &bool_columns },
	{ 'l', "list", "COLS", "split these columns on ';' into lists of strings", NULL, NULL, &list_columns },
	{ 0, "json", "COLS", "read these columns as JSON text", NULL, NULL, &json_columns },
	{ 'm', "map", "FILE", "a column map: which column holds which field, and how", NULL, &map_path },
	{ 0, "tz", "ZONE", "the zone of local times in the sheet (America/Denver)", NULL, &zone },
	{ 'd', "delimiter", "CHAR", "cells are separated by CHAR: , ; or tab (default: as the header)", NULL, &delimiter_text },
	{ 'e', "encoding", "NAME", "the sheet's bytes when it has no byte-order mark: utf-8 (default), windows-1252, latin1", NULL, &encoding_text },
	{ 0, "check", NULL, "say likely mistakes: an id twice, skills run together with a comma (on with --map)", &check, NULL },
	{ 0, "source", NULL, "add \"source\": \"file:line\" to each record, for later messages", &with_source, NULL },
	{ 0, "raw", NULL, "keep the ' fsd-export puts before cells like =1+2", &keep_guard, NULL },
	{ 0, "rejects", "FILE", "append bad rows to FILE as CSV, not as exception records", NULL, &rejects_path },
	{ 0, "strict", NULL, "stop at the first bad row", &stop_on_error, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-import",
	"[--map FILE] [--tz ZONE] [--delimiter CHAR] [--encoding NAME] [--check] [--source] "
	    "[--string COLS] [--number COLS] [--bool COLS] [--list COLS] [--json COLS] "
	    "[--raw] [--rejects FILE] [--strict] [FILE ...]",
	"turn spreadsheet rows (CSV) into records",
	options, 0
};

/* Forced kinds, in the order they win. */
static struct fsd_csv_override overrides[5];
static size_t noverrides;
static struct fsd_map *map;
static struct fsd_csv_dialect dialect;
/* --check: where each id was first seen ("jobs.csv:3"), over every file. */
static json_t *ids_seen;

/* One input file: its header, once read. */
struct import {
	const char *path;
	struct fsd_csv_column *columns;
	size_t ncolumns;
	const struct fsd_map_entry **mapped;	/* each column's map entry, or NULL */
	struct fsd_csv_column *constants;	/* the map's constants' fields */
	const struct fsd_map_entry **constant_entries;
	size_t nconstants;
	int have_header;
	char *header_raw;	/* for the rejects file */
	int header_in_rejects;
};

static FILE *rejects;

static void
write_rejected(struct import *im, const struct fsd_csv_row *row)
{
	if (rejects == NULL && (rejects = fopen(rejects_path, "a")) == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: %s", rejects_path, strerror(errno));
	/* Each file's header goes first, so the rejects can be fixed in a
	 * spreadsheet and imported again. */
	if (!im->header_in_rejects)
		fputs(im->header_raw, rejects);
	im->header_in_rejects = 1;
	fwrite(row->raw, 1, row->raw_len, rejects);
	if (row->raw_len == 0 || row->raw[row->raw_len - 1] != '\n')
		putc('\n', rejects);
	if (fflush(rejects) != 0 || ferror(rejects))
		fsd_die(FSD_EXIT_DATA, "%s: write error: %s", rejects_path, strerror(errno));
}

/* fsd's names are lower-case words joined by _ . and : ("site.lat",
 * "cert:epa608"); "Job #" or "Client Name" is someone else's. */
static int
looks_foreign(const char *name)
{
	return name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_.:")] != '\0';
}

/* Without a map, a sheet in someone else's words: name its columns and
 * the fields a day needs that it then lacks. Said, not counted as bad
 * data: the cells still come in, under their own names. */
static void
say_foreign_columns(const struct import *im, char *const *names, size_t n, long line)
{
	char missing[256], list[1024] = "";
	size_t used = 0, foreign = 0;

	for (size_t i = 0; i < n; i++) {
		if (fsd_vocabulary_has(names[i]) || !looks_foreign(names[i]) || used >= sizeof list)
			continue;
		used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"",
		    foreign++ ? ", " : "", names[i]);
	}
	if (foreign == 0)
		return;
	fsd_vocabulary_missing(names, n, missing, sizeof missing);
	fsd_note("%s:%ld: %s %s not fsd's field name%s (kept as %s)%s%s%s; "
	    "a --map FILE says which field each column holds",
	    fsd_display_name(im->path), line, list, foreign > 1 ? "are" : "is",
	    foreign > 1 ? "s" : "", foreign > 1 ? "they are" : "it is",
	    *missing ? "; no " : "", missing, *missing ? " column" : "");
}

/* With a map: which column is which field, and what the map names that
 * the sheet lacks. */
static void
map_header(struct import *im, char **names, size_t n, long line)
{
	char kept[1024] = "";
	size_t used = 0;

	im->mapped = xcalloc(n, sizeof *im->mapped);
	for (size_t i = 0; i < n; i++) {
		if ((im->mapped[i] = fsd_map_find_column(map, names[i])) != NULL)
			names[i] = im->mapped[i]->field;
		else if (used < sizeof kept)
			used += (size_t)snprintf(kept + used, sizeof kept - used, "%s\"%s\"",
			    used ? ", " : "", names[i]);
	}
	if (used > 0)
		fsd_note("%s:%ld: not in %s, kept under their own names: %s",
		    fsd_display_name(im->path), line, map->path, kept);
	for (size_t k = 0; k < map->n; k++) {
		const struct fsd_map_entry *e = &map->entries[k];
		size_t i;

		if (e->column == NULL)
			continue;
		for (i = 0; i < n && im->mapped[i] != e; i++)
			;
		if (i == n)
			fsd_note("%s:%ld: no column \"%s\" (%s:%ld maps it to %s)",
			    fsd_display_name(im->path), line, e->column, map->path, e->line, e->field);
	}
}

/* The map's constants, as columns so they nest like any other field. */
static void
map_constants(struct import *im)
{
	char err[512];
	char **names = xcalloc(map->n, sizeof *names);
	size_t *lens = xcalloc(map->n, sizeof *lens);

	im->constant_entries = xcalloc(map->n, sizeof *im->constant_entries);
	for (size_t k = 0; k < map->n; k++) {
		if (map->entries[k].constant == NULL)
			continue;
		im->constant_entries[im->nconstants] = &map->entries[k];
		names[im->nconstants] = map->entries[k].field;
		lens[im->nconstants++] = strlen(map->entries[k].field);
	}
	if (im->nconstants > 0 && (im->constants = fsd_csv_columns(names, lens,
	    im->nconstants, overrides, noverrides, err, sizeof err)) == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: constants: %s", map->path, err);
	free(names);
	free(lens);
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
	for (size_t i = 0; i < row->ncells; i++)
		names[i] = keep_guard ? row->cells[i] : (char *)fsd_csv_unguard(row->cells[i]);
	if (map != NULL && row->problem == NULL) {
		map_header(im, names, row->ncells, row->line);
		map_constants(im);
	} else if (row->problem == NULL) {
		say_foreign_columns(im, names, row->ncells, row->line);
	}
	for (size_t i = 0; i < row->ncells; i++)
		lens[i] = names[i] >= row->cells[i] && names[i] <= row->cells[i] + row->lens[i]
		    ? row->lens[i] - (size_t)(names[i] - row->cells[i]) : strlen(names[i]);
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

/* fsd-export writes a list of objects (an invoice's lines, a route's
 * stops) as JSON text; it comes back as the list, so the default export
 * of any record imports as the same record. Text that merely looks so
 * but is not JSON stays text. */
static json_t *
objects_cell(enum fsd_csv_kind kind, const char *text, size_t len)
{
	json_t *v;

	if (kind != FSD_CSV_STRING || len < 4 || strncmp(text, "[{", 2) != 0
	    || strcmp(text + len - 2, "}]") != 0)
		return NULL;
	if ((v = json_loadb(text, len, JSON_DECODE_ANY, NULL)) != NULL && !json_is_array(v)) {
		json_decref(v);
		v = NULL;
	}
	return v;
}

/* One cell into the record; a cell that does not fit its kind is kept as
 * the text it was, so the row loses nothing. */
static void
import_cell(json_t *record, const struct fsd_csv_column *col,
    const struct fsd_map_entry *mapped, const char *text,
    size_t len, char **problem, const struct fsd_pos *pos)
{
	char err[512];
	json_t *v;

	if (!keep_guard && fsd_csv_unguard(text) != text) {
		text++;
		len--;
	}
	if (memchr(text, '\0', len) != NULL) {
		row_problem(problem, pos, "column \"%s\": the cell holds a NUL byte, "
		    "which is no text (kept as U+FFFD)", col->name);
		v = fsd_csv_lossy_string(text, len);
	} else if (!fsd_csv_utf8_valid(text, len)) {
		row_problem(problem, pos, "column \"%s\": the cell is not UTF-8 text "
		    "(save the sheet as \"CSV UTF-8\", or read it with --encoding windows-1252)",
		    col->name);
		v = fsd_csv_lossy_string(text, len);
	} else if (mapped != NULL) {
		if ((v = fsd_map_read_cell(map, mapped, zone, col->kind, text, len,
		    err, sizeof err)) == NULL) {
			row_problem(problem, pos, "column \"%s\": %s", mapped->column, err);
			v = json_stringn(text, len);
		}
	} else if ((v = objects_cell(col->kind, text, len)) != NULL) {
		/* taken as it is */
	} else if ((v = fsd_csv_parse_cell(col->kind, text, len, err, sizeof err)) == NULL) {
		row_problem(problem, pos, "column \"%s\": %s", col->name, err);
		v = json_stringn(text, len);
	}
	fsd_csv_set(record, col, v);
}

/* A map's constants, where the row did not give the field. */
static void
add_constants(const struct import *im, json_t *record, char **problem,
    const struct fsd_pos *pos)
{
	char err[512];

	for (size_t k = 0; k < im->nconstants; k++) {
		const struct fsd_csv_column *col = &im->constants[k];
		const char *text = im->constant_entries[k]->constant;
		json_t *v;

		if (fsd_field(record, col->name) != NULL)
			continue;
		if ((v = fsd_csv_parse_cell(col->kind, text, strlen(text), err, sizeof err)) == NULL) {
			row_problem(problem, pos, "%s:%ld: %s", map->path,
			    im->constant_entries[k]->line, err);
			continue;
		}
		fsd_csv_set(record, col, v);
	}
}

/* Mistakes a person makes in a sheet that still imports: said, with the
 * row, so they are mended before the day is planned on them. */
static void
say_mistakes(const json_t *record, const struct fsd_pos *pos)
{
	const char *id = json_string_value(json_object_get(record, "id"));
	json_t *skills = json_object_get(record, "skills"), *skill, *seen;
	size_t i;

	if (id != NULL && (seen = json_object_get(ids_seen, id)) != NULL)
		fsd_note_at(pos, "id \"%s\" is on %s too", id, json_string_value(seen));
	else if (id != NULL)
		json_object_set_new(ids_seen, id, json_sprintf("%s:%ld",
		    fsd_display_name(pos->file), pos->line));
	json_array_foreach(skills, i, skill)
		if (json_is_string(skill) && strchr(json_string_value(skill), ',') != NULL)
			fsd_note_at(pos, "skill \"%s\" holds a comma: skills are separated by \";\" "
			    "(or, in a map, \"list ,\")", json_string_value(skill));
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
			import_cell(record, &im->columns[i], im->mapped ? im->mapped[i] : NULL,
			    row->cells[i], row->lens[i], &problem, &pos);
	add_constants(im, record, &problem, &pos);
	if (check || map != NULL)
		say_mistakes(record, &pos);
	if (with_source)
		json_object_set_new(record, "source", json_sprintf("%s:%ld",
		    fsd_display_name(im->path), row->line));
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
	if (fsd_csv_read_dialect(f, &dialect, import_row, &im) != 0)
		fsd_warn_at(NULL, "%s: %s", fsd_display_name(path), strerror(errno));
	if (dialect.delimiter == 0 && dialect.used != ',')
		fsd_note("%s: cells are separated by %s (as in the header; --delimiter to say otherwise)",
		    fsd_display_name(path), dialect.used == '\t' ? "tabs" : "\";\"");
	stopped = stop_on_error && fsd_status != FSD_EXIT_OK;
	if (f != stdin)
		fclose(f);
	fsd_csv_columns_free(im.columns, im.ncolumns);
	fsd_csv_columns_free(im.constants, im.nconstants);
	free(im.mapped);
	free(im.constant_entries);
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

/* --delimiter: one of the separators sheets are saved with. */
static char
parse_delimiter(const char *text)
{
	if (text == NULL)
		return 0;
	if (strcmp(text, ",") == 0 || strcmp(text, ";") == 0 || strcmp(text, "|") == 0)
		return text[0];
	if (strcmp(text, "tab") == 0 || strcmp(text, "\\t") == 0 || strcmp(text, "\t") == 0)
		return '\t';
	fsd_usage_error("--delimiter: \"%s\" is not , ; | or tab", text);
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
	if (zone != NULL && !fsd_zone_valid(zone))
		fsd_usage_error("--tz: \"%s\" is not a zone of the tz database "
		    "(America/Denver, Europe/Berlin, UTC...)", zone);
	dialect.delimiter = parse_delimiter(delimiter_text);
	if (encoding_text != NULL) {
		int encoding = fsd_csv_encoding_parse(encoding_text);

		if (encoding < 0)
			fsd_usage_error("--encoding: \"%s\" is not utf-8, windows-1252 or latin1",
			    encoding_text);
		dialect.encoding = (enum fsd_csv_encoding)encoding;
	}
	ids_seen = json_object();
	if (map_path != NULL)
		map = fsd_map_load(map_path);
	for (size_t k = 0; map != NULL && k < map->n; k++)
		if (strstr(map->entries[k].field, "[]") != NULL)
			fsd_die_at(FSD_EXIT_DATA, &(struct fsd_pos){ map->path, map->entries[k].line },
			    "\"%s\": a list spread over rows is for fsd-export; "
			    "fsd-import makes one record a row", map->entries[k].field);
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
	fsd_map_free(map);
	json_decref(ids_seen);
	return fsd_finish();
}
