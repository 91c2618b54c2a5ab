/* Maintenance contracts that schedule themselves: the model behind
 * fsd-recur, as plain C over structs (no JSON here).
 *
 * A contract has a schedule of one of two kinds:
 *   calendar-fixed  an RFC 5545 RRULE from a DTSTART, expanded by libical
 *                   (never by hand: BYSETPOS, BYMONTHDAY=-1, RSCALE and SKIP
 *                   are subtle and libical gets them right);
 *   floating        every N days, weeks or months after the last visit.
 * Each visit has a target date (due) and a tolerance of +-N days. A due date
 * that is not an allowed weekday, or is a holiday, moves to the nearest
 * allowed day inside the tolerance (earlier on a tie: an inspection that
 * is early is compliant, one that is late is not).
 *
 * Dates are civil days since 1970-01-01 (common/rfc3339.h), times of day
 * are minutes after local midnight; only the last step, turning a day and
 * a time into an RFC 3339 instant, needs the contract's time zone. */
#ifndef FSD_RECUR_H
#define FSD_RECUR_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define RECUR_NO_DAY INT64_MIN

enum recur_kind { RECUR_RRULE, RECUR_EVERY };
enum recur_unit { RECUR_DAYS, RECUR_WEEKS, RECUR_MONTHS };

struct recur_holidays {
	int64_t *days;		/* sorted, no repeats */
	size_t count;
};

struct recur_contract {
	const char *id;
	struct fsd_pos pos;	/* where it was read, for later messages */
	enum recur_kind kind;

	const char *rrule;	/* calendar-fixed: the RRULE text */
	int64_t dtstart_day;
	int dtstart_minutes;	/* -1: dtstart was a date only */

	int every;		/* floating: every N units */
	enum recur_unit every_unit;
	int64_t last_day;	/* last visit done or booked, or RECUR_NO_DAY */

	int tolerance_days;	/* a visit may move this far either way */
	int64_t start_day, end_day;	/* the contract's span; RECUR_NO_DAY: open */
	unsigned weekdays;	/* bit (1 << ISO weekday): 1 Monday ... 7 Sunday */
	int window_start, window_end;	/* arrival window, minutes after midnight */
	int lead_days;		/* create jobs at most this far ahead; -1: no limit */

	const char *tz;		/* IANA zone name, or NULL for a fixed offset */
	void *zone;		/* libical's zone for tz, looked up once */
	int offset_minutes;	/* the fixed offset when tz is NULL */

	/* For --spread: whose hours a visit adds to, and how many. */
	const char *territory;
	const char *trade;
	int duration_minutes;
};

struct recur_visit {
	size_t contract;	/* index into the contract array */
	int64_t due_day;	/* the schedule's target date; part of the id */
	int64_t day;		/* where it is placed */
	int64_t range_start, range_end;	/* where dispatch may move it */
	int overdue_days;	/* > 0: a floating visit already late at --from */
	int unplaceable;	/* no allowed day inside the range: kept on due */
};

struct recur_visits {
	struct recur_visit *v;
	size_t count, cap;
};

/* What one run asks for: visits placed on a day in [from, to]. */
struct recur_run {
	int64_t from_day, to_day;
	const struct recur_holidays *holidays;
};

/* --- calendar.c --- */
#define RECUR_WEEKDAYS_MON_FRI 0x3eu	/* bits 1..5 */
/* "mon-fri", "mon;wed;fri", "sat,sun", "mon-sun": 0 when text is not that. */
unsigned recur_weekdays_parse(const char *text);
/* "08:00" -> 480; -1 when text is not HH:MM (24:00 is taken as an end). */
int recur_clock_parse(const char *text);
int recur_holiday(const struct recur_holidays *h, int64_t day);
/* An allowed weekday, not a holiday, inside the contract's span. */
int recur_day_allowed(const struct recur_contract *c, const struct recur_holidays *h,
    int64_t day);
/* The allowed day in [lo, hi] nearest to target, earlier on a tie; returns
 * 0 and sets *day, or -1 when there is none. */
int recur_nearest_allowed(const struct recur_contract *c, const struct recur_holidays *h,
    int64_t target, int64_t lo, int64_t hi, int64_t *day);
/* day + n months, the day of month kept, or the month's last day when the
 * month is shorter (Jan 31 + 1 month = Feb 28): what "every 3 months" means
 * on a service agreement. */
int64_t recur_add_months(int64_t day, long months);

/* --- holidays.c --- */
/* Read a holidays file: one "YYYY-MM-DD [name]" a line, '#' comments and
 * blank lines skipped. Bad lines are reported at file:line (status 1) and
 * skipped. Dies (1) when the file cannot be read. */
void recur_holidays_load(struct recur_holidays *h, const char *path);
void recur_holidays_add(struct recur_holidays *h, int64_t day);	/* keeps it sorted */
void recur_holidays_free(struct recur_holidays *h);

/* --- rrule.c --- */
/* Is text an RRULE libical takes, at a frequency a maintenance visit can
 * have (daily or coarser)? Returns NULL, or why not. */
const char *recur_rrule_check(const char *rrule);
/* The due dates of a calendar-fixed contract in [lo, hi], each passed to
 * fn. Returns 0, or -1 when libical cannot expand the rule. */
int recur_rrule_dates(const struct recur_contract *c, int64_t lo, int64_t hi,
    void (*fn)(int64_t day, void *ctx), void *ctx);
/* Free what the rrule functions remember between calls. */
void recur_rrule_forget(void);

/* --- expand.c --- */
/* Append the visits of contract number ci that fall in the run: due dates
 * from its schedule, each placed on an allowed day. */
void recur_expand(const struct recur_contract *contracts, size_t ci,
    const struct recur_run *run, struct recur_visits *out);
void recur_visits_free(struct recur_visits *vs);

/* --- spread.c --- */
/* Capacity smoothing: move floating visits inside their ranges so each day
 * carries as even a load (minutes per territory and trade) as can be. */
void recur_spread(const struct recur_contract *contracts, const struct recur_run *run,
    struct recur_visits *vs);

/* --- zone.c --- */
/* Look up an IANA zone name; NULL when libical does not know it. */
void *recur_zone(const char *name);
/* The UTC offset, in minutes, of local time `minutes` on `day` in the
 * contract's zone (or its fixed offset). */
int recur_offset_minutes(const struct recur_contract *c, int64_t day, int minutes);
/* Release libical's zone tables at exit. */
void recur_zones_free(void);

#endif
