/* The techs file (common/match/records.h): each line read as a
 * technician, as fsd-match and fsd-route read --techs. */
#include <string.h>

#include "match/match.h"
#include "match/records.h"
#include "record.h"
#include "fuzz.h"

static int
read_tech(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	return match_read_tech(ctx, rec, pos) != 0;
}

static void
run(const uint8_t *data, size_t size)
{
	struct match_day day;

	memset(&day, 0, sizeof day);
	match_rules_defaults(&day.rules);
	fsd_read_record_file(fuzz_file(data, size), read_tech, &day);
	match_index_techs(&day);
	match_day_free(&day);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
