/* The statuses a job goes through in a day, as status events name them
 * (fsd(5), STATUS EVENTS). */
#ifndef FSD_EVENT_STATUS_H
#define FSD_EVENT_STATUS_H

enum event_status {
	EVENT_BOOKED, EVENT_CONFIRMED, EVENT_SCHEDULED, EVENT_EN_ROUTE, EVENT_ON_SITE,
	EVENT_PAUSED, EVENT_COMPLETED, EVENT_CANNOT_COMPLETE, EVENT_CANCELLED,
	EVENT_NSTATUSES
};

/* "en_route" -> EVENT_EN_ROUTE; -1 for a word that is none. */
int event_status_parse(const char *word);
const char *event_status_name(enum event_status s);
/* "booked, confirmed, ..., cancelled", for messages. */
const char *event_status_list(void);

/* Statuses only a technician can report: they name one. */
int event_status_needs_tech(enum event_status s);

#endif
