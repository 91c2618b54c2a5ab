/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zone.h"

/* glibc reads a zone from TZ; the tools set nothing else from it, and
 * every time they format is written with its own offset, so switching
 * TZ here changes nothing elsewhere. */
static void
use_zone(const char *zone)
{
	const char *now = getenv("TZ");

	if (now == NULL || strcmp(now, zone) != 0) {
		setenv("TZ", zone, 1);
		tzset();
	}
}

int
fsd_zone_valid(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[4096], magic[4];
	FILE *f;
	int ok;

	/* A name, not a path out of the database, nor a POSIX rule string
	 * ("MST7MDT,M3.2.0,M11.1.0"), which glibc would take without a word. */
	if (zone[0] == '\0' || zone[0] == '/' || strstr(zone, "..") != NULL
	    || strpbrk(zone, ",<>") != NULL)
		return 0;
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static struct tm
tm_of(const struct fsd_wall *w, int isdst)
{
	struct tm tm = { 0 };

	tm.tm_year = w->year - 1900;
	tm.tm_mon = w->month - 1;
	tm.tm_mday = w->day;
	tm.tm_hour = w->hour;
	tm.tm_min = w->minute;
	tm.tm_sec = w->second;
	tm.tm_isdst = isdst;
	return tm;
}

static int
same_wall(const struct tm *tm, const struct fsd_wall *w)
{
	return tm->tm_year == w->year - 1900 && tm->tm_mon == w->month - 1
	    && tm->tm_mday == w->day && tm->tm_hour == w->hour
	    && tm->tm_min == w->minute && tm->tm_sec == w->second;
}

int
fsd_zone_to_time(const char *zone, const struct fsd_wall *wall,
    struct fsd_time *out, char *err, size_t errlen)
{
	int found = 0;
	time_t best = 0;
	long best_gmtoff = 0;

	use_zone(zone);
	/* Ask as standard time and as daylight time: a wall time that exists
	 * once comes back the same from either, one that exists twice gives
	 * two instants, one that is skipped gives none. */
	for (int isdst = 0; isdst <= 1; isdst++) {
		struct tm tm = tm_of(wall, isdst), back;
		time_t t = mktime(&tm);

		if (t == (time_t)-1 && tm.tm_year != 69)
			continue;
		if (localtime_r(&t, &back) == NULL || !same_wall(&back, wall))
			continue;
		if (!found || t < best) {
			best = t;
			best_gmtoff = back.tm_gmtoff;
		}
		found = 1;
	}
	if (!found) {
		snprintf(err, errlen, "%04d-%02d-%02d %02d:%02d is not a time in %s "
		    "(the clocks skip it)", wall->year, wall->month, wall->day,
		    wall->hour, wall->minute, zone);
		return -1;
	}
	out->seconds = (int64_t)best;
	out->offset_minutes = (int)(best_gmtoff / 60);
	return 0;
}

void
fsd_zone_from_time(const char *zone, int64_t seconds, struct fsd_wall *wall,
    int *offset_minutes)
{
	time_t t = (time_t)seconds;
	struct tm tm;

	use_zone(zone);
	localtime_r(&t, &tm);
	wall->year = tm.tm_year + 1900;
	wall->month = tm.tm_mon + 1;
	wall->day = tm.tm_mday;
	wall->hour = tm.tm_hour;
	wall->minute = tm.tm_min;
	wall->second = tm.tm_sec;
	*offset_minutes = (int)(tm.tm_gmtoff / 60);
}
