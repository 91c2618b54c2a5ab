/* A day's event log (common/event/log.h) and --verify's check of its
 * hash chain (common/event/chain.h), two ways:
 *  - the input is the log: --verify walks it line by line as fsd-event
 *    does; a log whose whole lines all end in a hash opens for
 *    appending, counting them and knowing every id it read, and when
 *    --verify holds it intact up to a last line cut short, it reads the
 *    head --verify gives; the part line is set aside whole in .torn and
 *    the log left verifies as before;
 *  - the input's lines that are JSON objects with an "id" are written by
 *    event_log_append as fsd-event writes them (its own "prev" and
 *    "hash" left out) into a fresh log: --verify holds it intact, and
 *    opening it again reads the writer's head, line count and ids.
 * The log is a real file (the lock is a file beside it) in a private
 * folder on /dev/shm when there is one. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonbuf.h"
#include "event/chain.h"
#include "event/log.h"
#include "fuzz.h"

static char dir[64], path[96], lock_path[112], torn_path[112];

static void
remove_log(void)
{
	unlink(path);
	unlink(lock_path);
	unlink(torn_path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/fsd-fuzz-events.XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
	snprintf(path, sizeof path, "%s/day.events", dir);
	snprintf(lock_path, sizeof lock_path, "%s.lock", path);
	snprintf(torn_path, sizeof torn_path, "%s.torn", path);
	atexit(remove_log);
	return 0;
}

static void
write_log(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* --verify's walk (cmd/fsd-event.c's check_line), without its words;
 * torn: it stopped only at a last line with no newline. */
struct check {
	char head[EVENT_HASH_HEX + 1];
	long lines;
	int torn;
	size_t torn_len;	/* the part line: the last bytes of the input */
};

static int
check_line(const char *line, size_t len, long number, int partial, void *ctx)
{
	struct check *c = ctx;

	if (partial) {
		(void)line;
		c->torn = 1;
		c->torn_len = len;
		return (int)number;
	}
	if (event_chain_check(line, len, c->head, c->head) != EVENT_CHAIN_OK)
		return (int)number;
	c->lines = number;
	return 0;
}

static int
verified(struct check *c)
{
	memcpy(c->head, EVENT_GENESIS, sizeof c->head);
	c->lines = 0;
	c->torn = 0;
	return event_log_lines(path, check_line, c) == 0;
}

/* What opening the log read, kept past event_log_close. */
static struct event_log opened;
static char opened_head[EVENT_HASH_HEX + 1];

static void
open_log(const uint8_t *data, size_t size)
{
	(void)data;
	(void)size;
	event_log_open(&opened, path);
	memcpy(opened_head, opened.head, sizeof opened_head);
	for (size_t i = 0; i < opened.nids; i++)
		if (!event_log_has_id(&opened, opened.ids[i]))
			fuzz_broken("an id the log read is not known");
}

/* The .torn file holds the part line and a newline, and nothing else. */
static void
check_torn(const struct check *c, const uint8_t *data, size_t size)
{
	const uint8_t *torn = data + size - c->torn_len;
	FILE *f = fopen(torn_path, "r");
	char *kept = malloc(c->torn_len + 2);
	size_t got;

	if (f == NULL || kept == NULL)
		fuzz_broken("a torn last line was not set aside");
	got = fread(kept, 1, c->torn_len + 2, f);
	fclose(f);
	if (got != c->torn_len + 1 || memcmp(kept, torn, c->torn_len) != 0
	    || kept[c->torn_len] != '\n')
		fuzz_broken("a torn last line was set aside changed");
	free(kept);
}

/* Does every whole line end as a sealed line does, "hash":"<64>"} (what
 * opening reads the head from: log.c's take_line)? *lines gets how many
 * whole lines there are. */
