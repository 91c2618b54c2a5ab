/* Reading usage lines fast. A day of usage is a million small, flat
 * records ({"id":"U1","tech":"T01","sku":"CAP-35-5","qty":1,...}); a
 * general JSON parser spends more time building objects than the whole
 * restock takes. So each line is read by the shared scanner
 * (common/jsonscan.h) over its own text, in any spacing, and jansson
 * builds a record only for a line that comes out again (a rejected
 * event). The lines come from the shared scanned-record loop,
 * fsd_scan_records, so BOM, CR, blank lines, positions, --strict and
 * --rejects behave as in every tool. */
#ifndef FSD_RESTOCK_RECORDS_LINE_H
#define FSD_RESTOCK_RECORDS_LINE_H

#include <stddef.h>
#include <jansson.h>

#include "err.h"
#include "jsonscan.h"

struct restock_line {
	const struct fsd_scan *doc;	/* the line, scanned */
	struct fsd_pos pos;
	json_t *record;			/* built on demand; the loop frees it */
};

/* Called per line; return non-zero when the record was bad (the status
 * becomes 1 and --strict stops). */
typedef int (*restock_line_fn)(struct restock_line *l, void *ctx);

long restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx);

/* The line as a record, built now the first time. Borrowed. */
json_t *restock_line_record(struct restock_line *l);

/* Top-level fields with common/field.h's results and messages, said at
 * the line's position. A string is NUL-terminated; *len is its length. */
int restock_line_string(struct restock_line *l, const char *key, const char **out,
    size_t *len);
int restock_line_int(struct restock_line *l, const char *key, long long *out);

#endif
