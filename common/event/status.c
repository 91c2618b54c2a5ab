#include <string.h>

#include "event/status.h"

static const char *const names[EVENT_NSTATUSES] = {
	"booked", "confirmed", "scheduled", "en_route", "on_site", "paused",
	"completed", "cannot_complete", "cancelled"
};

int
event_status_parse(const char *word)
{
	for (int i = 0; i < EVENT_NSTATUSES; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	return -1;
}

const char *
event_status_name(enum event_status s)
{
	return names[s];
}

const char *
event_status_list(void)
{
	return "booked, confirmed, scheduled, en_route, on_site, paused, completed, "
	    "cannot_complete, cancelled";
}

int
event_status_needs_tech(enum event_status s)
{
	return s == EVENT_EN_ROUTE || s == EVENT_ON_SITE || s == EVENT_PAUSED
	    || s == EVENT_COMPLETED || s == EVENT_CANNOT_COMPLETE;
}
