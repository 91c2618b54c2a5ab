/* The fast scanner (common/jsonscan.h) against jansson, its slow twin:
 * whatever it takes in any form jansson takes too, as the same value,
 * and what it takes as EMITTED is byte for byte what fsd_emit writes. */
#include <jansson.h>
#include <string.h>

#include "jsonbuf.h"
#include "jsonscan.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	static const enum fsd_scan_form forms[] = { FSD_SCAN_EMITTED, FSD_SCAN_CANONICAL, FSD_SCAN_ANY };
	const char *text = (const char *)data;
	struct fsd_scan d = { 0 };
	json_t *want = json_loadb(text, size, JSON_REJECT_DUPLICATES, NULL);

	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		json_t *got;

		if (fsd_scan(&d, text, size, forms[f]) != 0)
			continue;
		if (want == NULL || !json_is_object(want))
			fuzz_broken("the scanner took what jansson refuses");
		got = fsd_scan_json(&d, 0);
		if (!json_equal(got, want))
			fuzz_broken("the scanner read another value than jansson");
		json_decref(got);
		if (forms[f] == FSD_SCAN_EMITTED) {
			struct fsd_buf b = { 0 };

			fsd_buf_json(&b, want);
			if (b.len != size || memcmp(b.data, text, size) != 0)
				fuzz_broken("EMITTED took a line fsd_emit writes otherwise");
			fsd_buf_free(&b);
		}
	}
	json_decref(want);
	fsd_scan_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
