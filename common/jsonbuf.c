/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "jsonbuf.h"

static void
reserve(struct fsd_buf *b, size_t more)
{
	if (b->len + more > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + more, 1);
}

void
fsd_buf_put(struct fsd_buf *b, const char *s, size_t len)
{
	reserve(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
}

void
fsd_buf_puts(struct fsd_buf *b, const char *s)
{
	fsd_buf_put(b, s, strlen(s));
}

void
fsd_buf_char(struct fsd_buf *b, char c)
{
	reserve(b, 1);
	b->data[b->len++] = c;
}

/* Escaped as jansson escapes by default: quote, backslash and control
 * characters; UTF-8 and '/' go through as they are. */
static void
put_string(struct fsd_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char *o;

	reserve(b, n * 6 + 2);
	o = b->data + b->len;
	*o++ = '"';
	for (size_t i = 0; i < n;) {
		size_t run = i;
		unsigned char c;

		/* Most text needs no escape: copy it a run at a time. */
		while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\')
			run++;
		memcpy(o, s + i, run - i);
		o += run - i;
		if ((i = run) == n)
			break;
		c = (unsigned char)s[i++];
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o++ = '"';
	b->len = (size_t)(o - b->data);
}

void
fsd_buf_string(struct fsd_buf *b, const char *s)
{
	put_string(b, s, strlen(s));
}

/* By hand: snprintf is a tenth of the tool's time at this call rate. */
void
fsd_buf_int(struct fsd_buf *b, int64_t v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	fsd_buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

void
fsd_buf_key(struct fsd_buf *b, const char *key, int *first)
{
	if (!*first)
		fsd_buf_char(b, ',');
	*first = 0;
	fsd_buf_string(b, key);
	fsd_buf_char(b, ':');
}

/* jansson's real format: %.15g, ".0" added to a whole number so it reads
 * back as a real, and no '+' or leading zeros in the exponent. */
/* Most reals in records are short decimals (39.7392, -104.9903). When d
 * is the double nearest to m / 10^k with at most 15 digits in m, %.15g
 * would print exactly that decimal, so it is written from m directly. */
static int
put_short_real(struct fsd_buf *b, double d)
{
	static const double scale[] = { 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
	double a = d < 0 ? -d : d;
	char tmp[40], *p = tmp + sizeof tmp;

	if (!(a >= 1e-3 && a < 1e6))
		return -1;
	for (int k = 0; k < 8; k++) {
		double scaled = a * scale[k];
		uint64_t m, ip;

		if (scaled >= 1e14)
			return -1;
		m = (uint64_t)(scaled + 0.5);
		if ((double)m / scale[k] != a)
			continue;
		if (m % 10 == 0)
			return -1;	/* a shorter k would have matched: not ours */
		ip = m;
		for (int i = 0; i <= k; i++) {
			*--p = (char)('0' + ip % 10);
			ip /= 10;
		}
		*--p = '.';
		do {
			*--p = (char)('0' + ip % 10);
			ip /= 10;
		} while (ip > 0);
		if (d < 0)
			*--p = '-';
		fsd_buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
		return 0;
	}
	return -1;
}

static void
put_real(struct fsd_buf *b, double d)
{
	char tmp[64], *e;
	int n;

	if (put_short_real(b, d) == 0)
		return;
	n = snprintf(tmp, sizeof tmp - 3, "%.15g", d);

	if (strchr(tmp, '.') == NULL && strchr(tmp, 'e') == NULL) {
		memcpy(tmp + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(tmp, 'e')) != NULL) {
		char *start = e + 1, *end = e + 2;

		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, (size_t)(tmp + n + 1 - end));
			n -= (int)(end - start);
		}
	}
	fsd_buf_put(b, tmp, (size_t)n);
}

void
fsd_buf_json(struct fsd_buf *b, const json_t *v)
{
	const char *key;
	json_t *member;
	size_t i;
	int first = 1;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		fsd_buf_char(b, '{');
		json_object_foreach((json_t *)v, key, member) {
			fsd_buf_key(b, key, &first);
			fsd_buf_json(b, member);
		}
		fsd_buf_char(b, '}');
		break;
	case JSON_ARRAY:
		fsd_buf_char(b, '[');
		json_array_foreach(v, i, member) {
			if (i > 0)
				fsd_buf_char(b, ',');
			fsd_buf_json(b, member);
		}
		fsd_buf_char(b, ']');
		break;
	case JSON_STRING:
		put_string(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		fsd_buf_int(b, json_integer_value(v));
		break;
	case JSON_REAL:
		put_real(b, json_real_value(v));
		break;
	case JSON_TRUE:
		fsd_buf_puts(b, "true");
		break;
	case JSON_FALSE:
		fsd_buf_puts(b, "false");
		break;
	default:
		fsd_buf_puts(b, "null");
	}
}

void
fsd_buf_free(struct fsd_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
