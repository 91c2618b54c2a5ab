/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"

static const char *const op_names[] = { "write", "fsync", "rename", "malloc" };

/* The run's one fault, read from the environment at the first call.
 * File scope because allocation itself consults it: it cannot live in a
 * context anyone passes around. */
static struct {
	int read;
	int counting;
	int op;		/* -1: no fault */
	long at;
	int kill;
	int disk_full;	/* a write failed: every later write fails too */
	long calls[4];
} fault = { .op = -1 };

static void
print_counts(void)
{
	fprintf(stderr, "fsd-fault: write %ld fsync %ld rename %ld malloc %ld\n",
	    fault.calls[FSD_FAULT_WRITE], fault.calls[FSD_FAULT_FSYNC],
	    fault.calls[FSD_FAULT_RENAME], fault.calls[FSD_FAULT_MALLOC]);
}

static void
read_spec(void)
{
	const char *spec = getenv("FSD_FAULT");
	char kill_word[8] = "";

	fault.read = 1;
	if (spec == NULL || *spec == '\0')
		return;
	if (strcmp(spec, "count") == 0) {
		fault.counting = 1;
		atexit(print_counts);
		return;
	}
	for (int op = 0; op < 4; op++) {
		size_t n = strlen(op_names[op]);

		if (strncmp(spec, op_names[op], n) == 0 && spec[n] == ':'
		    && sscanf(spec + n + 1, "%ld:%7s", &fault.at, kill_word) >= 1) {
			fault.op = op;
			fault.kill = strcmp(kill_word, "kill") == 0;
			return;
		}
	}
}

int
fsd_fault_now(enum fsd_fault_op op)
{
	if (!fault.read)
		read_spec();
	if (fault.op < 0 && !fault.counting)
		return 0;
	if (++fault.calls[op] != fault.at || (int)op != fault.op)
		return 0;
	if (fault.kill && op != FSD_FAULT_WRITE)
		raise(SIGKILL);
	errno = op == FSD_FAULT_MALLOC ? ENOMEM : EIO;
	return 1;
}

ssize_t
fsd_fault_write(int fd, const void *data, size_t len)
{
	ssize_t n;

	if (fault.disk_full) {
		errno = ENOSPC;
		return -1;
	}
	if (!fsd_fault_now(FSD_FAULT_WRITE))
		return write(fd, data, len);
	/* Half lands, as when the disk fills in the middle of a write. */
	n = write(fd, data, len / 2);
	if (fault.kill)
		raise(SIGKILL);
	fault.disk_full = 1;
	if (n > 0)
		return n;
	errno = ENOSPC;
	return -1;
}

int
fsd_fault_fsync(int fd)
{
	return fsd_fault_now(FSD_FAULT_FSYNC) ? -1 : fsync(fd);
}

int
fsd_fault_rename(const char *from, const char *to)
{
	return fsd_fault_now(FSD_FAULT_RENAME) ? -1 : rename(from, to);
}
