/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "text.h"
#include "xalloc.h"

char *
fsd_read_text(const char *path, long offset, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t cap = 0, have = 0, n;
	int error;

	if (f == NULL)
		return NULL;
	if (offset > 0 && fseek(f, offset, SEEK_SET) != 0) {
		error = errno;
		fclose(f);
		errno = error;
		return NULL;
	}
	do {
		text = xgrow(text, &cap, have + 65536 + 1, 1);
		n = fread(text + have, 1, cap - have - 1, f);
		have += n;
	} while (n > 0);
	if (ferror(f)) {
		error = errno ? errno : EIO;
		fclose(f);
		free(text);
		errno = error;
		return NULL;
	}
	fclose(f);
	text[have] = '\0';
	if (len != NULL)
		*len = have;
	return text;
}
