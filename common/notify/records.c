#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "money.h"
#include "record.h"
#include "rfc3339.h"
#include "sidefile.h"
#include "xalloc.h"
#include "notify/records.h"

/* The rules file (fsd-notify(1), RULES), read by the shared side-file
 * loader (common/sidefile.h): every problem with its line, in the one
 * wording, all in one run. */
#define AT(field) offsetof(struct notify_rules, field)
static const struct fsd_key rule_keys[] = {
	{ "from", FSD_KEY_STRING, 0, 0, AT(from) },
	{ "company", FSD_KEY_STRING, 0, 0, AT(company) },
	{ "quiet_hours", FSD_KEY_OBJECT },
	{ "messages", FSD_KEY_OBJECT },
	{ "types", FSD_KEY_OBJECT },
	{ "dispatch", FSD_KEY_OBJECT },
	{ "contacts", FSD_KEY_OBJECT },
	{ NULL }
};
#undef AT

static const struct fsd_key type_keys[] = {
	{ "messages", FSD_KEY_OBJECT },
	{ NULL }
};

#define AT(field) offsetof(struct notify_contact, field)
static const struct fsd_key contact_keys[] = {
	{ "email", FSD_KEY_STRING, 0, 0, AT(email) },
	{ "phone", FSD_KEY_STRING, 0, 0, AT(phone) },
	{ NULL }
};
#undef AT

struct quiet_hours {
	char *start, *end;
};

#define AT(field) offsetof(struct quiet_hours, field)
static const struct fsd_key quiet_keys[] = {
	{ "start", FSD_KEY_STRING, 0, 0, AT(start) },
	{ "end", FSD_KEY_STRING, 0, 0, AT(end) },
	{ NULL }
};
#undef AT

/* A time of day, 00:00 to 24:00: 24:00 ends quiet hours at midnight,
 * but 24:30 is no time of day. */
static int
hh_mm(const char *text, int *minute)
{
	size_t hour_digits = text != NULL ? strspn(text, "0123456789") : 0;
	int h, m;

	/* H:MM or HH:MM and nothing else: no sign, no space, no "8:5". */
	if (hour_digits < 1 || hour_digits > 2 || text[hour_digits] != ':'
	    || strspn(text + hour_digits + 1, "0123456789") != 2 || text[hour_digits + 3] != '\0')
		return -1;
	h = atoi(text);
	m = atoi(text + hour_digits + 1);
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	*minute = h * 60 + m;
	return 0;
}

/* A text the rules give may be left out, but not given empty: a sender
 * or a company name of "" would go out on every message. */
static void
not_empty(struct fsd_sidefile *f, const char *path, char **text)
{
	if (*text != NULL && **text == '\0') {
		fsd_side_problem(f, path, "must not be empty");
		free(*text);
		*text = NULL;
	}
}

static void
read_quiet_hours(struct fsd_sidefile *f, const json_t *v, struct notify_rules *r)
{
	struct quiet_hours q = { NULL, NULL };

	if (fsd_side_read(f, v, "quiet_hours", quiet_keys, &q) == 0) {
		if (hh_mm(q.start, &r->quiet_start_min) != 0)
			fsd_side_problem(f, "quiet_hours.start", "must be a time of day HH:MM");
		if (hh_mm(q.end, &r->quiet_end_min) != 0)
			fsd_side_problem(f, "quiet_hours.end", "must be a time of day HH:MM");
	}
	free(q.start);
	free(q.end);
}

/* A list of channels: ["sms", "email"]; [] is none. */
static unsigned
read_channels(struct fsd_sidefile *f, const char *path, const json_t *list)
{
	unsigned channels = 0;
	size_t i;
	json_t *c;

	if (!json_is_array(list)) {
		fsd_side_problem(f, path, "must be a list of channels (\"sms\", \"email\")");
		return 0;
	}
	json_array_foreach(list, i, c) {
		const char *name = json_string_value(c);

		if (name != NULL && strcmp(name, "sms") == 0)
			channels |= CHANNEL_SMS;
		else if (name != NULL && strcmp(name, "email") == 0)
			channels |= CHANNEL_EMAIL;
		else
			fsd_side_problem(f, path, "has a channel that is not \"sms\" or \"email\"");
	}
	return channels;
}

