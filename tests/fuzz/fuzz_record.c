/* The record reader (common/record.h): any bytes as an NDJSON file.
 * Every record it hands over is written by fsd_emit's writer in a form
 * jansson reads, and writing what was read back gives the same bytes.
 * (Not the same value: reals are written with 15 significant digits,
 * FSD_JSON_FLAGS, so 3.3333333333333335e18 comes out 3.33333333333333e18;
 * the first input this harness found, kept in the corpus.) */
#include <jansson.h>
#include <string.h>

#include "jsonbuf.h"
#include "record.h"
#include "fuzz.h"

static int
round_trip(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct fsd_buf b = { 0 }, again = { 0 };
	json_t *back;

	(void)pos;
	(void)ctx;
	fsd_buf_json(&b, record);
	back = json_loadb(b.data, b.len, JSON_REJECT_DUPLICATES, NULL);
	if (back == NULL || json_object_size(back) != json_object_size(record))
		fuzz_broken("a record does not read back as fsd_emit wrote it");
	fsd_buf_json(&again, back);
	if (again.len != b.len || memcmp(again.data, b.data, b.len) != 0)
		fuzz_broken("a record written, read and written again changed");
	json_decref(back);
	fsd_buf_free(&b);
	fsd_buf_free(&again);
	return 0;
}

static void
run(const uint8_t *data, size_t size)
{
	fsd_read_record_file(fuzz_file(data, size), round_trip, NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
