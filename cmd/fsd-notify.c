/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-notify: the messages customers (and the dispatcher) should get
 * now, sent once each.
 *
 * Each job record says where the job stands; notify/notify.h decides
 * which messages are due and on which channels, a template per message
 * and channel words them (notify/template.h), and they go out by
 * sendmail -t or the SMS command, run without a shell (notify/spawn.h).
 * Every attempt is appended to the sent log, held under its lock for the
 * run, so a rerun sends only what is new and a failed send is tried
 * again next time. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fsd.h"
#include "jsonbuf.h"
#include "text.h"
#include "event/chain.h"
#include "notify/gsm7.h"
#include "notify/mime.h"
#include "notify/notify.h"
#include "notify/records.h"
#include "notify/spawn.h"
#include "notify/template.h"

static const char *rules_path, *templates_dir, *now_text, *sent_path, *sendmail_command,
    *sms_command;
static struct fsd_time now_given;
static int dry_run;

static const struct fsd_option options[] = {
	{ 'r', "rules", "FILE", "which messages each job type gets, on which channel", NULL, &rules_path },
	{ 0, "templates", "DIR", "message templates (default: the installed ones)", NULL, &templates_dir },
	{ 0, "now", "TIME", "decide as if it were TIME (RFC 3339; default: now)", NULL, &now_text,
	  .type = FSD_OPT_TIME, .time = &now_given },
	{ 's', "sent", "FILE", "the sent log: what went out, never sent twice", NULL, &sent_path },
	{ 0, "sendmail", "CMD", "mail command reading the message (default: /usr/sbin/sendmail -t -i)", NULL, &sendmail_command },
	{ 0, "sms-command", "CMD", "SMS command: the number as its last argument, the text on its input", NULL, &sms_command },
	{ 'n', "dry-run", NULL, "write the messages as records; send nothing", &dry_run, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-notify", "[--rules FILE] [--templates DIR] [--now TIME] (--sent FILE | --dry-run) "
	    "[--sendmail CMD] [--sms-command CMD] [FILE ...]",
	"send customers and the dispatcher the messages their jobs call for, once each",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct notify_rules rules;
	char templates[PATH_MAX];
	struct fsd_time now;
	struct sent_log sent;
	/* Messages already reported as going nowhere (no address, opted
	 * out): said once, not on every run from cron, while that holds. */
	struct sent_log told;
	struct fsd_buf text, mail, line;
};

/* Who a message goes to. */
struct recipient {
	const char *name, *address;
	int dispatch;		/* the dispatcher: no quiet hours, no opt-out */
	int minute;		/* the minute of the day where they are */
};

static int
opted_out(const json_t *job, unsigned channel)
{
	json_t *o = fsd_field(job, "customer.opt_out");
	size_t i;
	json_t *v;

	if (json_is_true(o))
		return 1;
	json_array_foreach(o, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), channel_name(channel)) == 0)
			return 1;
	return 0;
}

/* Append one attempt to the sent log, whole, on disk. */
static void
log_attempt(struct run *run, json_t *message, const char *result, const char *why)
{
	json_t *entry = json_pack("{s:s, s:O, s:O, s:O, s:O, s:O, s:s, s:s}", "kind", "sent",
	    "job", json_object_get(message, "job"), "message", json_object_get(message, "message"),
	    "eta", json_object_get(message, "eta"), "channel", json_object_get(message, "channel"),
	    "to", json_object_get(message, "to"), "at", now_text, "result", result);

	if (json_object_get(message, "message_id") != NULL)
		json_object_set(entry, "message_id", json_object_get(message, "message_id"));
	if (why != NULL)
		json_object_set_new(entry, "why", json_string(why));
	run->line.len = 0;
	fsd_buf_json(&run->line, entry);
	fsd_buf_char(&run->line, '\n');
	fsd_append_durable(sent_path, run->line.data, run->line.len);
	json_decref(entry);
}

/* Report it once: in the sent log (not in a dry run, which writes
 * nothing), and for the rest of this run. A later run that finds the
 * address, or the customer back in, sends as usual: only what went
 * nowhere is remembered, and "sent" is keyed apart. */
static void
tell_once(struct run *run, const char *key, json_t *message, const char *result,
    const char *why)
{
	if (!dry_run)
		log_attempt(run, message, result, why);
	sent_log_add(&run->told, key);
}

/* The template's text rendered into run->text; 0, or -1 with an
 * exception set on message. */
