/* SPDX-License-Identifier: ISC (see LICENSE) */
/* State files (truck stock, invoice ledgers) change only by
 * write-to-temp, fsync, rename, or by an append that lands whole, under
 * a lock: a crash, a full disk or a second run at the same time leaves
 * either the old file or the new one, never half of each.
 *
 * A path may be a symbolic link: the lock, the append and the
 * replacement all go to the file it names in the end, so every path to
 * one ledger shares one lock and a linked stock file keeps its link. The
 * steps that can fail (write, fsync, rename) go through common/fault.h so
 * the suite can make each one fail in turn. */
#ifndef FSD_STATEFILE_H
#define FSD_STATEFILE_H

#include <stdio.h>
#include <sys/types.h>

#define FSD_STATE_ERROR_LEN 512

/* The file path names once every symbolic link on the way is followed
 * (a link to a file not made yet included), as an absolute path; the
 * caller frees it. */
char *fsd_state_target(const char *path);

/* Take an exclusive lock beside the real file (its target + ".lock"),
 * waiting for a run that holds it. Returns the lock's descriptor for
 * fsd_unlock. Dies (1) when the lock file cannot be made. */
int fsd_lock(const char *path);
void fsd_unlock(int fd);

struct fsd_replace {
	char *path;		/* the file replaced: links followed */
	char *temp_path;
	FILE *f;		/* the new contents, in memory until the commit */
	char *data;
	size_t len;
	int existed;		/* the old file's mode and owner are kept */
	mode_t mode;
	uid_t uid;
	gid_t gid;
	char error[FSD_STATE_ERROR_LEN];
};

/* 0 when path may be replaced (a regular file, or nothing yet); else -1
 * with why in err: a device, a directory or a fifo is never replaced. */
int fsd_replace_check(const char *path, char *err, size_t errlen);

/* Start a replacement of path; write the new contents to r->f. Returns
 * NULL with the reason in r->error (nothing made) when path is not a
 * file that may be replaced. */
FILE *fsd_replace_open(struct fsd_replace *r, const char *path);
/* Write the new contents to a temporary file beside the target, fsync,
 * give it the old file's mode and owner, rename it over the target,
 * fsync the directory. Returns 0, or -1 with the reason in r->error, the
 * temporary removed and the target untouched. */
int fsd_replace_finish(struct fsd_replace *r);
/* The same, dying (1) with the reason instead of returning it. */
FILE *fsd_replace_begin(struct fsd_replace *r, const char *path);
void fsd_replace_commit(struct fsd_replace *r);
/* Throw the new contents away; path is untouched. */
void fsd_replace_abort(struct fsd_replace *r);

/* Remove the temporary files a run killed before its rename left beside
 * path's target. Only with path's lock held (no live run is writing
 * one). Returns how many were removed. */
int fsd_remove_stale_temps(const char *path);

/* Append len bytes to path and fsync before returning (a ledger line that
 * is reported written is on disk). When any step fails the file is cut
 * back to its old length, so it holds all of data or none of it. Dies (1)
 * on failure, saying which. */
void fsd_append_durable(const char *path, const char *data, size_t len);

/* A file appended to by whole lines whose last line has no newline was
 * cut short by a crash in an earlier run (a power cut, a kill): that
 * part line is moved to path + ".torn" and the file cut back to its last
 * whole line, with a warning. Call with path's lock held. Returns 1 when
 * something was set aside, 0 when the file was whole (or is missing). */
int fsd_append_repair(const char *path);

#endif
