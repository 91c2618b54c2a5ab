#include <stdlib.h>
#include <string.h>

#include "notify/notify.h"

static const char *const kind_names[MSG_NKINDS] = {
	"confirmation", "reminder", "eta", "new_eta", "on_the_way", "arrived", "done",
	"invoice", "apology", "alert"
};

const char *
msg_kind_name(enum msg_kind k)
{
	return kind_names[k];
}

int
msg_kind_parse(const char *name)
{
	for (int i = 0; i < MSG_NKINDS; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *
channel_name(unsigned channel)
{
	return channel == CHANNEL_SMS ? "sms" : "email";
}

void
notify_rules_default(struct notify_rules *r)
{
	memset(r, 0, sizeof *r);
	for (int k = 0; k < MSG_NKINDS; k++)
		r->channels[k] = CHANNEL_SMS;
	r->channels[MSG_CONFIRMATION] = CHANNEL_EMAIL;
	r->channels[MSG_DONE] = CHANNEL_EMAIL;
	r->channels[MSG_INVOICE] = CHANNEL_EMAIL;
	r->channels[MSG_ALERT] = CHANNEL_SMS | CHANNEL_EMAIL;
	r->quiet_start_min = 21 * 60;
	r->quiet_end_min = 8 * 60;
}

void
notify_rules_free(struct notify_rules *r)
{
	for (size_t i = 0; i < r->ntypes; i++)
		free(r->types[i].type);
	free(r->types);
	free(r->from);
	free(r->company);
	for (size_t i = 0; i < r->ncontacts; i++) {
		free(r->contacts[i].name);
		free(r->contacts[i].email);
		free(r->contacts[i].phone);
	}
	free(r->contacts);
	memset(r, 0, sizeof *r);
}

unsigned
notify_channels(const struct notify_rules *r, const char *type, enum msg_kind k)
{
	for (size_t i = 0; type != NULL && i < r->ntypes; i++)
		if (strcmp(r->types[i].type, type) == 0 && r->types[i].set[k])
			return r->types[i].channels[k];
	return r->channels[k];
}

const struct notify_contact *
notify_contact(const struct notify_rules *r, const char *name)
{
	for (size_t i = 0; i < r->ncontacts; i++)
		if (strcmp(r->contacts[i].name, name) == 0)
			return &r->contacts[i];
	return NULL;
}

int
notify_quiet(const struct notify_rules *r, int minute)
{
	if (r->quiet_start_min == r->quiet_end_min)
		return 0;
	if (r->quiet_start_min < r->quiet_end_min)
		return minute >= r->quiet_start_min && minute < r->quiet_end_min;
	/* across midnight: 21:00 to 08:00 */
	return minute >= r->quiet_start_min || minute < r->quiet_end_min;
}

static int
is(const char *status, const char *word)
{
	return status != NULL && strcmp(status, word) == 0;
}

size_t
notify_decide(const struct job_facts *f, int64_t today, struct msg_due out[MSG_NKINDS])
{
	size_t n = 0;
	/* Nothing has happened yet: no status, or open or assigned. */
	int waiting = f->status == NULL || is(f->status, "open") || is(f->status, "assigned");
	int displaced = f->exception != NULL && strcmp(f->exception, "displaced") == 0;

	if (displaced) {
		out[n++] = (struct msg_due){ MSG_APOLOGY, "", NULL };
		out[n++] = (struct msg_due){ MSG_ALERT, "displaced", "displaced" };
		return n;
	}
	if (f->exception != NULL && f->priority == 1 && waiting) {
		out[n++] = (struct msg_due){ MSG_ALERT, f->exception, "not placed" };
		return n;
	}
	if (waiting && f->booked)
		out[n++] = (struct msg_due){ MSG_CONFIRMATION, "", NULL };
	if (waiting && f->has_day && f->day == today + 1)
		out[n++] = (struct msg_due){ MSG_REMINDER, f->eta != NULL ? f->eta : "", NULL };
	if (waiting && f->has_day && f->day == today && f->new_eta != NULL)
		out[n++] = (struct msg_due){ MSG_NEW_ETA, f->new_eta, NULL };
	else if (waiting && f->has_day && f->day == today && f->eta != NULL)
		out[n++] = (struct msg_due){ MSG_ETA, f->eta, NULL };
	if (is(f->status, "en_route"))
		out[n++] = (struct msg_due){ MSG_ON_THE_WAY, f->eta != NULL ? f->eta : "", NULL };
	if (is(f->status, "in_progress"))
		out[n++] = (struct msg_due){ MSG_ARRIVED, "", NULL };
	if (is(f->status, "done"))
		out[n++] = (struct msg_due){ MSG_DONE, "", NULL };
	if (f->invoice != NULL)
		out[n++] = (struct msg_due){ MSG_INVOICE, f->invoice, NULL };
	return n;
}
