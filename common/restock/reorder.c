#include <stdlib.h>
#include <string.h>

#include "geo.h"
#include "reorder.h"
#include "sort.h"
#include "xalloc.h"

long long
restock_refill(const struct restock_row *r, long long position)
{
	long long target;

	if (r->min == RESTOCK_UNSET || position >= r->min)
		return 0;
	if (r->max != RESTOCK_UNSET)
		target = r->max;
	else if (r->reorder_qty != RESTOCK_UNSET)
		target = position + r->reorder_qty;
	else
		target = r->min;
	return target > position ? target - position : 0;
}

/* State while deciding. */
struct work {
	const struct restock_stock *s;
	struct restock_decision *d;
	long long *incoming, *outgoing;	/* by row */
	long long *taken;		/* by warehouse row: pulled this run */
	long long *backorder;		/* by warehouse row */
	int *warehouses;		/* every warehouse location, by id */
	size_t nwarehouses;
	int *nearest;			/* scratch: warehouses by distance */
	double *distance;		/* scratch, by location */
};

/* The comparators below get the stock (or, by_distance, the work) as ctx. */
static int
by_row_name(const void *a, const void *b, void *ctx)
{
	const struct restock_stock *sort_stock = ctx;
	const struct restock_row *x = &sort_stock->row[*(const size_t *)a];
	const struct restock_row *y = &sort_stock->row[*(const size_t *)b];
	int c = strcmp(restock_location_id(sort_stock, x->location),
	    restock_location_id(sort_stock, y->location));

	return c ? c : strcmp(restock_sku_name(sort_stock, x->sku),
	    restock_sku_name(sort_stock, y->sku));
}

static int
by_location_id(const struct restock_stock *sort_stock, const void *a, const void *b)
{
	return strcmp(restock_location_id(sort_stock, *(const int *)a),
	    restock_location_id(sort_stock, *(const int *)b));
}

/* Nearer first; places with no site last; ties by id. */
static int
by_distance(const void *a, const void *b, void *ctx)
{
	const struct work *w = ctx;
	int x = *(const int *)a, y = *(const int *)b;

	if (w->distance[x] != w->distance[y])
		return w->distance[x] < w->distance[y] ? -1 : 1;
	return by_location_id(w->s, a, b);
}

/* Fill w->nearest with the warehouses, nearest to location first. */
static void
order_warehouses(struct work *w, int location)
{
	const struct restock_location *from = &w->s->location[location];

	for (size_t i = 0; i < w->nwarehouses; i++) {
		int k = w->warehouses[i];
		const struct restock_location *to = &w->s->location[k];

		w->nearest[i] = k;
		w->distance[k] = from->has_site && to->has_site
		    ? fsd_haversine_km(from->lat, from->lon, to->lat, to->lon) : 1e300;
	}
	fsd_sort(w->nearest, w->nwarehouses, sizeof *w->nearest, by_distance, w);
}

static size_t
row_index(const struct restock_stock *s, const struct restock_row *r)
{
	return (size_t)(r - s->row);
}

static long long
available(const struct work *w, const struct restock_row *r)
{
	size_t i = row_index(w->s, r);
	long long a = r->qty - w->outgoing[i] - w->taken[i];

	return a > 0 ? a : 0;
}

static void
add_pull(struct work *w, int from, int to, int sku, long long qty, int for_plan)
{
	struct restock_decision *d = w->d;

	d->pull = xgrow(d->pull, &d->pull_cap, d->npulls + 1, sizeof *d->pull);
	d->pull[d->npulls++] = (struct restock_pull){ from, to, sku, qty, for_plan ? qty : 0 };
}

static void
add_po(struct work *w, const struct restock_row *r, long long qty)
{
	struct restock_decision *d = w->d;

	d->po = xgrow(d->po, &d->po_cap, d->npo + 1, sizeof *d->po);
	d->po[d->npo++] = (struct restock_po_line){ r->supplier, r->location, r->sku, qty, r };
}

