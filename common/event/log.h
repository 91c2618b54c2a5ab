/* A day's event log: sealed lines (event/chain.h) appended under the
 * log's lock (common/statefile.h), each durable before the next.
 *
 * Locking reads what is there: the head of the chain (the last line's
 * hash), the number of lines, and every event id, so an id is never
 * logged twice. A writer holds the lock for one event at a time, so
 * concurrent writers take turns and each continues the chain the one
 * before left; taking it again reads only the lines others appended
 * meanwhile. */
#ifndef FSD_EVENT_LOG_H
#define FSD_EVENT_LOG_H

#include <stddef.h>

#include "jsonbuf.h"
#include "event/chain.h"

struct event_log {
	const char *path;
	int lock;
	char head[EVENT_HASH_HEX + 1];
	long lines;
	long size;		/* bytes of it read or written */
	char **ids;		/* sorted, owned */
	size_t nids, ids_cap;
};

/* Lock and read the log (a missing log is an empty one). Dies (1) when
 * the log cannot be read, or its last line is not whole and sealed: a
 * chain must not be continued from a line it cannot name. */
void event_log_open(struct event_log *log, const char *path);

/* Take the lock again (and read what others appended), or let go of it. */
void event_log_lock(struct event_log *log);
void event_log_unlock(struct event_log *log);

int event_log_has_id(const struct event_log *log, const char *id);

/* Seal body (an object's text without its closing brace) onto the chain
 * and append it durably; the id it carries is remembered. On return
 * body holds the whole line as logged. */
void event_log_append(struct event_log *log, struct fsd_buf *body, const char *id);

/* Release the lock and free. */
void event_log_close(struct event_log *log);

/* Read a file's lines for --verify: fn gets each (no newline, CR kept)
 * with its number; returns what fn returned when non-zero, else 0.
 * A last line without a newline is passed too, with partial set. */
typedef int (*event_line_fn)(const char *line, size_t len, long number, int partial,
    void *ctx);
int event_log_lines(const char *path, event_line_fn fn, void *ctx);

#endif
