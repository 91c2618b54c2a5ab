#include <string.h>

#include <openssl/evp.h>

#include "err.h"
#include "jsonbuf.h"
#include "event/chain.h"

#define PREV_KEY ",\"prev\":\""
#define HASH_KEY "\",\"hash\":\""
#define TAIL "\"}"

void
event_sha256_hex(const void *data, size_t len, char out[EVENT_HASH_HEX + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1 || n != 32)
		fsd_die(FSD_EXIT_DATA, "sha-256 failed");
	for (unsigned int i = 0; i < n; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[2 * n] = '\0';
}

void
event_chain_seal(struct fsd_buf *body, const char *prev, char hash[EVENT_HASH_HEX + 1])
{
	fsd_buf_puts(body, PREV_KEY);
	fsd_buf_puts(body, prev);
	fsd_buf_char(body, '"');
	event_sha256_hex(body->data, body->len, hash);
	fsd_buf_puts(body, ",\"hash\":\"");
	fsd_buf_puts(body, hash);
	fsd_buf_puts(body, TAIL "\n");
}

static int
is_hex(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

enum event_chain_verdict
event_chain_check(const char *line, size_t len, const char *prev,
    char hash[EVENT_HASH_HEX + 1])
{
	/* ,"prev":"<64>","hash":"<64>"} from the end */
	size_t tail = strlen(PREV_KEY) + EVENT_HASH_HEX + strlen(HASH_KEY)
	    + EVENT_HASH_HEX + strlen(TAIL);
	const char *p, *h;
	char computed[EVENT_HASH_HEX + 1];

	if (len < tail + 1 || line[0] != '{')
		return EVENT_CHAIN_SHAPE;
	p = line + len - tail;
	h = p + strlen(PREV_KEY) + EVENT_HASH_HEX + strlen(HASH_KEY);
	if (memcmp(p, PREV_KEY, strlen(PREV_KEY)) != 0
	    || memcmp(h - strlen(HASH_KEY), HASH_KEY, strlen(HASH_KEY)) != 0
	    || memcmp(line + len - strlen(TAIL), TAIL, strlen(TAIL)) != 0
	    || !is_hex(p + strlen(PREV_KEY), EVENT_HASH_HEX) || !is_hex(h, EVENT_HASH_HEX))
		return EVENT_CHAIN_SHAPE;
	/* The hashed text ends with prev's closing quote. */
	event_sha256_hex(line, (size_t)(h - line) - strlen(HASH_KEY) + 1, computed);
	if (memcmp(computed, h, EVENT_HASH_HEX) != 0)
		return EVENT_CHAIN_CHANGED;
	if (memcmp(p + strlen(PREV_KEY), prev, EVENT_HASH_HEX) != 0)
		return EVENT_CHAIN_BROKEN;
	memcpy(hash, computed, sizeof computed);
	return EVENT_CHAIN_OK;
}

const char *
event_chain_explain(enum event_chain_verdict v)
{
	switch (v) {
	case EVENT_CHAIN_OK: return "chain intact";
	case EVENT_CHAIN_SHAPE: return "not a sealed event line (no \"prev\" and \"hash\" at its end)";
	case EVENT_CHAIN_CHANGED: return "the line was changed: its \"hash\" is not the hash of its text";
	case EVENT_CHAIN_BROKEN: return "\"prev\" is not the hash of the line before: a line was removed, added or moved";
	}
	return "";
}