/* messages: { message: channels }, at path ("messages", or a type's). */
static void
read_messages(struct fsd_sidefile *f, const char *path, const json_t *messages,
    unsigned channels[MSG_NKINDS], unsigned char *set)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)messages, key, v) {
		char *where = xasprintf("%s.%s", path, key);
		int k = msg_kind_parse(key);

		if (k < 0) {
			fsd_side_problem(f, where, "is not a message (known: confirmation, reminder, "
			    "eta, new_eta, on_the_way, arrived, done, invoice, apology, alert)");
		} else {
			channels[k] = read_channels(f, where, v);
			if (set != NULL)
				set[k] = 1;
		}
		free(where);
	}
}

static void
read_types(struct fsd_sidefile *f, const json_t *types, struct notify_rules *r)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)types, key, v) {
		char *where = xasprintf("types.%s", key);
		json_t *messages = json_object_get(v, "messages");

		if (!json_is_object(v)) {
			fsd_side_problem(f, where, "must be an object with \"messages\"");
		} else {
			struct notify_type_rules *t;

			r->types = xrealloc(r->types, (r->ntypes + 1) * sizeof *r->types);
			t = &r->types[r->ntypes++];
			memset(t, 0, sizeof *t);
			t->type = xstrdup(key);
			fsd_side_read(f, v, where, type_keys, t);
			if (messages == NULL) {
				fsd_side_problem(f, where, "needs \"messages\"");
			} else if (json_is_object(messages)) {
				char *in = xasprintf("%s.messages", where);

				read_messages(f, in, messages, t->channels, t->set);
				free(in);
			}
		}
		free(where);
	}
}

static void
add_contact(struct fsd_sidefile *f, struct notify_rules *r, const char *path,
    const char *name, const json_t *c)
{
	struct notify_contact *contact;
	char *email, *phone;

	if (!json_is_object(c)) {
		fsd_side_problem(f, path, "must be {\"email\", \"phone\"}");
		return;
	}
	r->contacts = xrealloc(r->contacts, (r->ncontacts + 1) * sizeof *r->contacts);
	contact = &r->contacts[r->ncontacts++];
	*contact = (struct notify_contact){ xstrdup(name), NULL, NULL };
	fsd_side_read(f, c, path, contact_keys, contact);
	email = xasprintf("%s.email", path);
	phone = xasprintf("%s.phone", path);
	not_empty(f, email, &contact->email);
	not_empty(f, phone, &contact->phone);
	free(email);
	free(phone);
}

void
notify_rules_load(struct notify_rules *r, const char *path)
{
	struct fsd_sidefile f;
	const json_t *v;
	const char *key;

	fsd_side_open(&f, path, "rules file");
	fsd_side_read(&f, f.doc, "", rule_keys, r);
	not_empty(&f, "from", &r->from);
	not_empty(&f, "company", &r->company);
	if (json_is_object(v = json_object_get(f.doc, "quiet_hours")))
		read_quiet_hours(&f, v, r);
	if (json_is_object(v = json_object_get(f.doc, "messages")))
		read_messages(&f, "messages", v, r->channels, NULL);
	if (json_is_object(v = json_object_get(f.doc, "types")))
		read_types(&f, v, r);
	if (json_is_object(v = json_object_get(f.doc, "dispatch")))
		add_contact(&f, r, "dispatch", "dispatch", v);
	if (json_is_object(v = json_object_get(f.doc, "contacts"))) {
		json_t *c;

		json_object_foreach((json_t *)v, key, c) {
			char *where = xasprintf("contacts.%s", key);

			add_contact(&f, r, where, key, c);
			free(where);
		}
	}
	if (fsd_side_close(&f) > 0) {
		notify_rules_free(r);
		fsd_side_die(&f);
	}
}

