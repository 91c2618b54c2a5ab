/* A tiny TAP harness for the C unit tests: one "ok N - what" line a check,
 * counted by tests/run beside the bats results. */
#ifndef FSD_UNIT_H
#define FSD_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_count, unit_failed;

#define CHECK(cond, what) do { \
	unit_count++; \
	if (cond) { \
		printf("ok %d - %s\n", unit_count, what); \
	} else { \
		unit_failed++; \
		printf("not ok %d - %s (%s:%d: %s)\n", unit_count, what, \
		    __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(got, want, what) do { \
	const char *got_ = (got), *want_ = (want); \
	CHECK(got_ != NULL && strcmp(got_, want_) == 0, what); \
	if (got_ == NULL || strcmp(got_, want_) != 0) \
		printf("#   got \"%s\", want \"%s\"\n", got_ ? got_ : "(null)", want_); \
} while (0)

#define UNIT_DONE() (printf("1..%d\n", unit_count), unit_failed != 0)

#endif
