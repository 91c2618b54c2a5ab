/* The stock file: NDJSON holding the whole stock state, one record a line.
 * What a record is follows from its `kind`:
 *   truck, warehouse, supplier  a location: id, site {lat,lon,address}
 *                               (a truck may give home instead of site)
 *   (none) or stock             a stock row: location, sku, qty, min, max,
 *                               reorder_qty, unit_cost, currency,
 *                               supplier, lead_days
 *   open_order                  a line not yet received: order, location,
 *                               sku, qty, supplier (a purchase order) or
 *                               from (a pull), expected, unit_cost, currency
 *   sequence                    next_order: the number of the next order id
 *   applied                     usage ids applied: prefix, digits, ranges
 *                               [[first,last],...], or ids [...]
 * Members a tool does not know are kept and written back. */
#ifndef FSD_RESTOCK_RECORDS_STOCK_H
#define FSD_RESTOCK_RECORDS_STOCK_H

#include <stdio.h>

#include "stock.h"

/* Read path into s, reporting every bad line (file:line: what); returns
 * the number of problems. */
long restock_stock_load(struct restock_stock *s, const char *path);

/* Write s in stock-file form: locations, rows, open orders, the order
 * sequence, the applied ids. */
void restock_stock_write(const struct restock_stock *s, FILE *f);

/* A JSON string literal for text. */
void restock_put_json_string(FILE *f, const char *text);

#endif
