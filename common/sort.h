/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Sorting with a context (git's QSORT_S): the comparator gets what it
 * needs through ctx, so no file-scope variable exists only to feed it. */
#ifndef FSD_SORT_H
#define FSD_SORT_H

#include <stddef.h>

typedef int (*fsd_sort_cmp)(const void *a, const void *b, void *ctx);

/* Sort n items of size bytes at base by cmp. Stable: equal items keep
 * their order, so a tie needs no extra key to come out the same on every
 * libc. Dies cleanly when memory runs out. */
void fsd_sort(void *base, size_t n, size_t size, fsd_sort_cmp cmp, void *ctx);

#endif