static void
add_unsourced(struct work *w, int location, int sku, long long qty)
{
	struct restock_decision *d = w->d;

	d->unsourced = xgrow(d->unsourced, &d->unsourced_cap, d->nunsourced + 1,
	    sizeof *d->unsourced);
	d->unsourced[d->nunsourced++] = (struct restock_unsourced){ location, sku, qty };
}

/* Find qty of truck row t's SKU in the warehouses; returns what could not
 * be found. w->nearest is in order for t's truck. */
static long long
allocate(struct work *w, const struct restock_row *t, long long qty, int for_plan)
{
	const struct restock_row *whole = NULL;

	for (size_t i = 0; i < w->nwarehouses && whole == NULL; i++) {
		const struct restock_row *r = restock_row_find(w->s, w->nearest[i], t->sku);
		if (r != NULL && available(w, r) >= qty)
			whole = r;
	}
	if (whole != NULL) {
		w->taken[row_index(w->s, whole)] += qty;
		add_pull(w, whole->location, t->location, t->sku, qty, for_plan);
		return 0;
	}
	for (size_t i = 0; i < w->nwarehouses && qty > 0; i++) {
		const struct restock_row *r = restock_row_find(w->s, w->nearest[i], t->sku);
		long long part = r != NULL ? available(w, r) : 0;

		if (part > qty)
			part = qty;
		if (part > 0) {
			w->taken[row_index(w->s, r)] += part;
			add_pull(w, r->location, t->location, t->sku, part, for_plan);
			qty -= part;
		}
	}
	return qty;
}

/* What no warehouse could give goes on the nearest warehouse that stocks
 * the SKU, or is bought straight to the truck. */
static void
back_order(struct work *w, const struct restock_row *t, long long qty)
{
	for (size_t i = 0; i < w->nwarehouses; i++) {
		const struct restock_row *r = restock_row_find(w->s, w->nearest[i], t->sku);
		if (r != NULL) {
			w->backorder[row_index(w->s, r)] += qty;
			return;
		}
	}
	if (t->supplier >= 0)
		add_po(w, t, qty);
	else
		add_unsourced(w, t->location, t->sku, qty);
}

static void
serve_trucks(struct work *w, const size_t *order, const long long *plan_need, int for_plan)
{
	const struct restock_stock *s = w->s;
	int sorted_for = -1;

	for (size_t k = 0; k < s->nrows; k++) {
		size_t i = order[k];
		const struct restock_row *t = &s->row[i];
		long long position = t->qty + w->incoming[i];
		long long need = plan_need ? plan_need[i] : 0;
		long long shortfall = need > position ? need - position : 0;
		long long refill = restock_refill(t, position);
		long long qty = for_plan ? shortfall : (refill > shortfall ? refill - shortfall : 0);
		long long missing;

		if (s->location[t->location].kind != RESTOCK_TRUCK || qty <= 0)
			continue;
		if (sorted_for != t->location) {
			order_warehouses(w, t->location);
			sorted_for = t->location;
		}
		missing = allocate(w, t, qty, for_plan);
		if (missing > 0) {
			if (for_plan)
				w->d->plan_uncovered[i] += missing;
			back_order(w, t, missing);
		}
	}
}

static void
serve_warehouses(struct work *w, const size_t *order)
{
	const struct restock_stock *s = w->s;

	for (size_t k = 0; k < s->nrows; k++) {
		size_t i = order[k];
		const struct restock_row *r = &s->row[i];
		long long position = r->qty - w->outgoing[i] - w->taken[i]
		    + w->incoming[i] - w->backorder[i];
		long long qty = restock_refill(r, position);

		if (s->location[r->location].kind != RESTOCK_WAREHOUSE)
			continue;
		if (position < 0 && qty < -position)
			qty = -position;
		if (qty <= 0)
			continue;
		if (r->supplier >= 0)
			add_po(w, r, qty);
		else
			add_unsourced(w, r->location, r->sku, qty);
	}
}

