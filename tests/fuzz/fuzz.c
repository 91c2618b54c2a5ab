#define _GNU_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"
#include "sidefile.h"
#include "fuzz.h"

static jmp_buf exit_jump;
static int exit_code, in_call;

void __real_exit(int code);
int __real_fclose(FILE *f);

_Noreturn void
__wrap_exit(int code)
{
	if (in_call) {
		exit_code = code;
		longjmp(exit_jump, 1);
	}
	__real_exit(code);
	abort();
}

/* fsd_finish closes standard output; the next input needs it. */
int
__wrap_fclose(FILE *f)
{
	if (f == stdout) {
		int r = fflush(f);

		clearerr(f);
		return r;
	}
	return __real_fclose(f);
}

/* The descriptors open before the first call (the standard three,
 * libFuzzer's) and fuzz_file's: the only ones kept across calls. */
static unsigned char kept_fd[1024];
static int input_fd = -1;

/* Each open descriptor but the directory's own, to fn. */
static void
each_open_fd(void (*fn)(int fd))
{
	DIR *d = opendir("/proc/self/fd");
	int fds[1024];
	size_t n = 0;
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL && n < sizeof fds / sizeof fds[0])
		if (e->d_name[0] != '.' && atoi(e->d_name) != dirfd(d))
			fds[n++] = atoi(e->d_name);
	closedir(d);
	for (size_t i = 0; i < n; i++)
		fn(fds[i]);
}

static void
keep_fd(int fd)
{
	if (fd >= 0 && (size_t)fd < sizeof kept_fd)
		kept_fd[fd] = 1;
}

/* A process that exits closes its files; a call that "exited" left its
 * files open (a loader dying half way through a file), one more each
 * input, until nothing could be opened. They are closed here. */
static void
close_if_left_open(int fd)
{
	if (fd != input_fd && (fd < 0 || (size_t)fd >= sizeof kept_fd || !kept_fd[fd]))
		close(fd);
}

int
fuzz_call(void (*fn)(const uint8_t *, size_t), const uint8_t *data, size_t size)
{
	static int first = 1;

	if (first) {
		each_open_fd(keep_fd);
		first = 0;
	}
	fsd_status = FSD_EXIT_OK;
	exit_code = 0;
	in_call = 1;
	if (setjmp(exit_jump) == 0)
		fn(data, size);
	else
		each_open_fd(close_if_left_open);
	in_call = 0;
	clearerr(stdout);
	return exit_code;
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	static char path[64];

	if (input_fd < 0) {
		input_fd = memfd_create("fsd-fuzz", 0);
		if (input_fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", input_fd);
	}
	if (ftruncate(input_fd, 0) != 0
	    || (size > 0 && pwrite(input_fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz_file");
		abort();
	}
	return path;
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void
fuzz_broken(const char *what)
{
	fprintf(stderr, "fuzz: broken: %s\n", what);
	abort();
}

void
fuzz_keys_within(const struct fsd_key *keys, const void *target)
{
	const char *base = target;

	for (const struct fsd_key *k = keys; k->name != NULL; k++) {
		const void *slot = base + k->offset;
		double x;

		switch (k->type) {
		case FSD_KEY_INT: x = *(const int *)slot; break;
		case FSD_KEY_INT64: x = (double)*(const int64_t *)slot; break;
		case FSD_KEY_LLONG: x = (double)*(const long long *)slot; break;
		case FSD_KEY_DOUBLE: x = *(const double *)slot; break;
		case FSD_KEY_BOOL:
			if (*(const int *)slot != 0 && *(const int *)slot != 1)
				fuzz_broken("a side file's bool is neither 0 nor 1");
			continue;
		default: continue;
		}
		/* a row with no default leaves the caller's value, 0 here */
		if (x == (k->has_default ? k->def : 0) || (k->min == 0 && k->max == 0))
			continue;
		if (!(x >= k->min && x <= k->max)) {
			fprintf(stderr, "fuzz: \"%s\" is %g, outside %g..%g\n", k->name, x, k->min, k->max);
			fuzz_broken("a side file's number is outside its row's bounds");
		}
	}
}
