/* Local time to UTC offset through libical's built-in zone database, so a
 * 09:00 visit stays 09:00 on the wall clock when Denver moves from -07:00
 * to -06:00 in March. The rest of fsd keeps the offset written in each
 * record; only a schedule, which lives in local time, needs a zone. */
#include <libical/ical.h>

#include "rfc3339.h"
#include "recur/recur.h"

void *
recur_zone(const char *name)
{
	return icaltimezone_get_builtin_timezone(name);
}

int
recur_offset_minutes(const struct recur_contract *c, int64_t day, int minutes)
{
	struct icaltimetype local = icaltime_null_time();
	int64_t year;
	int month, mday, is_daylight;

	if (c->zone == NULL)
		return c->offset_minutes;
	fsd_civil_from_days(day, &year, &month, &mday);
	local.year = (int)year;
	local.month = month;
	local.day = mday;
	/* 24:00, an end of day, is read at 23:59: same offset, same day. */
	local.hour = minutes >= 24 * 60 ? 23 : minutes / 60;
	local.minute = minutes >= 24 * 60 ? 59 : minutes % 60;
	return icaltimezone_get_utc_offset(c->zone, &local, &is_daylight) / 60;
}

void
recur_zones_free(void)
{
	icaltimezone_free_builtin_timezones();
}
