/* The live day without JSON: the event log's hash chain, which status
 * may follow which, SMS segments, templates, the email's headers, quiet
 * hours and which messages are due. */
#include <stdlib.h>
#include <string.h>

#include "event/chain.h"
#include "jsonbuf.h"
#include "notify/gsm7.h"
#include "notify/mime.h"
#include "notify/notify.h"
#include "notify/template.h"
#include "status/fold.h"
#include "unit.h"

static void
test_chain(void)
{
	struct fsd_buf line = { 0 };
	char head[EVENT_HASH_HEX + 1], checked[EVENT_HASH_HEX + 1], *copy;

	event_sha256_hex("abc", 3, head);
	CHECK_STR(head, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "SHA-256 of \"abc\" (FIPS 180-2, B.1)");
	fsd_buf_puts(&line, "{\"kind\":\"status\",\"job\":\"J1\"");
	event_chain_seal(&line, EVENT_GENESIS, head);
	CHECK(line.data[line.len - 1] == '\n', "a sealed line ends with its newline");
	CHECK(event_chain_check(line.data, line.len - 1, EVENT_GENESIS, checked) == EVENT_CHAIN_OK
	    && strcmp(checked, head) == 0, "the sealed line checks, and gives its hash");
	CHECK(event_chain_check(line.data, line.len - 1, head, checked) == EVENT_CHAIN_BROKEN,
	    "after another line than the one it was sealed after: broken");
	copy = malloc(line.len);
	memcpy(copy, line.data, line.len);
	copy[20] = 'X';
	CHECK(event_chain_check(copy, line.len - 1, EVENT_GENESIS, checked) == EVENT_CHAIN_CHANGED,
	    "one byte changed: the hash says so");
	CHECK(event_chain_check(copy, 30, EVENT_GENESIS, checked) == EVENT_CHAIN_SHAPE,
	    "a line cut short is not a sealed line");
	free(copy);
	fsd_buf_free(&line);
}

static struct event
ev(enum event_status status, const char *tech, int64_t minute)
{
	struct event e = { "E", "J1", tech, "test", NULL, status, { minute * 60, 0 }, 0, 0, 0 };
	return e;
}

static void
test_fold(void)
{
	struct job_day day;
	char why[256];

	memset(&day, 0, sizeof day);
	day.tech = "T1";
	CHECK(job_day_apply(&day, &(struct event){ .job = "J1", .tech = "T1",
	    .status = EVENT_COMPLETED }, why, sizeof why) == FOLD_IMPOSSIBLE,
	    "completed before on site is impossible");
	struct event e = ev(EVENT_EN_ROUTE, "T1", 10);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_APPLIED
	    && day.state == JOB_EN_ROUTE, "on the way");
	e = ev(EVENT_ON_SITE, "T2", 20);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_WRONG_TECH
	    && day.state == JOB_EN_ROUTE, "another tech's on site is refused, nothing changes");
	e = ev(EVENT_ON_SITE, "T1", 5);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_TIME_BACKWARDS,
	    "earlier than the last event is refused");
	e = ev(EVENT_ON_SITE, "T1", 20);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_APPLIED
	    && day.arrived.at.seconds == 1200, "on site at 20");
	e = ev(EVENT_PAUSED, "T1", 30);
	job_day_apply(&day, &e, why, sizeof why);
	e = ev(EVENT_ON_SITE, "T1", 45);
	job_day_apply(&day, &e, why, sizeof why);
	CHECK(day.arrived.at.seconds == 1200 && day.paused_seconds == 900,
	    "back from a 15-minute pause: still the first arrival");
	e = ev(EVENT_COMPLETED, "T1", 80);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_APPLIED && day.state == JOB_DONE,
	    "completed");
	CHECK(job_day_work_minutes(&day) == 45, "60 minutes on site less 15 paused");
	CHECK(strcmp(job_state_status(day.state), "done") == 0, "written as fsd-route's done");
	e = ev(EVENT_CANCELLED, NULL, 90);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_IMPOSSIBLE,
	    "a job done is not cancelled");
	memset(&day, 0, sizeof day);
	e = ev(EVENT_ON_SITE, "T1", 10);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_NOT_ASSIGNED,
	    "a tech on site at a job with no tech");
	e = ev(EVENT_SCHEDULED, "T1", 5);
	CHECK(job_day_apply(&day, &e, why, sizeof why) == FOLD_APPLIED && day.tech != NULL
	    && strcmp(day.tech, "T1") == 0, "scheduled assigns the tech");
}

static void
test_sms_size(void)
{
	char text[400];
	struct sms_size s;

	memset(text, 'a', 160);
	text[160] = '\0';
	s = sms_size_of(text);
	CHECK(s.gsm7 && s.units == 160 && s.segments == 1, "160 GSM-7 characters: one segment");
	text[160] = 'a';
	text[161] = '\0';
	s = sms_size_of(text);
	CHECK(s.segments == 2, "161: two segments of 153");
	text[153 * 2] = '\0';
	memset(text, 'a', 306);
	CHECK(sms_size_of(text).segments == 2, "306: still two");
	s = sms_size_of("{}[]~\\|^\xe2\x82\xac");
	CHECK(s.gsm7 && s.units == 18, "the extension table costs two septets each");
	s = sms_size_of("caf\xc3\xa9 \xc3\x9f \xce\xa9");
	CHECK(s.gsm7 && s.units == 8, "é, ß, Ω are in the default alphabet");
	s = sms_size_of("`");
	CHECK(!s.gsm7, "a backquote is not");
	s = sms_size_of("ok \xf0\x9f\x91\x8d");
	CHECK(!s.gsm7 && s.units == 5 && s.segments == 1, "an emoji: UCS-2, a surrogate pair");
}

