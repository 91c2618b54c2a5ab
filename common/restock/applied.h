/* The set of usage-event ids already applied to a stock, kept so that a
 * rerun or an overlapping batch never decrements twice.
 *
 * Ids from capture devices and invoices are nearly always a fixed text
 * and a counter ("U-T07-000412", "INV-88121-3"). An id is split into a
 * series -- its text up to the trailing digits, and how many digits
 * there are -- and the number those digits make; each series keeps its
 * applied numbers as sorted, merged ranges. A day of a million events
 * from one device is then one range, and memory grows with the number
 * of series and the gaps in them, not with the events. The split is
 * exact both ways ("E007" is series "E"/3 number 7, "E7" is "E"/1), so
 * no two ids share a slot. Ids with no trailing digits, or more than 18,
 * are kept whole. */
#ifndef FSD_RESTOCK_APPLIED_H
#define FSD_RESTOCK_APPLIED_H

#include <stddef.h>
#include <stdint.h>

#include "names.h"

struct restock_range {
	int64_t first, last;	/* inclusive */
};

struct restock_series {
	struct restock_range *range;	/* sorted, disjoint, not adjacent */
	size_t count, cap;
};

struct restock_applied {
	struct restock_names keys;	/* series key: digit count byte + prefix */
	struct restock_series *series;	/* by key index */
	size_t series_cap;
	struct restock_names whole;	/* ids kept whole */
	int last_key;			/* the series used last: most ids repeat it */
};

#define RESTOCK_ID_MAX_DIGITS 18

void restock_applied_init(struct restock_applied *a);
void restock_applied_free(struct restock_applied *a);

/* Is the id applied? */
int restock_applied_has(struct restock_applied *a, const char *id, size_t len);
/* Record the id; returns 1 when it is new, 0 when it was already there. */
int restock_applied_add(struct restock_applied *a, const char *id, size_t len);
/* Record first..last of the series prefix/digits (reading a stock file).
 * Returns 0, or -1 when the range is not valid for the digit count. */
int restock_applied_add_range(struct restock_applied *a, const char *prefix,
    int digits, int64_t first, int64_t last);

/* For writing back: series i's prefix and digit count. */
size_t restock_applied_series_count(const struct restock_applied *a);
const char *restock_applied_series_prefix(const struct restock_applied *a, size_t i,
    int *digits);
/* Ids kept whole. */
size_t restock_applied_whole_count(const struct restock_applied *a);
const char *restock_applied_whole(const struct restock_applied *a, size_t i);

#endif