static int
sealed_shape(const uint8_t *data, size_t size, long *lines)
{
	const char *text = (const char *)data, *end = text + size, *nl;
	size_t tail = strlen("\",\"hash\":\"") + EVENT_HASH_HEX + strlen("\"}");
	int sealed = 1;

	*lines = 0;
	for (; (nl = memchr(text, '\n', (size_t)(end - text))) != NULL; text = nl + 1) {
		size_t len = (size_t)(nl - text);

		++*lines;
		if (len < tail || memcmp(nl - tail, "\",\"hash\":\"", 10) != 0)
			sealed = 0;
	}
	return sealed;
}

static void
as_log(const uint8_t *data, size_t size)
{
	struct check c, after;
	long lines;
	int intact;

	write_log(data, size);
	unlink(torn_path);
	intact = verified(&c) || c.torn;	/* torn: every whole line verified */
	/* A log with a line of another shape is refused (exit 1) on opening,
	 * by design; each refusal leaks what it was reading, which over a
	 * million runs fills the memory, so such logs are not opened here
	 * (fsd-event.bats holds the message). */
	if (!sealed_shape(data, size, &lines)) {
		if (intact)
			fuzz_broken("--verify holds intact a line that is not sealed");
		return;
	}
	if (fuzz_call(open_log, NULL, 0) != 0)
		fuzz_broken("a log whose lines all end in a hash cannot be opened");
	if (opened.lines != lines)
		fuzz_broken("opening a log counts another number of lines");
	if (intact && strcmp(opened_head, c.head) != 0)
		fuzz_broken("opening a log reads another head than --verify");
	event_log_close(&opened);
	if (c.torn) {
		check_torn(&c, data, size);
		if (!verified(&after) || strcmp(after.head, c.head) != 0 || after.lines != c.lines)
			fuzz_broken("a log with its torn line set aside does not verify as before");
	}
}

/* The event a line holds as fsd-event would log it, and its id; NULL
 * when the line is not an object with a string id. */
static json_t *
event_of(const char *line, size_t len, const char **id)
{
	json_t *event = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);

	if (!json_is_object(event) || !json_is_string(json_object_get(event, "id"))) {
		json_decref(event);
		return NULL;
	}
	json_object_del(event, "prev");
	json_object_del(event, "hash");
	*id = json_string_value(json_object_get(event, "id"));
	return event;
}

static void
append_lines(const uint8_t *data, size_t size)
{
	struct event_log log;
	struct fsd_buf body = { 0 };
	const char *text = (const char *)data, *end = text + size;
	char head[EVENT_HASH_HEX + 1];
	long lines;
	struct check c;

	unlink(path);
	event_log_open(&log, path);
	while (text < end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text)), *id;
		size_t len = nl != NULL ? (size_t)(nl - text) : (size_t)(end - text);
		json_t *event = event_of(text, len, &id);

		text += len + 1;
		if (event == NULL || event_log_has_id(&log, id)) {
			json_decref(event);
			continue;
		}
		body.len = 0;
		fsd_buf_json(&body, event);
		body.len--;	/* the closing brace: the seal goes before it */
		event_log_append(&log, &body, id);
		json_decref(event);
	}
	memcpy(head, log.head, sizeof head);
	lines = log.lines;
	if (!verified(&c) || strcmp(c.head, head) != 0 || c.lines != lines)
		fuzz_broken("a log as appended does not verify to the writer's head");
	event_log_unlock(&log);
	open_log(NULL, 0);
	if (strcmp(opened_head, head) != 0 || opened.lines != lines
	    || opened.nids != log.nids)
		fuzz_broken("a log as appended reads back another head, line count or ids");
	for (size_t i = 0; i < log.nids; i++)
		if (!event_log_has_id(&opened, log.ids[i]))
			fuzz_broken("an id appended is not known when the log is read again");
	event_log_close(&opened);
	event_log_close(&log);
	fsd_buf_free(&body);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	as_log(data, size);
	if (fuzz_call(append_lines, data, size) != 0)
		fuzz_broken("appending events or reading them back ended the run");
	return 0;
}