/* The local day of a time text, in its own offset, and that offset. */
static int
local_day(const char *text, int64_t *day, int *offset_minutes)
{
	struct fsd_time t;
	int64_t local;

	if (text == NULL || fsd_time_parse(text, &t) != 0)
		return -1;
	local = t.seconds + (int64_t)t.offset_minutes * 60;
	*day = local / 86400 - (local % 86400 < 0);
	if (offset_minutes != NULL)
		*offset_minutes = t.offset_minutes;
	return 0;
}

int
notify_job_facts(const json_t *record, struct job_facts *f, const struct fsd_pos *pos)
{
	long long priority = 3;
	const char *planned = NULL;
	json_t *payment;

	memset(f, 0, sizeof *f);
	if (fsd_field_string(record, "id", &f->id, pos) != FSD_FIELD_OK) {
		if (f->id == NULL && fsd_field(record, "id") == NULL)
			return fsd_field_fail(pos, "\"id\" is missing");
		return FSD_FIELD_BAD;
	}
	if (fsd_field_string(record, "type", &f->type, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "status", &f->status, pos) == FSD_FIELD_BAD
	    || fsd_field_int(record, "priority", &priority, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "eta_window.start", &f->eta, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "eta_changed.new", &f->new_eta, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "exception.code", &f->exception, pos) == FSD_FIELD_BAD
	    || fsd_field_string(record, "invoice.number", &f->invoice, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	f->priority = (int)priority;
	f->booked = fsd_field(record, "booked") != NULL;
	if (f->eta == NULL)
		fsd_field_string(record, "arrive", &f->eta, NULL);
	if (fsd_field_string(record, "start", &planned, NULL) != FSD_FIELD_OK)
		fsd_field_string(record, "window.start", &planned, NULL);
	f->has_day = local_day(planned, &f->day, &f->offset_minutes) == 0;
	payment = fsd_field(record, "invoice.payment_link");
	if (f->invoice != NULL && payment == NULL)
		f->invoice = NULL;	/* nothing to pay through yet */
	return FSD_FIELD_OK;
}

static void
set_hh_mm(json_t *msg, const char *key, const json_t *job, const char *path)
{
	const char *text = NULL;
	struct fsd_time t;

	if (fsd_field_string(job, path, &text, NULL) == FSD_FIELD_OK
	    && fsd_time_parse(text, &t) == 0) {
		int64_t local = t.seconds + (int64_t)t.offset_minutes * 60;
		int64_t minute = (local / 60) % 1440;
		char hm[16];

		if (minute < 0)
			minute += 1440;
		snprintf(hm, sizeof hm, "%02d:%02d", (int)(minute / 60), (int)(minute % 60));
		json_object_set_new(msg, key, json_string(hm));
	}
}

static void
set_date(json_t *msg, const json_t *job)
{
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
	    "Friday", "Saturday", "Sunday" };
	static const char *const months[] = { "January", "February", "March", "April", "May",
	    "June", "July", "August", "September", "October", "November", "December" };
	const char *planned = NULL;
	int64_t day, year;
	int month, mday;

	if (fsd_field_string(job, "start", &planned, NULL) != FSD_FIELD_OK)
		fsd_field_string(job, "window.start", &planned, NULL);
	if (local_day(planned, &day, NULL) != 0)
		return;
	fsd_civil_from_days(day, &year, &month, &mday);
	json_object_set_new(msg, "date", json_sprintf("%s %d %s", days[fsd_weekday(day) - 1],
	    mday, months[month - 1]));
}

static void
set_total(json_t *msg, const json_t *job)
{
	long long total;
	const char *currency = "USD";
	char amount[FSD_MONEY_LEN];
	int exponent;

	if (fsd_field_int(job, "invoice.total", &total, NULL) != FSD_FIELD_OK)
		return;
	fsd_field_string(job, "invoice.currency", &currency, NULL);
	if ((exponent = fsd_currency_exponent(currency)) < 0)
		return;
	json_object_set_new(msg, "total", json_sprintf("%s %s", currency,
	    fsd_money_format(total, exponent, amount)));
}

json_t *
notify_msg_fields(const json_t *job, const struct notify_rules *r, const struct msg_due *due,
    const char *about, const char *alert_text)
{
	json_t *msg = json_object();

	json_object_set_new(msg, "about", json_string(about));
	json_object_set_new(msg, "company", json_string(r->company != NULL ? r->company
	    : "Your service team"));
	json_object_set_new(msg, "message", json_string(msg_kind_name(due->kind)));
	set_hh_mm(msg, "eta_start", job, "eta_window.start");
	set_hh_mm(msg, "eta_end", job, "eta_window.end");
	if (json_object_get(msg, "eta_start") == NULL)
		set_hh_mm(msg, "eta_start", job, "arrive");
	set_hh_mm(msg, "new_start", job, "eta_changed.new");
	set_hh_mm(msg, "old_start", job, "eta_changed.old");
	set_date(msg, job);
	set_total(msg, job);
	if (alert_text != NULL)
		json_object_set_new(msg, "alert", json_string(alert_text));
	return msg;
}

const char *
notify_lookup_field(const char *path, void *ctx)
{
	struct notify_lookup *l = ctx;
	const json_t *v = strncmp(path, "msg.", 4) == 0 ? fsd_field(l->msg, path + 4)
	    : fsd_field(l->job, path);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(l->text, sizeof l->text, "%lld", (long long)json_integer_value(v));
		return l->text;
	}
	if (json_is_real(v)) {
		snprintf(l->text, sizeof l->text, "%g", json_real_value(v));
		return l->text;
	}
	return NULL;
}

