#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "invoice/scan.h"

/* jansson's own nesting limit: deeper is not JSON to it either. */
#define MAX_DEPTH 2048

struct scanner {
	struct inv_jdoc *d;
	const char *p, *end;
	char *out;		/* next free byte of the string arena */
	int strict;
};

static int value(struct scanner *s, int depth);
static void skip_space(struct scanner *s);

static int
new_node(struct scanner *s, enum inv_jtype type)
{
	struct inv_jnode *n;

	s->d->nodes = xgrow(s->d->nodes, &s->d->cap, s->d->n + 1, sizeof *s->d->nodes);
	n = &s->d->nodes[s->d->n];
	n->type = type;
	n->key = n->key_raw = n->str = NULL;
	n->key_raw_len = 0;
	n->raw = s->p;
	n->child = n->next = -1;
	n->count = 0;
	return (int)s->d->n++;
}

/* One UTF-8 character at s->p (first byte >= 0x80), as RFC 3629 has it:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static int
utf8_char(struct scanner *s)
{
	const unsigned char *p = (const unsigned char *)s->p;
	size_t left = (size_t)(s->end - s->p), n;
	uint32_t c;

	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2, c = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3, c = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4, c = p[0] & 0x07;
	else
		return -1;
	if (left < n)
		return -1;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))
	    || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	s->p += n;
	return 0;
}

static int
hex_digit(char c, int upper_only)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (!upper_only && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A string at s->p (on its quote), decoded into the arena. The escapes
 * jansson writes are the only ones taken: \" \\ \b \f \n \r \t, and
 * \u00XX (upper-case hex) for the other control characters. */
static int
string(struct scanner *s, const char **decoded)
{
	char *o = s->out;

	*decoded = o;
	s->p++;
	for (;;) {
		const char *run = s->p;
		unsigned char c;
		int hi, lo;

		while (s->p < s->end && (unsigned char)*s->p >= 0x20 && (unsigned char)*s->p < 0x80
		    && *s->p != '"' && *s->p != '\\')
			s->p++;
		memcpy(o, run, (size_t)(s->p - run));
		o += s->p - run;
		if (s->p >= s->end)
			return -1;
		c = (unsigned char)*s->p;
		if (c == '"')
			break;
		if (c >= 0x80) {
			run = s->p;
			if (utf8_char(s) != 0)
				return -1;
			memcpy(o, run, (size_t)(s->p - run));
			o += s->p - run;
			continue;
		}
		if (c < 0x20 || s->end - s->p < 2)
			return -1;
		switch (s->p[1]) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (s->end - s->p < 6 || s->p[2] != '0' || s->p[3] != '0'
			    || (hi = hex_digit(s->p[4], 1)) < 0 || (lo = hex_digit(s->p[5], 1)) < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			/* NUL is refused as jansson refuses it; the others have
			 * a short escape that jansson would write instead. */
			if (c == 0 || c >= 0x20 || strchr("\b\f\n\r\t", c) != NULL)
				return -1;
			*o++ = (char)c;
			s->p += 4;
			break;
		default:
			return -1;
		}
		s->p += 2;
	}
	s->p++;
	*o++ = '\0';
	s->out = o;
	return 0;
}

static int
digits(struct scanner *s)
{
	const char *start = s->p;

	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return (int)(s->p - start);
}

/* Numbers. An integer must fit in 64 bits (jansson refuses more). In
 * strict mode a real is taken only in the form fsd_buf_json writes it
 * back: a plain decimal of at most 15 significant digits without
 * trailing zeros ("1.0" aside), not smaller than 0.0001. */
static int
number(struct scanner *s, int n)
{
	struct inv_jnode *node = &s->d->nodes[n];
	const char *start = s->p, *int_start;
	int int_digits, frac_digits = 0, has_exp = 0;

	if (*s->p == '-')
		s->p++;
	int_start = s->p;
	if ((int_digits = digits(s)) == 0 || (int_digits > 1 && *int_start == '0'))
		return -1;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		if ((frac_digits = digits(s)) == 0)
			return -1;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (digits(s) == 0)
			return -1;
		has_exp = 1;
	}
	if (frac_digits == 0 && !has_exp) {
		/* 18 digits always fit; longer ones go to jansson. "-0" is
		 * written back as 0. */
		if ((s->strict && (int_digits > 18 || (start[0] == '-' && *int_start == '0')))
		    || int_digits > 19)
			return -1;
		node->type = INV_J_INT;
		node->ival = strtoll(start, NULL, 10);
		return 0;
	}
	node->type = INV_J_REAL;
	if (s->strict) {
		const char *frac = int_start + int_digits + 1;
		int zeros = 0, significant;

		if (has_exp)
			return -1;
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
	}
	return 0;
}

