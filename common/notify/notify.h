/* Which messages a job needs now, and on which channels.
 *
 * Each message kind fits a moment of the job's day (fsd(5), "Customer
 * messages"); decide() reads a job's facts and lists the kinds due, each
 * with the detail that makes it new (the ETA it announces, the invoice
 * number), so the sent log can tell whether exactly that was sent. The
 * channels for a kind come from the rules: the job type's, else the
 * file's, else the defaults here. */
#ifndef FSD_NOTIFY_H
#define FSD_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

#include "rfc3339.h"

enum msg_kind {
	MSG_CONFIRMATION, MSG_REMINDER, MSG_ETA, MSG_NEW_ETA, MSG_ON_THE_WAY,
	MSG_ARRIVED, MSG_DONE, MSG_INVOICE, MSG_APOLOGY, MSG_ALERT, MSG_NKINDS
};

enum { CHANNEL_SMS = 1, CHANNEL_EMAIL = 2 };

const char *msg_kind_name(enum msg_kind k);
int msg_kind_parse(const char *name);	/* -1 when none */
const char *channel_name(unsigned channel);

struct notify_type_rules {
	char *type;
	unsigned channels[MSG_NKINDS];
	unsigned char set[MSG_NKINDS];
};

/* Someone alerts go to: "dispatch", or a name an alert's "to" gives
 * (an SLA row's escalation contact). */
struct notify_contact {
	char *name, *email, *phone;
};

struct notify_rules {
	unsigned channels[MSG_NKINDS];	/* the defaults, or the file's */
	struct notify_type_rules *types;
	size_t ntypes;
	int quiet_start_min, quiet_end_min;	/* local minutes of the day; equal: none */
	char *from, *company;
	struct notify_contact *contacts;
	size_t ncontacts;
};

/* The defaults: messages by SMS, but the confirmation, the thanks and
 * the invoice by email; quiet hours 21:00 to 08:00. */
void notify_rules_default(struct notify_rules *r);
void notify_rules_free(struct notify_rules *r);
unsigned notify_channels(const struct notify_rules *r, const char *type, enum msg_kind k);
/* The contact of that name, or NULL. */
const struct notify_contact *notify_contact(const struct notify_rules *r, const char *name);

/* Is the local minute of the day inside the quiet hours? */
int notify_quiet(const struct notify_rules *r, int minute_of_day);

/* What a job says about where it stands, read from its record. */
struct job_facts {
	const char *id, *type, *status;
	int priority;
	int booked;
	int has_day;		/* the local day it is planned for */
	int64_t day;
	int offset_minutes;	/* the offset its planned time is written in:
				 * the site's clock, for quiet hours */
	const char *eta;	/* the ETA it announces: eta_window start or arrive */
	const char *new_eta;	/* eta_changed.new */
	const char *invoice;	/* invoice.number, with a payment link */
	const char *exception;	/* exception.code */
};

struct msg_due {
	enum msg_kind kind;
	const char *detail;	/* the ETA, the invoice number; "" for none */
	const char *alert;	/* for MSG_ALERT: what happened */
};

/* The messages due for a job on day today (local); returns how many. */
size_t notify_decide(const struct job_facts *f, int64_t today, struct msg_due out[MSG_NKINDS]);

#endif
