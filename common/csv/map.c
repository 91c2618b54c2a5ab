/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv/clock.h"
#include "csv/map.h"
#include "err.h"
#include "money.h"
#include "xalloc.h"
#include "zone.h"

/* text with spaces at both ends cut, in place. */
static char *
trim(char *text)
{
	char *end;

	while (isspace((unsigned char)*text))
		text++;
	end = text + strlen(text);
	while (end > text && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return text;
}

static const struct {
	const char *name;
	enum fsd_csv_kind kind;
} kind_options[] = {
	{ "text", FSD_CSV_STRING }, { "number", FSD_CSV_NUMBER },
	{ "bool", FSD_CSV_BOOL }, { "json", FSD_CSV_JSON },
};

/* A bad line: why, into err, and -1. The loader frees what it holds
 * before it says so and ends the run, so a map that is refused leaves
 * nothing behind (a fuzzer loads millions in one process). */
static int
refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int
parse_option(struct fsd_map_entry *e, char *option, char *err, size_t errlen)
{
	char *arg = option + strcspn(option, " \t");

	if (*arg != '\0')
		*arg++ = '\0';
	arg = trim(arg);
	if (strcmp(option, "format") == 0 && *arg != '\0') {
		free(e->format);
		e->format = xstrdup(arg);
	} else if (strcmp(option, "tz") == 0 && *arg != '\0') {
		if (!fsd_zone_valid(arg))
			return refuse(err, errlen, "tz \"%s\" is not a zone of the tz database "
			    "(America/Denver, Europe/Berlin, UTC...)", arg);
		free(e->zone);
		e->zone = xstrdup(arg);
	} else if (strcmp(option, "list") == 0 && *arg != '\0') {
		free(e->list_separator);
		e->list_separator = xstrdup(arg);
	} else if (strcmp(option, "dollars") == 0 && *arg == '\0') {
		e->money = FSD_MAP_MONEY_MAJOR;
	} else if (strcmp(option, "cents") == 0 && *arg == '\0') {
		e->money = FSD_MAP_MONEY_MINOR;
	} else {
		for (size_t i = 0; i < sizeof kind_options / sizeof kind_options[0]; i++) {
			if (strcmp(option, kind_options[i].name) == 0 && *arg == '\0') {
				e->has_kind = 1;
				e->kind = kind_options[i].kind;
				return 0;
			}
		}
		return refuse(err, errlen, "\"%s%s%s\" is not a map option (format FMT, tz ZONE, "
		    "dollars, cents, list SEP, text, number, bool, json)", option,
		    *arg ? " " : "", arg);
	}
	return 0;
}

static void
entry_free(struct fsd_map_entry *e)
{
	free(e->field);
	free(e->column);
	free(e->constant);
	free(e->format);
	free(e->zone);
	free(e->list_separator);
}

static int
read_line(struct fsd_map *map, char *line, struct fsd_map_entry *e, char *err, size_t errlen)
{
	char *constant = strstr(line, ":="), *eq = strchr(line, '='), *field, *rest;

	if (constant != NULL && constant < eq) {
		*constant = '\0';
		field = trim(line);
		e->constant = xstrdup(trim(constant + 2));
	} else if (eq != NULL) {
		*eq = '\0';
		field = trim(line);
		rest = eq + 1;
		for (char *bar; (bar = strrchr(rest, '|')) != NULL;) {
			*bar = '\0';
			if (parse_option(e, trim(bar + 1), err, errlen) != 0)
				return -1;
		}
		if (*trim(rest) == '\0')
			return refuse(err, errlen, "\"%s\" is mapped to no column", field);
		e->column = xstrdup(trim(rest));
	} else {
		return refuse(err, errlen, "a map line is FIELD = COLUMN [| OPTION]... or NAME := VALUE");
	}
	if (*field == '\0')
		return refuse(err, errlen, "the line names no field");
	if (e->format != NULL && (e->money != FSD_MAP_MONEY_NONE || e->list_separator != NULL))
		return refuse(err, errlen, "\"%s\": a date format cannot go with money or a list", field);
	for (size_t i = 0; e->column != NULL && i < map->n; i++)
		if (map->entries[i].column != NULL && strcasecmp(map->entries[i].column, e->column) == 0)
			return refuse(err, errlen, "column \"%s\" is mapped twice (lines %ld and %ld)",
			    e->column, map->entries[i].line, e->line);
	e->field = xstrdup(field);
	if (e->constant != NULL && strcmp(e->field, "currency") == 0
	    && (map->exponent = fsd_currency_exponent(e->constant)) < 0)
		return refuse(err, errlen, "currency \"%s\" is not an ISO 4217 code (USD, EUR...)", e->constant);
	return 0;
}

/* One line into the map, or -1 with why in err (the entry freed). */
static int
parse_line(struct fsd_map *map, char *line, long number, char *err, size_t errlen)
{
	struct fsd_map_entry e = { .line = number };

	if (read_line(map, line, &e, err, errlen) != 0) {
		entry_free(&e);
		return -1;
	}
	map->entries = xrealloc(map->entries, (map->n + 1) * sizeof *map->entries);
	map->entries[map->n++] = e;
	return 0;
}

struct fsd_map *
fsd_map_load(const char *path)
{
	struct fsd_map *map = xcalloc(1, sizeof *map);
	struct fsd_pos pos = { path, 0 };
	FILE *f = fopen(path, "r");
	char *line = NULL, err[512];
	size_t cap = 0;
	int bad = 0;

	if (f == NULL) {
		free(map);
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	}
	map->path = xstrdup(path);
	map->exponent = 2;
	while (!bad && getline(&line, &cap, f) != -1) {
		char *text = trim(line);

		pos.line++;
		if (*text != '\0' && *text != '#')
			bad = parse_line(map, text, pos.line, err, sizeof err) != 0;
	}
	if (!bad && ferror(f)) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		pos.line = 0;
		bad = 1;
	}
	if (!bad && map->n == 0) {
		snprintf(err, sizeof err, "the map maps nothing");
		pos.line = 0;
		bad = 1;
	}
	free(line);
	fclose(f);
	if (bad) {
		fsd_map_free(map);
		fsd_die_at(FSD_EXIT_DATA, &pos, "%s", err);
	}
	return map;
}

