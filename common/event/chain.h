/* The hash chain that makes a day's event log tamper-evident.
 *
 * Every line of the log ends with two members written by fsd-event:
 *     ...,"prev":"<64 hex>","hash":"<64 hex>"}
 * "prev" is the "hash" of the line before (64 zeros on the first line)
 * and "hash" is the SHA-256 (libcrypto) of the line's own text up to the
 * comma before "hash". Changing a line breaks its own hash; removing,
 * inserting or moving one breaks the next line's "prev". The chain is
 * checked on the bytes, so no JSON is read here. What a chain cannot
 * show is lines cut off the end: keep the head hash (--verify prints it)
 * somewhere else when that matters. */
#ifndef FSD_EVENT_CHAIN_H
#define FSD_EVENT_CHAIN_H

#include <stddef.h>

#define EVENT_HASH_HEX 64
#define EVENT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* SHA-256 of len bytes as 64 lower-case hex digits and a NUL. */
void event_sha256_hex(const void *data, size_t len, char out[EVENT_HASH_HEX + 1]);

/* Seal a line: body is a JSON object's text without its closing brace
 * ("{...}" less the "}"). Appends ,"prev":"<prev>" to it, then
 * ,"hash":"<hash>"} and a newline; *hash gets the new head. body must
 * have room: it is a growing buffer. */
struct fsd_buf;
void event_chain_seal(struct fsd_buf *body, const char *prev,
    char hash[EVENT_HASH_HEX + 1]);

enum event_chain_verdict {
	EVENT_CHAIN_OK,
	EVENT_CHAIN_SHAPE,	/* the line does not end in "prev" and "hash" */
	EVENT_CHAIN_CHANGED,	/* its hash is not that of its text */
	EVENT_CHAIN_BROKEN	/* its prev is not the line before's hash */
};

/* Check one line (no newline) against the hash of the line before;
 * on EVENT_CHAIN_OK, hash gets this line's. */
enum event_chain_verdict event_chain_check(const char *line, size_t len,
    const char *prev, char hash[EVENT_HASH_HEX + 1]);

/* A sentence for a verdict, for the diagnostic. */
const char *event_chain_explain(enum event_chain_verdict v);

#endif
