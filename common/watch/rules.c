#include <stdlib.h>
#include <string.h>

#include "watch.h"
#include "xalloc.h"

/* Defaults a shop would accept, and why: a late start is a late start
 * (no grace past the window the customer was told); 30 min past the
 * planned duration is an overrun worth a call; an hour to close a
 * completed job's proof; lone workers check in every 30 min (HSE's
 * guidance for lone working leaves the interval to the risk; 30 min is
 * common for site work), 15 min more before someone is sent; two failed
 * payments in a row. The default SLA row warns at 75% of the time and
 * names no second contact. */
void
watch_rules_default(struct watch_rules *r)
{
	memset(r, 0, sizeof *r);
	r->dispatch = xstrdup("dispatch");
	r->overrun_min = 30;
	r->close_within_min = 60;
	r->checkin_min = 30;
	r->checkin_escalate_min = 15;
	r->failed_payments = 2;
	r->sla = xcalloc(1, sizeof *r->sla);
	r->nsla = 1;
	r->sla[0] = (struct watch_sla){ NULL, 0, 0, 0.75, 60, 30, NULL };
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
