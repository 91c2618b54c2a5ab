/* Run a delivery command (sendmail, the SMS command) without a shell:
 * the command line is split at spaces into argv, extra arguments (the
 * phone number) are added as they are, and the message goes to its
 * standard input. No field of a record can become a command, however
 * it is quoted. Its own output goes to our standard error, never into
 * the records on standard output. */
#ifndef FSD_NOTIFY_SPAWN_H
#define FSD_NOTIFY_SPAWN_H

#include <stddef.h>

/* Returns the command's exit status (0 is delivered), or -1 when it
 * could not be started or was killed; why gets a sentence then. */
int spawn_with_input(const char *command, const char *const *extra, size_t nextra,
    const char *input, size_t len, char *why, size_t why_size);

#endif
