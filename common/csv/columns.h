/* A CSV header made into columns: dotted names split into paths that
 * build nested objects ("site.lat" -> {"site":{"lat":...}}), each column
 * with its kind. A header that cannot map to records (an empty name, a
 * name twice, "site" beside "site.lat") is refused here, once, rather
 * than on every row. */
#ifndef FSD_CSV_COLUMNS_H
#define FSD_CSV_COLUMNS_H

#include <stddef.h>
#include <jansson.h>

#include "csv/cell.h"

struct fsd_csv_column {
	char *name;		/* as in the header: "site.lat" */
	char **path;		/* "site", "lat" */
	size_t depth;
	enum fsd_csv_kind kind;
};

/* Columns from the n header cells, or NULL with the reason in err. */
struct fsd_csv_column *fsd_csv_columns(char *const *names, const size_t *lens, size_t n,
    const struct fsd_csv_override *overrides, size_t noverrides, char *err, size_t errlen);
void fsd_csv_columns_free(struct fsd_csv_column *columns, size_t n);

/* Set value (a new reference, taken) at the column's path in record,
 * making the objects on the way. */
void fsd_csv_set(json_t *record, const struct fsd_csv_column *column, json_t *value);

#endif
