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

/* Is a's path a proper prefix of b's ("site" of "site.lat")? */
static int
is_prefix(const struct fsd_csv_column *a, const struct fsd_csv_column *b)
{
	if (a->depth >= b->depth)
		return 0;
	for (size_t i = 0; i < a->depth; i++)
		if (strcmp(a->path[i], b->path[i]) != 0)
			return 0;
	return 1;
}

static const char *
header_problem(const struct fsd_csv_column *c, size_t i, char *err, size_t errlen)
{
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
	for (size_t j = 0; j < i; j++) {
		if (strcmp(c[j].name, c[i].name) == 0) {
			snprintf(err, errlen, "column \"%s\" is in the header twice "
			    "(columns %zu and %zu)", c[i].name, j + 1, i + 1);
			return err;
		}
		if (is_prefix(&c[j], &c[i]) || is_prefix(&c[i], &c[j])) {
			const struct fsd_csv_column *whole = is_prefix(&c[j], &c[i]) ? &c[j] : &c[i];
			const struct fsd_csv_column *part = whole == &c[j] ? &c[i] : &c[j];
			snprintf(err, errlen, "column \"%s\" makes \"%s\" an object, but \"%s\" "
			    "is a column of its own", part->name, whole->name, whole->name);
			return err;
		}
	}
	return NULL;
}

struct fsd_csv_column *
fsd_csv_columns(char *const *names, const size_t *lens, size_t n,
    const struct fsd_csv_override *overrides, size_t noverrides, char *err, size_t errlen)
{
	struct fsd_csv_column *c = xcalloc(n, sizeof *c);

	for (size_t i = 0; i < n; i++) {
		if (strlen(names[i]) != lens[i] || !fsd_csv_utf8_valid(names[i], lens[i])) {
			snprintf(err, errlen, "column %zu of the header is not UTF-8 text", i + 1);
			fsd_csv_columns_free(c, i);
			return NULL;
		}
		c[i].name = xstrdup(names[i]);
		c[i].path = split_path(names[i], &c[i].depth);
		c[i].kind = fsd_csv_column_kind(names[i], overrides, noverrides);
		if (header_problem(c, i, err, errlen) != NULL) {
			fsd_csv_columns_free(c, i + 1);
			return NULL;
		}
	}
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
