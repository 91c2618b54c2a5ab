/* SPDX-License-Identifier: ISC (see LICENSE) */
/* RFC 3339 times with their UTC offset, and civil dates, without the C
 * library's time zone state (TZ, mktime): the offset written in a record
 * is the only truth we need, and it makes results the same on every
 * machine. */
#ifndef FSD_RFC3339_H
#define FSD_RFC3339_H

#include <stdint.h>

struct fsd_time {
	int64_t seconds;	/* since 1970-01-01T00:00:00Z */
	int offset_minutes;	/* the offset it was written with, to write it back */
};

/* "2026-11-23T08:00:00-07:00"; seconds may be left out ("08:00-07:00", as
 * spreadsheets write), a fraction is dropped, 'Z' means +00:00, 't' and a
 * space are taken for 'T'. Returns 0, or -1 when text is not such a time. */
int fsd_time_parse(const char *text, struct fsd_time *out);

#define FSD_TIME_LEN 64
/* Format an instant in the given offset: "2026-11-23T08:00:00-07:00", or
 * "...Z" for offset 0. Returns buf. */
char *fsd_time_format(int64_t seconds, int offset_minutes, char buf[FSD_TIME_LEN]);

/* Civil dates as days since 1970-01-01 (Howard Hinnant's algorithms). */
int64_t fsd_days_from_civil(int64_t year, int month, int day);
void fsd_civil_from_days(int64_t days, int64_t *year, int *month, int *day);
int fsd_days_in_month(int64_t year, int month);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int fsd_weekday(int64_t days);
/* "YYYY-MM-DD"; returns 0 or -1. */
int fsd_date_parse(const char *text, int64_t *days);
#define FSD_DATE_LEN 32
char *fsd_date_format(int64_t days, char buf[FSD_DATE_LEN]);

#endif
