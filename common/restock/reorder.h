/* Reorder decisions over a stock: which truck needs what from which
 * warehouse (pulls), and what has to be bought from which supplier
 * (purchase order lines). Nothing here changes the stock; the caller
 * turns the decisions into records and open orders.
 *
 * A location's position is what it has plus what is due in (open orders)
 * less what open pulls will take out of it. A row is under its reorder
 * point when its position is below `min`; it is then filled to `max`, or
 * by `reorder_qty`, or to `min` when it has neither. Tomorrow's plan adds
 * a second reason: a truck must leave with what its jobs need.
 *
 * Trucks are served first, and tomorrow's jobs before topping trucks up:
 * every plan shortfall of every truck is allocated before any refill.
 * A need goes to the nearest warehouse (haversine from the truck's site)
 * that can cover all of it; when none can, it is taken from the nearest
 * ones in turn, and what is still missing is back-ordered on the nearest
 * warehouse that stocks the SKU -- which then buys it with its own
 * purchase order -- or, when no warehouse stocks the SKU, bought straight
 * to the truck from the truck row's supplier. */
#ifndef FSD_RESTOCK_REORDER_H
#define FSD_RESTOCK_REORDER_H

#include "stock.h"

struct restock_pull {
	int from, to, sku;
	long long qty;
	long long plan_qty;	/* the part of qty tomorrow's jobs need */
};

struct restock_po_line {
	int supplier, location, sku;
	long long qty;
	const struct restock_row *row;	/* cost, currency and lead days */
};

/* A need nobody can fill: no warehouse has it and no supplier is known. */
struct restock_unsourced {
	int location, sku;
	long long qty;
};

struct restock_decision {
	struct restock_pull *pull;	/* sorted by to, from, SKU name */
	size_t npulls, pull_cap;
	struct restock_po_line *po;	/* sorted by supplier, location, SKU name */
	size_t npo, po_cap;
	struct restock_unsourced *unsourced;
	size_t nunsourced, unsourced_cap;
	long long *plan_uncovered;	/* by row: plan need no warehouse could meet */
};

/* Decide for stock s. plan_need is indexed by row (NULL: no plan); every
 * open order's rows must exist (stockio makes them when loading). */
void restock_decide(const struct restock_stock *s, const long long *plan_need,
    struct restock_decision *d);
void restock_decision_free(struct restock_decision *d);

/* The fill quantity for a row at position: 0 when not under its
 * reorder point. */
long long restock_refill(const struct restock_row *r, long long position);

#endif
