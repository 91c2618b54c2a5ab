/* The matcher's rules file (common/match/match.h). The loader ends the
 * run on a bad file (exit 1), as the tool does: fuzz_call catches that. */
#include "match/match.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	struct match_rules rules;

	match_rules_defaults(&rules);
	match_rules_load(&rules, fuzz_file(data, size));
	match_rules_free(&rules);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
