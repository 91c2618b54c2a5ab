/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Diagnostics in one shape for every tool:
 *     fsd-match: jobs.ndjson:17: "skills" must be an array of strings
 * Exit codes (documented in fsd(5) and every tool's page):
 *     0 all records fine, 1 bad records or data (reported, the run went on),
 *     2 usage error (bad option, missing required file). */
#ifndef FSD_ERR_H
#define FSD_ERR_H

enum { FSD_EXIT_OK = 0, FSD_EXIT_DATA = 1, FSD_EXIT_USAGE = 2 };

/* Where a record came from: a file name ("-" shows as "stdin") and a line. */
struct fsd_pos {
	const char *file;
	long line;
};

extern const char *fsd_progname;
/* The exit status the run has earned so far; warnings raise it to 1. */
extern int fsd_status;

/* file:line: message, status 1. pos may be NULL for a message with no place. */
void fsd_warn_at(const struct fsd_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* file:line: message, without changing the status: for what is likely a
 * mistake but may be meant (a skill no tech has yet). */
void fsd_note_at(const struct fsd_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Plain "prog: message" without changing the status. */
void fsd_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Message and exit with code. */
_Noreturn void fsd_die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void fsd_die_at(int code, const struct fsd_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Usage error: message, a hint to --help, exit 2. */
_Noreturn void fsd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The spreadsheet row ("jobs.csv:17", a record's "source" field) of the
 * record being handled, or NULL: messages about it name the row too, as
 *     fsd-match: jobs.ndjson:17 (jobs.csv:17): ...
 * The record loop sets it around each callback. */
void fsd_set_source(const char *source);

/* The name a file is shown under in messages: "-" is "stdin". */
const char *fsd_display_name(const char *path);

#endif
