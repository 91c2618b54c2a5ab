/* fsd-watch's rules file (common/watch/watch.h): a file taken leaves
 * every timer and SLA row its default or inside its row's bounds, with
 * the default row last, which matches every job; a bad file ends the run
 * (exit 1), caught by fuzz_call. */
#include "watch/watch.h"
#include "fuzz.h"

/* The caller's, as in fsd-watch: a file that cannot be read at all ends
 * the run before the loader could free them, so they are freed after. */
static struct watch_rules rules;

static void
run(const uint8_t *data, size_t size)
{
	const struct watch_sla *last;

	watch_rules_default(&rules);
	watch_rules_load(&rules, fuzz_file(data, size));
	fuzz_keys_within(watch_rule_keys, &rules);
	if (rules.nsla == 0 || rules.dispatch == NULL)
		fuzz_broken("rules taken without the default SLA row or a dispatch contact");
	for (size_t i = 0; i < rules.nsla; i++)
		fuzz_keys_within(watch_sla_keys, &rules.sla[i]);
	last = &rules.sla[rules.nsla - 1];
	if (last->type != NULL || last->priority != 0
	    || watch_sla_for(&rules, "no such type", 9) == NULL)
		fuzz_broken("the last SLA row does not match any job");
	watch_rules_free(&rules);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	watch_rules_free(&rules);	/* freed twice is nothing: it clears them */
	return 0;
}
