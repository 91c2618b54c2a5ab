/* The restock model without JSON: applied-id ranges, decrement, refill
 * rules, and the pull / purchase-order decisions. */
#include <stdlib.h>
#include <string.h>

#include "restock/applied.h"
#include "restock/reorder.h"
#include "restock/stock.h"
#include "unit.h"

#define ADD(a, id) restock_applied_add(a, id, strlen(id))
#define HAS(a, id) restock_applied_has(a, id, strlen(id))

static void
test_applied(void)
{
	struct restock_applied a;

	restock_applied_init(&a);
	CHECK(ADD(&a, "U-T01-0001") == 1, "a new id is added");
	CHECK(ADD(&a, "U-T01-0001") == 0, "the same id again is not");
	CHECK(ADD(&a, "U-T01-0002") == 1 && ADD(&a, "U-T01-0004") == 1, "more of the series");
	CHECK(a.series[0].count == 2, "1-2 and 4 are two ranges");
	CHECK(ADD(&a, "U-T01-0003") == 1 && a.series[0].count == 1, "3 closes the gap: one range");
	CHECK(a.series[0].range[0].first == 1 && a.series[0].range[0].last == 4, "the range is 1-4");
	CHECK(!HAS(&a, "U-T01-1"), "same number, other width: another id");
	CHECK(!HAS(&a, "U-T02-0001"), "other prefix: another id");
	CHECK(ADD(&a, "walk-in") == 1 && HAS(&a, "walk-in"), "an id with no digits is kept whole");
	CHECK(ADD(&a, "1234567890123456789") == 1 && HAS(&a, "1234567890123456789"),
	    "19 digits are kept whole");
	CHECK(restock_applied_whole_count(&a) == 2, "two ids kept whole");
	for (int i = 1000; i >= 1; i--) {
		char id[16];
		snprintf(id, sizeof id, "E%04d", i);
		ADD(&a, id);
	}
	CHECK(a.series[a.last_key].count == 1, "1000 ids backwards make one range");
	CHECK(restock_applied_add_range(&a, "E", 4, 9990, 10000) == -1, "range too wide for 4 digits");
	CHECK(restock_applied_add_range(&a, "E", 4, 1001, 1005) == 0 && HAS(&a, "E1003"),
	    "a range read from the stock file");
	CHECK(a.series[a.last_key].count == 1, "and it merges with what touches it");
	restock_applied_free(&a);
}

static struct restock_row *
row(struct restock_stock *s, const char *location, const char *sku, long long qty,
    long long min, long long max)
{
	int k = restock_location_find(s, location, strlen(location));
	struct restock_row *r = restock_row_add(s, k, restock_names_add(&s->sku_names, sku, strlen(sku)));

	r->qty = qty;
	r->min = min;
	r->max = max;
	r->line = 1;
	return r;
}

static int
place(struct restock_stock *s, const char *id, enum restock_kind kind, double lat, double lon)
{
	int k = restock_location_add(s, id, kind);

	s->location[k].has_site = 1;
	s->location[k].lat = lat;
	s->location[k].lon = lon;
	return k;
}

static void
test_decrement_and_refill(void)
{
	struct restock_row r = { .qty = 3, .min = 2, .max = 5, .reorder_qty = RESTOCK_UNSET };

	CHECK(restock_decrement(&r, 2) == 0 && r.qty == 1, "2 of 3 used: 1 left");
	CHECK(restock_decrement(&r, 4) == 3 && r.qty == 0, "4 of 1 used: 3 short, qty 0");
	CHECK(restock_refill(&r, 0) == 5, "under min: fill to max");
	CHECK(restock_refill(&r, 2) == 0, "at min: nothing");
	r.max = RESTOCK_UNSET;
	r.reorder_qty = 6;
	CHECK(restock_refill(&r, 1) == 6, "no max: reorder_qty");
	r.reorder_qty = RESTOCK_UNSET;
	CHECK(restock_refill(&r, 1) == 1, "neither: back to min");
	r.min = RESTOCK_UNSET;
	CHECK(restock_refill(&r, 0) == 0, "no min: never reordered");
}

static void
test_decide(void)
{
	struct restock_stock s;
	struct restock_decision d;
	int north, south, sup;

	restock_stock_init(&s);
	place(&s, "T01", RESTOCK_TRUCK, 39.80, -104.95);	/* near W-NORTH */
	north = place(&s, "W-NORTH", RESTOCK_WAREHOUSE, 39.8083, -104.9339);
	south = place(&s, "W-SOUTH", RESTOCK_WAREHOUSE, 39.6478, -104.9878);
	sup = place(&s, "S-GRAINGER", RESTOCK_SUPPLIER, 39.74, -105.0);
	row(&s, "T01", "CAP", 1, 2, 5);		/* needs 4 */
	row(&s, "W-NORTH", "CAP", 3, 0, 10)->supplier = sup;	/* nearest, too few */
	row(&s, "W-SOUTH", "CAP", 9, 2, 10)->supplier = sup;	/* far, enough */
	row(&s, "T01", "GFCI", 0, 1, 2);	/* needs 2, nobody has them */
	row(&s, "W-NORTH", "GFCI", 0, 0, 4)->supplier = sup;
	row(&s, "W-SOUTH", "GFCI", 0, 0, 4);	/* no supplier */

	restock_decide(&s, NULL, &d);
	CHECK(d.npulls == 1 && d.pull[0].from == south && d.pull[0].qty == 4,
	    "the nearest warehouse that holds all of it: W-SOUTH, 4");
	CHECK(d.npo == 1 && d.po[0].location == north && d.po[0].qty == 6,
	    "GFCI back-ordered on W-NORTH, bought to its max plus the 2 owed");
	CHECK(d.nunsourced == 0, "every need has a source");
	restock_decision_free(&d);

	/* An open order already covering the warehouse: no second PO. */
	restock_order_add(&s, &(struct restock_order){ .id = strdup("PO-1"), .location = north,
	    .sku = restock_names_find(&s.sku_names, "GFCI", 4), .qty = 6, .from = -1,
	    .supplier = sup, .expected_day = -1, .unit_cost = RESTOCK_UNSET });
	restock_decide(&s, NULL, &d);
	CHECK(d.npo == 0, "quantity on order is not ordered again");
	restock_decision_free(&d);

	/* Tomorrow's plan needs 7 CAP on T01 (it has 1): one warehouse
	 * covers the 6, and that also tops the truck up past its max. */
	long long *need = calloc(s.nrows, sizeof *need);
	need[0] = 7;
	restock_decide(&s, need, &d);
	CHECK(d.npulls == 1 && d.pull[0].qty == 6 && d.pull[0].plan_qty == 6,
	    "plan shortfall 6 from W-SOUTH, no separate top-up");
	restock_decision_free(&d);

	/* 14 needed, 1 on the truck, 3 + 9 in the warehouses. */
	need[0] = 14;
	restock_decide(&s, need, &d);
	CHECK(d.npulls == 2 && d.pull[0].from == north && d.pull[0].qty == 3
	    && d.pull[1].from == south && d.pull[1].qty == 9,
	    "beyond any one warehouse: all of both");
	CHECK(d.plan_uncovered[0] == 1, "one CAP cannot be had for the plan");
	restock_decision_free(&d);
	free(need);
	restock_stock_free(&s);
}

int
main(void)
{
	test_applied();
	test_decrement_and_refill();
	test_decide();
	return UNIT_DONE();
}
