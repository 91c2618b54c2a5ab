/* The invoice ledger: every invoice issued, one record a line (the same
 * record that went to standard output). A run holds the ledger's lock
 * from reading it to its last append, so a second run waits and then
 * sees every invoice the first one issued: nothing is billed twice. */
#ifndef INV_LEDGER_H
#define INV_LEDGER_H

#include <stddef.h>

struct inv_ledger {
	const char *path;
	int lock_fd;
	char **slots;		/* open-addressing set of invoice numbers */
	size_t nslots, count;
};

/* Lock path (waiting for a run that holds it) and read the invoice
 * numbers in it. A missing file is an empty ledger. */
void inv_ledger_open(struct inv_ledger *l, const char *path);
int inv_ledger_has(const struct inv_ledger *l, const char *number);
void inv_ledger_add(struct inv_ledger *l, const char *number);
/* Append and fsync: the lines are on disk when this returns. */
void inv_ledger_append(struct inv_ledger *l, const char *data, size_t len);
/* Release the lock and free the set. */
void inv_ledger_close(struct inv_ledger *l);

/* The set alone, for a run without a ledger file. */
void inv_ledger_init_set(struct inv_ledger *l);

#endif
