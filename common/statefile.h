/* SPDX-License-Identifier: ISC (see LICENSE) */
/* State files (truck stock, invoice ledgers) change only by
 * write-to-temp, fsync, rename, under a lock: a crash, a full disk or a
 * second run at the same time leaves either the old file or the new one,
 * never half of each. */
#ifndef FSD_STATEFILE_H
#define FSD_STATEFILE_H

#include <stdio.h>

/* Take an exclusive lock beside path (path + ".lock"), waiting for a run
 * that holds it. Returns the lock's descriptor for fsd_unlock. Dies (1)
 * when the lock file cannot be made. */
int fsd_lock(const char *path);
void fsd_unlock(int fd);

struct fsd_replace {
	char *path;
	char *temp_path;
	FILE *f;
};

/* Open a temporary file in path's directory; write the new contents to
 * r->f. Dies (1) when it cannot be made. */
FILE *fsd_replace_begin(struct fsd_replace *r, const char *path);
/* Flush, fsync, rename over path, fsync the directory. Dies (1), with the
 * temporary removed and path untouched, when any step fails. */
void fsd_replace_commit(struct fsd_replace *r);
/* Throw the new contents away; path is untouched. */
void fsd_replace_abort(struct fsd_replace *r);

/* Append len bytes to path and fsync before returning (a ledger line that
 * is reported written is on disk). Dies (1) on failure. */
void fsd_append_durable(const char *path, const char *data, size_t len);

#endif
