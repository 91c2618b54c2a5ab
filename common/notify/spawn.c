#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"
#include "notify/spawn.h"

extern char **environ;

/* Write all of it; a command that stops reading early is its business,
 * told by its exit status, so EPIPE ends the write quietly. */
static void
feed(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		data += n;
		len -= (size_t)n;
	}
}

int
spawn_with_input(const char *command, const char *const *extra, size_t nextra,
    const char *input, size_t len, char *why, size_t why_size)
{
	char *copy = xstrdup(command), *word, *save = NULL;
	char **argv = xcalloc(strlen(command) / 2 + nextra + 2, sizeof *argv);
	size_t argc = 0;
	posix_spawn_file_actions_t actions;
	struct sigaction ignore = { 0 }, old;
	int pipefd[2], status = -1, r;
	pid_t pid;

	for (word = strtok_r(copy, " \t", &save); word != NULL; word = strtok_r(NULL, " \t", &save))
		argv[argc++] = word;
	for (size_t i = 0; i < nextra; i++)
		argv[argc++] = (char *)extra[i];
	argv[argc] = NULL;
	if (argc == nextra) {
		snprintf(why, why_size, "the command is empty");
		goto out;
	}
	if (pipe(pipefd) != 0) {
		snprintf(why, why_size, "pipe: %s", strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, pipefd[0], 0);
	posix_spawn_file_actions_adddup2(&actions, 2, 1);
	posix_spawn_file_actions_addclose(&actions, pipefd[0]);
	posix_spawn_file_actions_addclose(&actions, pipefd[1]);
	r = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(pipefd[0]);
	if (r != 0) {
		close(pipefd[1]);
		snprintf(why, why_size, "cannot run %s: %s", argv[0], strerror(r));
		goto out;
	}
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	feed(pipefd[1], input, len);
	close(pipefd[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(why, why_size, "waitpid: %s", strerror(errno));
			status = -1;
			goto out;
		}
	if (WIFEXITED(status)) {
		status = WEXITSTATUS(status);
		if (status != 0)
			snprintf(why, why_size, "%s exited with status %d", argv[0], status);
	} else {
		snprintf(why, why_size, "%s was killed by signal %d", argv[0], WTERMSIG(status));
		status = -1;
	}
out:
	free(argv);
	free(copy);
	return status;
}
