/* The CSV reader (common/csv/reader.h, over libcsv): any bytes as a
 * sheet; every row's cells are walked. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "csv/reader.h"
#include "fuzz.h"

static int
walk(const struct fsd_csv_row *row, void *ctx)
{
	size_t *total = ctx;

	for (size_t i = 0; i < row->ncells; i++)
		*total += row->lens[i] + (row->cells[i][row->lens[i]] == '\0');
	return 0;
}

static void
run(const uint8_t *data, size_t size)
{
	FILE *f = fopen(fuzz_file(data, size), "r");
	size_t total = 0;

	if (f == NULL)
		return;
	fsd_csv_read(f, walk, &total);
	fclose(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
