/* RRULEs (common/recur/recur.h, over libical): a rule the check takes
 * is expanded over a year without trouble. */
#include <stdlib.h>
#include <string.h>

#include "recur/recur.h"
#include "rfc3339.h"
#include "fuzz.h"

static void
count(int64_t day, void *ctx)
{
	(void)day;
	++*(long *)ctx;
}

static void
run(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	struct recur_contract c;
	int64_t start = fsd_days_from_civil(2026, 1, 5);
	long n = 0;

	if (recur_rrule_check(text) == NULL) {
		memset(&c, 0, sizeof c);
		c.id = "C1";
		c.kind = RECUR_RRULE;
		c.rrule = text;
		c.dtstart_day = start;
		c.dtstart_minutes = 9 * 60;
		c.start_day = start;
		c.end_day = RECUR_NO_DAY;
		c.lead_days = -1;
		recur_rrule_dates(&c, start, start + 366, count, &n);
		recur_rrule_forget();
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
