/* Message templates (common/notify/template.h), rendered against a fixed
 * job (tests/fixtures/notify/jobs.ndjson's first, with an invoice) and
 * its msg fields, as fsd-notify renders them. A template with no "{{"
 * renders to itself; one that fails names a field that truly has no
 * value (or "{{" for one not closed); one that renders gives what a
 * plain twin below gives: the text, each {{ path }} replaced by its
 * value. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "jsonbuf.h"
#include "notify/notify.h"
#include "notify/records.h"
#include "notify/template.h"
#include "fuzz.h"

static const char job_text[] =
	"{\"id\":\"J1003\",\"type\":\"no-heat\",\"priority\":2,\"customer\":{\"id\":\"C311\","
	"\"name\":\"Lopez residence\",\"phone\":\"+13035550142\",\"email\":\"lopez@example.com\"},"
	"\"site\":{\"address\":\"1420 S Clayton St, Denver\"},\"tech\":\"T01\",\"status\":\"en_route\","
	"\"start\":\"2026-11-23T10:05:00-07:00\",\"eta_window\":{\"start\":\"2026-11-23T10:00:00-07:00\","
	"\"end\":\"2026-11-23T12:00:00-07:00\"},\"invoice\":{\"number\":\"INV-1003\",\"total\":18950,"
	"\"due\":\"2026-12-07\",\"payment_link\":\"https://pay.example/i/INV-1003\"},"
	"\"currency\":\"USD\",\"rate\":1.5}";

static struct notify_lookup lookup;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct notify_rules rules;
	json_t *job = json_loads(job_text, JSON_REJECT_DUPLICATES, NULL);

	(void)argc;
	(void)argv;
	if (job == NULL)
		abort();
	notify_rules_default(&rules);
	lookup.job = job;
	lookup.msg = notify_msg_fields(job, &rules, &(struct msg_due){ MSG_ETA, "", NULL },
	    "J1003", NULL);
	notify_rules_free(&rules);
	return 0;
}

/* The plain twin: literal text copied, every {{ path }} (spaces at its
 * ends dropped) looked up; 0, or -1 at the first that has no value. */
static int
twin(const char *text, struct fsd_buf *out)
{
	size_t n = strlen(text), i = 0;

	out->len = 0;
	while (i < n) {
		if (text[i] != '{' || text[i + 1] != '{') {
			fsd_buf_char(out, text[i++]);
			continue;
		}
		const char *close = strstr(text + i + 2, "}}");
		size_t from = i + 2, to;
		char path[256];
		const char *value;

		if (close == NULL)
			return -1;
		to = (size_t)(close - text);
		while (from < to && text[from] == ' ')
			from++;
		while (to > from && text[to - 1] == ' ')
			to--;
		if (to - from >= sizeof path)
			return -1;
		memcpy(path, text + from, to - from);
		path[to - from] = '\0';
		value = notify_lookup_field(path, &lookup);
		if (value == NULL || *value == '\0')
			return -1;
		fsd_buf_puts(out, value);
		i = (size_t)(close - text) + 2;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), missing[256];
	struct fsd_buf out = { 0 }, want = { 0 };
	int r = template_render(text, notify_lookup_field, &lookup, &out, missing, sizeof missing);

	if (strstr(text, "{{") == NULL && (r != 0 || out.len != strlen(text)
	    || (out.len > 0 && memcmp(out.data, text, out.len) != 0)))
		fuzz_broken("a template without {{ does not render to itself");
	if (r != 0 && strcmp(missing, "{{") != 0 && strlen(missing) < sizeof missing - 1) {
		const char *value = notify_lookup_field(missing, &lookup);

		if (value != NULL && *value != '\0')
			fuzz_broken("a template failed naming a field that has a value");
	}
	if (twin(text, &want) != r)
		fuzz_broken("the template renders where its twin fails, or fails where it renders");
	if (r == 0 && (want.len != out.len
	    || (out.len > 0 && memcmp(want.data, out.data, out.len) != 0)))
		fuzz_broken("the template renders other text than its twin");
	fsd_buf_free(&out);
	fsd_buf_free(&want);
	free(text);
	return 0;
}
