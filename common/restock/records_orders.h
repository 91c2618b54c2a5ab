/* Decisions into records: one `pull` record per truck and warehouse, one
 * `purchase_order` record per supplier (and currency), each line also
 * kept in the stock as an open order so a later run does not ask again. */
#ifndef FSD_RESTOCK_RECORDS_ORDERS_H
#define FSD_RESTOCK_RECORDS_ORDERS_H

#include <stdint.h>
#include <jansson.h>

#include "plan.h"
#include "reorder.h"
#include "stock.h"

/* Records for d's pulls and purchase orders, in order, dated today (days
 * since 1970-01-01); their lines are added to s as open orders. The
 * plan (may be NULL) names the jobs a pull is for. Returns an array the
 * caller emits and releases. */
json_t *restock_order_records(struct restock_stock *s, const struct restock_decision *d,
    const struct restock_plan *plan, int64_t today);

#endif
