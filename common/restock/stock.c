#include <stdlib.h>
#include <string.h>

#include "stock.h"
#include "xalloc.h"

void
restock_stock_init(struct restock_stock *s)
{
	memset(s, 0, sizeof *s);
	restock_applied_init(&s->applied);
	s->next_order = 1;
}

void
restock_stock_free(struct restock_stock *s)
{
	for (size_t i = 0; i < s->location_names.count; i++)
		free(s->location[i].record);
	for (size_t i = 0; i < s->nrows; i++)
		free(s->row[i].extra);
	for (size_t i = 0; i < s->norders; i++) {
		free(s->order[i].id);
		free(s->order[i].extra);
	}
	free(s->location);
	free(s->row);
	free(s->row_slot);
	free(s->order);
	restock_names_free(&s->location_names);
	restock_names_free(&s->sku_names);
	restock_applied_free(&s->applied);
	restock_stock_init(s);
}

int
restock_location_ref(struct restock_stock *s, const char *id, size_t len)
{
	size_t before = s->location_names.count;
	int k = restock_names_add(&s->location_names, id, len);

	if (s->location_names.count > before) {
		s->location = xgrow(s->location, &s->location_cap, (size_t)k + 1,
		    sizeof *s->location);
		s->location[k] = (struct restock_location){ .kind = RESTOCK_TRUCK };
	}
	return k;
}

int
restock_location_add(struct restock_stock *s, const char *id, enum restock_kind kind)
{
	int k = restock_location_ref(s, id, strlen(id));

	if (s->location[k].declared)
		return -1;
	s->location[k].declared = 1;
	s->location[k].kind = kind;
	return k;
}

int
restock_location_find(const struct restock_stock *s, const char *id, size_t len)
{
	return restock_names_find(&s->location_names, id, len);
}

const char *
restock_location_id(const struct restock_stock *s, int location)
{
	return s->location_names.name[location];
}

const char *
restock_sku_name(const struct restock_stock *s, int sku)
{
	return s->sku_names.name[sku];
}

static size_t
row_hash(int location, int sku, size_t mask)
{
	uint64_t key = (uint64_t)(uint32_t)location << 32 | (uint32_t)sku;

	/* splitmix64's finaliser: every key bit moves the low bits we keep. */
	key ^= key >> 30;
	key *= 0xBF58476D1CE4E5B9ULL;
	key ^= key >> 27;
	key *= 0x94D049BB133111EBULL;
	key ^= key >> 31;
	return (size_t)key & mask;
}

static uint32_t *
row_probe(const struct restock_stock *s, int location, int sku)
{
	size_t mask = s->nrow_slots - 1;
	size_t i = row_hash(location, sku, mask);

	for (; s->row_slot[i] != 0; i = (i + 1) & mask) {
		const struct restock_row *r = &s->row[s->row_slot[i] - 1];
		if (r->location == location && r->sku == sku)
			break;
	}
	return &s->row_slot[i];
}

struct restock_row *
restock_row_find(const struct restock_stock *s, int location, int sku)
{
	uint32_t *slot;

	if (s->nrow_slots == 0)
		return NULL;
	slot = row_probe(s, location, sku);
	return *slot ? &s->row[*slot - 1] : NULL;
}

static void
rehash_rows(struct restock_stock *s)
{
	free(s->row_slot);
	s->nrow_slots = s->nrow_slots ? s->nrow_slots * 2 : 1024;
	s->row_slot = xcalloc(s->nrow_slots, sizeof *s->row_slot);
	for (size_t i = 0; i < s->nrows; i++)
		*row_probe(s, s->row[i].location, s->row[i].sku) = (uint32_t)i + 1;
}

struct restock_row *
restock_row_add(struct restock_stock *s, int location, int sku)
{
	struct restock_row *r;

	if (restock_row_find(s, location, sku) != NULL)
		return NULL;
	if (2 * (s->nrows + 1) > s->nrow_slots)
		rehash_rows(s);
	s->row = xgrow(s->row, &s->row_cap, s->nrows + 1, sizeof *s->row);
	r = &s->row[s->nrows];
	*r = (struct restock_row){
		.location = location, .sku = sku, .min = RESTOCK_UNSET,
		.max = RESTOCK_UNSET, .reorder_qty = RESTOCK_UNSET,
		.unit_cost = RESTOCK_UNSET, .supplier = -1, .lead_days = RESTOCK_UNSET
	};
	*row_probe(s, location, sku) = (uint32_t)++s->nrows;
	return r;
}

int
restock_row_is_empty_new(const struct restock_row *r)
{
	return r->line == 0 && r->qty == 0 && r->min == RESTOCK_UNSET
	    && r->max == RESTOCK_UNSET && r->reorder_qty == RESTOCK_UNSET
	    && r->unit_cost == RESTOCK_UNSET && r->supplier < 0
	    && r->lead_days == RESTOCK_UNSET && r->extra == NULL;
}

long long
restock_decrement(struct restock_row *r, long long used)
{
	long long short_qty = used > r->qty ? used - r->qty : 0;

	r->qty -= used - short_qty;
	return short_qty;
}

struct restock_order *
restock_order_add(struct restock_stock *s, const struct restock_order *o)
{
	s->order = xgrow(s->order, &s->order_cap, s->norders + 1, sizeof *s->order);
	s->order[s->norders] = *o;
	return &s->order[s->norders++];
}

/* The row goods are received into, made when the location never held it. */
static struct restock_row *
row_for(struct restock_stock *s, int location, int sku)
{
	struct restock_row *r = restock_row_find(s, location, sku);

	return r != NULL ? r : restock_row_add(s, location, sku);
}

int
restock_receive(struct restock_stock *s, const char *id, int sku, long long qty,
    restock_short_fn *on_short, void *ctx)
{
	int touched = 0;
	size_t kept = 0;
	/* Check first, so a bad quantity changes nothing. */
	for (size_t i = 0; i < s->norders; i++) {
		const struct restock_order *o = &s->order[i];
		if (strcmp(o->id, id) == 0 && (sku < 0 || o->sku == sku)
		    && qty != RESTOCK_UNSET && qty > o->qty)
			return -1;
	}
	for (size_t i = 0; i < s->norders; i++) {
		struct restock_order *o = &s->order[i];

		if (strcmp(o->id, id) == 0 && (sku < 0 || o->sku == sku)) {
			long long got = qty == RESTOCK_UNSET ? o->qty : qty;

			touched++;
			row_for(s, o->location, o->sku)->qty += got;
			if (o->from >= 0) {
				struct restock_row *w = row_for(s, o->from, o->sku);
				long long recorded = w->qty;

				if (restock_decrement(w, got) > 0 && on_short != NULL)
					on_short(o->from, o->sku, recorded, got, ctx);
			}
			o->qty -= got;
		}
		if (o->qty > 0) {
			s->order[kept++] = *o;
		} else {
			free(o->id);
			free(o->extra);
		}
	}
	s->norders = kept;
	return touched;
}
