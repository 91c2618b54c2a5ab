/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sidefile.h"
#include "watch.h"
#include "xalloc.h"

/* Defaults a shop would accept, and why: a late start is a late start
 * (no grace past the window the customer was told); 30 min past the
 * planned duration is an overrun worth a call; an hour to close a
 * completed job's proof; lone workers check in every 30 min (HSE's
 * guidance for lone working leaves the interval to the risk; 30 min is
 * common for site work), 15 min more before someone is sent; two failed
 * payments in a row. An SLA row warns at 75% of the time (60 min before
 * due when the start is unknown) and names no second contact. */
#define AT(field) offsetof(struct watch_rules, field)
const struct fsd_key watch_rule_keys[] = {
	{ "late_start_grace_min", FSD_KEY_INT, 0, 1440, AT(late_start_grace_min), 1, 0, .unit = "minutes" },
	{ "overrun_min", FSD_KEY_INT, 0, 1440, AT(overrun_min), 1, 30, .unit = "minutes" },
	{ "close_within_min", FSD_KEY_INT, 0, 10080, AT(close_within_min), 1, 60, .unit = "minutes" },
	{ "checkin_min", FSD_KEY_INT, 1, 1440, AT(checkin_min), 1, 30, .unit = "minutes" },
	{ "checkin_escalate_min", FSD_KEY_INT, 0, 1440, AT(checkin_escalate_min), 1, 15, .unit = "minutes" },
	{ "failed_payments", FSD_KEY_INT, 1, 100, AT(failed_payments), 1, 2 },
	{ "unpaid_grace_days", FSD_KEY_INT, 0, 365, AT(unpaid_grace_days), 1, 0, .unit = "days" },
	{ "dispatch", FSD_KEY_STRING, 0, 0, AT(dispatch), 1, .def_string = "dispatch" },
	{ "sla", FSD_KEY_ARRAY },
	{ NULL }
};
#undef AT

#define AT(field) offsetof(struct watch_sla, field)
const struct fsd_key watch_sla_keys[] = {
	{ "type", FSD_KEY_STRING, 0, 0, AT(type) },
	{ "priority", FSD_KEY_INT, 1, 9, AT(priority) },
	{ "minutes", FSD_KEY_INT, 1, 100000, AT(minutes), 1, 0, .unit = "minutes" },
	{ "warn_share", FSD_KEY_DOUBLE, 0.01, 0.99, AT(warn_share), 1, 0.75 },
	{ "warn_before_min", FSD_KEY_INT, 0, 100000, AT(warn_before_min), 1, 60, .unit = "minutes" },
	{ "escalate_after_min", FSD_KEY_INT, 0, 100000, AT(escalate_after_min), 1, 30, .unit = "minutes" },
	{ "escalate_to", FSD_KEY_STRING, 0, 0, AT(escalate_to) },
	{ NULL }
};
#undef AT

void
watch_rules_default(struct watch_rules *r)
{
	memset(r, 0, sizeof *r);
	fsd_keys_defaults(watch_rule_keys, r);
	r->sla = xcalloc(1, sizeof *r->sla);
	r->nsla = 1;
	fsd_keys_defaults(watch_sla_keys, &r->sla[0]);
}

const struct watch_sla *
watch_sla_for(const struct watch_rules *r, const char *type, long priority)
{
	for (size_t i = 0; i + 1 < r->nsla; i++) {
		const struct watch_sla *row = &r->sla[i];

		if ((row->type == NULL || (type != NULL && strcmp(row->type, type) == 0))
		    && (row->priority == 0 || row->priority == priority))
			return row;
	}
	return &r->sla[r->nsla - 1];
}

void
watch_rules_free(struct watch_rules *r)
{
	for (size_t i = 0; i < r->nsla; i++) {
		free(r->sla[i].type);
		free(r->sla[i].escalate_to);
	}
	free(r->sla);
	free(r->dispatch);
	memset(r, 0, sizeof *r);
}
