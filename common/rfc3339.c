/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <string.h>

#include "rfc3339.h"

int64_t
fsd_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
fsd_civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
	int64_t era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = y + (*month <= 2);
}

int
fsd_days_in_month(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && leap);
}

int
fsd_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	int64_t w = (days + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* Read exactly n digits. */
static int
digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int
parse_date_part(const char **p, int64_t *days)
{
	int y, m, d;

	if (digits(p, 4, &y) || *(*p)++ != '-' || digits(p, 2, &m) || *(*p)++ != '-'
	    || digits(p, 2, &d))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > fsd_days_in_month(y, m))
		return -1;
	*days = fsd_days_from_civil(y, m, d);
	return 0;
}

int
fsd_date_parse(const char *text, int64_t *days)
{
	const char *p = text;

	if (parse_date_part(&p, days) != 0 || *p != '\0')
		return -1;
	return 0;
}

int
fsd_time_parse(const char *text, struct fsd_time *out)
{
	const char *p = text;
	int64_t days;
	int hh, mm, ss = 0, oh, om, sign;

	if (parse_date_part(&p, &days) != 0)
		return -1;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	if (digits(&p, 2, &hh) || *p++ != ':' || digits(&p, 2, &mm))
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &ss))
			return -1;
		if (*p == '.') {
			if (p[1] < '0' || p[1] > '9')
				return -1;
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		}
	}
	/* 60 is a leap second; we hold it at :59 as POSIX time does. */
	if (hh > 23 || mm > 59 || ss > 60)
		return -1;
	if (ss == 60)
		ss = 59;
	if (*p == 'Z' || *p == 'z') {
		p++;
		oh = om = 0;
		sign = 1;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (digits(&p, 2, &oh) || *p++ != ':' || digits(&p, 2, &om))
			return -1;
		if (oh > 23 || om > 59)
			return -1;
	} else {
		return -1;
	}
	if (*p != '\0')
		return -1;
	out->offset_minutes = sign * (oh * 60 + om);
	out->seconds = days * 86400 + hh * 3600 + mm * 60 + ss
	    - (int64_t)out->offset_minutes * 60;
	return 0;
}

char *
fsd_time_format(int64_t seconds, int offset_minutes, char buf[FSD_TIME_LEN])
{
	int64_t local = seconds + (int64_t)offset_minutes * 60;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t rem = local - days * 86400, year;
	int month, day, off = offset_minutes < 0 ? -offset_minutes : offset_minutes;

	fsd_civil_from_days(days, &year, &month, &day);
	if (offset_minutes == 0)
		snprintf(buf, FSD_TIME_LEN, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
		    (long long)year, month, day, (int)(rem / 3600),
		    (int)(rem % 3600 / 60), (int)(rem % 60));
	else
		snprintf(buf, FSD_TIME_LEN, "%04lld-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    (long long)year, month, day, (int)(rem / 3600),
		    (int)(rem % 3600 / 60), (int)(rem % 60),
		    offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
	return buf;
}

char *
fsd_date_format(int64_t days, char buf[FSD_DATE_LEN])
{
	int64_t year;
	int month, day;

	fsd_civil_from_days(days, &year, &month, &day);
	snprintf(buf, FSD_DATE_LEN, "%04lld-%02d-%02d", (long long)year, month, day);
	return buf;
}
