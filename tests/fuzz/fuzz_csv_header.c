/* A CSV header (common/csv/columns.h): the input split at commas into
 * column names. Whatever is taken maps to records: no name twice, and
 * none both a column and an object of others. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "csv/columns.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), **names = NULL, err[512];
	size_t n = 0, *lens = NULL;
	struct fsd_csv_column *c;

	for (char *p = text;; ) {
		char *comma = strchr(p, ',');

		names = realloc(names, (n + 1) * sizeof *names);
		lens = realloc(lens, (n + 1) * sizeof *lens);
		if (comma != NULL)
			*comma = '\0';
		names[n] = p;
		lens[n++] = strlen(p);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	c = fsd_csv_columns(names, lens, n, NULL, 0, err, sizeof err);
	if (c != NULL) {
		json_t *record = json_object();

		/* Every column lands in one record without overwriting another. */
		for (size_t i = 0; i < n; i++)
			fsd_csv_set(record, &c[i], json_integer((json_int_t)i));
		for (size_t i = 0; i < n; i++) {
			json_t *o = record;

			for (size_t k = 0; k < c[i].depth && o != NULL; k++)
				o = json_object_get(o, c[i].path[k]);
			if (o == NULL || json_integer_value(o) != (json_int_t)i)
				fuzz_broken("a column taken by the header check is lost in the record");
		}
		json_decref(record);
		fsd_csv_columns_free(c, n);
	}
	free(names);
	free(lens);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
