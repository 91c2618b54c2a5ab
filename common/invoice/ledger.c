/* The ledger's plain side: the maps of numbers and jobs billed, the
 * lock, and appending. Reading the ledger's records is records_ledger.c's. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
slot_of(char **keys, size_t nslots, const char *key)
{
	size_t i = hash(key) & (nslots - 1);

	while (keys[i] != NULL && strcmp(keys[i], key) != 0)
		i = (i + 1) & (nslots - 1);
	return i;
}

static void
map_init(struct inv_ledger_map *m)
{
	m->nslots = 1024;
	m->count = 0;
	m->keys = xcalloc(m->nslots, sizeof *m->keys);
	m->values = xcalloc(m->nslots, sizeof *m->values);
}

static const char *
map_get(const struct inv_ledger_map *m, const char *key)
{
	return m->values[slot_of(m->keys, m->nslots, key)];
}

static void
map_put(struct inv_ledger_map *m, const char *key, const char *value)
{
	size_t i;

	/* Kept at most half full so probes stay short. */
	if (2 * (m->count + 1) > m->nslots) {
		size_t n = m->nslots * 2;
		char **keys = xcalloc(n, sizeof *keys), **values = xcalloc(n, sizeof *values);

		for (size_t k = 0; k < m->nslots; k++)
			if (m->keys[k] != NULL) {
				size_t at = slot_of(keys, n, m->keys[k]);
				keys[at] = m->keys[k];
				values[at] = m->values[k];
			}
		free(m->keys);
		free(m->values);
		m->keys = keys;
		m->values = values;
		m->nslots = n;
	}
	i = slot_of(m->keys, m->nslots, key);
	if (m->keys[i] != NULL)
		return;	/* the first invoice a job was billed on is the one named */
	m->keys[i] = xstrdup(key);
	m->values[i] = strcmp(key, value) == 0 ? m->keys[i] : xstrdup(value);
	m->count++;
}

static void
map_free(struct inv_ledger_map *m)
{
	for (size_t i = 0; i < m->nslots; i++) {
		if (m->values[i] != m->keys[i])
			free(m->values[i]);
		free(m->keys[i]);
	}
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof *m);
}

void
inv_ledger_init_set(struct inv_ledger *l)
{
	memset(l, 0, sizeof *l);
	l->lock_fd = -1;
	map_init(&l->numbers);
	map_init(&l->jobs);
}

const char *
inv_ledger_billed(const struct inv_ledger *l, const char *job_number)
{
	return map_get(&l->jobs, job_number);
}

int
inv_ledger_has_number(const struct inv_ledger *l, const char *number)
{
	return map_get(&l->numbers, number) != NULL;
}

void
inv_ledger_add_number(struct inv_ledger *l, const char *number)
{
	map_put(&l->numbers, number, number);
}

void
inv_ledger_add_job(struct inv_ledger *l, const char *job_number, const char *number)
{
	map_put(&l->jobs, job_number, number);
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
	map_free(&l->numbers);
	map_free(&l->jobs);
	fsd_unlock(l->lock_fd);
	memset(l, 0, sizeof *l);
	l->lock_fd = -1;
}
