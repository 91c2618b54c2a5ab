/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "err.h"
#include "statefile.h"
#include "xalloc.h"

int
fsd_lock(const char *path)
{
	char *lock_path = xasprintf("%s.lock", path);
	int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0)
		fsd_die(FSD_EXIT_DATA, "%s: %s", lock_path, strerror(errno));
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR)
			fsd_die(FSD_EXIT_DATA, "%s: cannot lock: %s", lock_path, strerror(errno));
	free(lock_path);
	return fd;
}

void
fsd_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* closing drops the flock */
}

FILE *
fsd_replace_begin(struct fsd_replace *r, const char *path)
{
	int fd;

	r->path = xstrdup(path);
	r->temp_path = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(r->temp_path);
	if (fd < 0)
		fsd_die(FSD_EXIT_DATA, "%s: cannot make a temporary file: %s", path, strerror(errno));
	r->f = fdopen(fd, "w");
	if (r->f == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: %s", r->temp_path, strerror(errno));
	return r->f;
}

static void
release(struct fsd_replace *r)
{
	free(r->path);
	free(r->temp_path);
	r->path = r->temp_path = NULL;
	r->f = NULL;
}

void
fsd_replace_abort(struct fsd_replace *r)
{
	if (r->f != NULL)
		fclose(r->f);
	unlink(r->temp_path);
	release(r);
}

static void
sync_directory(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* The rename is only durable once the directory is on disk too. */
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

void
fsd_replace_commit(struct fsd_replace *r)
{
	int failed = fflush(r->f) != 0 || ferror(r->f) || fsync(fileno(r->f)) != 0;
	int saved = errno;

	if (fclose(r->f) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	r->f = NULL;
	if (!failed && rename(r->temp_path, r->path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed) {
		unlink(r->temp_path);
		fsd_die(FSD_EXIT_DATA, "%s: not updated: %s", r->path, strerror(saved));
	}
	sync_directory(r->path);
	release(r);
}

void
fsd_append_durable(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0)
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fsd_die(FSD_EXIT_DATA, "%s: write error: %s", path, strerror(errno));
		data += n;
		len -= (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0)
		fsd_die(FSD_EXIT_DATA, "%s: write error: %s", path, strerror(errno));
}
