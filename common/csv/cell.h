/* How a spreadsheet cell and a record field map to each other: the typing
 * rules of fsd-import and fsd-export, as plain functions.
 *
 * A column's kind comes from the last component of its dotted name
 * ("site.lat" -> "lat" -> a number), unless the user forces one. Ids,
 * phone numbers, zip codes and every column we do not know stay strings:
 * a spreadsheet that turns "00742" into 742 has done harm, we will not. */
#ifndef FSD_CSV_CELL_H
#define FSD_CSV_CELL_H

#include <stddef.h>
#include <jansson.h>

enum fsd_csv_kind {
	FSD_CSV_STRING,		/* the text as it is */
	FSD_CSV_NUMBER,		/* 90, 39.7392, -104.99 */
	FSD_CSV_BOOL,		/* true/false, yes/no, y/n, 1/0 */
	FSD_CSV_LIST,		/* hvac;cert:epa608 -> ["hvac","cert:epa608"] */
	FSD_CSV_PARTS,		/* CAP-45-5:1;FLT-16X25X1:2 -> [{"sku","qty"}] */
	FSD_CSV_STOCK,		/* CAP-45-5:3;FLT-16X25X1:6 -> {"CAP-45-5":3,...} */
	FSD_CSV_PERIODS,	/* start/end;start/end -> [{"start","end"}] */
	FSD_CSV_JSON,		/* the cell holds JSON text */
	FSD_CSV_MONEY		/* 15000: whole minor units; "150.00" is refused */
};

/* The kind of a column by its name alone (the documented table). */
enum fsd_csv_kind fsd_csv_default_kind(const char *column);

/* A kind the user forces on columns: names is a comma-separated list of
 * column names ("site.zip") or last components ("zip", every column
 * ending so). */
struct fsd_csv_override {
	enum fsd_csv_kind kind;
	const char *names;	/* NULL: none */
};

/* Does the comma-separated list name this column? */
int fsd_csv_names_column(const char *names, const char *column);

/* The kind of a column: the first override naming it, else the table. */
enum fsd_csv_kind fsd_csv_column_kind(const char *column,
    const struct fsd_csv_override *overrides, size_t n);

/* "number", "list"...: for messages and the manual. */
const char *fsd_csv_kind_name(enum fsd_csv_kind kind);

/* The value a cell holds, or NULL when it does not fit the kind; then
 * why is written to err (for "column \"duration\": " + err). text is
 * len bytes (NUL-terminated), not empty, valid UTF-8. */
json_t *fsd_csv_parse_cell(enum fsd_csv_kind kind, const char *text, size_t len,
    char *err, size_t errlen);

/* Is text valid UTF-8 without a NUL byte? A CSV saved as "Windows-1252"
 * is the usual case where it is not. */
int fsd_csv_utf8_valid(const char *text, size_t len);
/* A JSON string of text with every invalid byte replaced by U+FFFD, so a
 * bad row can still be carried in a record. */
json_t *fsd_csv_lossy_string(const char *text, size_t len);

/* Does a spreadsheet read a cell starting like this as a formula? OWASP's
 * list: = + - @ tab and carriage return, after any spaces. */
int fsd_csv_formula_like(const char *text);
/* The prefix fsd-export puts before such a cell so it stays text, and
 * fsd-import takes away again: a single quote, as OWASP recommends. */
#define FSD_CSV_FORMULA_GUARD '\''
/* A phone number as fsd(5) writes one, "+1 303 555 0142": a + and then
 * only digits, spaces, dashes, dots and parentheses. It starts like a
 * formula but names no function, cell or link, so it cannot run
 * anything; the guard would only show as a stray ' on the tech's sheet. */
int fsd_csv_phone_like(const char *text);
/* text without the guard fsd-export put there (text itself when none). */
const char *fsd_csv_unguard(const char *text);

/* A growing string for building cells and rows. */
struct fsd_csv_buf {
	char *data;
	size_t len, cap;
};
void fsd_csv_buf_add(struct fsd_csv_buf *b, const char *s, size_t len);
void fsd_csv_buf_addc(struct fsd_csv_buf *b, char c);
void fsd_csv_buf_adds(struct fsd_csv_buf *b, const char *s);
void fsd_csv_buf_free(struct fsd_csv_buf *b);

/* The text of a field as one cell, appended to out: strings as they are,
 * numbers as JSON writes them, true/false, arrays of scalars joined by
 * ";", and in the columns of those kinds (fsd_csv_default_kind) parts
 * as SKU:qty;..., periods as start/end;..., a stock object as
 * SKU:qty;...; anything else as compact JSON text. Returns 1 when the
 * value was a JSON number (never a formula), 0 for other text, -1 when
 * the value makes an empty cell (null, []). */
int fsd_csv_format_cell(enum fsd_csv_kind kind, const json_t *value, struct fsd_csv_buf *out);

/* Is this value written as one cell rather than spread over dotted
 * columns? Everything but objects, and a stock object. */
int fsd_csv_is_cell(enum fsd_csv_kind kind, const json_t *value);

/* Append one cell to a CSV row, quoted as RFC 4180 asks when it holds a
 * comma, a quote, a line break, or spaces at either end (which a reader
 * would trim). */
void fsd_csv_quote(struct fsd_csv_buf *row, const char *text, size_t len);

#endif
