/* A growing byte buffer that JSON is written into, for speed: jansson's
 * own dumper costs more per record than everything else fsd-invoice does
 * (about 8 us for a 500-byte job), so records are written here instead,
 * byte for byte as json_dumps with FSD_JSON_FLAGS would write them (a
 * unit test holds the two together), and the buffer goes out in one
 * fwrite. */
#ifndef INV_JSONBUF_H
#define INV_JSONBUF_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct inv_buf {
	char *data;
	size_t len, cap;
};

void inv_buf_put(struct inv_buf *b, const char *s, size_t len);
void inv_buf_puts(struct inv_buf *b, const char *s);
void inv_buf_char(struct inv_buf *b, char c);
/* A JSON string, quoted and escaped. */
void inv_buf_string(struct inv_buf *b, const char *s);
void inv_buf_int(struct inv_buf *b, int64_t v);
/* ,"key": -- or "key": for the first member (first set, then cleared). */
void inv_buf_key(struct inv_buf *b, const char *key, int *first);
/* Any JSON value, compact, keys in their order, reals to 15 digits. */
void inv_buf_json(struct inv_buf *b, const json_t *v);
void inv_buf_free(struct inv_buf *b);

#endif
