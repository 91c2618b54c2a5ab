#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "output.h"
#include "record.h"
#include "invoice/ledger.h"
#include "invoice/records_emit.h"

/* Big enough that a write or an fsync is rare, small enough that the
 * memory stays flat however many jobs come in. */
#define BATCH_RECORDS 512
#define BATCH_BYTES (1 << 20)

/* The batch is in the ledger but may not have reached anyone: a rerun
 * would skip its invoices, so they are named, with the way to print
 * them again. */
static _Noreturn void
undelivered(const struct inv_run *r)
{
	int saved = errno;

	fsd_die(FSD_EXIT_DATA, "write error: %s; in the ledger %s but perhaps not delivered: "
	    "%.*s (print them again with fsd-invoice --ledger %s --reissue %.*s)",
	    strerror(saved), r->ledger.path, (int)r->batch_numbers.len, r->batch_numbers.data,
	    r->ledger.path, (int)r->batch_numbers.len, r->batch_numbers.data);
}

void
inv_emit_flush(struct inv_run *r)
{
	if (r->has_ledger)
		inv_ledger_append(&r->ledger, r->ledger_out.data, r->ledger_out.len);
	/* With a ledger each batch is pushed out at once, so a write error
	 * is known to be this batch's. */
	if (r->out.len > 0 && (fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len
	    || (r->has_ledger && fflush(stdout) != 0))) {
		if (r->has_ledger && r->batch_numbers.len > 0)
			undelivered(r);
		fsd_output_close();	/* reports the write error and exits */
	}
	r->out.len = r->ledger_out.len = r->batch_numbers.len = 0;
	r->pending = 0;
}

/* A member this tool writes, so an old one is not kept beside it. */
static int
is_ours(const char *key, size_t len)
{
	switch (len) {
	case 7: return memcmp(key, "invoice", 7) == 0;
	case 8: return memcmp(key, "approval", 8) == 0;
	case 9: return memcmp(key, "exception", 9) == 0;
	case 11: return memcmp(key, "invoiced_in", 11) == 0;
	default: return 0;
	}
}

/* The members are copied as they were written, which the scanner made
 * sure is how fsd_emit would write them. */
size_t
inv_emit_open(struct fsd_buf *b, const struct fsd_scan *d)
{
	size_t copied = 0;

	fsd_buf_char(b, '{');
	for (int k = d->nodes[0].child; k >= 0; k = d->nodes[k].next) {
		const struct fsd_scan_node *m = &d->nodes[k];

		if (is_ours(m->key, m->key_len))
			continue;
		if (copied++ > 0)
			fsd_buf_char(b, ',');
		fsd_buf_put(b, m->key_raw, m->key_raw_len);
		fsd_buf_char(b, ':');
		fsd_buf_put(b, m->raw, m->raw_len);
	}
	return copied;
}

void
inv_emit_close(struct inv_run *r)
{
	fsd_buf_puts(&r->out, "}\n");
	/* --strict may end the run at the next line, inside the record loop,
	 * where a batch could not be flushed any more: no batching then. */
	if (++r->pending >= BATCH_RECORDS || r->out.len >= BATCH_BYTES || fsd_record_strict)
		inv_emit_flush(r);
}

static void
put_exception(struct fsd_buf *b, const char *code, const char *message)
{
	int first = 1;

	fsd_buf_puts(b, "\"exception\":{");
	fsd_buf_key(b, "code", &first);
	fsd_buf_string(b, code);
	fsd_buf_key(b, "message", &first);
	fsd_buf_string(b, message);
	fsd_buf_char(b, '}');
}

void
inv_emit_exception(struct fsd_buf *b, const char *code, const char *message)
{
	fsd_buf_char(b, ',');
	put_exception(b, code, message);
}

/* A record with nothing of its own ("{}") gets the exception alone, not
 * an "id" it never had. */
void
inv_emit_with_exception(struct inv_run *r, const struct fsd_scan *d, const char *code,
    const char *message)
{
	if (inv_emit_open(&r->out, d) > 0)
		fsd_buf_char(&r->out, ',');
	put_exception(&r->out, code, message);
	inv_emit_close(r);
}

/* The ledger's batch reaches the disk before the output's does. */
void
inv_emit_to_ledger(struct inv_run *r, size_t start, const char *number)
{
	if (!r->has_ledger)
		return;
	fsd_buf_put(&r->ledger_out, r->out.data + start, r->out.len - start);
	fsd_buf_puts(&r->ledger_out, "}\n");
	if (r->batch_numbers.len > 0)
		fsd_buf_char(&r->batch_numbers, ' ');
	fsd_buf_puts(&r->batch_numbers, number);
}
