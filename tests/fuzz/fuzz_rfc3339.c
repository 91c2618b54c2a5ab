/* RFC 3339 times and dates (common/rfc3339.h): what is read is written
 * back in a form that reads as the same instant and offset. */
#include <stdlib.h>

#include "rfc3339.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), buf[FSD_TIME_LEN], dbuf[FSD_DATE_LEN];
	struct fsd_time t, back;
	int64_t day, day_back;

	if (fsd_time_parse(text, &t) == 0) {
		if (fsd_time_parse(fsd_time_format(t.seconds, t.offset_minutes, buf), &back) != 0
		    || back.seconds != t.seconds || back.offset_minutes != t.offset_minutes)
			fuzz_broken("a time does not read back as written");
	}
	if (fsd_date_parse(text, &day) == 0) {
		if (fsd_date_parse(fsd_date_format(day, dbuf), &day_back) != 0 || day_back != day)
			fuzz_broken("a date does not read back as written");
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
