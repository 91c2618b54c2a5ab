/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

const char *fsd_progname = "fsd";
int fsd_status = FSD_EXIT_OK;

const char *
fsd_display_name(const char *path)
{
	return (path == NULL || strcmp(path, "-") == 0) ? "stdin" : path;
}

/* A copy, so a message after the record is gone never reads freed text. */
static char current_source[256];

void
fsd_set_source(const char *source)
{
	snprintf(current_source, sizeof current_source, "%s", source ? source : "");
}

static void
vreport(const struct fsd_pos *pos, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", fsd_progname);
	if (pos != NULL && pos->line > 0 && current_source[0] != '\0')
		fprintf(stderr, "%s:%ld (%s): ", fsd_display_name(pos->file), pos->line,
		    current_source);
	else if (pos != NULL && pos->line > 0)
		fprintf(stderr, "%s:%ld: ", fsd_display_name(pos->file), pos->line);
	else if (pos != NULL)
		fprintf(stderr, "%s: ", fsd_display_name(pos->file));
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
fsd_warn_at(const struct fsd_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(pos, fmt, ap);
	va_end(ap);
	fsd_status = FSD_EXIT_DATA;
}

void
fsd_note_at(const struct fsd_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(pos, fmt, ap);
	va_end(ap);
}

void
fsd_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
}

void
fsd_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	exit(code);
}

void
fsd_die_at(int code, const struct fsd_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(pos, fmt, ap);
	va_end(ap);
	exit(code);
}

void
fsd_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", fsd_progname);
	exit(FSD_EXIT_USAGE);
}
