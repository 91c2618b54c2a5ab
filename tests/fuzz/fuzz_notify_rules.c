/* fsd-notify's rules file (common/notify/records.h, read by the shared
 * side-file loader). A file taken is one fsd-notify can act on: quiet
 * hours inside the day, only the channels there are, every type and
 * contact named; a bad file ends the run (exit 1), caught by fuzz_call. */
#include <stddef.h>

#include "notify/notify.h"
#include "notify/records.h"
#include "fuzz.h"

static void
check_channels(const unsigned channels[MSG_NKINDS])
{
	for (int k = 0; k < MSG_NKINDS; k++)
		if ((channels[k] & ~(unsigned)(CHANNEL_SMS | CHANNEL_EMAIL)) != 0)
			fuzz_broken("a rules file gave a channel that is neither sms nor email");
}

static void
run(const uint8_t *data, size_t size)
{
	struct notify_rules rules;

	notify_rules_default(&rules);
	notify_rules_load(&rules, fuzz_file(data, size));
	if (rules.quiet_start_min < 0 || rules.quiet_start_min > 24 * 60
	    || rules.quiet_end_min < 0 || rules.quiet_end_min > 24 * 60)
		fuzz_broken("quiet hours outside the day");
	check_channels(rules.channels);
	for (size_t i = 0; i < rules.ntypes; i++) {
		if (rules.types[i].type == NULL)
			fuzz_broken("a job type's rules without the type");
		check_channels(rules.types[i].channels);
	}
	for (size_t i = 0; i < rules.ncontacts; i++)
		if (rules.contacts[i].name == NULL
		    || notify_contact(&rules, rules.contacts[i].name) == NULL)
			fuzz_broken("a contact of the rules file is not found by its name");
	notify_rules_free(&rules);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
