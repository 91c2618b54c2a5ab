#include <stdlib.h>
#include <string.h>

#include "applied.h"
#include "xalloc.h"

void
restock_applied_init(struct restock_applied *a)
{
	memset(a, 0, sizeof *a);
	a->last_key = -1;
}

void
restock_applied_free(struct restock_applied *a)
{
	for (size_t i = 0; i < a->keys.count; i++)
		free(a->series[i].range);
	free(a->series);
	restock_names_free(&a->keys);
	restock_names_free(&a->whole);
	restock_applied_init(a);
}

/* Split id into the length of its prefix and the number its trailing
 * digits make; -1 when it has to be kept whole. */
static int
split(const char *id, size_t len, size_t *prefix_len, int64_t *number)
{
	size_t i = len;
	int64_t n = 0;

	while (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9')
		i--;
	if (i == len || len - i > RESTOCK_ID_MAX_DIGITS)
		return -1;
	for (size_t j = i; j < len; j++)
		n = n * 10 + (id[j] - '0');
	*prefix_len = i;
	*number = n;
	return (int)(len - i);
}

/* The series key: the digit count as one byte, then the prefix. */
static int
series_key(struct restock_applied *a, const char *prefix, size_t prefix_len,
    int digits, int add)
{
	char stack[128], *key = prefix_len + 1 <= sizeof stack ? stack : xmalloc(prefix_len + 1);
	int k;

	key[0] = (char)digits;
	memcpy(key + 1, prefix, prefix_len);
	if (a->last_key >= 0 && a->keys.len[a->last_key] == prefix_len + 1
	    && memcmp(a->keys.name[a->last_key], key, prefix_len + 1) == 0)
		k = a->last_key;
	else if (add) {
		k = restock_names_add(&a->keys, key, prefix_len + 1);
		if ((size_t)k >= a->series_cap) {
			size_t old = a->series_cap;
			a->series = xgrow(a->series, &a->series_cap, (size_t)k + 1, sizeof *a->series);
			memset(a->series + old, 0, (a->series_cap - old) * sizeof *a->series);
		}
	} else
		k = restock_names_find(&a->keys, key, prefix_len + 1);
	if (key != stack)
		free(key);
	if (k >= 0)
		a->last_key = k;
	return k;
}

/* Index of the last range whose first is <= n, or -1. */
static long
range_at(const struct restock_series *s, int64_t n)
{
	long lo = 0, hi = (long)s->count - 1, found = -1;

	/* Ids mostly arrive in order: try the last range first. */
	if (s->count > 0 && s->range[s->count - 1].first <= n)
		return (long)s->count - 1;
	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;
		if (s->range[mid].first <= n) {
			found = mid;
			lo = mid + 1;
		} else
			hi = mid - 1;
	}
	return found;
}

static int
series_has(const struct restock_series *s, int64_t n)
{
	long i = range_at(s, n);

	return i >= 0 && n <= s->range[i].last;
}

/* Add first..last to the series, merging with every range it touches. */
static void
series_add(struct restock_series *s, int64_t first, int64_t last)
{
	long i = range_at(s, first), j;

	/* Extend the range before when it touches. */
	if (i >= 0 && s->range[i].last + 1 >= first) {
		if (last > s->range[i].last)
			s->range[i].last = last;
	} else {
		i++;
		s->range = xgrow(s->range, &s->cap, s->count + 1, sizeof *s->range);
		memmove(s->range + i + 1, s->range + i, (s->count - (size_t)i) * sizeof *s->range);
		s->range[i] = (struct restock_range){ first, last };
		s->count++;
	}
	/* Swallow the ranges after it that now touch. */
	for (j = i + 1; j < (long)s->count && s->range[j].first <= s->range[i].last + 1; j++)
		if (s->range[j].last > s->range[i].last)
			s->range[i].last = s->range[j].last;
	if (j > i + 1) {
		memmove(s->range + i + 1, s->range + j, (s->count - (size_t)j) * sizeof *s->range);
		s->count -= (size_t)(j - i - 1);
	}
}

int
restock_applied_has(struct restock_applied *a, const char *id, size_t len)
{
	size_t prefix_len;
	int64_t n;
	int digits = split(id, len, &prefix_len, &n), k;

	if (digits < 0)
		return restock_names_find(&a->whole, id, len) >= 0;
	k = series_key(a, id, prefix_len, digits, 0);
	return k >= 0 && series_has(&a->series[k], n);
}

int
restock_applied_add(struct restock_applied *a, const char *id, size_t len)
{
	size_t prefix_len, before;
	int64_t n;
	int digits = split(id, len, &prefix_len, &n), k;

	if (digits < 0) {
		before = a->whole.count;
		restock_names_add(&a->whole, id, len);
		return a->whole.count > before;
	}
	k = series_key(a, id, prefix_len, digits, 1);
	if (series_has(&a->series[k], n))
		return 0;
	series_add(&a->series[k], n, n);
	return 1;
}

int
restock_applied_add_range(struct restock_applied *a, const char *prefix,
    int digits, int64_t first, int64_t last)
{
	int64_t limit = 1;
	int k;

	if (digits < 1 || digits > RESTOCK_ID_MAX_DIGITS || first < 0 || last < first)
		return -1;
	for (int i = 0; i < digits; i++)
		limit *= 10;
	if (last >= limit)
		return -1;
	k = series_key(a, prefix, strlen(prefix), digits, 1);
	series_add(&a->series[k], first, last);
	return 0;
}

size_t
restock_applied_series_count(const struct restock_applied *a)
{
	return a->keys.count;
}

const char *
restock_applied_series_prefix(const struct restock_applied *a, size_t i, int *digits)
{
	*digits = (unsigned char)a->keys.name[i][0];
	return a->keys.name[i] + 1;
}

size_t
restock_applied_whole_count(const struct restock_applied *a)
{
	return a->whole.count;
}

const char *
restock_applied_whole(const struct restock_applied *a, size_t i)
{
	return a->whole.name[i];
}