static const char *
lookup(const char *path, void *ctx)
{
	(void)ctx;
	if (strcmp(path, "customer.name") == 0)
		return "Ana $(rm -rf /)";
	if (strcmp(path, "empty") == 0)
		return "";
	return NULL;
}

static void
test_template(void)
{
	struct fsd_buf out = { 0 };
	char missing[64];

	CHECK(template_render("Hi {{customer.name}}, {{ customer.name }}.", lookup, NULL, &out,
	    missing, sizeof missing) == 0, "fields filled");
	CHECK_STR(out.data, "Hi Ana $(rm -rf /), Ana $(rm -rf /).", "as text, spaces in braces allowed");
	CHECK(template_render("Hi {{site.address}}", lookup, NULL, &out, missing, sizeof missing)
	    == -1, "a field with no value fails");
	CHECK_STR(missing, "site.address", "and names it");
	CHECK(template_render("{{empty}}", lookup, NULL, &out, missing, sizeof missing) == -1,
	    "an empty value is no value");
	CHECK(template_render("{{customer.name", lookup, NULL, &out, missing, sizeof missing) == -1,
	    "an open field fails");
	fsd_buf_free(&out);
}

static void
test_mail(void)
{
	struct fsd_buf out = { 0 };
	char domain[64];

	mail_write(&(struct mail){ "Shop <office@shop.example>", "Kim\r\nBcc: x@evil.example",
	    "kim@example.com", "Hi\nthere", "Line 1\nLine 2\n", "fsd.1@shop.example", 0, -420 }, &out);
	fsd_buf_char(&out, '\0');
	CHECK(strstr(out.data, "\r\nBcc:") == NULL, "no header can be added through a name");
	CHECK(strstr(out.data, "To: \"Kim  Bcc: x@evil.example\" <kim@example.com>\r\n") != NULL,
	    "the name stays in its quotes, line break flattened");
	CHECK(strstr(out.data, "Subject: Hi there\r\n") != NULL, "nor through a subject");
	CHECK(strstr(out.data, "Date: Wed, 31 Dec 1969 17:00:00 -0700\r\n") != NULL,
	    "the date in the run's offset");
	CHECK(strstr(out.data, "\r\n\r\nLine 1\r\nLine 2\r\n") != NULL, "an ASCII body, CRLF lines");
	out.len = 0;
	mail_write(&(struct mail){ "a@b.example", "Zo\xc3\xab", "z@example.com", "Caf\xc3\xa9",
	    "Caf\xc3\xa9", "m@b", 0, 0 }, &out);
	fsd_buf_char(&out, '\0');
	CHECK(strstr(out.data, "To: =?UTF-8?B?Wm/Dqw==?= <z@example.com>") != NULL,
	    "a non-ASCII name is an encoded word");
	CHECK(strstr(out.data, "Subject: =?UTF-8?B?Q2Fmw6k=?=") != NULL, "so is a subject");
	CHECK(strstr(out.data, "Content-Transfer-Encoding: base64\r\n\r\nQ2Fmw6kNCg==") != NULL,
	    "a non-ASCII body is base64 of its CRLF text");
	CHECK(mail_address_ok("kim@example.com") && !mail_address_ok("kim@x.com>, evil@y")
	    && !mail_address_ok("kim example.com"), "plain addresses only");
	CHECK_STR(mail_domain("Shop <office@shop.example>", domain, sizeof domain), "shop.example",
	    "the sender's domain, for the Message-ID");
	fsd_buf_free(&out);
}

static void
test_notify(void)
{
	struct notify_rules r;
	struct msg_due due[MSG_NKINDS];
	struct job_facts f = { "J1", "no-heat", NULL, 3, 0, 1, 100, -420, "10:00", NULL, NULL, NULL };

	notify_rules_default(&r);
	CHECK(notify_quiet(&r, 21 * 60) && notify_quiet(&r, 7 * 60 + 59) && !notify_quiet(&r, 8 * 60)
	    && !notify_quiet(&r, 20 * 60 + 59), "quiet from 21:00 to 08:00, across midnight");
	CHECK(notify_channels(&r, "no-heat", MSG_INVOICE) == CHANNEL_EMAIL
	    && notify_channels(&r, NULL, MSG_ON_THE_WAY) == CHANNEL_SMS, "the default channels");
	CHECK(notify_decide(&f, 99, due) == 1 && due[0].kind == MSG_REMINDER, "the day before: a reminder");
	CHECK(notify_decide(&f, 100, due) == 1 && due[0].kind == MSG_ETA
	    && strcmp(due[0].detail, "10:00") == 0, "the day: the ETA");
	f.new_eta = "10:40";
	CHECK(notify_decide(&f, 100, due) == 1 && due[0].kind == MSG_NEW_ETA, "moved: the new ETA instead");
	f.status = "en_route";
	CHECK(notify_decide(&f, 100, due) == 1 && due[0].kind == MSG_ON_THE_WAY, "on the way");
	f.status = NULL;
	f.exception = "displaced";
	CHECK(notify_decide(&f, 100, due) == 2 && due[0].kind == MSG_APOLOGY && due[1].kind == MSG_ALERT,
	    "displaced: an apology and an alert");
	f.exception = "no_capacity";
	CHECK(notify_decide(&f, 100, due) == 1 && due[0].kind == MSG_NEW_ETA,
	    "not placed but not P1: no alert");
	f.priority = 1;
	CHECK(notify_decide(&f, 100, due) == 1 && due[0].kind == MSG_ALERT, "a P1 not placed: an alert");
	notify_rules_free(&r);
}

int
main(void)
{
	test_chain();
	test_fold();
	test_sms_size();
	test_template();
	test_mail();
	test_notify();
	return UNIT_DONE();
}
