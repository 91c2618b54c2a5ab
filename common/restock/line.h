/* Reading usage lines fast. A day of usage is a million small, flat
 * records ({"id":"U1","tech":"T01","sku":"CAP-35-5","qty":1,...}); a
 * general JSON parser spends more time building objects than the whole
 * restock takes. So a line whose members are all plain strings (no
 * escapes, ASCII) and whole numbers is scanned in place, and any other
 * line goes to jansson as common/record.c would parse it. Both kinds are
 * read through the same accessors, which give the standard field
 * messages. The lines come from the shared loop, fsd_read_lines, so BOM,
 * CR, blank lines, positions, --strict and --rejects behave as in every
 * tool. */
#ifndef RESTOCK_LINE_H
#define RESTOCK_LINE_H

#include <stddef.h>
#include <jansson.h>

#include "err.h"

#define RESTOCK_LINE_MAX_FIELDS 16

struct restock_flat_field {
	const char *key, *value;	/* not NUL-terminated */
	size_t key_len, value_len;
	int is_string;			/* else a whole number, as written */
};

struct restock_line {
	const char *text;
	size_t len;
	struct fsd_pos pos;
	int nfields;			/* scanned members, or -1: see record */
	struct restock_flat_field field[RESTOCK_LINE_MAX_FIELDS];
	json_t *record;			/* parsed on demand; the loop frees it */
};

/* Called per line; return non-zero when the record was bad (the status
 * becomes 1 and --strict stops). */
typedef int (*restock_line_fn)(struct restock_line *l, void *ctx);

long restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx);

/* Scan a flat object into l->field; returns the count, or -1 when the
 * line needs the full parser. */
int restock_scan_flat(struct restock_line *l);

/* The line as a record (parsing it now when it was scanned). Borrowed. */
json_t *restock_line_record(struct restock_line *l);

/* Field access as common/field.h's, on either kind of line. A string's
 * text is not NUL-terminated for a scanned line: use *len. */
int restock_line_string(struct restock_line *l, const char *key, const char **out,
    size_t *len);
int restock_line_int(struct restock_line *l, const char *key, long long *out);

#endif
