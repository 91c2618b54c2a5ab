#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "xalloc.h"

/* FNV-1a: short keys, no adversary (the stock file is ours). */
uint64_t
restock_hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 14695981039346656037ULL;

	while (len-- > 0)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

int
restock_names_find(const struct restock_names *t, const char *name, size_t len)
{
	size_t mask, i;

	if (t->nslots == 0)
		return -1;
	mask = t->nslots - 1;
	for (i = restock_hash(name, len) & mask; t->slot[i] != 0; i = (i + 1) & mask) {
		int32_t k = t->slot[i] - 1;
		if (t->len[k] == len && memcmp(t->name[k], name, len) == 0)
			return k;
	}
	return -1;
}

static void
place(struct restock_names *t, int32_t k)
{
	size_t mask = t->nslots - 1;
	size_t i = restock_hash(t->name[k], t->len[k]) & mask;

	while (t->slot[i] != 0)
		i = (i + 1) & mask;
	t->slot[i] = k + 1;
}

/* Keep the table at most half full so probes stay short. */
static void
grow(struct restock_names *t)
{
	free(t->slot);
	t->nslots = t->nslots ? t->nslots * 2 : 64;
	t->slot = xcalloc(t->nslots, sizeof *t->slot);
	for (size_t k = 0; k < t->count; k++)
		place(t, (int32_t)k);
}

int
restock_names_add(struct restock_names *t, const char *name, size_t len)
{
	int k = restock_names_find(t, name, len);
	size_t cap2;

	if (k >= 0)
		return k;
	if (2 * (t->count + 1) > t->nslots)
		grow(t);
	cap2 = t->cap;
	t->name = xgrow(t->name, &t->cap, t->count + 1, sizeof *t->name);
	t->len = xgrow(t->len, &cap2, t->count + 1, sizeof *t->len);
	t->name[t->count] = xmalloc(len + 1);
	memcpy(t->name[t->count], name, len);
	t->name[t->count][len] = '\0';
	t->len[t->count] = len;
	place(t, (int32_t)t->count);
	return (int)t->count++;
}

void
restock_names_free(struct restock_names *t)
{
	for (size_t k = 0; k < t->count; k++)
		free(t->name[k]);
	free(t->name);
	free(t->len);
	free(t->slot);
	memset(t, 0, sizeof *t);
}
