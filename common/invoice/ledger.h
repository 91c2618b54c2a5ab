/* The invoice ledger: every invoice issued, one record a line (the same
 * record that went to standard output). A run holds the ledger's lock
 * from reading it to its last append, so a second run waits and then
 * sees every invoice the first one issued: nothing is billed twice.
 *
 * Two things are looked up in it: invoice numbers (a new invoice never
 * takes one already issued) and jobs billed, each by the number its own
 * invoice has or would have (prefix + job id, "-D" for a deposit), so a
 * job billed alone or on a grouped invoice (whose "jobs" lists it) is
 * never billed again, alone or in a group. */
#ifndef FSD_INVOICE_LEDGER_H
#define FSD_INVOICE_LEDGER_H

#include <stddef.h>

struct inv_ratecard;

/* Open-addressing map from a key to the invoice number it was billed on. */
struct inv_ledger_map {
	char **keys, **values;	/* a value may be its own key */
	size_t nslots, count;
};

struct inv_ledger {
	const char *path;
	int lock_fd;
	const struct inv_ratecard *card;
	struct inv_ledger_map numbers;	/* invoice numbers issued */
	struct inv_ledger_map jobs;	/* a job's own number -> the invoice it is on */
};

/* The invoice a job (by its own number) was billed on, or NULL. */
const char *inv_ledger_billed(const struct inv_ledger *l, const char *job_number);
int inv_ledger_has_number(const struct inv_ledger *l, const char *number);
/* Record an invoice issued, and a job it covers. */
void inv_ledger_add_number(struct inv_ledger *l, const char *number);
void inv_ledger_add_job(struct inv_ledger *l, const char *job_number, const char *number);
/* Append and fsync: the lines are on disk when this returns. */
void inv_ledger_append(struct inv_ledger *l, const char *data, size_t len);
/* Release the lock and free the maps. */
void inv_ledger_close(struct inv_ledger *l);

/* The maps alone: for a run without a ledger file, and for
 * inv_ledger_open (records_ledger.h) to fill. */
void inv_ledger_init_set(struct inv_ledger *l);

#endif
