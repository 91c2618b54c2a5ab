/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "jsonscan.h"
#include "record.h"
#include "xalloc.h"

/* jansson's own nesting limit (JSON_PARSER_MAX_DEPTH): deeper is not
 * JSON to it either. */
#define MAX_DEPTH 2048

struct scanner {
	struct fsd_scan *d;
	const char *p, *end;
	char *out;		/* next free byte of the string arena */
	enum fsd_scan_form form;
};

static int value(struct scanner *s, int depth);
static inline void skip_space(struct scanner *s);

static int
new_node(struct scanner *s, enum fsd_scan_type type)
{
	struct fsd_scan_node *n;

	if (s->d->n == s->d->cap)
		s->d->nodes = xgrow(s->d->nodes, &s->d->cap, s->d->n + 1, sizeof *s->d->nodes);
	n = &s->d->nodes[s->d->n];
	n->type = type;
	n->key = n->key_raw = n->str = NULL;
	n->key_len = n->key_raw_len = n->str_len = 0;
	n->raw = s->p;
	n->child = n->next = -1;
	n->count = 0;
	return (int)s->d->n++;
}

/* The length of the UTF-8 character at p (first byte >= 0x80), or 0
 * when it is not one as RFC 3629 has it: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
static size_t
utf8_length(const char *text, const char *end)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t left = (size_t)(end - text), n;
	uint32_t c;

	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2, c = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3, c = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4, c = p[0] & 0x07;
	else
		return 0;
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))
	    || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return n;
}

static int
upper_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* What a string holds as it is: printable ASCII (and DEL) but the quote
 * and the backslash. A table, since this test runs for every byte of
 * every string read. */
static const unsigned char plain_char[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 10 */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,	/* 50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 70 */
};

/* A string at s->p (on its quote), decoded into the arena. The escapes
 * jansson writes are the only ones taken, in every form: \" \\ \b \f \n
 * \r \t, and \u00XX (upper-case hex) for the other control characters.
 * So a string's raw bytes are always what fsd_emit would write. */
static int
string(struct scanner *s, const char **decoded, size_t *decoded_len)
{
	/* In locals: the compiler must assume a store through o may change
	 * anything s points at, and would reload s->p at every byte. */
	const char *p = s->p + 1, *end = s->end;
	char *o = s->out;

	*decoded = o;
	for (;;) {
		unsigned char c;
		size_t n;
		int hi, lo;

		/* Most strings are short and plain: copied a byte at a time,
		 * which beats a call to memcpy (or eight bytes at a time) for
		 * a run of a few bytes. */
		while (p < end && plain_char[(unsigned char)*p])
			*o++ = *p++;
		if (p >= end)
			return -1;
		c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c >= 0x80) {
			if ((n = utf8_length(p, end)) == 0)
				return -1;
			memcpy(o, p, n);
			o += n;
			p += n;
			continue;
		}
		if (c < 0x20 || end - p < 2)
			return -1;
		switch (p[1]) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (end - p < 6 || p[2] != '0' || p[3] != '0'
			    || (hi = upper_hex_digit(p[4])) < 0 || (lo = upper_hex_digit(p[5])) < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			/* NUL is refused as jansson refuses it; the others have
			 * a short escape that jansson would write instead. */
			if (c == 0 || c >= 0x20 || strchr("\b\f\n\r\t", c) != NULL)
				return -1;
			*o++ = (char)c;
			p += 4;
			break;
		default:
			return -1;
		}
		p += 2;
	}
	s->p = p + 1;
	*decoded_len = (size_t)(o - *decoded);
	*o++ = '\0';
	s->out = o;
	return 0;
}

/* A member's key. Most are short and plain (no escape, ASCII): such a
 * key is left where it is in the text rather than copied, as nothing
 * needs it NUL-terminated; any other is decoded by string(). */
