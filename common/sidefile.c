/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The table-driven side-file loader (sidefile.h). */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "output.h"
#include "record.h"
#include "sidefile.h"
#include "text.h"
#include "xalloc.h"

void
fsd_side_open(struct fsd_sidefile *f, const char *path, const char *what)
{
	*f = (struct fsd_sidefile){ path, what, fsd_load_json_object(path), NULL, 1, 0 };
	f->text = fsd_read_text(path, 0, NULL);
}

void
fsd_side_init(struct fsd_sidefile *f, const json_t *doc, const char *text,
    const char *name, const char *what)
{
	*f = (struct fsd_sidefile){ name, what, (json_t *)doc, (char *)text, 0, 0 };
}

int
fsd_side_close(struct fsd_sidefile *f)
{
	if (f->owns) {
		json_decref(f->doc);
		free(f->text);
	}
	f->doc = NULL;
	f->text = NULL;
	return f->problems;
}

void
fsd_side_die(const struct fsd_sidefile *f)
{
	fsd_die(FSD_EXIT_DATA, "%s: %d problem%s in the %s; nothing done",
	    fsd_display_name(f->name), f->problems, f->problems == 1 ? "" : "s", f->what);
}

/* The start of item n of the array whose key ends just before at (at is
 * then on the ':' or before it), or NULL: a small walk over the JSON
 * text that knows strings and nesting, no more. */
static const char *
array_item(const char *at, unsigned long n)
{
	unsigned long item = 0;
	int depth = 0;

	at += strspn(at, " \t\r\n:");
	if (*at != '[')
		return NULL;
	for (at++; ; at++) {
		at += strspn(at, " \t\r\n");
		if (depth == 0 && item == n)
			return *at == ']' || *at == '\0' ? NULL : at;
		for (; *at != '\0'; at++) {
			if (*at == '"') {
				for (at++; *at != '\0' && *at != '"'; at++)
					if (*at == '\\' && at[1] != '\0')
						at++;
				if (*at == '\0')
					return NULL;
			} else if (*at == '[' || *at == '{') {
				depth++;
			} else if (*at == ']' || *at == '}') {
				if (--depth < 0)
					return NULL;	/* the array ended first */
			} else if (*at == ',' && depth == 0) {
				item++;
				break;
			}
		}
		if (*at == '\0')
			return NULL;
	}
}

/* Each key of the path is looked for as "key" after the previous one,
 * which finds the right place for any file written one key per line or
 * less; a key at the end of its line is still on it. An index, [N] or a
 * segment of digits, is item N of the array just found. */
long
fsd_side_line(const struct fsd_sidefile *f, const char *path)
{
	const char *at = f->text, *seg = path;
	long line = 1;

	if (at == NULL)
		return 0;
	while (*seg != '\0') {
		size_t len = strcspn(seg, ".[");
		const char *next = at;

		if (len > 0 && strspn(seg, "0123456789") >= len) {
			next = array_item(at, strtoul(seg, NULL, 10));
		} else if (len > 0) {
			char *quoted = xasprintf("\"%.*s\"", (int)len, seg);
			const char *found = strstr(at, quoted);

			free(quoted);
			next = found != NULL ? found + len + 2 : NULL;
		}
		if (next == NULL)
			break;
		at = next;
		seg += len;
		while (*seg == '[') {
			char *end;
			unsigned long n = strtoul(seg + 1, &end, 10);

			if (*end != ']' || (next = array_item(at, n)) == NULL)
				goto found;	/* the deepest place found */
			at = next;
			seg = end + 1;
		}
		if (*seg == '.')
			seg++;
	}
found:
	for (const char *p = f->text; p < at; p++)
		if (*p == '\n')
			line++;
	return line;
}

void
fsd_side_problem(struct fsd_sidefile *f, const char *path, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	fsd_warn_at(&(struct fsd_pos){ f->name, fsd_side_line(f, path) }, "\"%s\" %s",
	    path, message);
	f->problems++;
}

/* A bound as a reader writes it: 1000000, not 1e+06. */
static const char *
bound(double x, char *buf, size_t size)
{
	if (x == floor(x) && fabs(x) < 1e15)
		snprintf(buf, size, "%.0f", x);
	else
		snprintf(buf, size, "%g", x);
	return buf;
}

/* "must be a whole number of minutes from 0 to 1440": what a number row
 * wants, in the one wording both readers use. */
static void
want_number(const struct fsd_key *k, char *buf, size_t size)
{
	char lo[32], hi[32];
	int whole = k->type != FSD_KEY_DOUBLE;
	int n = snprintf(buf, size, "%s%s%s", whole ? "a whole number" : "a number",
	    k->unit ? " of " : "", k->unit ? k->unit : "");

	if (n < 0 || (size_t)n >= size || (k->min == 0 && k->max == 0))
		return;
	if (k->max >= FSD_KEY_NO_MAX)
		snprintf(buf + n, size - (size_t)n, " of at least %s", bound(k->min, lo, sizeof lo));
	else
		snprintf(buf + n, size - (size_t)n, " from %s to %s", bound(k->min, lo, sizeof lo),
		    bound(k->max, hi, sizeof hi));
}

