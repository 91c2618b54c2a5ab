/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The ledger read: each invoice record's number and the jobs it bills,
 * into the maps of ledger.h. */
#include <stdlib.h>
#include <unistd.h>

#include "err.h"
#include "field.h"
#include "record.h"
#include "statefile.h"
#include "invoice/calc.h"
#include "invoice/records_ledger.h"

/* A grouped invoice lists its jobs; any other is one job's own. */
static int
remember(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct inv_ledger *l = ctx;
	const char *number = NULL;
	json_t *jobs = NULL, *id;
	size_t i;

	if (fsd_field_string(record, "invoice.number", &number, pos) == FSD_FIELD_BAD
	    || fsd_field_strings(record, "invoice.jobs", &jobs, pos) == FSD_FIELD_BAD)
		return 1;
	if (number == NULL) {
		fsd_warn_at(pos, "a ledger line without \"invoice.number\"");
		return 1;
	}
	inv_ledger_add_number(l, number);
	if (jobs == NULL) {
		inv_ledger_add_job(l, number, number);
		return 0;
	}
	json_array_foreach(jobs, i, id) {
		char *job_number = inv_number(l->card, json_string_value(id), INV_STAGE_FINAL);

		inv_ledger_add_job(l, job_number, number);
		free(job_number);
	}
	return 0;
}

void
inv_ledger_open(struct inv_ledger *l, const char *path, const struct inv_ratecard *card)
{
	inv_ledger_init_set(l);
	l->path = path;
	l->card = card;
	l->lock_fd = fsd_lock(path);
	/* A torn last line is no invoice anyone saw: the ledger is written
	 * before standard output, and only whole batches stay in it. */
	fsd_append_repair(path);
	if (access(path, F_OK) == 0)
		fsd_read_record_file(path, remember, l);
}
