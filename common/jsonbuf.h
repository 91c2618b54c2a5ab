/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A growing byte buffer that JSON is written into, for speed: jansson's
 * own dumper costs more per record than everything else a fast tool does
 * (about 8 us for a 500-byte job), so records are written here instead,
 * byte for byte as json_dumps with FSD_JSON_FLAGS would write them (a
 * unit test holds the two together), and the buffer goes out in one
 * fwrite. fsd_emit writes through it; a tool may also write its own
 * output fields straight into one (fsd-invoice does). */
#ifndef FSD_JSONBUF_H
#define FSD_JSONBUF_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct fsd_buf {
	char *data;
	size_t len, cap;
};

void fsd_buf_put(struct fsd_buf *b, const char *s, size_t len);
void fsd_buf_puts(struct fsd_buf *b, const char *s);
void fsd_buf_char(struct fsd_buf *b, char c);
/* A JSON string, quoted and escaped. */
void fsd_buf_string(struct fsd_buf *b, const char *s);
void fsd_buf_int(struct fsd_buf *b, int64_t v);
/* ,"key": -- or "key": for the first member (first set, then cleared). */
void fsd_buf_key(struct fsd_buf *b, const char *key, int *first);
/* Any JSON value, compact, keys in their order, reals to 15 digits. */
void fsd_buf_json(struct fsd_buf *b, const json_t *v);
void fsd_buf_free(struct fsd_buf *b);

#endif
