/* Calendar sense: which days a visit may go on, and month arithmetic. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "recur/recur.h"

static const char *const day_names[] = {
	NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* "mon" or "monday" (any case) -> 1; 0 when not a day name. */
static int
weekday_number(const char *text, size_t len)
{
	static const char *const full[] = {
		NULL, "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"
	};
	char word[16];

	if (len == 0 || len >= sizeof word)
		return 0;
	for (size_t i = 0; i < len; i++)
		word[i] = (char)tolower((unsigned char)text[i]);
	word[len] = '\0';
	for (int d = 1; d <= 7; d++)
		if (strcmp(word, day_names[d]) == 0 || strcmp(word, full[d]) == 0)
			return d;
	return 0;
}

unsigned
recur_weekdays_parse(const char *text)
{
	unsigned bits = 0;
	const char *p = text;

	for (;;) {
		size_t len = strcspn(p, ";, -");
		int first = weekday_number(p, len), last = first;

		p += len;
		if (*p == '-') {	/* a range, "mon-fri", may wrap: "fri-mon" */
			p++;
			len = strcspn(p, ";, ");
			last = weekday_number(p, len);
			p += len;
		}
		if (first == 0 || last == 0)
			return 0;
		for (int d = first;; d = d % 7 + 1) {
			bits |= 1u << d;
			if (d == last)
				break;
		}
		while (*p == ' ')
			p++;
		if (*p == '\0')
			return bits;
		if (*p != ';' && *p != ',')
			return 0;
		p++;
		while (*p == ' ')
			p++;
	}
}

int
recur_clock_parse(const char *text)
{
	int hh, mm;

	if (strlen(text) != 5 || !isdigit((unsigned char)text[0])
	    || !isdigit((unsigned char)text[1]) || text[2] != ':'
	    || !isdigit((unsigned char)text[3]) || !isdigit((unsigned char)text[4]))
		return -1;
	hh = (text[0] - '0') * 10 + (text[1] - '0');
	mm = (text[3] - '0') * 10 + (text[4] - '0');
	if (mm > 59 || hh > 24 || (hh == 24 && mm != 0))
		return -1;
	return hh * 60 + mm;
}

static int
compare_days(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
recur_holiday(const struct recur_holidays *h, int64_t day)
{
	if (h == NULL || h->count == 0)
		return 0;
	return bsearch(&day, h->days, h->count, sizeof *h->days, compare_days) != NULL;
}

int
recur_day_allowed(const struct recur_contract *c, const struct recur_holidays *h,
    int64_t day)
{
	if (c->start_day != RECUR_NO_DAY && day < c->start_day)
		return 0;
	if (c->end_day != RECUR_NO_DAY && day > c->end_day)
		return 0;
	if (!(c->weekdays & (1u << fsd_weekday(day))))
		return 0;
	return !recur_holiday(h, day);
}

int
recur_nearest_allowed(const struct recur_contract *c, const struct recur_holidays *h,
    int64_t target, int64_t lo, int64_t hi, int64_t *day)
{
	for (int64_t step = 0; target - step >= lo || target + step <= hi; step++) {
		if (target - step >= lo && target - step <= hi
		    && recur_day_allowed(c, h, target - step)) {
			*day = target - step;
			return 0;
		}
		if (step > 0 && target + step <= hi && target + step >= lo
		    && recur_day_allowed(c, h, target + step)) {
			*day = target + step;
			return 0;
		}
	}
	return -1;
}

int64_t
recur_add_months(int64_t day, long months)
{
	int64_t year, month_index;
	int month, mday, last;

	fsd_civil_from_days(day, &year, &month, &mday);
	month_index = year * 12 + (month - 1) + months;
	year = month_index >= 0 ? month_index / 12 : -((-month_index + 11) / 12);
	month = (int)(month_index - year * 12) + 1;
	last = fsd_days_in_month(year, month);
	return fsd_days_from_civil(year, month, mday < last ? mday : last);
}
