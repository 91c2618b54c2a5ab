/* fsd-track's rules file (common/track/track.h): a file taken leaves
 * every threshold its default or inside its row's bounds; a bad file
 * ends the run (exit 1), caught by fuzz_call. */
#include "track/track.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	struct track_rules rules;

	track_rules_default(&rules);
	track_rules_load(&rules, fuzz_file(data, size));
	fuzz_keys_within(track_rule_keys, &rules);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
