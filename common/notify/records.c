#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "money.h"
#include "record.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "notify/records.h"

static int
hh_mm(const char *text, int *minute)
{
	int h, m;
	char tail;

	if (text == NULL || sscanf(text, "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 24
	    || m < 0 || m > 59)
		return -1;
	*minute = h * 60 + m;
	return 0;
}

/* A list of channels: ["sms", "email"]; [] is none. */
static unsigned
read_channels(const char *path, const char *key, const json_t *list)
{
	unsigned channels = 0;
	size_t i;
	json_t *c;

	if (!json_is_array(list))
		fsd_die(FSD_EXIT_DATA, "%s: \"%s\" must be a list of channels (\"sms\", \"email\")",
		    path, key);
	json_array_foreach(list, i, c) {
		const char *name = json_string_value(c);

		if (name != NULL && strcmp(name, "sms") == 0)
			channels |= CHANNEL_SMS;
		else if (name != NULL && strcmp(name, "email") == 0)
			channels |= CHANNEL_EMAIL;
		else
			fsd_die(FSD_EXIT_DATA, "%s: \"%s\": channel must be \"sms\" or \"email\"",
			    path, key);
	}
	return channels;
}

static void
read_messages(const char *path, const json_t *messages, unsigned channels[MSG_NKINDS],
    unsigned char *set)
{
	const char *key;
	json_t *v;

	if (!json_is_object(messages))
		fsd_die(FSD_EXIT_DATA, "%s: \"messages\" must be an object of message: channels", path);
	json_object_foreach((json_t *)messages, key, v) {
		int k = msg_kind_parse(key);

		if (k < 0)
			fsd_die(FSD_EXIT_DATA, "%s: \"messages\": \"%s\" is none of confirmation, "
			    "reminder, eta, new_eta, on_the_way, arrived, done, invoice, apology, alert",
			    path, key);
		channels[k] = read_channels(path, key, v);
		if (set != NULL)
			set[k] = 1;
	}
}

static char *
read_text(const char *path, const json_t *doc, const char *key)
{
	json_t *v = json_object_get(doc, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v) || json_string_length(v) == 0)
		fsd_die(FSD_EXIT_DATA, "%s: \"%s\" must be a non-empty string", path, key);
	return xstrdup(json_string_value(v));
}

static void
add_contact(struct notify_rules *r, const char *path, const char *name, const json_t *c)
{
	struct notify_contact *contact;

	if (!json_is_object(c))
		fsd_die(FSD_EXIT_DATA, "%s: contact \"%s\" must be {\"email\", \"phone\"}", path, name);
	r->contacts = xrealloc(r->contacts, (r->ncontacts + 1) * sizeof *r->contacts);
	contact = &r->contacts[r->ncontacts++];
	contact->name = xstrdup(name);
	contact->email = read_text(path, c, "email");
	contact->phone = read_text(path, c, "phone");
}

void
notify_rules_load(struct notify_rules *r, const char *path)
{
	json_t *doc = fsd_load_json_object(path), *v, *types, *quiet, *dispatch;
	static const char *const known[] = { "from", "company", "quiet_hours", "messages",
	    "types", "dispatch", "contacts", NULL };
	const char *key;

	json_object_foreach(doc, key, v) {
		int i = 0;
		while (known[i] != NULL && strcmp(known[i], key) != 0)
			i++;
		if (known[i] == NULL)
			fsd_die(FSD_EXIT_DATA, "%s: unknown key \"%s\" (from, company, quiet_hours, "
			    "messages, types, dispatch, contacts)", path, key);
	}
	r->from = read_text(path, doc, "from");
	r->company = read_text(path, doc, "company");
	if ((quiet = json_object_get(doc, "quiet_hours")) != NULL
	    && (!json_is_object(quiet)
		|| hh_mm(json_string_value(json_object_get(quiet, "start")), &r->quiet_start_min) != 0
		|| hh_mm(json_string_value(json_object_get(quiet, "end")), &r->quiet_end_min) != 0))
		fsd_die(FSD_EXIT_DATA, "%s: \"quiet_hours\" must be {\"start\": \"HH:MM\", "
		    "\"end\": \"HH:MM\"}", path);
	if ((v = json_object_get(doc, "messages")) != NULL)
		read_messages(path, v, r->channels, NULL);
	if ((types = json_object_get(doc, "types")) != NULL) {
		if (!json_is_object(types))
			fsd_die(FSD_EXIT_DATA, "%s: \"types\" must be an object of type: {\"messages\"}", path);
		json_object_foreach(types, key, v) {
			struct notify_type_rules *t;
			json_t *messages = json_object_get(v, "messages");

			if (messages == NULL)
				fsd_die(FSD_EXIT_DATA, "%s: \"types\": \"%s\" needs \"messages\"", path, key);
			r->types = xrealloc(r->types, (r->ntypes + 1) * sizeof *r->types);
			t = &r->types[r->ntypes++];
			memset(t, 0, sizeof *t);
			t->type = xstrdup(key);
			read_messages(path, messages, t->channels, t->set);
		}
	}
	if ((dispatch = json_object_get(doc, "dispatch")) != NULL)
		add_contact(r, path, "dispatch", dispatch);
	if ((v = json_object_get(doc, "contacts")) != NULL) {
		json_t *c;

		if (!json_is_object(v))
			fsd_die(FSD_EXIT_DATA, "%s: \"contacts\" must be an object of name: "
			    "{\"email\", \"phone\"}", path);
		json_object_foreach(v, key, c)
			add_contact(r, path, key, c);
	}
	json_decref(doc);
}

/* The local day of a time text, in its own offset. */
static int
local_day(const char *text, int64_t *day)
{
	struct fsd_time t;
	int64_t local;

	if (text == NULL || fsd_time_parse(text, &t) != 0)
		return -1;
	local = t.seconds + (int64_t)t.offset_minutes * 60;
	*day = local / 86400 - (local % 86400 < 0);
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
	f->has_day = local_day(planned, &f->day) == 0;
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
	if (local_day(planned, &day) != 0)
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
	const char *job, *message, *detail = "", *channel, *result;
	char *key;

	if (fsd_field_string(record, "job", &job, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "message", &message, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "channel", &channel, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "result", &result, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "eta", &detail, pos) == FSD_FIELD_BAD)
		return fsd_field_fail(pos, "not a sent-log record (job, message, channel, result)"), 1;
	if (strcmp(result, "sent") == 0) {
		key = sent_key(job, message, detail, channel);
		sent_log_add(ctx, key);
		free(key);
	}
	return 0;
}

void
sent_log_load(struct sent_log *s, const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return;		/* none yet: nothing sent */
	fclose(f);
	fsd_read_record_file(path, take_sent, s);
}

void
sent_log_free(struct sent_log *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
	memset(s, 0, sizeof *s);
}
