/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "fault.h"
#include "statefile.h"
#include "xalloc.h"

/* Linux gives up after 40 links too (path_resolution(7)). */
#define MAX_LINKS 40

static char *
dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));

	free(copy);
	return dir;
}

static char *
base_of(const char *path)
{
	char *copy = xstrdup(path);
	char *base = xstrdup(basename(copy));

	free(copy);
	return base;
}

char *
fsd_state_target(const char *path)
{
	char *at = xstrdup(path), *dir, *base, *real_dir, *target;

	for (int hops = 0; hops < MAX_LINKS; hops++) {
		struct stat st;
		char link[PATH_MAX];
		ssize_t n;

		if (lstat(at, &st) != 0 || !S_ISLNK(st.st_mode)
		    || (n = readlink(at, link, sizeof link - 1)) < 0)
			break;
		link[n] = '\0';
		/* A relative link is relative to the folder it is in. */
		dir = dir_of(at);
		free(at);
		at = link[0] == '/' ? xstrdup(link) : xasprintf("%s/%s", dir, link);
		free(dir);
	}
	/* The folder's own links are followed by realpath; the file itself
	 * may not exist yet. */
	dir = dir_of(at);
	base = base_of(at);
	real_dir = realpath(dir, NULL);
	target = real_dir == NULL ? xstrdup(at)
	    : xasprintf("%s/%s", strcmp(real_dir, "/") == 0 ? "" : real_dir, base);
	free(real_dir);
	free(base);
	free(dir);
	free(at);
	return target;
}

int
fsd_lock(const char *path)
{
	char *target = fsd_state_target(path);
	char *lock_path = xasprintf("%s.lock", target);
	int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0)
		fsd_die(FSD_EXIT_DATA, "%s: %s", lock_path, strerror(errno));
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR)
			fsd_die(FSD_EXIT_DATA, "%s: cannot lock: %s", lock_path, strerror(errno));
	free(lock_path);
	free(target);
	return fd;
}

void
fsd_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* closing drops the flock */
}

int
fsd_replace_check(const char *path, char *err, size_t errlen)
{
	char *target = fsd_state_target(path);
	struct stat st;
	int r = 0;

	if (stat(target, &st) != 0) {
		if (errno != ENOENT) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			r = -1;
		}
	} else if (!S_ISREG(st.st_mode)) {
		/* As root, --out /dev/null would otherwise swap the system's
		 * /dev/null for a regular file. */
		snprintf(err, errlen, "%s: not a regular file; not replaced", path);
		r = -1;
	}
	free(target);
	return r;
}

FILE *
fsd_replace_open(struct fsd_replace *r, const char *path)
{
	struct stat st;

	memset(r, 0, sizeof *r);
	if (fsd_replace_check(path, r->error, sizeof r->error) != 0)
		return NULL;
	r->path = fsd_state_target(path);
	if (stat(r->path, &st) == 0) {
		r->existed = 1;
		r->mode = st.st_mode & 07777;
		r->uid = st.st_uid;
		r->gid = st.st_gid;
	}
	/* Held in memory, so that every byte reaches the disk through the
	 * one write loop below (and its fault injection). */
	r->f = open_memstream(&r->data, &r->len);
	if (r->f == NULL) {
		snprintf(r->error, sizeof r->error, "%s: %s", path, strerror(errno));
		free(r->path);
		r->path = NULL;
	}
	return r->f;
}

static void
release(struct fsd_replace *r)
{
	if (r->f != NULL)
		fclose(r->f);
	free(r->data);
	free(r->path);
	free(r->temp_path);
	r->path = r->temp_path = r->data = NULL;
	r->f = NULL;
}

void
fsd_replace_abort(struct fsd_replace *r)
{
	release(r);
}

static void
sync_directory(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* The rename is only durable once the directory is on disk too. */
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = fsd_fault_write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A new file gets what open(2) with 0666 would have given it. */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* The new file as the old one was: owner first, since chown clears the
 * set-id bits. Giving a file to another user takes root, so without it
 * the file is the runner's, as any file they write. */
static int
keep_mode_and_owner(const struct fsd_replace *r, int fd)
{
	if (r->existed && fchown(fd, r->uid, r->gid) != 0 && errno != EPERM)
		return -1;
	return fchmod(fd, r->existed ? r->mode : new_file_mode());
}

int
fsd_replace_finish(struct fsd_replace *r)
{
	int fd = -1, saved;

	if (fclose(r->f) != 0) {
		r->f = NULL;
		goto failed;
	}
	r->f = NULL;
	r->temp_path = xasprintf("%s.tmpXXXXXX", r->path);
	fd = mkstemp(r->temp_path);
	if (fd < 0) {
		saved = errno;
		snprintf(r->error, sizeof r->error, "%s: cannot make a temporary file: %s",
		    r->path, strerror(saved));
		release(r);
		return -1;
	}
	if (write_all(fd, r->data, r->len) != 0 || keep_mode_and_owner(r, fd) != 0
	    || fsd_fault_fsync(fd) != 0)
		goto failed;
	if (close(fd) != 0) {
		fd = -1;
		goto failed;
	}
	fd = -1;
	if (fsd_fault_rename(r->temp_path, r->path) != 0)
		goto failed;
	sync_directory(r->path);
	release(r);
	return 0;
failed:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (r->temp_path != NULL)
		unlink(r->temp_path);
	snprintf(r->error, sizeof r->error, "%s: not updated: %s", r->path, strerror(saved));
	release(r);
	return -1;
}

FILE *
fsd_replace_begin(struct fsd_replace *r, const char *path)
{
	if (fsd_replace_open(r, path) == NULL)
		fsd_die(FSD_EXIT_DATA, "%s", r->error);
	return r->f;
}

void
fsd_replace_commit(struct fsd_replace *r)
{
	if (fsd_replace_finish(r) != 0)
		fsd_die(FSD_EXIT_DATA, "%s", r->error);
}

/* mkstemp's six letters and digits after ".tmp". */
static int
is_temp_of(const char *name, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(name, base, n) != 0 || strncmp(name + n, ".tmp", 4) != 0
	    || strlen(name + n + 4) != 6)
		return 0;
	for (const char *p = name + n + 4; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p))
			return 0;
	return 1;
}

