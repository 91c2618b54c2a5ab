#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "field.h"
#include "record.h"
#include "statefile.h"
#include "xalloc.h"
#include "invoice/ledger.h"

/* FNV-1a: short keys, no adversary (the ledger is our own file). */
static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static size_t
slot_of(char **slots, size_t nslots, const char *key)
{
	size_t i = hash(key) & (nslots - 1);

	while (slots[i] != NULL && strcmp(slots[i], key) != 0)
		i = (i + 1) & (nslots - 1);
	return i;
}

void
inv_ledger_init_set(struct inv_ledger *l)
{
	memset(l, 0, sizeof *l);
	l->lock_fd = -1;
	l->nslots = 1024;
	l->slots = xcalloc(l->nslots, sizeof *l->slots);
}

int
inv_ledger_has(const struct inv_ledger *l, const char *number)
{
	return l->slots[slot_of(l->slots, l->nslots, number)] != NULL;
}

void
inv_ledger_add(struct inv_ledger *l, const char *number)
{
	size_t i;

	/* Kept at most half full so probes stay short. */
	if (2 * (l->count + 1) > l->nslots) {
		size_t n = l->nslots * 2;
		char **bigger = xcalloc(n, sizeof *bigger);

		for (size_t k = 0; k < l->nslots; k++)
			if (l->slots[k] != NULL)
				bigger[slot_of(bigger, n, l->slots[k])] = l->slots[k];
		free(l->slots);
		l->slots = bigger;
		l->nslots = n;
	}
	i = slot_of(l->slots, l->nslots, number);
	if (l->slots[i] == NULL) {
		l->slots[i] = xstrdup(number);
		l->count++;
	}
}

static int
remember(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	const char *number = NULL;

	if (fsd_field_string(record, "invoice.number", &number, pos) == FSD_FIELD_BAD)
		return 1;
	if (number == NULL) {
		fsd_warn_at(pos, "a ledger line without \"invoice.number\"");
		return 1;
	}
	inv_ledger_add(ctx, number);
	return 0;
}

void
inv_ledger_open(struct inv_ledger *l, const char *path)
{
	inv_ledger_init_set(l);
	l->path = path;
	l->lock_fd = fsd_lock(path);
	if (access(path, F_OK) == 0)
		fsd_read_record_file(path, remember, l);
}

void
inv_ledger_append(struct inv_ledger *l, const char *data, size_t len)
{
	if (len > 0)
		fsd_append_durable(l->path, data, len);
}

void
inv_ledger_close(struct inv_ledger *l)
{
	for (size_t i = 0; i < l->nslots; i++)
		free(l->slots[i]);
	free(l->slots);
	fsd_unlock(l->lock_fd);
	memset(l, 0, sizeof *l);
	l->lock_fd = -1;
}
