/* What every libFuzzer harness in tests/fuzz/ shares (make fuzz).
 *
 * Harnesses are persistent: one process runs every input, so nothing in
 * them may end the process. fsd_die and the usage errors end in exit(3);
 * the harnesses are linked with -Wl,--wrap=exit,--wrap=fclose, so that
 * an exit inside fuzz_call returns from it instead, and standard output
 * (which fsd_finish closes) stays open for the next input. */
#ifndef FSD_FUZZ_H
#define FSD_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Run fn(data, size) and return its status, or the exit code when the
 * code under test called exit(). */
int fuzz_call(void (*fn)(const uint8_t *data, size_t size), const uint8_t *data, size_t size);

/* The input as a file that can be opened by name, rewritten each call
 * (a memfd: no disk). */
const char *fuzz_file(const uint8_t *data, size_t size);

/* The input as a C string (up to its first NUL); the caller frees. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Stop the fuzzer with a report: a property the code promises broke. */
_Noreturn void fuzz_broken(const char *what);

/* What a side file's table promises (common/sidefile.h): every number a
 * row fills in target is the row's default (0 when it has none: the
 * caller's) or inside its bounds, and a bool is 0 or 1. For a loader that took its file without a problem. */
struct fsd_key;
void fuzz_keys_within(const struct fsd_key *keys, const void *target);

#endif
