/* Visits that exist already, sorted once and searched by halving. */
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "recur/recur.h"
#include "recur/seen.h"

void
recur_seen_add_id(struct recur_seen *s, const char *id)
{
	s->ids = xgrow(s->ids, &s->ids_cap, s->nids + 1, sizeof *s->ids);
	s->ids[s->nids++] = xstrdup(id);
	s->sorted = 0;
}

void
recur_seen_add_visit(struct recur_seen *s, const char *contract, int64_t day)
{
	s->visits = xgrow(s->visits, &s->visits_cap, s->nvisits + 1, sizeof *s->visits);
	s->visits[s->nvisits++] = (struct recur_seen_visit){ xstrdup(contract), day };
	s->sorted = 0;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
by_contract_then_day(const void *a, const void *b)
{
	const struct recur_seen_visit *x = a, *y = b;
	int d = strcmp(x->contract, y->contract);

	return d != 0 ? d : (x->day > y->day) - (x->day < y->day);
}

static void
sort(struct recur_seen *s)
{
	if (s->sorted)
		return;
	if (s->nids > 0)
		qsort(s->ids, s->nids, sizeof *s->ids, by_text);
	if (s->nvisits > 0)
		qsort(s->visits, s->nvisits, sizeof *s->visits, by_contract_then_day);
	s->sorted = 1;
}

int
recur_seen_has_id(struct recur_seen *s, const char *id)
{
	sort(s);
	return s->nids > 0 && bsearch(&id, s->ids, s->nids, sizeof *s->ids, by_text) != NULL;
}

/* The first visit of contract on or after day: an index, or nvisits. */
static size_t
first_from(const struct recur_seen *s, const char *contract, int64_t day)
{
	size_t lo = 0, hi = s->nvisits;
	struct recur_seen_visit key = { (char *)contract, day };

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_contract_then_day(&s->visits[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
recur_seen_covers(struct recur_seen *s, const char *contract, int64_t lo, int64_t hi)
{
	size_t i;

	sort(s);
	i = first_from(s, contract, lo);
	return i < s->nvisits && strcmp(s->visits[i].contract, contract) == 0
	    && s->visits[i].day <= hi;
}

int64_t
recur_seen_last(struct recur_seen *s, const char *contract)
{
	size_t i;

	sort(s);
	i = first_from(s, contract, INT64_MAX);
	if (i > 0 && strcmp(s->visits[i - 1].contract, contract) == 0)
		return s->visits[i - 1].day;
	return RECUR_NO_DAY;
}

void
recur_seen_free(struct recur_seen *s)
{
	for (size_t i = 0; i < s->nids; i++)
		free(s->ids[i]);
	for (size_t i = 0; i < s->nvisits; i++)
		free(s->visits[i].contract);
	free(s->ids);
	free(s->visits);
	memset(s, 0, sizeof *s);
}
