/* SPDX-License-Identifier: ISC (see LICENSE) */
/* A whole file as one string, for the readers that need all of it at
 * once: a side file (to find the line a key is on), a message template,
 * the day's event log from where a reader left it. */
#ifndef FSD_TEXT_H
#define FSD_TEXT_H

#include <stddef.h>

/* The bytes of path from byte offset on, NUL-terminated (a NUL inside
 * is kept: len says where the text ends; len may be NULL). NULL, with
 * errno set, when the file cannot be opened, sought or read. */
char *fsd_read_text(const char *path, long offset, size_t *len);

#endif
