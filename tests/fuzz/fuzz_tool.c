/* A tool's whole record path: cmd/fsd-X.c compiled with its main named
 * fsd_tool_main, run on the input as its one file, with the arguments of
 * its minimal run (tests/fixtures/meta/fsd-X.args), or, where that run
 * leaves the record path idle (no events to fold, no rules, no techs),
 * those of tests/fuzz/args/fsd-X.args: side files from tests/fixtures
 * and share/, named from the top of the tree. FUZZ_TOOL names the tool.
 * A run that ends in exit() returns through fuzz_call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

int fsd_tool_main(int argc, char **argv);

/* Where fsd-invoice's ledger goes, fresh for every input (fsd-restock
 * writes nothing: its --out would lock the fixture stock file). */
static char state_path[64];

static char *argv_base[32];
static int argc_base;

static void
remove_state(void)
{
	char lock[80];

	snprintf(lock, sizeof lock, "%s.lock", state_path);
	unlink(state_path);
	unlink(lock);
}

static void
add(const char *arg)
{
	if (argc_base < 30)
		argv_base[argc_base++] = strdup(arg);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[256], word[1024];
	FILE *f;

	(void)argc;
	(void)argv;
	/* The tool's records go nowhere; the fuzzer reports on stderr. */
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	/* On a tmpfs when there is one: the ledger's fsync costs nothing. */
	snprintf(state_path, sizeof state_path, "%s/fsd-fuzz-ledger.%ld",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
	atexit(remove_state);
	add(FUZZ_TOOL);
	snprintf(path, sizeof path, "tests/fuzz/args/%s.args", FUZZ_TOOL);
	if (access(path, R_OK) != 0)
		snprintf(path, sizeof path, "tests/fixtures/meta/%s.args", FUZZ_TOOL);
	if ((f = fopen(path, "r")) != NULL) {
		while (fscanf(f, "%1023s", word) == 1)
			add(word);
		fclose(f);
	}
	if (strcmp(FUZZ_TOOL, "fsd-invoice") == 0) {
		add("--ledger");
		add(state_path);
	}
	return 0;
}

static void
run(const uint8_t *data, size_t size)
{
	char *argv[34];
	int argc = argc_base;

	memcpy(argv, argv_base, sizeof argv_base[0] * (size_t)argc_base);
	argv[argc++] = (char *)fuzz_file(data, size);
	argv[argc] = NULL;
	unlink(state_path);
	fsd_tool_main(argc, argv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
