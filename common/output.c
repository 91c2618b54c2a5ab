#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "output.h"
#include "xalloc.h"

/* One buffer, reused, and one fwrite a record: json_dumpf writes in many
 * small pieces, which costs a quarter of a fast tool's time. */
static char *dump_buffer;
static size_t dump_size;

static void
free_dump_buffer(void)
{
	free(dump_buffer);
}

void
fsd_emit_to(FILE *f, const json_t *record)
{
	size_t n = json_dumpb(record, dump_buffer, dump_size, FSD_JSON_FLAGS);

	if (n + 1 > dump_size) {
		if (dump_buffer == NULL)
			atexit(free_dump_buffer);
		dump_size = n + 1 > 4096 ? (n + 1) * 2 : 4096;
		dump_buffer = xrealloc(dump_buffer, dump_size);
		n = json_dumpb(record, dump_buffer, dump_size, FSD_JSON_FLAGS);
	}
	dump_buffer[n] = '\n';
	fwrite(dump_buffer, 1, n + 1, f);
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
