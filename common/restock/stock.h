/* The stock model: locations (trucks, warehouses, supply houses), one row
 * per location and SKU, the open orders (purchase orders and warehouse
 * pulls not yet received) and the usage ids already applied. Plain C over
 * structs; records_stock.c turns the stock file into this and back. */
#ifndef FSD_RESTOCK_STOCK_H
#define FSD_RESTOCK_STOCK_H

#include <stddef.h>
#include <stdint.h>

#include "applied.h"
#include "names.h"

enum restock_kind { RESTOCK_TRUCK, RESTOCK_WAREHOUSE, RESTOCK_SUPPLIER };

#define RESTOCK_UNSET (-1LL)	/* a setting the row does not have */

struct restock_location {
	enum restock_kind kind;
	int declared;		/* has its own record; else only named so far */
	int has_site;
	double lat, lon;
	char *record;		/* the location record as written, for output */
};

struct restock_row {
	int location, sku;	/* indexes into the stock's names */
	long long qty;
	long long min, max, reorder_qty;	/* or RESTOCK_UNSET */
	long long unit_cost;	/* minor units of currency, or RESTOCK_UNSET */
	char currency[4];	/* ISO 4217; "" when not given */
	int supplier;		/* a supplier location, or -1 */
	long long lead_days;	/* or RESTOCK_UNSET */
	long line;		/* in the stock file; 0 for a row made by this run */
	char *extra;		/* other members, as JSON text without braces, or NULL */
};

/* An order line not yet received: a purchase order from a supplier, or a
 * pull from a warehouse (from >= 0) to a truck. */
struct restock_order {
	char *id;
	int location, sku;	/* delivered to */
	long long qty;
	int from;		/* the warehouse a pull comes from, or -1 */
	int supplier;		/* the supplier of a purchase order, or -1 */
	int64_t expected_day;	/* days since 1970-01-01, or -1 */
	long long unit_cost;	/* or RESTOCK_UNSET */
	char currency[4];
	long line;		/* in the stock file; 0 for an order made by this run */
	char *extra;		/* as for rows */
};

struct restock_stock {
	struct restock_names location_names, sku_names;
	struct restock_location *location;	/* by location index */
	size_t location_cap;
	struct restock_row *row;
	size_t nrows, row_cap;
	uint32_t *row_slot;	/* (location, sku) -> row index + 1 */
	size_t nrow_slots;
	struct restock_order *order;
	size_t norders, order_cap;
	struct restock_applied applied;
	long long next_order;	/* the number the next order id gets */
};

void restock_stock_init(struct restock_stock *s);
void restock_stock_free(struct restock_stock *s);

/* Declare a location; returns its index, or -1 when it was declared
 * already. */
int restock_location_add(struct restock_stock *s, const char *id, enum restock_kind kind);
/* The index of a location named before its record is read (rows may come
 * first); restock_location_add declares it later. */
int restock_location_ref(struct restock_stock *s, const char *id, size_t len);
int restock_location_find(const struct restock_stock *s, const char *id, size_t len);
const char *restock_location_id(const struct restock_stock *s, int location);
const char *restock_sku_name(const struct restock_stock *s, int sku);

/* The row for (location, sku), or NULL. */
struct restock_row *restock_row_find(const struct restock_stock *s, int location, int sku);
/* Add a row with qty 0 and no settings; NULL when it exists already. */
struct restock_row *restock_row_add(struct restock_stock *s, int location, int sku);
/* A row with nothing in it that the stock file never had: not written back. */
int restock_row_is_empty_new(const struct restock_row *r);

/* Take qty out of a row. Returns what was short: 0 normally; when more
 * was used than recorded, qty goes to zero (never negative) and the
 * shortfall is returned for a count_discrepancy. */
long long restock_decrement(struct restock_row *r, long long used);

/* Add an open order line; the stock takes over id's copy. */
struct restock_order *restock_order_add(struct restock_stock *s, const struct restock_order *o);

/* Receive qty (RESTOCK_UNSET: all) of the lines of order id (sku < 0: every
 * line): the destination's qty goes up, a pull's warehouse goes down.
 * Returns the number of lines it touched (0: no such open order) or -1,
 * changing nothing, when qty is more than a line has open. A warehouse
 * that had less than a pull took is taken to zero and reported through
 * on_short (when not NULL), as a count discrepancy. */
typedef void restock_short_fn(int location, int sku, long long recorded,
    long long used, void *ctx);
int restock_receive(struct restock_stock *s, const char *id, int sku, long long qty,
    restock_short_fn *on_short, void *ctx);

#endif
