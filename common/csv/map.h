/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A column map: which spreadsheet column holds which fsd field, and how
 * to read it, for sheets whose headers are not fsd's names (an FSM's job
 * export, QuickBooks, Google Calendar). One file serves both ways:
 * fsd-import reads each column into its field, fsd-export writes each
 * field into its column, in the map's order. The format, in fsd(5):
 *
 *     # comment
 *     FIELD = COLUMN [| OPTION]...      the column holds the field
 *     NAME := VALUE                     a constant
 *
 * OPTION is one of: format FMT (a strftime-style date or time), tz ZONE,
 * dollars (money in major units), cents (minor units), list SEP, text,
 * number, bool, json. A constant sets field NAME on every imported
 * record that lacks it, and writes a column NAME holding VALUE on every
 * exported row. */
#ifndef FSD_CSV_MAP_H
#define FSD_CSV_MAP_H

#include <stddef.h>
#include <jansson.h>

#include "csv/cell.h"

enum fsd_map_money {
	FSD_MAP_MONEY_NONE,
	FSD_MAP_MONEY_MAJOR,	/* 150.00 is 15000 minor units */
	FSD_MAP_MONEY_MINOR	/* 15000; 150.00 is refused */
};

struct fsd_map_entry {
	char *field;		/* "window.start"; or a constant's name */
	char *column;		/* "Scheduled start"; NULL for a constant */
	char *constant;		/* the constant's value, else NULL */
	char *format;		/* NULL: none */
	char *zone;		/* NULL: --tz, if any */
	char *list_separator;	/* NULL: not split */
	enum fsd_map_money money;
	int has_kind;		/* kind was given (text, number, bool, json) */
	enum fsd_csv_kind kind;
	long line;		/* in the map file, for messages */
};

struct fsd_map {
	char *path;
	struct fsd_map_entry *entries;
	size_t n;
	int exponent;		/* the currency's, from a "currency" constant; 2 */
};

/* Load a map; on a bad line report it (file:line: what) and exit 1. */
struct fsd_map *fsd_map_load(const char *path);
void fsd_map_free(struct fsd_map *map);

/* The entry whose column is this header cell (spaces at the ends and
 * letter case ignored), or NULL. */
const struct fsd_map_entry *fsd_map_find_column(const struct fsd_map *map,
    const char *column);

/* A cell of a mapped column as its field's value, or NULL with why in
 * err. zone is --tz (NULL: none); kind is the field's own. */
json_t *fsd_map_read_cell(const struct fsd_map *map, const struct fsd_map_entry *e,
    const char *zone, enum fsd_csv_kind kind, const char *text, size_t len,
    char *err, size_t errlen);

/* A field's value as a mapped column's cell text, appended to out.
 * Returns 0 (-1 for an empty cell), or -2 when the value does not fit
 * the entry's format or money (why in err). exponent is the record's
 * currency's. */
int fsd_map_write_cell(const struct fsd_map_entry *e, const char *zone, int exponent,
    enum fsd_csv_kind kind, const json_t *value, struct fsd_csv_buf *out,
    char *err, size_t errlen);

#endif