static int
render(struct run *run, json_t *message, const json_t *job, const struct msg_due *due,
    unsigned channel, const char *about, const char *alert)
{
	char *path = xasprintf("%s/%s.%s.txt", run->templates, msg_kind_name(due->kind),
	    channel_name(channel));
	char *text = fsd_read_text(path, 0, NULL), missing[256];
	struct notify_lookup lookup = { job, notify_msg_fields(job, &run->rules, due, about, alert), "" };
	int r = -1;

	if (text == NULL)
		fsd_set_exception(message, "no_template", "no template %s", path);
	else if (template_render(text, notify_lookup_field, &lookup, &run->text, missing,
	    sizeof missing) != 0)
		fsd_set_exception(message, "template_field", "%s: \"%s\" has no value", path, missing);
	else {
		/* the file's last newline is not part of the message */
		while (run->text.len > 0 && (run->text.data[run->text.len - 1] == '\n'
		    || run->text.data[run->text.len - 1] == ' '))
			run->text.data[--run->text.len] = '\0';
		r = 0;
	}
	json_decref((json_t *)lookup.msg);
	free(text);
	free(path);
	return r;
}

/* An email's subject is the template's first line, "Subject: ...". */
static int
build_mail(struct run *run, json_t *message, const struct recipient *to, const char *id)
{
	char *text = run->text.data, *nl = strchr(text, '\n'), domain[256];
	char *subject, *message_id, *hash_input;
	char hash[EVENT_HASH_HEX + 1];
	const char *from = run->rules.from != NULL ? run->rules.from : "fsd@localhost";

	if (strncmp(text, "Subject: ", 9) != 0 || nl == NULL) {
		fsd_set_exception(message, "no_template", "an email template starts with \"Subject: \"");
		return -1;
	}
	subject = xasprintf("%.*s", (int)(nl - text - 9), text + 9);
	/* The same message tried again keeps its Message-ID, so a mail
	 * system that saw it once can tell. */
	hash_input = xasprintf("%s|%s", id, to->address);
	event_sha256_hex(hash_input, strlen(hash_input), hash);
	message_id = xasprintf("fsd.%.32s@%s", hash, mail_domain(from, domain, sizeof domain));
	mail_write(&(struct mail){ from, to->name, to->address, subject,
	    nl + 1 + (nl[1] == '\n'), message_id, run->now.seconds, run->now.offset_minutes },
	    &run->mail);
	json_object_set_new(message, "subject", json_string(subject));
	json_object_set_new(message, "message_id", json_string(message_id));
	json_object_set_new(message, "body", json_string(nl + 1 + (nl[1] == '\n')));
	free(subject);
	free(message_id);
	free(hash_input);
	return 0;
}

static void deliver_alert(struct run *run, const json_t *job, const char *about,
    const struct msg_due *due, const char *contact, const char *text);

/* One message on one channel to one recipient, unless it was sent. job_id
 * is the job it is about (or, for an alert record, its job or tech). */