char *
sent_key(const char *job, const char *message, const char *detail, const char *channel)
{
	/* unit separators: no id or time holds one */
	return xasprintf("%s\x1f%s\x1f%s\x1f%s", job, message, detail, channel);
}

static int
compare_keys(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
sent_log_has(const struct sent_log *s, const char *key)
{
	return s->n > 0 && bsearch(&key, s->keys, s->n, sizeof *s->keys, compare_keys) != NULL;
}

void
sent_log_add(struct sent_log *s, const char *key)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(s->keys[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n && strcmp(s->keys[lo], key) == 0)
		return;
	s->keys = xgrow(s->keys, &s->cap, s->n + 1, sizeof *s->keys);
	memmove(s->keys + lo + 1, s->keys + lo, (s->n - lo) * sizeof *s->keys);
	s->keys[lo] = xstrdup(key);
	s->n++;
}

static int
take_sent(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct sent_log **logs = ctx;
	const char *job, *message, *detail = "", *channel, *result;
	char *key;

	if (fsd_field_string(record, "job", &job, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "message", &message, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "channel", &channel, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "result", &result, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "eta", &detail, pos) == FSD_FIELD_BAD)
		return fsd_field_fail(pos, "not a sent-log record (job, message, channel, result)"), 1;
	key = sent_key(job, message, detail, channel);
	if (strcmp(result, "sent") == 0)
		sent_log_add(logs[0], key);
	else if (strcmp(result, "skipped") == 0 || strcmp(result, "opted_out") == 0)
		sent_log_add(logs[1], key);
	free(key);
	return 0;
}

void
sent_log_load(struct sent_log *sent, struct sent_log *told, const char *path)
{
	struct sent_log *logs[2] = { sent, told };
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return;		/* none yet: nothing sent */
	fclose(f);
	fsd_read_record_file(path, take_sent, logs);
}

void
sent_log_free(struct sent_log *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
	memset(s, 0, sizeof *s);
}