int
fsd_remove_stale_temps(const char *path)
{
	char *target = fsd_state_target(path);
	char *dir = dir_of(target), *base = base_of(target);
	DIR *d = opendir(dir);
	struct dirent *e;
	int removed = 0;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *temp;
		struct stat st;

		if (!is_temp_of(e->d_name, base))
			continue;
		temp = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(temp, &st) == 0 && S_ISREG(st.st_mode) && unlink(temp) == 0) {
			fsd_note("removed %s, left by a run stopped before it finished", temp);
			removed++;
		}
		free(temp);
	}
	if (d != NULL)
		closedir(d);
	free(base);
	free(dir);
	free(target);
	return removed;
}

/* Append all of data or, when a step fails, nothing: the file is cut
 * back to the length it had, so no later append lands on half a line. */
static int
append_whole(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666), saved;
	struct stat st;

	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		saved = errno;
		close(fd);
		snprintf(err, errlen, "%s: %s", path, strerror(saved));
		return -1;
	}
	if (write_all(fd, data, len) == 0 && fsd_fault_fsync(fd) == 0)
		return close(fd) == 0 ? 0 : (snprintf(err, errlen, "%s: write error: %s", path,
		    strerror(errno)), -1);
	saved = errno;
	if (ftruncate(fd, st.st_size) != 0 || fsync(fd) != 0)
		snprintf(err, errlen, "%s: write error: %s; and the part written could not be "
		    "taken back (%s): its last line is cut short", path, strerror(saved),
		    strerror(errno));
	else
		snprintf(err, errlen, "%s: write error: %s; nothing of this run's last batch "
		    "was added", path, strerror(saved));
	close(fd);
	return -1;
}

void
fsd_append_durable(const char *path, const char *data, size_t len)
{
	char err[FSD_STATE_ERROR_LEN];

	if (append_whole(path, data, len, err, sizeof err) != 0)
		fsd_die(FSD_EXIT_DATA, "%s", err);
}

/* Where the last line starts: just after the last newline before size. */
static off_t
last_line_start(int fd, off_t size)
{
	char chunk[4096];
	off_t end = size;

	while (end > 0) {
		off_t from = end > (off_t)sizeof chunk ? end - (off_t)sizeof chunk : 0;
		ssize_t n = pread(fd, chunk, (size_t)(end - from), from);

		if (n <= 0)
			return -1;
		for (ssize_t i = n - 1; i >= 0; i--)
			if (chunk[i] == '\n')
				return from + i + 1;
		end = from;
	}
	return 0;
}

int
fsd_append_repair(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);
	struct stat st;
	char last, err[FSD_STATE_ERROR_LEN];
	off_t start;
	char *torn, *torn_path;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) != 0 || st.st_size == 0 || pread(fd, &last, 1, st.st_size - 1) != 1
	    || last == '\n') {
		close(fd);
		return 0;
	}
	start = last_line_start(fd, st.st_size);
	if (start < 0)
		fsd_die(FSD_EXIT_DATA, "%s: read error: %s", path, strerror(errno));
	torn = xmalloc((size_t)(st.st_size - start) + 1);
	if (pread(fd, torn, (size_t)(st.st_size - start), start) != st.st_size - start)
		fsd_die(FSD_EXIT_DATA, "%s: read error: %s", path, strerror(errno));
	torn[st.st_size - start] = '\n';
	/* Kept, not thrown away: it is someone's record, half of it. */
	torn_path = xasprintf("%s.torn", path);
	if (append_whole(torn_path, torn, (size_t)(st.st_size - start) + 1, err, sizeof err) != 0)
		fsd_die(FSD_EXIT_DATA, "%s", err);
	if (ftruncate(fd, start) != 0 || fsync(fd) != 0)
		fsd_die(FSD_EXIT_DATA, "%s: cannot cut off its torn last line: %s", path, strerror(errno));
	fsd_note("%s: its last line was cut short by a run that stopped while writing it "
	    "(a crash or a full disk); moved to %s, the rest is whole", path, torn_path);
	close(fd);
	free(torn);
	free(torn_path);
	return 1;
}
