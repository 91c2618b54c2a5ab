/* The fast scanner (common/jsonscan.h) against jansson, its slow twin,
 * as tests/unit/test_jsonscan.c holds it: EMITTED and ANY take nothing
 * jansson refuses and read what they take as jansson does, EMITTED only
 * lines fsd_emit writes byte for byte; CANONICAL (fed only what jansson
 * wrote) takes every such line, as the same value. */
#include <jansson.h>
#include <string.h>

#include "jsonbuf.h"
#include "jsonscan.h"
#include "fuzz.h"

static void
same_as_jansson(const struct fsd_scan *d, const json_t *want)
{
	json_t *got;

	if (want == NULL || !json_is_object(want))
		fuzz_broken("the scanner took what jansson refuses");
	got = fsd_scan_json(d, 0);
	if (!json_equal(got, want))
		fuzz_broken("the scanner read another value than jansson");
	json_decref(got);
}

static void
run(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct fsd_scan d = { 0 };
	struct fsd_buf written = { 0 };
	json_t *want = json_loadb(text, size, JSON_REJECT_DUPLICATES, NULL);

	if (want != NULL && json_is_object(want))
		fsd_buf_json(&written, want);
	if (fsd_scan(&d, text, size, FSD_SCAN_EMITTED) == 0) {
		same_as_jansson(&d, want);
		if (written.len != size || memcmp(written.data, text, size) != 0)
			fuzz_broken("EMITTED took a line fsd_emit writes otherwise");
	}
	if (fsd_scan(&d, text, size, FSD_SCAN_ANY) == 0)
		same_as_jansson(&d, want);
	if (written.len > 0) {
		/* Read again: written with 15 digits, a real may have moved. */
		json_t *rewritten = json_loadb(written.data, written.len, JSON_REJECT_DUPLICATES, NULL);

		if (fsd_scan(&d, written.data, written.len, FSD_SCAN_CANONICAL) != 0)
			fuzz_broken("CANONICAL refused a line jansson wrote");
		same_as_jansson(&d, rewritten);
		json_decref(rewritten);
	}
	json_decref(want);
	fsd_buf_free(&written);
	fsd_scan_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