static int
key(struct scanner *s, const char **decoded, size_t *decoded_len)
{
	const char *p = s->p + 1;

	while (p < s->end && plain_char[(unsigned char)*p])
		p++;
	if (p < s->end && *p == '"') {
		*decoded = s->p + 1;
		*decoded_len = (size_t)(p - *decoded);
		s->p = p + 1;
		return 0;
	}
	return string(s, decoded, decoded_len);
}

static int
digits(struct scanner *s)
{
	const char *start = s->p;

	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return (int)(s->p - start);
}

/* The integer written in n digits at p, or -1 when it does not fit in
 * 64 bits (jansson refuses it: "too big integer"). Read here rather than
 * by strtoll, which would run past a line that ends in a digit. */
static int
integer_value(const char *p, int n, int negative, long long *out)
{
	uint64_t v = 0, limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;

	for (int i = 0; i < n; i++) {
		unsigned d = (unsigned)(p[i] - '0');

		if (v > (limit - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = negative ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(long long)v) : (long long)v;
	return 0;
}

/* A real in EMITTED form: only as fsd_buf_json writes it back, a plain
 * decimal of at most 15 significant digits without trailing zeros ("1.0"
 * aside), not smaller than 0.0001. */
static int
emitted_real(const char *int_start, int int_digits, int frac_digits)
{
	const char *frac = int_start + int_digits + 1;
	int zeros = 0, significant;

	while (zeros < frac_digits && frac[zeros] == '0')
		zeros++;
	if (*int_start == '0')
		significant = frac_digits - zeros;
	else
		significant = int_digits + frac_digits;
	if (zeros == frac_digits)	/* x.0 */
		return frac_digits == 1 && int_digits <= 15 ? 0 : -1;
	if (significant > 15 || frac[frac_digits - 1] == '0'
	    || (*int_start == '0' && zeros > 3))
		return -1;
	return 0;
}

/* Numbers. jansson reads a real with strtod and refuses one that
 * overflows (DBL_MAX is about 1.8e308); the reader leaves any real that
 * might reach 10^308 to it rather than guess. */
static int
number(struct scanner *s, int n)
{
	struct fsd_scan_node *node = &s->d->nodes[n];
	const char *int_start, *exp_start;
	int negative = 0, int_digits, frac_digits = 0, has_exp = 0;
	long exponent = 0;

	if (*s->p == '-')
		negative = 1, s->p++;
	int_start = s->p;
	if ((int_digits = digits(s)) == 0 || (int_digits > 1 && *int_start == '0'))
		return -1;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		if ((frac_digits = digits(s)) == 0)
			return -1;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		int exp_negative = 0;

		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			exp_negative = *s->p++ == '-';
		exp_start = s->p;
		if (digits(s) == 0)
			return -1;
		for (const char *e = exp_start; e < s->p && exponent < 100000; e++)
			exponent = exponent * 10 + (*e - '0');
		if (exp_negative)
			exponent = -exponent;
		has_exp = 1;
	}
	if (frac_digits == 0 && !has_exp) {
		/* EMITTED: 18 digits always fit, and "-0" is written back as 0. */
		if (s->form == FSD_SCAN_EMITTED && (int_digits > 18 || (negative && *int_start == '0')))
			return -1;
		node->type = FSD_SCAN_INT;
		return integer_value(int_start, int_digits, negative, &node->ival);
	}
	node->type = FSD_SCAN_REAL;
	if (s->form == FSD_SCAN_EMITTED)
		return has_exp ? -1 : emitted_real(int_start, int_digits, frac_digits);
	if (s->form == FSD_SCAN_ANY && int_digits + exponent > 308)
		return -1;
	return 0;
}

/* Is m's key this one? By length and first byte before a call. */
static inline int
same_key(const struct fsd_scan_node *m, const char *key, size_t len)
{
	return m->key_len == len && (len == 0 || (m->key[0] == key[0]
	    && memcmp(m->key, key, len) == 0));
}

static int
literal(struct scanner *s, const char *word, size_t len)
{
	if ((size_t)(s->end - s->p) < len || memcmp(s->p, word, len) != 0)
		return -1;
	s->p += len;
	return 0;
}

/* Members of an object or array; in an object, keys must not repeat
 * (fsd_parse_record_line has jansson reject duplicates). */
static int
members(struct scanner *s, int n, int depth, char close)
{
	uint64_t names_seen = 0, bit;
	int last = -1;

	s->p++;
	skip_space(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return 0;
	}
	for (;;) {
		const char *name = NULL, *name_raw = NULL;
		size_t name_len = 0, name_raw_len = 0;
		int m;

		if (close == '}') {
			skip_space(s);
			name_raw = s->p;
			if (s->p >= s->end || *s->p != '"' || key(s, &name, &name_len) != 0)
				return -1;
			name_raw_len = (size_t)(s->p - name_raw);
			skip_space(s);
			/* jansson is told to refuse a repeated key, and so are
			 * we. A key's length and last byte pick one of 64 bits:
			 * only a key whose bit is taken is compared with the
			 * others, which for most records is none. */
			bit = (uint64_t)1 << ((name_len * 8
			    + (name_len ? (unsigned char)name[name_len - 1] : 0)) & 63);
			if ((names_seen & bit) != 0)
				for (int k = s->d->nodes[n].child; k >= 0; k = s->d->nodes[k].next)
					if (same_key(&s->d->nodes[k], name, name_len))
						return -1;
			names_seen |= bit;
			if (s->p >= s->end || *s->p != ':')
				return -1;
			s->p++;
		}
		if ((m = value(s, depth + 1)) < 0)
			return -1;
		s->d->nodes[m].key = name;
		s->d->nodes[m].key_len = name_len;
		s->d->nodes[m].key_raw = name_raw;
		s->d->nodes[m].key_raw_len = name_raw_len;
		if (last < 0)
			s->d->nodes[n].child = m;
		else
			s->d->nodes[last].next = m;
		last = m;
		s->d->nodes[n].count++;
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		if (s->p < s->end && *s->p == close) {
			s->p++;
			return 0;
		}
		return -1;
	}
}

/* The spaces JSON allows between tokens; fsd_emit writes none. Most
 * calls find a token at once: a byte above the space ends it first. */
static inline void
skip_space(struct scanner *s)
{
	const char *p = s->p;

	if ((p < s->end && (unsigned char)*p > ' ') || s->form == FSD_SCAN_EMITTED)
		return;
	while (p < s->end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	s->p = p;
}

/* A value; the node's index, or -1. */
static int
value(struct scanner *s, int depth)
{
	int n, ok;

	skip_space(s);
	if (s->p >= s->end || depth > MAX_DEPTH)
		return -1;
	n = new_node(s, FSD_SCAN_NULL);
	switch (*s->p) {
	case '{':
		ok = members(s, n, depth, '}');
		s->d->nodes[n].type = FSD_SCAN_OBJECT;
		break;
	case '[':
		ok = members(s, n, depth, ']');
		s->d->nodes[n].type = FSD_SCAN_ARRAY;
		break;
	case '"':
		s->d->nodes[n].type = FSD_SCAN_STRING;
		ok = string(s, &s->d->nodes[n].str, &s->d->nodes[n].str_len);
		break;
	case 't':
		s->d->nodes[n].type = FSD_SCAN_TRUE;
		ok = literal(s, "true", 4);
		break;
	case 'f':
		s->d->nodes[n].type = FSD_SCAN_FALSE;
		ok = literal(s, "false", 5);
		break;
	case 'n':
		ok = literal(s, "null", 4);
		break;
	default:
		ok = number(s, n);
	}
	if (ok != 0)
		return -1;
	s->d->nodes[n].raw_len = (size_t)(s->p - s->d->nodes[n].raw);
	skip_space(s);
	return n;
}

int
fsd_scan(struct fsd_scan *d, const char *text, size_t len, enum fsd_scan_form form)
{
	struct scanner s = { d, text, text + len, NULL, form };

	/* A decoded string is never longer than it was written, and each
	 * takes one NUL for its closing quote: the line's length is enough. */
	if (d->strings_cap < len + 1) {
		free(d->strings);
		d->strings_cap = len + 1 > 4096 ? len + 1 : 4096;
		d->strings = xmalloc(d->strings_cap);
	}
	s.out = d->strings;
	d->n = 0;
	d->emitted = form != FSD_SCAN_ANY;
	skip_space(&s);
	if (s.p >= s.end || *s.p != '{' || value(&s, 1) != 0 || s.p != s.end)
		return -1;
	return 0;
}

int
fsd_scan_record(struct fsd_scan *d, const char *text, size_t len,
    enum fsd_scan_form form, const struct fsd_pos *pos)
{
	json_t *record;

	if (fsd_scan(d, text, len, form) == 0)
		return 0;
	if ((record = fsd_parse_record_line(text, len, pos)) == NULL)
		return -1;
	d->canonical.len = 0;
	fsd_buf_json(&d->canonical, record);
	json_decref(record);
	if (fsd_scan(d, d->canonical.data, d->canonical.len, FSD_SCAN_CANONICAL) != 0)
		fsd_die_at(FSD_EXIT_DATA, pos, "cannot read back the record as written (a bug)");
	return 0;
}

/* Is m's key the first segment of a dotted path? The first byte rules
 * out most keys of a record without a call; strncmp stops at the end of
 * a path shorter than the key, and a key holds no NUL. */
static inline int
key_begins(const struct fsd_scan_node *m, const char *path)
{
	return (m->key_len == 0 || m->key[0] == path[0])
	    && strncmp(m->key, path, m->key_len) == 0
	    && (path[m->key_len] == '\0' || path[m->key_len] == '.');
}

/* fsd_scan_get, inlined into the field accessors: a tool calls them
 * for each of a few fields of every line. */
static inline int
lookup(const struct fsd_scan *d, int at, const char *path)
{
	while (at >= 0) {
		int k;

		if (d->nodes[at].type != FSD_SCAN_OBJECT)
			return -1;
		for (k = d->nodes[at].child; k >= 0; k = d->nodes[k].next)
			if (key_begins(&d->nodes[k], path))
				break;
		if ((at = k) < 0 || path[d->nodes[k].key_len] == '\0')
			break;
		path += d->nodes[k].key_len + 1;
	}
	return at >= 0 && d->nodes[at].type == FSD_SCAN_NULL ? -1 : at;
}

int
fsd_scan_get(const struct fsd_scan *d, int at, const char *path)
{
	return lookup(d, at, path);
}

int
fsd_scan_whole(const struct fsd_scan *d, int node, long long *out)
{
	const struct fsd_scan_node *n = &d->nodes[node];
	double v;

	if (n->type == FSD_SCAN_INT) {
		*out = n->ival;
		return 0;
	}
	if (n->type != FSD_SCAN_REAL)
		return -1;
	/* A scanned real is followed by a delimiter: strtod stops there. */
	v = strtod(n->raw, NULL);
	if (!isfinite(v) || v != floor(v) || fabs(v) >= 9e15)
		return -1;
	*out = (long long)v;
	return 0;
}

json_t *
fsd_scan_json(const struct fsd_scan *d, int node)
{
	return json_loadb(d->nodes[node].raw, d->nodes[node].raw_len, JSON_DECODE_ANY, NULL);
}

const char *
fsd_scan_quote(const struct fsd_scan *d, int node, char buf[64])
{
	const struct fsd_scan_node *v = &d->nodes[node];
	struct fsd_buf written = { 0 };
	const char *text = v->raw;
	size_t len = v->raw_len;

	/* Strings are always as fsd_emit writes them; other values read in
	 * any form are written again, as the record will be. */
	if (!d->emitted && v->type != FSD_SCAN_STRING) {
		json_t *j = fsd_scan_json(d, node);

		if (j != NULL) {
			fsd_buf_json(&written, j);
			json_decref(j);
			text = written.data;
			len = written.len;
		}
	}
	memcpy(buf, text, len < 63 ? len : 63);
	buf[len < 63 ? len : 63] = '\0';
	if (len > 63)
		memcpy(buf + 60, "...", 4);
	fsd_buf_free(&written);
	return buf;
}

int
fsd_scan_string(const struct fsd_scan *d, int at, const char *path, const char **out,
    size_t *len, const struct fsd_pos *pos)
{
	int n = lookup(d, at, path);
	char buf[64];

	if (n < 0)
		return FSD_FIELD_ABSENT;
	if (d->nodes[n].type != FSD_SCAN_STRING)
		return fsd_field_wrong(pos, path, FSD_WANT_STRING, fsd_scan_quote(d, n, buf));
	*out = d->nodes[n].str;
	if (len != NULL)
		*len = d->nodes[n].str_len;
	return FSD_FIELD_OK;
}

int
fsd_scan_int(const struct fsd_scan *d, int at, const char *path, long long *out,
    const struct fsd_pos *pos)
{
	int n = lookup(d, at, path);
	char buf[64];

	if (n < 0)
		return FSD_FIELD_ABSENT;
	if (fsd_scan_whole(d, n, out) != 0)
		return fsd_field_wrong(pos, path, FSD_WANT_WHOLE, fsd_scan_quote(d, n, buf));
	return FSD_FIELD_OK;
}

int
fsd_scan_number(const struct fsd_scan *d, int at, const char *path, double *out,
    const struct fsd_pos *pos)
{
	int n = lookup(d, at, path);
	char buf[64];

	if (n < 0)
		return FSD_FIELD_ABSENT;
	if (d->nodes[n].type == FSD_SCAN_INT)
		*out = (double)d->nodes[n].ival;
	else if (d->nodes[n].type == FSD_SCAN_REAL)
		*out = strtod(d->nodes[n].raw, NULL);	/* stops at the delimiter */
	else
		return fsd_field_wrong(pos, path, FSD_WANT_NUMBER, fsd_scan_quote(d, n, buf));
	return FSD_FIELD_OK;
}

int
fsd_scan_bool(const struct fsd_scan *d, int at, const char *path, int *out,
    const struct fsd_pos *pos)
{
	int n = lookup(d, at, path);
	char buf[64];

	if (n < 0)
		return FSD_FIELD_ABSENT;
	if (d->nodes[n].type != FSD_SCAN_TRUE && d->nodes[n].type != FSD_SCAN_FALSE)
		return fsd_field_wrong(pos, path, FSD_WANT_BOOL, fsd_scan_quote(d, n, buf));
	*out = d->nodes[n].type == FSD_SCAN_TRUE;
	return FSD_FIELD_OK;
}

int
fsd_scan_time(const struct fsd_scan *d, int at, const char *path, struct fsd_time *out,
    const struct fsd_pos *pos)
{
	int n = lookup(d, at, path);
	char buf[64];

	if (n < 0)
		return FSD_FIELD_ABSENT;
	if (d->nodes[n].type != FSD_SCAN_STRING || fsd_time_parse(d->nodes[n].str, out) != 0)
		return fsd_field_wrong(pos, path, FSD_WANT_TIME, fsd_scan_quote(d, n, buf));
	return FSD_FIELD_OK;
}

void
fsd_scan_free(struct fsd_scan *d)
{
	free(d->nodes);
	free(d->strings);
	fsd_buf_free(&d->canonical);
	memset(d, 0, sizeof *d);
}