static int
pull_cmp(const void *a, const void *b, void *ctx)
{
	const struct restock_stock *sort_stock = ctx;
	const struct restock_pull *x = a, *y = b;
	int c = strcmp(restock_location_id(sort_stock, x->to), restock_location_id(sort_stock, y->to));

	if (c == 0)
		c = strcmp(restock_location_id(sort_stock, x->from),
		    restock_location_id(sort_stock, y->from));
	return c ? c : strcmp(restock_sku_name(sort_stock, x->sku), restock_sku_name(sort_stock, y->sku));
}

static int
po_cmp(const void *a, const void *b, void *ctx)
{
	const struct restock_stock *sort_stock = ctx;
	const struct restock_po_line *x = a, *y = b;
	int c = strcmp(restock_location_id(sort_stock, x->supplier),
	    restock_location_id(sort_stock, y->supplier));

	if (c == 0)
		c = strcmp(restock_location_id(sort_stock, x->location),
		    restock_location_id(sort_stock, y->location));
	return c ? c : strcmp(restock_sku_name(sort_stock, x->sku), restock_sku_name(sort_stock, y->sku));
}

/* One line per (to, from, SKU): the plan pass and the refill pass may
 * both have pulled the same part. */
static void
merge_pulls(const struct restock_stock *s, struct restock_decision *d)
{
	size_t kept = 0;

	for (size_t i = 0; i < d->npulls; i++) {
		struct restock_pull *p = &d->pull[i];
		if (kept > 0 && pull_cmp(&d->pull[kept - 1], p, (void *)s) == 0) {
			d->pull[kept - 1].qty += p->qty;
			d->pull[kept - 1].plan_qty += p->plan_qty;
		} else
			d->pull[kept++] = *p;
	}
	d->npulls = kept;
}

static void
count_open_orders(struct work *w)
{
	const struct restock_stock *s = w->s;

	for (size_t i = 0; i < s->norders; i++) {
		const struct restock_order *o = &s->order[i];
		const struct restock_row *to = restock_row_find(s, o->location, o->sku);

		if (to != NULL)
			w->incoming[row_index(s, to)] += o->qty;
		if (o->from >= 0) {
			const struct restock_row *from = restock_row_find(s, o->from, o->sku);
			if (from != NULL)
				w->outgoing[row_index(s, from)] += o->qty;
		}
	}
}

void
restock_decide(const struct restock_stock *s, const long long *plan_need,
    struct restock_decision *d)
{
	size_t n = s->nrows, nloc = s->location_names.count;
	size_t *order = xcalloc(n + 1, sizeof *order);
	struct work w = {
		.s = s, .d = d,
		.incoming = xcalloc(n + 1, sizeof (long long)),
		.outgoing = xcalloc(n + 1, sizeof (long long)),
		.taken = xcalloc(n + 1, sizeof (long long)),
		.backorder = xcalloc(n + 1, sizeof (long long)),
		.warehouses = xcalloc(nloc + 1, sizeof (int)),
		.nearest = xcalloc(nloc + 1, sizeof (int)),
		.distance = xcalloc(nloc + 1, sizeof (double)),
	};

	memset(d, 0, sizeof *d);
	d->plan_uncovered = xcalloc(n + 1, sizeof *d->plan_uncovered);
	for (size_t i = 0; i < nloc; i++)
		if (s->location[i].kind == RESTOCK_WAREHOUSE)
			w.warehouses[w.nwarehouses++] = (int)i;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	fsd_sort(order, n, sizeof *order, by_row_name, (void *)s);
	count_open_orders(&w);

	serve_trucks(&w, order, plan_need, 1);
	serve_trucks(&w, order, plan_need, 0);
	serve_warehouses(&w, order);

	fsd_sort(d->pull, d->npulls, sizeof *d->pull, pull_cmp, (void *)s);
	merge_pulls(s, d);
	fsd_sort(d->po, d->npo, sizeof *d->po, po_cmp, (void *)s);

	free(order);
	free(w.incoming);
	free(w.outgoing);
	free(w.taken);
	free(w.backorder);
	free(w.warehouses);
	free(w.nearest);
	free(w.distance);
}

void
restock_decision_free(struct restock_decision *d)
{
	free(d->pull);
	free(d->po);
	free(d->unsourced);
	free(d->plan_uncovered);
	memset(d, 0, sizeof *d);
}
