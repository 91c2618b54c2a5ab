#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "output.h"

void
fsd_emit_to(FILE *f, const json_t *record)
{
	json_dumpf(record, f, FSD_JSON_FLAGS);
	putc('\n', f);
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
