/* A completed job's line read without building jansson objects.
 *
 * Why: jansson spends about 10 us a record allocating a hash table,
 * keys and values that fsd-invoice reads a dozen of and writes back
 * unchanged; that alone keeps the tool under 100,000 jobs/s. This reader
 * parses a line into one reused array of nodes over the line's own text,
 * so a field is found by walking a few nodes, and a member the tool does
 * not touch is copied out as the bytes it came in.
 *
 * Copying bytes is only right when they are the bytes fsd_emit would
 * write for that value (compact, jansson's escapes and number forms), so
 * in strict mode any line written otherwise (spaces between tokens, an
 * escape like \u00e9 or \/, 1.50, 1e3, a big integer, a duplicate key,
 * bad UTF-8) is refused, and the caller parses it with jansson instead
 * (which also gives the positioned error for a line that is not JSON),
 * writes it back with fsd_buf_json and reads that text in trusted mode.
 * Either way the output is byte for byte what jansson would write. */
#ifndef INV_SCAN_H
#define INV_SCAN_H

#include <stddef.h>

enum inv_jtype {
	INV_J_NULL, INV_J_FALSE, INV_J_TRUE, INV_J_INT, INV_J_REAL, INV_J_STRING,
	INV_J_ARRAY, INV_J_OBJECT
};

struct inv_jnode {
	enum inv_jtype type;
	const char *key;	/* a member's key, decoded; NULL in arrays */
	size_t key_len;
	const char *key_raw;	/* the key as written, quotes included */
	size_t key_raw_len;
	const char *str;	/* strings: decoded, NUL-terminated */
	const char *raw;	/* the value as written */
	size_t raw_len;
	long long ival;		/* integers */
	int child, next;	/* first member, next sibling: node indexes, -1 none */
	size_t count;		/* members of an array or object */
};

struct inv_jdoc {
	struct inv_jnode *nodes;
	size_t n, cap;
	char *strings;		/* decoded strings, one arena a line */
	size_t strings_cap;
};

/* Parse an object written on one line. Node 0 is the object. Returns 0,
 * or -1 when the text is not JSON or (strict) not in fsd_emit's form. */
int inv_jscan(struct inv_jdoc *d, const char *text, size_t len, int strict);

/* The node at a dotted path below node at ("site.lat"), or -1 when it
 * is missing or null. */
int inv_jget(const struct inv_jdoc *d, int at, const char *path);

/* The value of a whole-number node (an integer, or a real with no
 * fraction, as fsd_field_int takes); 0, or -1 when it is not one. */
int inv_jint(const struct inv_jdoc *d, int node, long long *out);

void inv_jdoc_free(struct inv_jdoc *d);

#endif
