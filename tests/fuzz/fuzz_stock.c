/* The stock file (common/restock/records_stock.h): a file taken without
 * problems is written back, and that reads back to the same bytes. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restock/records_stock.h"
#include "fuzz.h"

static char *
written(const struct restock_stock *s, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	restock_stock_write(s, f);
	fclose(f);
	return text;
}

static void
run(const uint8_t *data, size_t size)
{
	struct restock_stock s, again;
	char *first, *second;
	size_t first_len, second_len;

	restock_stock_init(&s);
	if (restock_stock_load(&s, fuzz_file(data, size)) == 0) {
		first = written(&s, &first_len);
		restock_stock_init(&again);
		if (restock_stock_load(&again, fuzz_file((const uint8_t *)first, first_len)) != 0)
			fuzz_broken("a stock file as written does not read back");
		second = written(&again, &second_len);
		if (first_len != second_len || memcmp(first, second, first_len) != 0)
			fuzz_broken("a stock file changes when read and written again");
		restock_stock_free(&again);
		free(first);
		free(second);
	}
	restock_stock_free(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
