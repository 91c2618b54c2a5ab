/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A merge sort: stable and O(n log n) on every input, with one buffer
 * the size of the array. qsort_r would do, but its argument order
 * differs between glibc and the BSDs, and qsort is not stable. */
#include <stdlib.h>
#include <string.h>

#include "sort.h"
#include "xalloc.h"

/* Runs this short are sorted by insertion: fewer moves than merging. */
#define INSERTION_RUN 8

static void
insertion(char *base, size_t n, size_t size, fsd_sort_cmp cmp, void *ctx, char *tmp)
{
	for (size_t i = 1; i < n; i++) {
		size_t k = i;

		memcpy(tmp, base + i * size, size);
		while (k > 0 && cmp(base + (k - 1) * size, tmp, ctx) > 0) {
			memcpy(base + k * size, base + (k - 1) * size, size);
			k--;
		}
		memcpy(base + k * size, tmp, size);
	}
}

static void
merge_sort(char *base, size_t n, size_t size, fsd_sort_cmp cmp, void *ctx, char *buf)
{
	size_t half = n / 2, i = 0, j = half, out = 0;

	if (n <= INSERTION_RUN) {
		insertion(base, n, size, cmp, ctx, buf);
		return;
	}
	merge_sort(base, half, size, cmp, ctx, buf);
	merge_sort(base + half * size, n - half, size, cmp, ctx, buf);
	if (cmp(base + (half - 1) * size, base + half * size, ctx) <= 0)
		return;		/* already in order: common in nearly sorted input */
	while (i < half && j < n) {
		/* <= keeps the left one first among equals: stable */
		size_t from = cmp(base + i * size, base + j * size, ctx) <= 0 ? i++ : j++;
		memcpy(buf + out++ * size, base + from * size, size);
	}
	memcpy(buf + out * size, base + i * size, (half - i) * size);
	out += half - i;
	memcpy(base, buf, out * size);	/* the right half's tail is in place */
}

void
fsd_sort(void *base, size_t n, size_t size, fsd_sort_cmp cmp, void *ctx)
{
	char *buf;

	if (n < 2)
		return;
	buf = xmalloc(n * size);
	merge_sort(base, n, size, cmp, ctx, buf);
	free(buf);
}
