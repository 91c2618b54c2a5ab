/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Fault injection for the suite, as SQLite tests its pager: with
 *     FSD_FAULT=OP:N        (OP: write, fsync, rename or malloc)
 * the N-th such call of the run fails as a full disk or a dying one
 * would: the N-th write stores half its bytes and every write after it
 * fails with ENOSPC; the N-th fsync or rename fails with EIO; the N-th
 * allocation returns NULL. With FSD_FAULT=OP:N:kill the run is killed
 * (SIGKILL) at that call instead, a write after storing half its bytes:
 * a power cut. FSD_FAULT=count prints how many of each the run made, on
 * standard error at exit, so a test can walk N over every step.
 *
 * Only the state-file writes (common/statefile.c) and xalloc.h's
 * allocations go through here; without FSD_FAULT they are the plain
 * calls. */
#ifndef FSD_FAULT_H
#define FSD_FAULT_H

#include <stddef.h>
#include <sys/types.h>

enum fsd_fault_op { FSD_FAULT_WRITE, FSD_FAULT_FSYNC, FSD_FAULT_RENAME, FSD_FAULT_MALLOC };

/* Non-zero when this call (the next of its kind) is to fail; sets errno.
 * Kills the run itself when the fault says kill (and op is not a write). */
int fsd_fault_now(enum fsd_fault_op op);

/* write(2), fsync(2), rename(2) with the faults above. */
ssize_t fsd_fault_write(int fd, const void *data, size_t len);
int fsd_fault_fsync(int fd);
int fsd_fault_rename(const char *from, const char *to);

#endif
