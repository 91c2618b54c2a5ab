/* Calendar-fixed schedules: RFC 5545 recurrence rules expanded by libical.
 * Month ends follow the RFC: BYMONTHDAY=31 skips 30-day months; write
 * BYMONTHDAY=-1 for "the last day", or RSCALE=GREGORIAN;SKIP=BACKWARD
 * (RFC 7529) for "the 31st, or the month's last day when it has none". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "rfc3339.h"
#include "xalloc.h"
#include "recur/recur.h"

/* libical steps through dates with ICU calendars, some microseconds an
 * occurrence, and a shop's contracts share a handful of rule shapes
 * ("quarterly on the last day", "every April"), so what a rule yields,
 * and whether it is valid, is worked out once a run and remembered. */
struct memo {
	char *key;
	const char *why;	/* the check's verdict */
	int64_t *days;		/* the expansion */
	size_t count;
	int failed;
};

static struct memo *memo;
static size_t memo_size, memo_used;

static size_t
hash(const char *s)
{
	size_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void memo_grow(void);

/* The entry for key, made empty when new. */
static struct memo *
memo_slot(const char *key, int *found)
{
	size_t i;

	if (memo_used * 2 >= memo_size)
		memo_grow();
	for (i = hash(key) & (memo_size - 1); memo[i].key != NULL; i = (i + 1) & (memo_size - 1))
		if (strcmp(memo[i].key, key) == 0) {
			*found = 1;
			return &memo[i];
		}
	*found = 0;
	memo[i] = (struct memo){ xstrdup(key), NULL, NULL, 0, 0 };
	memo_used++;
	return &memo[i];
}

static void
memo_grow(void)
{
	struct memo *old = memo;
	size_t old_size = memo_size;
	int found;

	memo_size = memo_size ? memo_size * 2 : 256;
	memo = xcalloc(memo_size, sizeof *memo);
	memo_used = 0;
	for (size_t i = 0; i < old_size; i++)
		if (old[i].key != NULL) {
			struct memo *m = memo_slot(old[i].key, &found);
			free(m->key);
			*m = old[i];
		}
	free(old);
}

void
recur_rrule_forget(void)
{
	for (size_t i = 0; i < memo_size; i++) {
		free(memo[i].key);
		free(memo[i].days);
	}
	free(memo);
	memo = NULL;
	memo_size = memo_used = 0;
}

/* People paste the property line as it stands in an .ics file. */
static const char *
rule_text(const char *rrule)
{
	return strncmp(rrule, "RRULE:", 6) == 0 ? rrule + 6 : rrule;
}

static struct icaltimetype
local_start(int64_t day, int minutes)
{
	struct icaltimetype t = icaltime_null_time();
	int64_t year;

	fsd_civil_from_days(day, &year, &t.month, &t.day);
	t.year = (int)year;
	if (minutes > 0) {
		t.hour = minutes / 60;
		t.minute = minutes % 60;
	}
	return t;
}

static const char *
check(const char *rrule)
{
	struct icalrecurrencetype r;
	const char *why = NULL;

	icalerrno = ICAL_NO_ERROR;
	r = icalrecurrencetype_from_string(rule_text(rrule));
	if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
		why = "is not an RFC 5545 recurrence rule";
	else if (r.freq == ICAL_SECONDLY_RECURRENCE || r.freq == ICAL_MINUTELY_RECURRENCE
	    || r.freq == ICAL_HOURLY_RECURRENCE)
		why = "must recur daily or less often (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)";
	icalmemory_free_buffer(r.rscale);
	if (why == NULL) {
		/* Some rules parse yet cannot be iterated (BYMONTH=13). */
		icalrecur_iterator *it;

		r = icalrecurrencetype_from_string(rule_text(rrule));
		it = icalrecur_iterator_new(r, local_start(fsd_days_from_civil(2026, 1, 1), 0));
		if (it == NULL)
			why = "is not an RFC 5545 recurrence rule";
		else
			icalrecur_iterator_free(it);
		icalmemory_free_buffer(r.rscale);
	}
	return why;
}

const char *
recur_rrule_check(const char *rrule)
{
	char *key = xasprintf("?%s", rrule);
	int found;
	struct memo *m = memo_slot(key, &found);

	free(key);
	if (!found)
		m->why = check(rrule);
	return m->why;
}

static void
keep_day(struct memo *m, size_t *cap, int64_t day)
{
	m->days = xgrow(m->days, cap, m->count + 1, sizeof *m->days);
	m->days[m->count++] = day;
}

/* Expand with libical into m. */
static int
expand(const struct recur_contract *c, int64_t lo, int64_t hi, struct memo *m)
{
	struct icalrecurrencetype r;
	icalrecur_iterator *it;
	int64_t last = RECUR_NO_DAY;
	size_t cap = 0;

	r = icalrecurrencetype_from_string(rule_text(c->rrule));
	it = icalrecur_iterator_new(r, local_start(c->dtstart_day, c->dtstart_minutes));
	if (it == NULL) {
		icalmemory_free_buffer(r.rscale);
		return -1;
	}
	/* Jump to the range rather than walk from a DTSTART years back
	 * (libical cannot when the rule counts its occurrences). */
	if (r.count == 0 && lo > c->dtstart_day)
		icalrecur_iterator_set_start(it, local_start(lo, 0));
	for (;;) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		int64_t day;

		if (icaltime_is_null_time(t))
			break;
		day = fsd_days_from_civil(t.year, t.month, t.day);
		if (day > hi)
			break;
		/* BYHOUR and the like give several times a day: one visit. */
		if (day >= lo && day != last)
			keep_day(m, &cap, day);
		last = day;
	}
	icalrecur_iterator_free(it);
	icalmemory_free_buffer(r.rscale);
	return 0;
}

int
recur_rrule_dates(const struct recur_contract *c, int64_t lo, int64_t hi,
    void (*fn)(int64_t day, void *ctx), void *ctx)
{
	char *key = xasprintf("%s|%lld|%d|%lld|%lld", c->rrule, (long long)c->dtstart_day,
	    c->dtstart_minutes, (long long)lo, (long long)hi);
	int found;
	struct memo *m = memo_slot(key, &found);

	free(key);
	if (!found)
		m->failed = expand(c, lo, hi, m) != 0;
	for (size_t i = 0; i < m->count; i++)
		fn(m->days[i], ctx);
	return m->failed ? -1 : 0;
}