/* Check v by row k and store it: 0, or -1 with the problem in why. */
static int
take(const struct fsd_key *k, const json_t *v, void *target, char *why, size_t size)
{
	char *slot = (char *)target + k->offset, want[128], q[64];
	double x;

	switch (k->type) {
	case FSD_KEY_INT:
	case FSD_KEY_INT64:
	case FSD_KEY_LLONG:
	case FSD_KEY_DOUBLE:
		x = json_is_number(v) ? json_number_value(v) : NAN;
		if (isnan(x) || (k->type != FSD_KEY_DOUBLE && (x != floor(x) || fabs(x) > 9e15))
		    || (k->type == FSD_KEY_INT && (x < INT_MIN || x > INT_MAX))
		    || ((k->min != 0 || k->max != 0) && (x < k->min || x > k->max))) {
			want_number(k, want, sizeof want);
			snprintf(why, size, "must be %s, not %s", want, fsd_quote_value(v, q, sizeof q));
			return -1;
		}
		if (k->type == FSD_KEY_INT)
			*(int *)(void *)slot = (int)x;
		else if (k->type == FSD_KEY_INT64)
			*(int64_t *)(void *)slot = json_is_integer(v) ? json_integer_value(v)
			    : (int64_t)x;
		else if (k->type == FSD_KEY_LLONG)
			*(long long *)(void *)slot = json_is_integer(v) ? json_integer_value(v)
			    : (long long)x;
		else
			*(double *)(void *)slot = x;
		return 0;
	case FSD_KEY_BOOL:
		if (!json_is_boolean(v)) {
			snprintf(why, size, "must be true or false, not %s", fsd_quote_value(v, q, sizeof q));
			return -1;
		}
		*(int *)(void *)slot = json_is_true(v);
		return 0;
	case FSD_KEY_STRING:
		if (!json_is_string(v)) {
			snprintf(why, size, "must be a string, not %s", fsd_quote_value(v, q, sizeof q));
			return -1;
		}
		free(*(char **)(void *)slot);
		*(char **)(void *)slot = xstrdup(json_string_value(v));
		return 0;
	case FSD_KEY_OBJECT:
		if (!json_is_object(v)) {
			snprintf(why, size, "must be an object, not %s", fsd_quote_value(v, q, sizeof q));
			return -1;
		}
		return 0;
	case FSD_KEY_ARRAY:
		if (!json_is_array(v)) {
			snprintf(why, size, "must be an array, not %s", fsd_quote_value(v, q, sizeof q));
			return -1;
		}
		return 0;
	case FSD_KEY_OTHER:
		return 0;
	}
	return 0;
}

static void
set_default(const struct fsd_key *k, void *target)
{
	char *slot = (char *)target + k->offset;

	switch (k->type) {
	case FSD_KEY_INT:
	case FSD_KEY_BOOL:
		*(int *)(void *)slot = (int)k->def;
		break;
	case FSD_KEY_INT64:
		*(int64_t *)(void *)slot = (int64_t)k->def;
		break;
	case FSD_KEY_LLONG:
		*(long long *)(void *)slot = (long long)k->def;
		break;
	case FSD_KEY_DOUBLE:
		*(double *)(void *)slot = k->def;
		break;
	case FSD_KEY_STRING:
		free(*(char **)(void *)slot);
		*(char **)(void *)slot = k->def_string ? xstrdup(k->def_string) : NULL;
		break;
	default:
		break;
	}
}

static const struct fsd_key *
row_of(const struct fsd_key *keys, const char *name)
{
	for (; keys->name != NULL; keys++)
		if (strcmp(keys->name, name) == 0)
			return keys;
	return NULL;
}

static char *
sub_path(const char *path, const char *key)
{
	return *path ? xasprintf("%s.%s", path, key) : xstrdup(key);
}

/* Reject keys the file format does not have: a misspelt key would
 * otherwise be silently ignored and its rule never applied. */
static void
unknown_key(struct fsd_sidefile *f, const char *where, const struct fsd_key *keys)
{
	char known[512];
	size_t n = 0;

	known[0] = '\0';
	for (const struct fsd_key *k = keys; k->name != NULL && n < sizeof known; k++) {
		int w = snprintf(known + n, sizeof known - n, "%s%s", n ? ", " : "", k->name);
		if (w < 0)
			break;
		n += (size_t)w;
	}
	fsd_side_problem(f, where, "is not a known key (known: %s)", known);
}

int
fsd_side_value(struct fsd_sidefile *f, const json_t *v, const char *path,
    const struct fsd_key *row, void *target)
{
	char why[256];

	if (take(row, v, target, why, sizeof why) == 0)
		return 0;
	fsd_side_problem(f, path, "%s", why);
	return -1;
}

int
fsd_side_read(struct fsd_sidefile *f, const json_t *obj, const char *path,
    const struct fsd_key *keys, void *target)
{
	int before = f->problems;
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)obj, key, v) {
		const struct fsd_key *k = row_of(keys, key);
		char *where = sub_path(path, key);

		if (k == NULL)
			unknown_key(f, where, keys);
		else if (!json_is_null(v))
			fsd_side_value(f, v, where, k, target);
		free(where);
	}
	for (const struct fsd_key *k = keys; k->name != NULL; k++) {
		v = json_object_get(obj, k->name);
		if (k->has_default && (v == NULL || json_is_null(v)))
			set_default(k, target);
	}
	return f->problems - before;
}

void
fsd_keys_defaults(const struct fsd_key *keys, void *target)
{
	for (; keys->name != NULL; keys++)
		if (keys->has_default)
			set_default(keys, target);
}

int
fsd_keys_read(const struct fsd_key *keys, const json_t *record, void *target,
    const struct fsd_pos *pos)
{
	for (const struct fsd_key *k = keys; k->name != NULL; k++) {
		json_t *v = json_object_get(record, k->name);
		char why[256];

		if (v == NULL || json_is_null(v))
			continue;
		if (take(k, v, target, why, sizeof why) != 0)
			return fsd_field_fail(pos, "\"%s\" %s", k->name, why);
	}
	return FSD_FIELD_OK;
}
