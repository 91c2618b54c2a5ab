/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A record line read without building jansson objects, for the tools
 * that read a flood of records (fsd-restock's usage events, fsd-invoice's
 * completed jobs).
 *
 * Why: jansson spends about 10 us a record allocating a hash table, keys
 * and values, of which such a tool reads a handful and writes the rest
 * back unchanged; that alone is more than everything else the tool does.
 * This reader parses a line into one reused array of nodes over the
 * line's own text: a field is found by walking a few nodes, strings are
 * decoded into one reused arena, and a member the tool does not touch can
 * be copied out as the bytes it came in.
 *
 * It never reads a line differently from jansson: anything it is not sure
 * of (an escape jansson would not write, a number jansson might refuse,
 * a repeated key, bad UTF-8) makes it give up, and
 * fsd_scan_record then parses the line with jansson (which gives the
 * positioned error for a line that is not JSON), writes it back as
 * fsd_emit would and scans that text. tests/unit/test_jsonscan.c holds
 * it to jansson byte for byte. */
#ifndef FSD_JSONSCAN_H
#define FSD_JSONSCAN_H

#include <stddef.h>

#include <jansson.h>

#include "err.h"
#include "field.h"
#include "jsonbuf.h"
#include "rfc3339.h"

enum fsd_scan_type {
	FSD_SCAN_NULL, FSD_SCAN_FALSE, FSD_SCAN_TRUE, FSD_SCAN_INT, FSD_SCAN_REAL,
	FSD_SCAN_STRING, FSD_SCAN_ARRAY, FSD_SCAN_OBJECT
};

/* What the text is taken to be. */
enum fsd_scan_form {
	/* Exactly as fsd_emit writes it (compact, jansson's escapes and
	 * number forms), checked: every value's raw bytes are what fsd_emit
	 * would write for it, so a member can be copied out unchanged. */
	FSD_SCAN_EMITTED,
	/* Written by fsd_buf_json (so in fsd_emit's form), not checked:
	 * it may hold what EMITTED refuses, like 1e+20 or a 19-digit integer. */
	FSD_SCAN_CANONICAL,
	/* Any spacing and number forms: raw bytes are as written, values
	 * are what jansson reads. For a tool that only reads fields. */
	FSD_SCAN_ANY
};

struct fsd_scan_node {
	enum fsd_scan_type type;
	const char *key;	/* a member's key, decoded, not NUL-terminated
				 * (a plain one points into the text); NULL in arrays */
	size_t key_len;
	const char *key_raw;	/* the key as written, quotes included */
	size_t key_raw_len;
	const char *str;	/* strings: decoded, NUL-terminated */
	size_t str_len;
	const char *raw;	/* the value as written */
	size_t raw_len;
	long long ival;		/* integers */
	int child, next;	/* first member, next sibling: node indexes, -1 none */
	size_t count;		/* members of an array or object */
};

struct fsd_scan {
	struct fsd_scan_node *nodes;	/* node 0 is the record */
	size_t n, cap;
	int emitted;		/* every raw is as fsd_emit would write it */
	char *strings;		/* decoded strings, one arena a line */
	size_t strings_cap;
	struct fsd_buf canonical;	/* a line jansson read, as fsd_emit writes it */
};

/* Parse an object written on one line, in the form given. Returns 0, or
 * -1 when the text is not JSON, not an object, or not in that form. */
int fsd_scan(struct fsd_scan *d, const char *text, size_t len, enum fsd_scan_form form);

/* A record line from the shared loop (fsd_read_lines): scanned in the
 * form given, or else through jansson as above. Returns 0, or -1 when it
 * is not a JSON object (reported at pos as fsd_parse_record_line does).
 * Afterwards d->emitted says whether members may be copied as bytes. */
int fsd_scan_record(struct fsd_scan *d, const char *text, size_t len,
    enum fsd_scan_form form, const struct fsd_pos *pos);

/* The node at a dotted path below node at ("site.lat"), or -1 when it
 * is missing or null. */
int fsd_scan_get(const struct fsd_scan *d, int at, const char *path);

/* The value of a whole-number node (an integer, or a real with no
 * fraction, as fsd_field_int takes); 0, or -1 when it is not one. */
int fsd_scan_whole(const struct fsd_scan *d, int node, long long *out);

/* A value as fsd_emit writes it, cut to 63 bytes ("..." at the end), to
 * quote in a message as common/field.h does. Returns buf. */
const char *fsd_scan_quote(const struct fsd_scan *d, int node, char buf[64]);

/* A node as a jansson value, for the rare path that needs one (an
 * exception added to the record, an HTML copy). The caller owns it. */
json_t *fsd_scan_json(const struct fsd_scan *d, int node);

/* Field access as common/field.h's, with its messages, at a dotted path
 * below node at (0: the record): FSD_FIELD_OK, _ABSENT or _BAD, reported
 * at pos when pos is not NULL. Strings are borrowed from d until the
 * next scan; len may be NULL. */
int fsd_scan_string(const struct fsd_scan *d, int at, const char *path, const char **out,
    size_t *len, const struct fsd_pos *pos);
int fsd_scan_int(const struct fsd_scan *d, int at, const char *path, long long *out,
    const struct fsd_pos *pos);
int fsd_scan_bool(const struct fsd_scan *d, int at, const char *path, int *out,
    const struct fsd_pos *pos);
/* Any JSON number, as fsd_field_number takes it. */
int fsd_scan_number(const struct fsd_scan *d, int at, const char *path, double *out,
    const struct fsd_pos *pos);
int fsd_scan_time(const struct fsd_scan *d, int at, const char *path, struct fsd_time *out,
    const struct fsd_pos *pos);

void fsd_scan_free(struct fsd_scan *d);

/* The record loop for a tool that scans its records (fsd-restock's
 * usage, fsd-invoice's jobs): common/record.h's fsd_read_lines with each
 * line scanned in form by one reused struct fsd_scan, so BOM, CR, blank
 * lines, positions, --strict and --rejects behave as in every tool. fn
 * gets the scan (the record is node 0) and returns non-zero when the
 * record was bad (it has said why). A line that is not a JSON object is
 * reported at its place and skipped. before_stop, when not NULL, is
 * called when a bad line is about to end the run under --strict (to
 * finish what the lines before it began). Returns the bad lines. */
typedef int (*fsd_scan_record_fn)(const struct fsd_scan *d, const struct fsd_pos *pos,
    void *ctx);
long fsd_scan_records(int nfiles, char **files, enum fsd_scan_form form,
    fsd_scan_record_fn fn, void (*before_stop)(void *ctx), void *ctx);

#endif
