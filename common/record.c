/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "output.h"
#include "record.h"
#include "xalloc.h"

int fsd_record_strict;
const char *fsd_record_rejects_path;

static FILE *rejects;

static void
keep_reject(const char *line, size_t len)
{
	if (fsd_record_rejects_path == NULL)
		return;
	if (rejects == NULL) {
		rejects = fopen(fsd_record_rejects_path, "a");
		if (rejects == NULL)
			fsd_die(FSD_EXIT_DATA, "%s: %s", fsd_record_rejects_path, strerror(errno));
	}
	if (fwrite(line, 1, len, rejects) != len || putc('\n', rejects) == EOF
	    || fflush(rejects) != 0)
		fsd_die(FSD_EXIT_DATA, "%s: write error: %s", fsd_record_rejects_path, strerror(errno));
}

static int
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

static const char *
json_kind(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "an object";
	}
}

static void
stop_if_strict(void)
{
	if (!fsd_record_strict)
		return;
	fsd_note("stopped at the first bad record (--strict)");
	fsd_output_close();
	exit(FSD_EXIT_DATA);
}

json_t *
fsd_parse_record_line(const char *line, size_t len, const struct fsd_pos *pos)
{
	json_error_t error;
	json_t *record = json_loadb(line, len, JSON_REJECT_DUPLICATES, &error);

	if (record == NULL) {
		fsd_warn_at(NULL, "%s:%ld:%d: %s", fsd_display_name(pos->file),
		    pos->line, error.column > 0 ? error.column : 1, error.text);
		return NULL;
	}
	if (!json_is_object(record)) {
		fsd_warn_at(NULL, "%s:%ld:1: a record must be a JSON object, not %s",
		    fsd_display_name(pos->file), pos->line, json_kind(record));
		json_decref(record);
		return NULL;
	}
	return record;
}

static long
read_stream(FILE *in, const char *path, fsd_line_fn fn, void *ctx)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long bad = 0;
	struct fsd_pos pos = { path, 0 };
	const char *nul;

	while ((got = getline(&line, &cap, in)) != -1) {
		char *text = line;
		size_t len = (size_t)got;

		pos.line++;
		if (len > 0 && text[len - 1] == '\n')
			len--;
		if (len > 0 && text[len - 1] == '\r')
			len--;
		if (pos.line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
			text += 3;
			len -= 3;
		}
		if (is_blank(text, len))
			continue;
		/* jansson drops a NUL right after a number or a literal and
		 * takes the line (2.14; JSONTestSuite's
		 * n_multidigit_number_then_00): no line with one is a record. */
		if ((nul = memchr(text, '\0', len)) != NULL) {
			fsd_warn_at(NULL, "%s:%ld:%zu: a NUL byte is not allowed in a record "
			    "(inside a string it is written \\u0000)", fsd_display_name(path),
			    pos.line, (size_t)(nul - text) + 1);
			keep_reject(text, len);
			bad++;
			stop_if_strict();
			continue;
		}
		switch (fn(text, len, &pos, ctx)) {
		case FSD_LINE_OK:
			continue;
		case FSD_LINE_NOT_JSON:
			keep_reject(text, len);
			break;
		case FSD_LINE_BAD_RECORD:
			fsd_status = FSD_EXIT_DATA;
			break;
		}
		bad++;
		stop_if_strict();
	}
	if (ferror(in))
		fsd_warn_at(&(struct fsd_pos){ path, 0 }, "read error: %s", strerror(errno));
	free(line);
	return bad;
}

static long
read_file(const char *path, fsd_line_fn fn, void *ctx)
{
	FILE *in;
	long bad;

	if (path == NULL || strcmp(path, "-") == 0)
		return read_stream(stdin, "-", fn, ctx);
	in = fopen(path, "r");
	if (in == NULL) {
		fsd_warn_at(&(struct fsd_pos){ path, 0 }, "%s", strerror(errno));
		return 1;
	}
	bad = read_stream(in, path, fn, ctx);
	fclose(in);
	return bad;
}

long
fsd_read_lines(int nfiles, char **files, fsd_line_fn fn, void *ctx)
{
	long bad = 0;

	if (nfiles == 0)
		return read_file("-", fn, ctx);
	for (int i = 0; i < nfiles; i++)
		bad += read_file(files[i], fn, ctx);
	return bad;
}

/* The record loop is the line loop with jansson in front of the tool. */
struct record_reader {
	fsd_record_fn fn;
	void *ctx;
};

static enum fsd_line_result
parse_and_hand_over(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct record_reader *r = ctx;
	json_t *record = fsd_parse_record_line(text, len, pos);
	int verdict;

	if (record == NULL)
		return FSD_LINE_NOT_JSON;
	fsd_set_source(json_string_value(json_object_get(record, "source")));
	verdict = r->fn(record, pos, r->ctx);
	fsd_set_source(NULL);
	json_decref(record);
	return verdict == 0 ? FSD_LINE_OK : FSD_LINE_BAD_RECORD;
}

long
fsd_read_record_file(const char *path, fsd_record_fn fn, void *ctx)
{
	struct record_reader r = { fn, ctx };

	return read_file(path, parse_and_hand_over, &r);
}

long
fsd_read_records(int nfiles, char **files, fsd_record_fn fn, void *ctx)
{
	struct record_reader r = { fn, ctx };

	return fsd_read_lines(nfiles, files, parse_and_hand_over, &r);
}

struct loaded {
	json_t *array;
	long *lines;
	size_t cap;
};

static int
collect(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct loaded *l = ctx;
	size_t n = json_array_size(l->array);

	l->lines = xgrow(l->lines, &l->cap, n + 1, sizeof *l->lines);
	l->lines[n] = pos->line;
	json_array_append(l->array, record);
	return 0;
}

json_t *
fsd_load_records(const char *path, long **lines)
{
	struct loaded l = { json_array(), NULL, 0 };

	fsd_read_record_file(path, collect, &l);
	if (lines != NULL)
		*lines = l.lines;
	else
		free(l.lines);
	return l.array;
}

json_t *
fsd_load_json_object(const char *path)
{
	json_error_t error;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &error);

	if (doc == NULL) {
		if (error.line <= 0)
			fsd_die(FSD_EXIT_DATA, "%s: %s", path, error.text);
		fsd_die(FSD_EXIT_DATA, "%s:%d:%d: %s", path, error.line, error.column, error.text);
	}
	if (!json_is_object(doc)) {
		const char *kind = json_kind(doc);

		json_decref(doc);	/* nothing left behind, as every loader */
		fsd_die(FSD_EXIT_DATA, "%s:1: must hold a JSON object, not %s", path, kind);
	}
	return doc;
}