static void
deliver(struct run *run, const json_t *job, const char *job_id, const struct msg_due *due,
    unsigned channel, const struct recipient *to, const char *alert)
{
	char *key = sent_key(job_id, msg_kind_name(due->kind), due->detail, channel_name(channel));
	json_t *message;
	long long priority = 3;
	char why[512] = "";
	int status;

	/* Sent before; or said before to go nowhere, and it still does. */
	if (sent_log_has(&run->sent, key)
	    || ((to->address == NULL || (!to->dispatch && opted_out(job, channel)))
		&& sent_log_has(&run->told, key))) {
		free(key);
		return;
	}
	message = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s}", "kind", "message", "job", job_id,
	    "message", msg_kind_name(due->kind), "channel", channel_name(channel),
	    "to", to->address, "eta", due->detail);
	fsd_field_int(job, "priority", &priority, NULL);
	if (to->address == NULL) {
		json_object_set_new(message, "status", json_string("skipped"));
		json_object_set_new(message, "reason", to->dispatch
		    ? json_sprintf("no %s for %s in the rules", channel == CHANNEL_SMS ? "phone" : "email",
			to->name)
		    : json_string(channel == CHANNEL_SMS ? "the customer has no phone"
			: "the customer has no email"));
		tell_once(run, key, message, "skipped",
		    json_string_value(json_object_get(message, "reason")));
		goto out;
	}
	if (!to->dispatch && opted_out(job, channel)) {
		json_object_set_new(message, "status", json_string("opted_out"));
		tell_once(run, key, message, "opted_out", NULL);
		goto out;
	}
	if (!to->dispatch && channel == CHANNEL_SMS && priority != 1
	    && notify_quiet(&run->rules, to->minute)) {
		json_object_set_new(message, "status", json_string("held"));
		json_object_set_new(message, "reason", json_string("quiet hours; sent on a later run"));
		goto out;
	}
	if (render(run, message, job, due, channel, job_id, alert) != 0
	    || (channel == CHANNEL_EMAIL && build_mail(run, message, to, key) != 0)) {
		fsd_warn_at(NULL, "%s: %s", job_id,
		    json_string_value(json_object_get(json_object_get(message, "exception"), "message")));
		json_object_set_new(message, "status", json_string("failed"));
		goto out;
	}
	if (channel == CHANNEL_SMS) {
		struct sms_size size = sms_size_of(run->text.data);

		json_object_set_new(message, "body", json_string(run->text.data));
		json_object_set_new(message, "segments", json_integer(size.segments));
		if (size.segments > 1)
			fsd_note("%s: the %s text is %d SMS segments (%zu %s); one is %d",
			    job_id, msg_kind_name(due->kind), size.segments, size.units,
			    size.gsm7 ? "GSM-7 characters" : "UCS-2 characters", size.gsm7 ? 160 : 70);
	}
	if (dry_run) {
		/* as if sent: the same job fed twice (a plan and its invoice)
		 * shows it once */
		sent_log_add(&run->sent, key);
		json_object_set_new(message, "status", json_string("dry_run"));
		goto out;
	}
	if (channel == CHANNEL_EMAIL)
		status = spawn_with_input(sendmail_command, NULL, 0, run->mail.data, run->mail.len,
		    why, sizeof why);
	else if (sms_command == NULL) {
		status = -1;
		snprintf(why, sizeof why, "no --sms-command to send it with");
	} else
		status = spawn_with_input(sms_command, &to->address, 1, run->text.data,
		    run->text.len, why, sizeof why);
	log_attempt(run, message, status == 0 ? "sent" : "failed", status == 0 ? NULL : why);
	if (status == 0) {
		sent_log_add(&run->sent, key);
		json_object_set_new(message, "status", json_string("sent"));
		goto out;
	}
	json_object_set_new(message, "status", json_string("failed"));
	fsd_set_exception(message, "send_failed", "%s", why);
	fsd_warn_at(NULL, "%s: %s %s to %s not sent: %s", job_id, msg_kind_name(due->kind),
	    channel_name(channel), to->address, why);
	if (!to->dispatch) {
		char *detail = xasprintf("send_failed:%s:%s:%s", msg_kind_name(due->kind),
		    channel_name(channel), due->detail);
		char *text = xasprintf("%s %s to %s for %s not sent: %s", msg_kind_name(due->kind),
		    channel_name(channel), to->address, job_id, why);

		fsd_emit(message);
		json_decref(message);
		message = NULL;
		deliver_alert(run, job, job_id, &(struct msg_due){ MSG_ALERT, detail, NULL }, NULL, text);
		free(text);
		free(detail);
	}
out:
	if (message != NULL)
		fsd_emit(message);
	json_decref(message);
	free(key);
}

/* The dispatcher (or the contact named), on every alert channel the
 * rules give an address for. */
static void
deliver_alert(struct run *run, const json_t *job, const char *about, const struct msg_due *due,
    const char *contact, const char *text)
{
	const char *type = json_string_value(json_object_get(job, "type"));
	unsigned channels = notify_channels(&run->rules, type, MSG_ALERT);
	const struct notify_contact *c = notify_contact(&run->rules,
	    contact != NULL ? contact : "dispatch");

	for (unsigned ch = CHANNEL_SMS; ch <= CHANNEL_EMAIL; ch <<= 1) {
		if (!(channels & ch))
			continue;
		deliver(run, job, about, due, ch, &(struct recipient){
		    contact != NULL ? contact : "Dispatch",
		    c == NULL ? NULL : ch == CHANNEL_SMS ? c->phone : c->email, 1 }, text);
	}
}

/* An alert record (fsd-track's, fsd-watch's): to the contact it names,
 * else the dispatcher, once for its id. */
static int
per_alert(struct run *run, json_t *record, const struct fsd_pos *pos)
{
	const char *id, *text, *about = NULL, *to = NULL;

	if (fsd_field_string(record, "id", &id, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "message", &text, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "to", &to, pos) == FSD_FIELD_BAD) {
		if (fsd_field(record, "id") == NULL || fsd_field(record, "message") == NULL)
			fsd_field_fail(pos, "an alert needs its \"id\" and \"message\"");
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
		fsd_emit(record);
		return 1;
	}
	if (fsd_field_string(record, "job", &about, NULL) != FSD_FIELD_OK
	    && fsd_field_string(record, "tech", &about, NULL) != FSD_FIELD_OK)
		about = id;
	deliver_alert(run, record, about, &(struct msg_due){ MSG_ALERT, id, NULL }, to, text);
	return 0;
}

/* What an alert says about a job. */
static char *
alert_text(const json_t *job, const struct msg_due *due)
{
	const char *id = json_string_value(json_object_get(job, "id"));
	const char *why = json_string_value(fsd_field(job, "exception.message"));

	return xasprintf("%s %s: %s", id, due->alert, why != NULL ? why : due->detail);
}

