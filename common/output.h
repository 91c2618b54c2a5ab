/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Checked output. Records go out one compact JSON object a line; write
 * errors are caught at the end (fclose/ferror), never ignored. A reader
 * that goes away (head) ends us through SIGPIPE, silently, as with any
 * Unix filter. */
#ifndef FSD_OUTPUT_H
#define FSD_OUTPUT_H

#include <stdio.h>
#include <jansson.h>

/* Flags every tool dumps with: compact, real numbers to 15 significant
 * digits so 12.3 stays 12.3. Key order is kept as it came in. */
#define FSD_JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Write a record and a newline to stdout. */
void fsd_emit(const json_t *record);
/* The same to another stream (a --summary file). */
void fsd_emit_to(FILE *f, const json_t *record);

/* Flush and close stdout; a write error is reported and exits 1. */
void fsd_output_close(void);

/* Close stdout and return the exit status the run earned: main's last line. */
int fsd_finish(void);

/* Close a stream opened for an output file, dying with the file's name
 * on a write error. */
void fsd_close_checked(FILE *f, const char *path);

#endif
