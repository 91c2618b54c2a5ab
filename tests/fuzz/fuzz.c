#define _GNU_SOURCE
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"
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

int
fuzz_call(void (*fn)(const uint8_t *, size_t), const uint8_t *data, size_t size)
{
	fsd_status = FSD_EXIT_OK;
	exit_code = 0;
	in_call = 1;
	if (setjmp(exit_jump) == 0)
		fn(data, size);
	in_call = 0;
	clearerr(stdout);
	return exit_code;
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];

	if (fd < 0) {
		fd = memfd_create("fsd-fuzz", 0);
		if (fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size)) {
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
