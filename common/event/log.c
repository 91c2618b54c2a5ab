#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "statefile.h"
#include "text.h"
#include "xalloc.h"
#include "event/log.h"
#include "event/records.h"

/* The file from byte offset on, NUL-terminated; NULL with *len 0 when
 * it does not exist. */
static char *
slurp(const char *path, long offset, size_t *len)
{
	char *data = fsd_read_text(path, offset, len);

	if (data != NULL)
		return data;
	if (errno != ENOENT)
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	*len = 0;
	return NULL;
}

/* The lines from byte offset on, numbered from after line; *read gets
 * the bytes passed on. */
static int
lines_from(const char *path, long offset, long line, event_line_fn fn, void *ctx,
    long *read)
{
	size_t len, at = 0;
	char *data = slurp(path, offset, &len);
	int r = 0;

	while (r == 0 && at < len) {
		char *nl = memchr(data + at, '\n', len - at);
		size_t end = nl != NULL ? (size_t)(nl - data) : len;

		r = fn(data + at, end - at, ++line, nl == NULL, ctx);
		at = end + 1;
	}
	*read = (long)(at < len ? at : len);
	free(data);
	return r;
}

int
event_log_lines(const char *path, event_line_fn fn, void *ctx)
{
	long read;

	return lines_from(path, 0, 0, fn, ctx, &read);
}

static int
compare_ids(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
remember_id(struct event_log *log, const char *id)
{
	size_t lo = 0, hi = log->nids;

	while (lo < hi) {	/* where it goes, to keep the set sorted */
		size_t mid = (lo + hi) / 2;
		if (strcmp(log->ids[mid], id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < log->nids && strcmp(log->ids[lo], id) == 0)
		return;
	log->ids = xgrow(log->ids, &log->ids_cap, log->nids + 1, sizeof *log->ids);
	memmove(log->ids + lo + 1, log->ids + lo, (log->nids - lo) * sizeof *log->ids);
	log->ids[lo] = xstrdup(id);
	log->nids++;
}

int
event_log_has_id(const struct event_log *log, const char *id)
{
	/* bsearch must not be handed a NULL array, even an empty one */
	return log->nids > 0
	    && bsearch(&id, log->ids, log->nids, sizeof *log->ids, compare_ids) != NULL;
}

struct opening {
	struct event_log *log;
	struct event_id_reader ids;
};

static int
take_line(const char *line, size_t len, long number, int partial, void *ctx)
{
	struct opening *o = ctx;
	struct event_log *log = o->log;
	const char *id;
	size_t tail = strlen("\",\"hash\":\"") + EVENT_HASH_HEX + strlen("\"}");

	if (partial)
		fsd_die(FSD_EXIT_DATA, "%s:%ld: the last line is not whole (no newline); "
		    "nothing appended", log->path, number);
	log->lines = number;
	/* The head is the last line's hash as written; whether it is right
	 * is --verify's question, not every writer's. */
	if (len < tail || memcmp(line + len - tail, "\",\"hash\":\"", 10) != 0)
		fsd_die(FSD_EXIT_DATA, "%s:%ld: %s; nothing appended", log->path, number,
		    event_chain_explain(EVENT_CHAIN_SHAPE));
	memcpy(log->head, line + len - EVENT_HASH_HEX - 2, EVENT_HASH_HEX);
	log->head[EVENT_HASH_HEX] = '\0';
	if ((id = event_id_of_line(&o->ids, line, len)) != NULL)
		remember_id(log, id);
	return 0;
}

void
event_log_open(struct event_log *log, const char *path)
{
	memset(log, 0, sizeof *log);
	log->path = path;
	log->lock = -1;
	memcpy(log->head, EVENT_GENESIS, sizeof log->head);
	event_log_lock(log);
}

void
event_log_lock(struct event_log *log)
{
	struct opening o;
	long read;

	if (log->lock >= 0)
		return;
	memset(&o, 0, sizeof o);
	o.log = log;
	log->lock = fsd_lock(log->path);
	/* A line a crashed writer left half written goes aside (.torn), so
	 * the day's log takes events again; --verify still reads as is. */
	fsd_append_repair(log->path);
	/* Only what others appended since we last held it. */
	lines_from(log->path, log->size, log->lines, take_line, &o, &read);
	log->size += read;
	event_id_reader_free(&o.ids);
}

void
event_log_unlock(struct event_log *log)
{
	fsd_unlock(log->lock);
	log->lock = -1;
}

void
event_log_append(struct event_log *log, struct fsd_buf *body, const char *id)
{
	event_chain_seal(body, log->head, log->head);
	fsd_append_durable(log->path, body->data, body->len);
	log->size += (long)body->len;
	log->lines++;
	remember_id(log, id);
}

void
event_log_close(struct event_log *log)
{
	fsd_unlock(log->lock);
	for (size_t i = 0; i < log->nids; i++)
		free(log->ids[i]);
	free(log->ids);
	memset(log, 0, sizeof *log);
	log->lock = -1;
}
