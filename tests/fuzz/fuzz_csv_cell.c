/* One spreadsheet cell (common/csv/cell.h) read as each kind; the first
 * byte picks the kind, the rest is the cell. The formula guard comes off
 * exactly as it went on. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "csv/cell.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	char err[512], *text;
	size_t len;
	json_t *v;

	if (size == 0)
		return;
	text = fuzz_string(data + 1, size - 1);
	len = strlen(text);
	v = fsd_csv_parse_cell((enum fsd_csv_kind)(data[0] % (FSD_CSV_JSON + 1)), text, len,
	    err, sizeof err);
	json_decref(v);
	if (fsd_csv_utf8_valid(text, len)) {
		json_t *s = fsd_csv_lossy_string(text, len);

		if (s == NULL || strcmp(json_string_value(s), text) != 0)
			fuzz_broken("valid UTF-8 changed by the lossy reader");
		json_decref(s);
	}
	if (fsd_csv_formula_like(text)) {
		char *guarded = malloc(len + 2);

		guarded[0] = FSD_CSV_FORMULA_GUARD;
		memcpy(guarded + 1, text, len + 1);
		if (strcmp(fsd_csv_unguard(guarded), text) != 0)
			fuzz_broken("the formula guard does not come off");
		free(guarded);
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
