/* Interned names (location ids, SKUs, series prefixes): each distinct
 * string gets a small index once, so the stock is keyed by integers and
 * a usage event costs one hash probe per name. */
#ifndef FSD_RESTOCK_NAMES_H
#define FSD_RESTOCK_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct restock_names {
	char **name;		/* index -> NUL-terminated copy */
	size_t *len;
	size_t count, cap;
	int32_t *slot;		/* open addressing: index + 1, 0 = empty */
	size_t nslots;		/* a power of two */
};

uint64_t restock_hash(const void *data, size_t len);

/* The index of name[0..len), or -1 when it was never added. */
int restock_names_find(const struct restock_names *t, const char *name, size_t len);
/* The index of name[0..len), adding it when new. */
int restock_names_add(struct restock_names *t, const char *name, size_t len);
void restock_names_free(struct restock_names *t);

#endif
