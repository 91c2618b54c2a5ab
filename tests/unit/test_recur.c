/* The contract schedule model without JSON: calendar rules, libical
 * expansion, time zones, placement, spreading and the seen index. */
#include <stdlib.h>

#include "rfc3339.h"
#include "recur/recur.h"
#include "recur/seen.h"
#include "unit.h"

static int64_t
D(int y, int m, int d)
{
	return fsd_days_from_civil(y, m, d);
}

static struct recur_contract
contract(enum recur_kind kind)
{
	struct recur_contract c = { 0 };

	c.id = "C1";
	c.kind = kind;
	c.tolerance_days = 3;
	c.start_day = c.end_day = c.last_day = RECUR_NO_DAY;
	c.weekdays = RECUR_WEEKDAYS_MON_FRI;
	c.window_start = 9 * 60;
	c.window_end = 12 * 60;
	c.lead_days = -1;
	c.duration_minutes = 60;
	c.offset_minutes = -7 * 60;
	c.dtstart_minutes = -1;
	return c;
}

struct days {
	int64_t d[64];
	int n;
};

static void
collect(int64_t day, void *arg)
{
	struct days *ds = arg;

	if (ds->n < 64)
		ds->d[ds->n++] = day;
}

static void
test_calendar(void)
{
	struct recur_holidays h = { NULL, 0 };
	struct recur_contract c = contract(RECUR_RRULE);
	int64_t day = 0;

	CHECK(recur_weekdays_parse("mon-fri") == RECUR_WEEKDAYS_MON_FRI, "mon-fri");
	CHECK(recur_weekdays_parse("Mon;Wed, fri") == ((1u << 1) | (1u << 3) | (1u << 5)),
	    "a list of days, any case, ; or ,");
	CHECK(recur_weekdays_parse("fri-mon") == ((1u << 5) | (1u << 6) | (1u << 7) | (1u << 1)),
	    "a range may wrap over the weekend");
	CHECK(recur_weekdays_parse("funday") == 0, "not a day");
	CHECK(recur_clock_parse("08:30") == 510 && recur_clock_parse("24:00") == 1440,
	    "clock times");
	CHECK(recur_clock_parse("8:30") == -1 && recur_clock_parse("12:60") == -1,
	    "bad clock times");

	CHECK(recur_add_months(D(2026, 1, 31), 1) == D(2026, 2, 28), "Jan 31 + 1 month = Feb 28");
	CHECK(recur_add_months(D(2028, 1, 31), 1) == D(2028, 2, 29), "in a leap year Feb 29");
	CHECK(recur_add_months(D(2026, 11, 30), 3) == D(2027, 2, 28), "over a year end");
	CHECK(recur_add_months(D(2026, 3, 31), -1) == D(2026, 2, 28), "backwards");

	recur_holidays_add(&h, D(2026, 11, 26));
	recur_holidays_add(&h, D(2026, 11, 26));
	recur_holidays_add(&h, D(2026, 12, 25));
	CHECK(h.count == 2 && recur_holiday(&h, D(2026, 12, 25)), "holidays: sorted set");
	CHECK(recur_nearest_allowed(&c, &h, D(2026, 11, 26), D(2026, 11, 23), D(2026, 11, 29),
	    &day) == 0 && day == D(2026, 11, 25), "Thanksgiving moves to the day before");
	CHECK(recur_nearest_allowed(&c, &h, D(2026, 11, 28), D(2026, 11, 25), D(2026, 12, 1),
	    &day) == 0 && day == D(2026, 11, 27), "a Saturday moves to Friday");
	CHECK(recur_nearest_allowed(&c, &h, D(2026, 11, 29), D(2026, 11, 26), D(2026, 12, 2),
	    &day) == 0 && day == D(2026, 11, 30), "a Sunday moves to Monday");
	CHECK(recur_nearest_allowed(&c, &h, D(2026, 11, 28), D(2026, 11, 28), D(2026, 11, 29),
	    &day) == -1, "no allowed day inside the tolerance");
	c.end_day = D(2026, 11, 27);
	CHECK(recur_nearest_allowed(&c, &h, D(2026, 11, 30), D(2026, 11, 27), D(2026, 12, 3),
	    &day) == 0 && day == D(2026, 11, 27), "not past the contract's end");
	recur_holidays_free(&h);
}

static void
test_rrule(void)
{
	struct recur_contract c = contract(RECUR_RRULE);
	struct days ds = { { 0 }, 0 };

	CHECK(recur_rrule_check("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1") == NULL, "quarterly month end");
	CHECK(recur_rrule_check("RRULE:FREQ=YEARLY;BYMONTH=4,5") == NULL, "an RRULE: prefix is taken");
	CHECK(recur_rrule_check("FREQ=BOGUS") != NULL, "a bad FREQ");
	CHECK(recur_rrule_check("FREQ=MONTHLY;BYMONTHDAY=40") != NULL, "a day 40");
	CHECK(recur_rrule_check("FREQ=HOURLY") != NULL, "too often for a visit");
	CHECK(recur_rrule_check("FREQ=YEARLY;BYMONTH=13") != NULL, "a month 13");

	c.rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1";
	c.dtstart_day = D(2026, 1, 31);
	recur_rrule_dates(&c, D(2026, 11, 1), D(2027, 5, 31), collect, &ds);
	CHECK(ds.n == 2 && ds.d[0] == D(2027, 1, 31) && ds.d[1] == D(2027, 4, 30),
	    "quarterly keeps its phase from DTSTART when jumping to the range");

	ds.n = 0;
	c.rrule = "FREQ=MONTHLY";
	recur_rrule_dates(&c, D(2026, 1, 1), D(2026, 6, 30), collect, &ds);
	CHECK(ds.n == 3 && ds.d[1] == D(2026, 3, 31), "RFC 5545: a 31st skips short months");

	ds.n = 0;
	c.rrule = "RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD";
	recur_rrule_dates(&c, D(2026, 1, 1), D(2026, 6, 30), collect, &ds);
	CHECK(ds.n == 6 && ds.d[1] == D(2026, 2, 28) && ds.d[3] == D(2026, 4, 30),
	    "SKIP=BACKWARD: the month's last day instead");

	ds.n = 0;
	c.rrule = "FREQ=DAILY;BYHOUR=9,13";
	c.dtstart_day = D(2026, 11, 23);
	c.dtstart_minutes = 9 * 60;
	recur_rrule_dates(&c, D(2026, 11, 23), D(2026, 11, 24), collect, &ds);
	CHECK(ds.n == 2, "two times a day are one visit a day");
}

