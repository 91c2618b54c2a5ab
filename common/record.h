/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The one record loop every tool uses (toybox's loopfiles_lines).
 *
 * Input is newline-delimited JSON: one object a line, lines of any length.
 * A UTF-8 byte-order mark on line 1 and a CR before the newline are
 * dropped (files saved by spreadsheet tools on Windows); blank lines are
 * skipped. A line that is not a JSON object is reported as
 *     fsd-X: file:line:col: what
 * and skipped: the run goes on and the exit status becomes 1. With
 * --strict the run stops there (exit 1); with --rejects FILE the raw line
 * is appended to FILE so nothing is lost. */
#ifndef FSD_RECORD_H
#define FSD_RECORD_H

#include <jansson.h>

#include "err.h"

extern int fsd_record_strict;
extern const char *fsd_record_rejects_path;

/* Called once per record. The loop owns the record and releases it after
 * the call: json_incref() it to keep it. Return 0 when the record was
 * fine, non-zero when the tool found it bad (and has said so); under
 * --strict that stops the run. */
typedef int (*fsd_record_fn)(json_t *record, const struct fsd_pos *pos, void *ctx);

/* Read the named files in order; no files, or "-", is standard input.
 * A file that cannot be opened is reported and the status set to 1.
 * Returns the number of bad lines and records seen. */
long fsd_read_records(int nfiles, char **files, fsd_record_fn fn, void *ctx);

/* The loop beneath: each non-blank line, BOM and CR dropped, as text.
 * For a tool that must read a flood of small flat lines faster than a
 * general JSON parser builds objects (fsd-restock's usage events). The
 * callback returns one of these; the loop does the rest as above. */
enum fsd_line_result {
	FSD_LINE_OK = 0,
	FSD_LINE_BAD_RECORD,	/* a record the tool found bad (it has said why) */
	FSD_LINE_NOT_JSON	/* not a JSON object (fsd_parse_record_line said
				 * why): kept by --rejects */
};
typedef enum fsd_line_result (*fsd_line_fn)(const char *text, size_t len,
    const struct fsd_pos *pos, void *ctx);
long fsd_read_lines(int nfiles, char **files, fsd_line_fn fn, void *ctx);

/* Parse one line into a record, or report file:line:col: what and
 * return NULL. */
json_t *fsd_parse_record_line(const char *text, size_t len, const struct fsd_pos *pos);

/* One file, for side files such as --techs. */
long fsd_read_record_file(const char *path, fsd_record_fn fn, void *ctx);

/* Read a whole side file into an array of records, each carrying no
 * position; positions are kept in *lines (caller frees) when not NULL. */
json_t *fsd_load_records(const char *path, long **lines);

/* Load one JSON document (a rules file, a rate card); dies with a
 * positioned error (exit 1) when it cannot be read or is not an object. */
json_t *fsd_load_json_object(const char *path);

#endif
