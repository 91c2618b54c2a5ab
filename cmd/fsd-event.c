/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-event: append status events to a day's log, each sealed onto a
 * SHA-256 hash chain, or verify that chain.
 *
 * Appends are made under the log's lock, one durable write each
 * (common/statefile.h), so writers at the same time take turns and lose
 * nothing; the lock is taken for each good event in turn, so a run with
 * none leaves the log alone. The chain is event/chain.h's. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fsd.h"
#include "jsonbuf.h"
#include "event/chain.h"
#include "event/log.h"
#include "event/records.h"

static const char *log_path, *tech, *at_text, *position_text, *by, *note, *reason;
static struct fsd_time at_time;
static int verify;

static const struct fsd_option options[] = {
	{ 'l', "log", "FILE", "the day's event log to append to (or verify)", NULL, &log_path },
	{ 0, "verify", NULL, "check the log's hash chain; name the first line that breaks it", &verify, NULL },
	{ 't', "tech", "ID", "the technician reporting (for events that lack one)", NULL, &tech },
	{ 0, "at", "TIME", "when it happened (RFC 3339; default: now)", NULL, &at_text,
	  .type = FSD_OPT_TIME, .time = &at_time },	/* checked; written as given */
	{ 0, "position", "LAT,LON", "where the technician was", NULL, &position_text },
	{ 0, "by", "WHO", "who recorded it (default: the login name)", NULL, &by },
	{ 0, "note", "TEXT", "a note kept with the event", NULL, &note },
	{ 0, "reason", "TEXT", "why (cannot_complete needs one)", NULL, &reason },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-event", "--log FILE [--verify] [--tech ID] [--at TIME] [--position LAT,LON] "
	    "[--by WHO] [--note TEXT] [--reason TEXT] [JOB STATUS | FILE ...]",
	"append status events to a day's tamper-evident log, or verify it",
	options, FSD_TOOL_RECORDS
};

struct run {
	struct event_defaults defaults;
	struct event_log log;
	int open;
	struct fsd_buf line;
};

/* Lock the log (reading it the first time) only when there is something
 * to append, and for that event alone: a feed that stays open on stdin
 * does not keep the dispatcher's shell waiting. */
static struct event_log *
the_log(struct run *run)
{
	if (!run->open) {
		event_log_open(&run->log, log_path);
		run->open = 1;
	}
	event_log_lock(&run->log);
	return &run->log;
}

static int
per_event(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct run *run = ctx;
	json_t *event = event_record_make(record, &run->defaults, pos);
	struct event_log *log;
	const char *id;
	char *made = NULL;

	if (event == NULL) {
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
		fsd_emit(record);
		return 1;
	}
	log = the_log(run);
	if (fsd_field_string(event, "id", &id, NULL) != FSD_FIELD_OK) {
		struct fsd_time at;

		fsd_field_time(event, "at", &at, NULL);
		for (long n = log->lines + 1; made == NULL || event_log_has_id(log, made); n++) {
			free(made);
			made = event_id_make(&at, n);
		}
		json_object_set_new(event, "id", json_string(made));
		id = made;
	} else if (event_log_has_id(log, id)) {
		/* A retry (a webhook sent it twice): logged once is enough. */
		fsd_note("%s:%ld: event \"%s\" is in the log already; not appended again",
		    fsd_display_name(pos->file), pos->line, id);
		fsd_set_exception(event, "already_logged", "event \"%s\" is in %s already",
		    id, log_path);
		fsd_emit(event);
		event_log_unlock(log);
		json_decref(event);
		return 0;
	}
	run->line.len = 0;
	fsd_buf_json(&run->line, event);
	run->line.len--;	/* the closing brace: the seal goes before it */
	event_log_append(log, &run->line, id);
	event_log_unlock(log);
	fwrite(run->line.data, 1, run->line.len, stdout);
	free(made);
	json_decref(event);
	return 0;
}

struct check {
	char head[EVENT_HASH_HEX + 1];
	long lines;
};

static int
check_line(const char *line, size_t len, long number, int partial, void *ctx)
{
	struct check *c = ctx;
	enum event_chain_verdict v;

	if (partial) {
		fsd_warn_at(&(struct fsd_pos){ log_path, number },
		    "the last line is not whole (no newline): a write was cut short");
		return (int)number;
	}
	v = event_chain_check(line, len, c->head, c->head);
	if (v != EVENT_CHAIN_OK) {
		fsd_warn_at(&(struct fsd_pos){ log_path, number }, "%s", event_chain_explain(v));
		return (int)number;
	}
	c->lines = number;
	return 0;
}

/* --verify: one record saying how the chain stands. */
static void
verify_log(void)
{
	struct check c = { EVENT_GENESIS, 0 };
	int broken;
	int lock = fsd_lock(log_path);	/* not while a writer is half way */

	broken = event_log_lines(log_path, check_line, &c);
	fsd_unlock(lock);
	json_t *out = json_pack("{s:s, s:s, s:b, s:I}", "kind", "log_check", "log", log_path,
	    "intact", broken == 0, "verified", (json_int_t)c.lines);
	if (broken)
		json_object_set_new(out, "broken_line", json_integer(broken));
	else
		json_object_set_new(out, "head", json_string(c.head));
	fsd_emit(out);
	json_decref(out);
}

static const char *
login_name(void)
{
	const char *name = getenv("LOGNAME");
	struct passwd *pw;

	if (name == NULL || *name == '\0')
		name = getenv("USER");
	if ((name == NULL || *name == '\0') && (pw = getpwuid(geteuid())) != NULL)
		name = pw->pw_name;
	return name != NULL && *name != '\0' ? name : "unknown";
}

/* Now, on this machine's clock and in its offset: the one place a tool
 * reads the local zone, because a person typed the event just now. */
static void
now_text(char buf[FSD_TIME_LEN])
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	fsd_time_format((int64_t)now, (int)(tm.tm_gmtoff / 60), buf);
}

static void
read_defaults(struct event_defaults *d, char now[FSD_TIME_LEN])
{
	if (at_text == NULL)
		now_text(now);
	d->at = at_text != NULL ? at_text : now;
	d->tech = tech;
	d->by = by != NULL ? by : login_name();
	d->note = note;
	d->reason = reason;
	if (position_text != NULL) {
		char *end;

		d->lat = strtod(position_text, &end);
		if (*end == ',')
			d->lon = strtod(end + 1, &end);
		if (end == position_text || *end != '\0' || strchr(position_text, ',') == NULL
		    || !fsd_latlon_valid(d->lat, d->lon))
			fsd_usage_error("--position: not LAT,LON of a real place: '%s'", position_text);
		d->has_position = 1;
	}
}

/* JOB STATUS on the command line rather than files of events. */
static int
is_event_operands(int n, char **operands)
{
	return n == 2 && event_status_parse(operands[1]) >= 0;
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct run run = { 0 };
	char now[FSD_TIME_LEN];

	if (log_path == NULL)
		fsd_usage_error("--log FILE is required");
	if (verify) {
		if (argc > first)
			fsd_usage_error("--verify takes no events");
		verify_log();
		return fsd_finish();
	}
	read_defaults(&run.defaults, now);
	if (is_event_operands(argc - first, argv + first)) {
		json_t *event = json_pack("{s:s, s:s}", "job", argv[first], "status", argv[first + 1]);

		per_event(event, &(struct fsd_pos){ "arguments", 1 }, &run);
		json_decref(event);
	} else {
		fsd_read_records(argc - first, argv + first, per_event, &run);
	}
	if (run.open)
		event_log_close(&run.log);
	fsd_buf_free(&run.line);
	return fsd_finish();
}
