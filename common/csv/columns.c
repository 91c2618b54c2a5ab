#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/columns.h"
#include "xalloc.h"

static char **
split_path(const char *name, size_t *depth)
{
	char **path = NULL;
	size_t cap = 0, n = 0;

	for (const char *p = name;;) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);

		path = xgrow(path, &cap, n + 1, sizeof *path);
		path[n] = xmalloc(len + 1);
		memcpy(path[n], p, len);
		path[n++][len] = '\0';
		if (dot == NULL)
			break;
		p = dot + 1;
	}
	*depth = n;
	return path;
}

/* The names seen so far, and every proper prefix of them at a dot, each
 * to the first column that has it: a header of 100,000 columns is
 * checked in one pass, not by comparing every pair. */
struct seen {
	json_t *names;
	json_t *prefixes;
};

static long
seen_at(json_t *map, const char *key)
{
	json_t *v = json_object_get(map, key);

	return v == NULL ? -1 : (long)json_integer_value(v);
}

static void
conflict(const struct fsd_csv_column *whole, const struct fsd_csv_column *part,
    char *err, size_t errlen)
{
	snprintf(err, errlen, "column \"%s\" makes \"%s\" an object, but \"%s\" "
	    "is a column of its own", part->name, whole->name, whole->name);
}

static const char *
header_problem(const struct fsd_csv_column *c, size_t i, struct seen *seen, char *err,
    size_t errlen)
{
	char *prefix;
	long j;

	if (c[i].name[0] == '\0') {
		snprintf(err, errlen, "column %zu of the header has no name", i + 1);
		return err;
	}
	for (size_t k = 0; k < c[i].depth; k++) {
		if (c[i].path[k][0] == '\0') {
			snprintf(err, errlen, "column \"%s\": a dotted name needs a name "
			    "on each side of every dot", c[i].name);
			return err;
		}
	}
	if ((j = seen_at(seen->names, c[i].name)) >= 0) {
		snprintf(err, errlen, "column \"%s\" is in the header twice "
		    "(columns %ld and %zu)", c[i].name, j + 1, i + 1);
		return err;
	}
	if ((j = seen_at(seen->prefixes, c[i].name)) >= 0) {
		conflict(&c[i], &c[j], err, errlen);
		return err;
	}
	prefix = xstrdup(c[i].name);
	for (char *dot = strchr(prefix, '.'); dot != NULL; dot = strchr(dot + 1, '.')) {
		*dot = '\0';
		if ((j = seen_at(seen->names, prefix)) >= 0) {
			conflict(&c[j], &c[i], err, errlen);
			free(prefix);
			return err;
		}
		if (seen_at(seen->prefixes, prefix) < 0)
			json_object_set_new(seen->prefixes, prefix, json_integer((json_int_t)i));
		*dot = '.';
	}
	free(prefix);
	json_object_set_new(seen->names, c[i].name, json_integer((json_int_t)i));
	return NULL;
}

struct fsd_csv_column *
fsd_csv_columns(char *const *names, const size_t *lens, size_t n,
    const struct fsd_csv_override *overrides, size_t noverrides, char *err, size_t errlen)
{
	struct fsd_csv_column *c = xcalloc(n, sizeof *c);
	struct seen seen = { json_object(), json_object() };

	for (size_t i = 0; i < n; i++) {
		if (strlen(names[i]) != lens[i] || !fsd_csv_utf8_valid(names[i], lens[i])) {
			snprintf(err, errlen, "column %zu of the header is not UTF-8 text", i + 1);
			fsd_csv_columns_free(c, i);
			c = NULL;
			break;
		}
		c[i].name = xstrdup(names[i]);
		c[i].path = split_path(names[i], &c[i].depth);
		c[i].kind = fsd_csv_column_kind(names[i], overrides, noverrides);
		if (header_problem(c, i, &seen, err, errlen) != NULL) {
			fsd_csv_columns_free(c, i + 1);
			c = NULL;
			break;
		}
	}
	json_decref(seen.names);
	json_decref(seen.prefixes);
	return c;
}

void
fsd_csv_columns_free(struct fsd_csv_column *c, size_t n)
{
	for (size_t i = 0; i < n && c != NULL; i++) {
		for (size_t k = 0; k < c[i].depth; k++)
			free(c[i].path[k]);
		free(c[i].path);
		free(c[i].name);
	}
	free(c);
}

void
fsd_csv_set(json_t *record, const struct fsd_csv_column *column, json_t *value)
{
	json_t *o = record;

	for (size_t k = 0; k + 1 < column->depth; k++) {
		json_t *next = json_object_get(o, column->path[k]);
		if (next == NULL) {
			next = json_object();
			json_object_set_new(o, column->path[k], next);
		}
		o = next;
	}
	json_object_set_new(o, column->path[column->depth - 1], value);
}
