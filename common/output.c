/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "output.h"
#include "jsonbuf.h"

/* One buffer, reused, and one fwrite a record. */
static struct fsd_buf emit_buffer;

static void
free_emit_buffer(void)
{
	fsd_buf_free(&emit_buffer);
}

void
fsd_emit_to(FILE *f, const json_t *record)
{
	if (emit_buffer.cap == 0)
		atexit(free_emit_buffer);
	emit_buffer.len = 0;
	fsd_buf_json(&emit_buffer, record);
	fsd_buf_char(&emit_buffer, '\n');
	fwrite(emit_buffer.data, 1, emit_buffer.len, f);
}

void
fsd_emit(const json_t *record)
{
	fsd_emit_to(stdout, record);
}

void
fsd_output_close(void)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int saved = errno;

	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	if (failed) {
		if (saved == EPIPE)
			exit(FSD_EXIT_DATA);
		fsd_die(FSD_EXIT_DATA, "write error: %s", strerror(saved));
	}
}

int
fsd_finish(void)
{
	fsd_output_close();
	return fsd_status;
}

void
fsd_close_checked(FILE *f, const char *path)
{
	int failed = fflush(f) != 0 || ferror(f);
	int saved = errno;

	if (fclose(f) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	if (failed)
		fsd_die(FSD_EXIT_DATA, "%s: write error: %s", path, strerror(saved));
}
