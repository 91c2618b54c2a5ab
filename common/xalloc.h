/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Allocation that dies cleanly: a filter that cannot allocate cannot keep
 * its promise that every record comes out, so it stops with a message. */
#ifndef FSD_XALLOC_H
#define FSD_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of count elements of size bytes to at least need elements. */
void *xgrow(void *p, size_t *count, size_t need, size_t size);
char *xstrdup(const char *s);
/* printf into a freshly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