void
fsd_map_free(struct fsd_map *map)
{
	if (map == NULL)
		return;
	for (size_t i = 0; i < map->n; i++)
		entry_free(&map->entries[i]);
	free(map->entries);
	free(map->path);
	free(map);
}

const struct fsd_map_entry *
fsd_map_find_column(const struct fsd_map *map, const char *column)
{
	char *name = xstrdup(column);
	const char *want = trim(name);
	const struct fsd_map_entry *found = NULL;

	for (size_t i = 0; i < map->n && found == NULL; i++)
		if (map->entries[i].column != NULL && strcasecmp(map->entries[i].column, want) == 0)
			found = &map->entries[i];
	free(name);
	return found;
}

/* "$1,234.50" -> "1234.50": the currency sign and thousands separators a
 * spreadsheet formats dollars with. A comma anywhere else ("150,00", a
 * European decimal comma) is left, so the amount is refused, not read
 * as 15000 dollars. */
static char *
plain_amount(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;
	const char *p = text;
	size_t digits = 0;
	int grouped = 1;

	if (*p == '-')
		*o++ = *p++;
	if (*p == '$')
		p++;
	for (; *p != '\0' && *p != '.'; p++) {
		if (*p == ',') {
			grouped = grouped && digits >= 1 && digits <= 3
			    && strspn(p + 1, "0123456789") == 3;
			if (!grouped)
				break;
			digits = 0;
			continue;
		}
		digits++;
		*o++ = *p;
	}
	strcpy(o, p);
	return out;
}

static json_t *
read_dollars(const char *text, int exponent, char *err, size_t errlen)
{
	char *plain = plain_amount(text);
	int64_t minor;
	json_t *v = NULL;

	if (fsd_money_parse(plain, exponent, &minor) == 0)
		v = json_integer((json_int_t)minor);
	else if (exponent == 0)
		snprintf(err, errlen, "\"%s\" is not a whole amount", text);
	else
		snprintf(err, errlen, "\"%s\" is not an amount like 150.00 (at most %d decimals)",
		    text, exponent);
	free(plain);
	return v;
}

static json_t *
read_list(const char *text, const char *sep)
{
	json_t *list = json_array();
	size_t seplen = strlen(sep);

	for (const char *p = text;;) {
		const char *end = strstr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *item = xasprintf("%.*s", (int)len, p);
		char *t = trim(item);

		if (*t != '\0')
			json_array_append_new(list, json_string(t));
		free(item);
		if (end == NULL)
			break;
		p = end + seplen;
	}
	return list;
}

json_t *
fsd_map_read_cell(const struct fsd_map *map, const struct fsd_map_entry *e,
    const char *zone, enum fsd_csv_kind kind, const char *text, size_t len,
    char *err, size_t errlen)
{
	char when[FSD_TIME_LEN];

	if (e->format != NULL) {
		if (fsd_clock_read(e->format, e->zone ? e->zone : zone, text, when,
		    err, errlen) != 0)
			return NULL;
		return json_string(when);
	}
	if (e->money == FSD_MAP_MONEY_MAJOR)
		return read_dollars(text, map->exponent, err, errlen);
	if (e->money == FSD_MAP_MONEY_MINOR)
		return fsd_csv_parse_cell(FSD_CSV_MONEY, text, len, err, errlen);
	if (e->list_separator != NULL)
		return read_list(text, e->list_separator);
	return fsd_csv_parse_cell(e->has_kind ? e->kind : kind, text, len, err, errlen);
}

int
fsd_map_write_cell(const struct fsd_map_entry *e, const char *zone, int exponent,
    enum fsd_csv_kind kind, const json_t *value, struct fsd_csv_buf *out,
    char *err, size_t errlen)
{
	char text[256];

	if (value == NULL || json_is_null(value))
		return -1;
	if (e->format != NULL) {
		if (!json_is_string(value)
		    || fsd_clock_write(e->format, e->zone ? e->zone : zone,
		    json_string_value(value), text, sizeof text) != 0) {
			snprintf(err, errlen, "\"%s\" needs an RFC 3339 time or a date "
			    "for its format", e->field);
			return -2;
		}
		fsd_csv_buf_adds(out, text);
		return 0;
	}
	if (e->money == FSD_MAP_MONEY_MAJOR) {
		char amount[FSD_MONEY_LEN];

		if (!json_is_integer(value)) {
			snprintf(err, errlen, "\"%s\" must be whole minor units (cents)", e->field);
			return -2;
		}
		fsd_csv_buf_adds(out, fsd_money_format(json_integer_value(value), exponent, amount));
		return 1;
	}
	if (e->list_separator != NULL && json_is_array(value)) {
		size_t i;
		json_t *item;

		if (json_array_size(value) == 0)
			return -1;
		json_array_foreach(value, i, item) {
			if (i > 0)
				fsd_csv_buf_adds(out, e->list_separator);
			if (fsd_csv_format_cell(FSD_CSV_STRING, item, out) < 0)
				continue;
		}
		return 0;
	}
	return fsd_csv_format_cell(e->has_kind ? e->kind : kind, value, out);
}