static int
literal(struct scanner *s, const char *word, size_t len)
{
	if ((size_t)(s->end - s->p) < len || memcmp(s->p, word, len) != 0)
		return -1;
	s->p += len;
	return 0;
}

/* Members of an object or array; in an object, keys must not repeat. */
static int
members(struct scanner *s, int n, int depth, char close)
{
	int last = -1;

	s->p++;
	skip_space(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return 0;
	}
	for (;;) {
		const char *key = NULL, *key_raw = s->p;
		size_t key_raw_len = 0, key_len = 0;
		int m;

		if (close == '}') {
			skip_space(s);
			key_raw = s->p;
			if (s->p >= s->end || *s->p != '"' || string(s, &key) != 0)
				return -1;
			key_raw_len = (size_t)(s->p - key_raw);
			skip_space(s);
			key_len = (size_t)(s->out - key) - 1;
			/* Keys are few: a pass over the earlier ones, by length first. */
			for (int k = s->d->nodes[n].child; k >= 0; k = s->d->nodes[k].next)
				if (s->d->nodes[k].key_len == key_len
				    && memcmp(s->d->nodes[k].key, key, key_len) == 0)
					return -1;
			if (s->p >= s->end || *s->p != ':')
				return -1;
			s->p++;
		}
		if ((m = value(s, depth + 1)) < 0)
			return -1;
		s->d->nodes[m].key = key;
		s->d->nodes[m].key_len = key_len;
		s->d->nodes[m].key_raw = key ? key_raw : NULL;
		s->d->nodes[m].key_raw_len = key_raw_len;
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

static void
skip_space(struct scanner *s)
{
	if (s->strict)
		return;
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* A value; the node's index, or -1. */
static int
value(struct scanner *s, int depth)
{
	int n, ok;

	skip_space(s);
	if (s->p >= s->end || depth > MAX_DEPTH)
		return -1;
	n = new_node(s, INV_J_NULL);
	switch (*s->p) {
	case '{':
		ok = members(s, n, depth, '}');
		s->d->nodes[n].type = INV_J_OBJECT;
		break;
	case '[':
		ok = members(s, n, depth, ']');
		s->d->nodes[n].type = INV_J_ARRAY;
		break;
	case '"':
		s->d->nodes[n].type = INV_J_STRING;
		ok = string(s, &s->d->nodes[n].str);
		break;
	case 't':
		s->d->nodes[n].type = INV_J_TRUE;
		ok = literal(s, "true", 4);
		break;
	case 'f':
		s->d->nodes[n].type = INV_J_FALSE;
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
inv_jscan(struct inv_jdoc *d, const char *text, size_t len, int strict)
{
	struct scanner s = { d, text, text + len, NULL, strict };

	/* A decoded string is never longer than it was written, and each
	 * takes one NUL for its closing quote: the line's length is enough. */
	if (d->strings_cap < len + 1) {
		free(d->strings);
		d->strings_cap = len + 1 > 4096 ? len + 1 : 4096;
		d->strings = xmalloc(d->strings_cap);
	}
	s.out = d->strings;
	d->n = 0;
	skip_space(&s);
	if (s.p >= s.end || *s.p != '{' || value(&s, 1) != 0 || s.p != s.end)
		return -1;
	return 0;
}

int
inv_jget(const struct inv_jdoc *d, int at, const char *path)
{
	while (at >= 0) {
		size_t len = strcspn(path, ".");
		int k;

		if (d->nodes[at].type != INV_J_OBJECT)
			return -1;
		for (k = d->nodes[at].child; k >= 0; k = d->nodes[k].next)
			if (d->nodes[k].key_len == len && memcmp(d->nodes[k].key, path, len) == 0)
				break;
		at = k;
		if (path[len] == '\0')
			break;
		path += len + 1;
	}
	return at >= 0 && d->nodes[at].type == INV_J_NULL ? -1 : at;
}

int
inv_jint(const struct inv_jdoc *d, int node, long long *out)
{
	const struct inv_jnode *n = &d->nodes[node];
	double v;

	if (n->type == INV_J_INT) {
		*out = n->ival;
		return 0;
	}
	if (n->type != INV_J_REAL)
		return -1;
	v = strtod(n->raw, NULL);
	if (!isfinite(v) || v != floor(v) || fabs(v) >= 9e15)
		return -1;
	*out = (long long)v;
	return 0;
}

void
inv_jdoc_free(struct inv_jdoc *d)
{
	free(d->nodes);
	free(d->strings);
	memset(d, 0, sizeof *d);
}
