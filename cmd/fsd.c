/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd: the front door. "fsd" alone lists the tools; "fsd X ARGS" runs
 * fsd-X ARGS, looked for first beside this program (so a build tree works
 * uninstalled) and then on PATH, as git finds its commands. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fsd.h"

static const struct fsd_option options[] = {
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd", "[TOOL [ARGS ...]]",
	"run an fsd tool by its short name, or list the tools",
	options, 0
};

/* The directory this program was run from, or NULL. */
static char *
own_directory(void)
{
	static char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return path;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One tool's summary, asked of the tool itself (its option table is the
 * single source of truth). */
static void
describe(const char *dir, const char *name)
{
	char *cmd = xasprintf("'%s/%s' --describe 2>/dev/null", dir, name);
	char line[512] = "";
	FILE *p = popen(cmd, "r");

	if (p != NULL) {
		if (fgets(line, sizeof line, p) == NULL)
			line[0] = '\0';
		pclose(p);
	}
	line[strcspn(line, "\n")] = '\0';
	printf("  %-14s %s\n", name + 4, line);
	free(cmd);
}

static void
list_tools(void)
{
	char *dir = own_directory();
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	printf("usage: fsd TOOL [ARGS ...]   (runs fsd-TOOL; see fsd-TOOL --help)\n\n"
	    "tools:\n");
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "fsd-", 4) != 0)
			continue;
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	if (d != NULL)
		closedir(d);
	if (n > 0)	/* qsort's array may not be NULL, even when empty */
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		describe(dir, names[i]);
		free(names[i]);
	}
	free(names);
	printf("\nthe record vocabulary: man 5 fsd\n");
}

int
main(int argc, char **argv)
{
	char *dir, *name, *path;

	/* Only fsd's own options come before the tool's name. */
	if (argc > 1 && argv[1][0] == '-')
		fsd_parse_options(&tool, 2, argv);
	if (argc < 2) {
		list_tools();
		return fsd_finish();
	}
	fsd_progname = "fsd";
	if (strchr(argv[1], '/') != NULL)
		fsd_usage_error("'%s' is not a tool name", argv[1]);
	name = xasprintf("fsd-%s", argv[1]);
	argv[1] = name;
	dir = own_directory();
	if (dir != NULL) {
		path = xasprintf("%s/%s", dir, name);
		if (access(path, X_OK) == 0)
			execv(path, argv + 1);
		free(path);
	}
	execvp(name, argv + 1);
	if (errno == ENOENT)
		fsd_usage_error("'%s' is not an fsd tool; run 'fsd' for the list", argv[1] + 4);
	fsd_die(FSD_EXIT_DATA, "%s: %s", name, strerror(errno));
}
