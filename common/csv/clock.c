/* SPDX-License-Identifier: ISC (see LICENSE) */
/* strptime(3) is X/Open. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "csv/clock.h"
#include "zone.h"

int
fsd_clock_format_has_time(const char *format)
{
	for (const char *p = format; (p = strchr(p, '%')) != NULL; p += 2) {
		if (p[1] == '\0')
			break;
		if (strchr("HIMRTrSpkl", p[1]) != NULL)
			return 1;
	}
	return 0;
}

static int
only_spaces(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

int
fsd_clock_read(const char *format, const char *zone, const char *text,
    char out[FSD_TIME_LEN], char *err, size_t errlen)
{
	struct tm tm = { 0 };
	struct fsd_time t;
	struct fsd_wall wall;
	const char *end;
	int64_t days;

	/* A cell fsd-export wrote at its default comes back as it went. */
	if (fsd_time_parse(text, &t) == 0) {
		fsd_time_format(t.seconds, t.offset_minutes, out);
		return 0;
	}
	tm.tm_mday = 1;
	end = strptime(text, format, &tm);
	if (end == NULL || !only_spaces(end)) {
		snprintf(err, errlen, "\"%s\" is not a date in the format \"%s\"", text, format);
		return -1;
	}
	wall = (struct fsd_wall){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec };
	/* strptime takes any day 1-31 in any month. */
	if (wall.day > fsd_days_in_month(wall.year, wall.month)) {
		snprintf(err, errlen, "\"%s\": %04d-%02d has no day %d", text,
		    wall.year, wall.month, wall.day);
		return -1;
	}
	if (!fsd_clock_format_has_time(format)) {
		days = fsd_days_from_civil(wall.year, wall.month, wall.day);
		fsd_date_format(days, out);
		return 0;
	}
	if (zone == NULL) {
		snprintf(err, errlen, "\"%s\" is a local time: say its zone (--tz ZONE)", text);
		return -1;
	}
	if (fsd_zone_to_time(zone, &wall, &t, err, errlen) != 0)
		return -1;
	fsd_time_format(t.seconds, t.offset_minutes, out);
	return 0;
}

int
fsd_clock_write(const char *format, const char *zone, const char *text,
    char *out, size_t outlen)
{
	struct fsd_time t;
	struct fsd_wall wall;
	struct tm tm = { 0 };
	int64_t days, y;
	int offset, m, d;

	if (fsd_time_parse(text, &t) == 0) {
		if (zone != NULL) {
			fsd_zone_from_time(zone, t.seconds, &wall, &offset);
		} else {
			int64_t local = t.seconds + (int64_t)t.offset_minutes * 60;
			int64_t secs = ((local % 86400) + 86400) % 86400;
			fsd_civil_from_days((local - secs) / 86400, &y, &m, &d);
			wall = (struct fsd_wall){ (int)y, m, d, (int)(secs / 3600),
			    (int)(secs / 60 % 60), (int)(secs % 60) };
		}
	} else if (fsd_date_parse(text, &days) == 0) {
		fsd_civil_from_days(days, &y, &m, &d);
		wall = (struct fsd_wall){ (int)y, m, d, 0, 0, 0 };
	} else {
		return -1;
	}
	tm.tm_year = wall.year - 1900;
	tm.tm_mon = wall.month - 1;
	tm.tm_mday = wall.day;
	tm.tm_hour = wall.hour;
	tm.tm_min = wall.minute;
	tm.tm_sec = wall.second;
	tm.tm_wday = fsd_weekday(fsd_days_from_civil(wall.year, wall.month, wall.day)) % 7;
	if (strftime(out, outlen, format, &tm) == 0 && format[0] != '\0')
		return -1;
	return 0;
}

int
fsd_clock_offset(const char *zone, int64_t seconds)
{
	struct fsd_wall wall;
	int offset;

	fsd_zone_from_time(zone, seconds, &wall, &offset);
	return offset;
}
