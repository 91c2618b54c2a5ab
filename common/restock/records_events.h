/* The events fsd-restock reads, applied to the stock: a usage (parts
 * taken from a truck or a warehouse) decrements it, each event once; a
 * receipt adds what an open order brought. Each is checked here, field
 * by field, and one that cannot be applied comes out with an exception
 * saying why; a usage of more than the stock holds comes out as a
 * count_discrepancy record beside it. This is the engine's records layer
 * for events: the JSON is read through records_line.h and written by
 * fsd_emit. */
#ifndef FSD_RESTOCK_RECORDS_EVENTS_H
#define FSD_RESTOCK_RECORDS_EVENTS_H

#include "rfc3339.h"
#include "restock/records_line.h"
#include "restock/stock.h"

struct restock_events {
	struct restock_stock *stock;
	int have_time;
	struct fsd_time last_at;	/* the latest usage time seen */
};

/* Apply one event line: 0, or non-zero when it was bad (said at its
 * line, and the record emitted with its exception). */
int restock_event_apply(struct restock_events *ev, struct restock_line *l);

#endif