/* Today and the minute of the day by the customer's clock: the offset
 * the job's planned time is written in (the site's; a plan keeps each
 * site's), else --now's. A crew working two zones must not text Denver
 * at 7:30 because the dispatcher's Chicago clock says 8:30. */
static void
local_clock(const struct run *run, const struct job_facts *f, int64_t *today, int *minute)
{
	int offset = f->has_day ? f->offset_minutes : run->now.offset_minutes;
	int64_t local = run->now.seconds + (int64_t)offset * 60;

	*today = local / 86400 - (local % 86400 < 0);
	*minute = (int)(local - *today * 86400) / 60;
}

static int
per_job(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;
	struct job_facts facts;
	struct msg_due due[MSG_NKINDS];
	const char *kind = NULL;
	int64_t today;
	int minute;
	size_t n;

	if (fsd_field_string(record, "kind", &kind, NULL) == FSD_FIELD_OK
	    && strcmp(kind, "alert") == 0)
		return per_alert(run, record, pos);
	if (fsd_field(record, "kind") != NULL)
		return 0;	/* not a job: a pickup stop, a summary, a message */
	if (notify_job_facts(record, &facts, pos) != FSD_FIELD_OK) {
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
		fsd_emit(record);
		return 1;
	}
	local_clock(run, &facts, &today, &minute);
	n = notify_decide(&facts, today, due);
	for (size_t i = 0; i < n; i++) {
		if (due[i].kind == MSG_ALERT) {
			char *text = alert_text(record, &due[i]);
			deliver_alert(run, record, facts.id, &due[i], NULL, text);
			free(text);
			continue;
		}
		unsigned channels = notify_channels(&run->rules, facts.type, due[i].kind);
		for (unsigned c = CHANNEL_SMS; c <= CHANNEL_EMAIL; c <<= 1)
			if (channels & c)
				deliver(run, record, facts.id, &due[i], c, &(struct recipient){
				    json_string_value(fsd_field(record, "customer.name")),
				    json_string_value(fsd_field(record, c == CHANNEL_SMS
					? "customer.phone" : "customer.email")), 0, minute }, NULL);
	}
	return 0;
}

/* The installed templates (PREFIX/share/fsd/templates beside
 * PREFIX/bin), else the source tree's (share/templates a few levels above
 * the build's bin/: build/bin, build/asan/bin). */
static void
find_templates(char dir[PATH_MAX])
{
	char exe[PATH_MAX], up[16] = "";
	ssize_t len;

	if (templates_dir != NULL) {
		snprintf(dir, PATH_MAX, "%s", templates_dir);
		return;
	}
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		exe[len] = '\0';
		*strrchr(exe, '/') = '\0';
		snprintf(dir, PATH_MAX, "%.*s/../share/fsd/templates", PATH_MAX - 40, exe);
		if (access(dir, R_OK) == 0)
			return;
		for (int level = 0; level < 3; level++) {
			strcat(up, "/..");
			snprintf(dir, PATH_MAX, "%.*s%s/share/templates", PATH_MAX - 40, exe, up);
			if (access(dir, R_OK) == 0)
				return;
		}
	}
	fsd_usage_error("no templates found: give --templates DIR");
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };
	char now_buf[FSD_TIME_LEN];
	int lock = -1;

	if (sent_path == NULL && !dry_run)
		fsd_usage_error("--sent FILE is required to send (or --dry-run)");
	if (now_text != NULL) {
		run.now = now_given;
	} else {
		time_t t = time(NULL);
		struct tm tm;

		localtime_r(&t, &tm);
		run.now = (struct fsd_time){ (int64_t)t, (int)(tm.tm_gmtoff / 60) };
		now_text = fsd_time_format(run.now.seconds, run.now.offset_minutes, now_buf);
	}
	if (sendmail_command == NULL)
		sendmail_command = "/usr/sbin/sendmail -t -i";
	find_templates(run.templates);
	notify_rules_default(&run.rules);
	if (rules_path != NULL)
		notify_rules_load(&run.rules, rules_path);
	/* One run at a time sends: the log it reads is the log it adds to. */
	if (sent_path != NULL && !dry_run) {
		lock = fsd_lock(sent_path);
		fsd_append_repair(sent_path);	/* a send cut short by a crash */
	}
	if (sent_path != NULL)
		sent_log_load(&run.sent, &run.told, sent_path);

	fsd_read_records(argc - first, argv + first, per_job, &run);

	fsd_unlock(lock);
	sent_log_free(&run.sent);
	sent_log_free(&run.told);
	notify_rules_free(&run.rules);
	fsd_buf_free(&run.text);
	fsd_buf_free(&run.mail);
	fsd_buf_free(&run.line);
	return fsd_finish();
}
