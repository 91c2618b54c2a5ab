/* Calendar-fixed schedules: RFC 5545 recurrence rules expanded by libical.
 * Month ends follow the RFC: BYMONTHDAY=31 skips 30-day months; write
 * BYMONTHDAY=-1 for "the last day", or RSCALE=GREGORIAN;SKIP=BACKWARD
 * (RFC 7529) for "the 31st, or the month's last day when it has none". */
#include <string.h>

#include <libical/ical.h>

#include "rfc3339.h"
#include "recur/recur.h"

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

const char *
recur_rrule_check(const char *rrule)
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

int
recur_rrule_dates(const struct recur_contract *c, int64_t lo, int64_t hi,
    void (*fn)(int64_t day, void *ctx), void *ctx)
{
	struct icalrecurrencetype r;
	icalrecur_iterator *it;
	int64_t last = RECUR_NO_DAY;

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
			fn(day, ctx);
		last = day;
	}
	icalrecur_iterator_free(it);
	icalmemory_free_buffer(r.rscale);
	return 0;
}