static void
test_zone(void)
{
	struct recur_contract c = contract(RECUR_RRULE);

	c.zone = recur_zone("America/Denver");
	CHECK(c.zone != NULL, "libical knows America/Denver");
	CHECK(recur_zone("Mars/Olympus") == NULL, "and not Mars/Olympus");
	CHECK(recur_offset_minutes(&c, D(2027, 3, 12), 9 * 60) == -420, "MST before March 14");
	CHECK(recur_offset_minutes(&c, D(2027, 3, 15), 9 * 60) == -360, "MDT after");
	CHECK(recur_offset_minutes(&c, D(2026, 11, 23), 24 * 60) == -420, "24:00 is the same day");
	c.zone = NULL;
	CHECK(recur_offset_minutes(&c, D(2027, 7, 1), 9 * 60) == -420, "a fixed offset stays");
}

static void
test_floating(void)
{
	struct recur_contract c = contract(RECUR_EVERY);
	struct recur_holidays h = { NULL, 0 };
	struct recur_run run = { D(2026, 11, 1), D(2027, 2, 28), &h };
	struct recur_visits vs = { NULL, 0, 0 };

	c.every = 1;
	c.every_unit = RECUR_MONTHS;
	c.tolerance_days = 0;
	c.weekdays = 0xfe;	/* every day */
	c.last_day = D(2026, 10, 31);
	recur_expand(&c, 0, &run, &vs);
	CHECK(vs.count == 4 && vs.v[0].due_day == D(2026, 11, 30) && vs.v[1].due_day == D(2026, 12, 31)
	    && vs.v[3].due_day == D(2027, 2, 28), "monthly from Oct 31: Nov 30, Dec 31, Jan 31, Feb 28");
	recur_visits_free(&vs);

	c.every = 90;
	c.every_unit = RECUR_DAYS;
	c.tolerance_days = 10;
	c.last_day = D(2026, 6, 1);	/* due Aug 30: late by Nov 1 */
	recur_expand(&c, 0, &run, &vs);
	CHECK(vs.count == 2 && vs.v[0].overdue_days == (int)(D(2026, 11, 1) - D(2026, 8, 30))
	    && vs.v[0].day == D(2026, 11, 1) && vs.v[1].due_day == D(2027, 1, 30),
	    "an overdue visit goes first, the next counts from it");
	recur_visits_free(&vs);
}

static void
test_spread(void)
{
	struct recur_contract c[6];
	struct recur_holidays h = { NULL, 0 };
	struct recur_run run = { D(2026, 11, 23), D(2026, 11, 27), &h };
	struct recur_visits vs = { NULL, 0, 0 };
	int per_day[5] = { 0 };
	int most = 0;

	for (int i = 0; i < 6; i++) {
		c[i] = contract(RECUR_EVERY);
		c[i].every = 90;
		c[i].tolerance_days = 2;
		c[i].territory = "north";
		c[i].trade = "hvac";
		c[i].last_day = D(2026, 11, 25) - 90;
		recur_expand(c, (size_t)i, &run, &vs);
	}
	CHECK(vs.count == 6 && vs.v[5].day == D(2026, 11, 25), "six visits due Wednesday");
	recur_spread(c, &run, &vs);
	for (size_t i = 0; i < vs.count; i++)
		per_day[vs.v[i].day - run.from_day]++;
	for (int d = 0; d < 5; d++)
		most = per_day[d] > most ? per_day[d] : most;
	CHECK(most == 2, "spread: at most two a day over the five days");
	recur_visits_free(&vs);
}

static void
test_seen(void)
{
	struct recur_seen s = { 0 };

	recur_seen_add_visit(&s, "C2", D(2026, 5, 1));
	recur_seen_add_visit(&s, "C1", D(2026, 9, 1));
	recur_seen_add_visit(&s, "C1", D(2026, 3, 1));
	recur_seen_add_id(&s, "C9-2026-11-23");
	CHECK(recur_seen_last(&s, "C1") == D(2026, 9, 1), "the latest visit of a contract");
	CHECK(recur_seen_last(&s, "C3") == RECUR_NO_DAY, "no visit at all");
	CHECK(recur_seen_covers(&s, "C1", D(2026, 2, 27), D(2026, 3, 3)), "a visit in a range");
	CHECK(!recur_seen_covers(&s, "C1", D(2026, 3, 2), D(2026, 5, 1)), "not another contract's");
	CHECK(recur_seen_has_id(&s, "C9-2026-11-23") && !recur_seen_has_id(&s, "C9"), "ids");
	recur_seen_free(&s);
}

int
main(void)
{
	test_calendar();
	test_rrule();
	test_zone();
	test_floating();
	test_spread();
	test_seen();
	recur_rrule_forget();
	recur_zones_free();
	return UNIT_DONE();
}
