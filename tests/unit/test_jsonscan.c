/* common/jsonscan: the fast record reader, held to jansson byte for byte. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fsd.h"
#include "jsonbuf.h"
#include "jsonscan.h"
#include "unit.h"

/* A scanned value written out as fsd_emit would write it, from the nodes
 * alone: what a tool reading the nodes sees, to set beside jansson's. */
static void
write_node(struct fsd_buf *b, const struct fsd_scan *d, int n)
{
	const struct fsd_scan_node *v = &d->nodes[n];
	json_t *j;

	switch (v->type) {
	case FSD_SCAN_OBJECT:
	case FSD_SCAN_ARRAY:
		fsd_buf_char(b, v->type == FSD_SCAN_OBJECT ? '{' : '[');
		for (int k = v->child; k >= 0; k = d->nodes[k].next) {
			if (k != v->child)
				fsd_buf_char(b, ',');
			if (v->type == FSD_SCAN_OBJECT) {
				j = json_stringn(d->nodes[k].key, d->nodes[k].key_len);
				fsd_buf_json(b, j);
				json_decref(j);
				fsd_buf_char(b, ':');
			}
			write_node(b, d, k);
		}
		fsd_buf_char(b, v->type == FSD_SCAN_OBJECT ? '}' : ']');
		break;
	case FSD_SCAN_STRING:
		j = json_stringn(v->str, v->str_len);
		fsd_buf_json(b, j);
		json_decref(j);
		break;
	case FSD_SCAN_INT:
		fsd_buf_int(b, v->ival);
		break;
	case FSD_SCAN_REAL:
		/* jansson has no infinity: a real it would refuse shows so. */
		if ((j = json_real(strtod(v->raw, NULL))) == NULL)
			fsd_buf_puts(b, "overflow");
		else
			fsd_buf_json(b, j);
		json_decref(j);
		break;
	case FSD_SCAN_TRUE: fsd_buf_puts(b, "true"); break;
	case FSD_SCAN_FALSE: fsd_buf_puts(b, "false"); break;
	case FSD_SCAN_NULL: fsd_buf_puts(b, "null"); break;
	}
}

/* jansson's reading of a line as fsd_parse_record_line asks for it, written
 * back by fsd_buf_json; len 0 when it is not a JSON object. */
static void
jansson_form(struct fsd_buf *b, const char *text, size_t len)
{
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);

	b->len = 0;
	if (j != NULL && json_is_object(j))
		fsd_buf_json(b, j);
	json_decref(j);
}

static const char *const texts[] = {
	"{\"a\":1}", "{\"a\":-12,\"b\":[],\"c\":{}}", "{\"s\":\"caf\u00e9 \\\"q\\\" \\n\\u001F\"}",
	"{\"r\":39.0752,\"s\":-104.9903,\"t\":1.0,\"u\":0.0001,\"v\":0.001,\"w\":-0.0}",
	"{\"r\":123456789012345.0,\"s\":12345678.1234567,\"t\":0.1}",
	"{\"t\":true,\"f\":false,\"n\":null,\"big\":922337203685477580}",
	/* jansson reads these, but fsd_emit writes them otherwise: */
	"{ \"a\":1}", "{\"a\":1.50}", "{\"a\":1e3}", "{\"a\":-0}", "{\"a\":0.00001}",
	"{\"a\":1234567890123456.0}", "{\"a\":0.1234567890123456}", "{\"a\":\"\\/\"}",
	"{\"a\":\"\\u00e9\"}", "{\"a\":\"\\u000a\"}", "{\"a\":\"\\u001f\"}",
	"{\"a\":9223372036854775807,\"b\":-9223372036854775808}", "{\"a\":1E+3,\"b\":-2.5e-3}",
	"\t{ \"a\" : [ 1 , {\"b\" :\"c\"} ] ,\r\n\"d\":{ } }  ", "{\"a\":1e299}", "{\"a\":1e-400}",
	"{\"a\":\"\\ud83d\\ude00\"}", "{}", "{\"\":\"empty key\"}",
	"{\"ab\":1,\"cb\":2,\"b\":{\"ab\":3}}",
	/* not JSON objects to jansson: */
	"{\"a\":1,\"a\":2}", "{\"ab\":1,\"cb\":2,\"ab\":3}", "{\"a\\n\":1,\"a\\n\":2}",
	"{\"\":1,\"\":2}", "{\"a\":01}", "{\"a\":\"\xff\"}", "{\"a\":\"\xc0\xaf\"}",
	"{\"a\":\"\xed\xa0\x80\"}", "{\"a\":1}x", "{\"a\":9223372036854775808}",
	"{\"a\":-9223372036854775809}", "[1]", "{\"a\":tru}", "{\"a\":1e400}", "{\"a\":-1e309}",
	"{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "{\"a\":\"tab\there\"}", "{\"a\":1,}",
	"{\"a\":.5}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1", "{\"a\":\"x", "",
};

/* EMITTED takes a line exactly when jansson writes it back as it came;
 * CANONICAL takes whatever jansson writes; ANY never takes what jansson
 * refuses, and reads every value as jansson does. */
static void
test_forms(void)
{
	struct fsd_scan d = { 0 };
	struct fsd_buf want = { 0 }, got = { 0 };
	int wrong = 0, emitted = 0, cautious = 0, any = 0;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *t = texts[i];
		size_t len = strlen(t);
		int ok, as_written;

		jansson_form(&want, t, len);
		ok = fsd_scan(&d, t, len, FSD_SCAN_EMITTED) == 0;
		as_written = want.len > 0 && want.len == len && memcmp(want.data, t, len) == 0;
		if (ok && !as_written) {
			printf("# EMITTED took \"%s\" wrongly\n", t);
			wrong++;
		}
		/* 19 digits or an exponent: left to jansson, which gives the
		 * same bytes back (and the reader reads them as CANONICAL). */
		cautious += !ok && as_written;
		emitted += ok;
		if (want.len > 0 && fsd_scan(&d, want.data, want.len, FSD_SCAN_CANONICAL) != 0) {
			printf("# CANONICAL refused \"%.*s\"\n", (int)want.len, want.data);
			wrong++;
		}
		if (fsd_scan(&d, t, len, FSD_SCAN_ANY) != 0) {
			if (getenv("SCAN_VERBOSE"))
				printf("# ANY left \"%s\" to jansson\n", t);
			continue;
		}
		any++;
		got.len = 0;
		write_node(&got, &d, 0);
		if (got.len != want.len || memcmp(got.data, want.data, got.len) != 0) {
			printf("# ANY read \"%s\" as \"%.*s\", jansson as \"%.*s\"\n", t,
			    (int)got.len, got.data, (int)want.len, want.data);
			wrong++;
		}
	}
	printf("# EMITTED took %d (%d left to jansson though as written), ANY took %d\n",
	    emitted, cautious, any);
	CHECK(wrong == 0, "every form reads a line as jansson does, or leaves it to jansson");
	CHECK(emitted == 9 && cautious == 2,
	    "EMITTED takes the lines fsd_emit would write as they are, but long integers and exponents");
	CHECK(any == 21, "ANY takes spaces, number forms and 64-bit limits, but not the rare escapes");
	fsd_buf_free(&want);
	fsd_buf_free(&got);
	fsd_scan_free(&d);
}

/* Nesting as deep as jansson takes (2048 levels), and no deeper. */
static void
test_depth(void)
{
	struct fsd_scan d = { 0 };
	int agree = 1;

	for (int depth = 2046; depth <= 2050; depth++) {
		size_t len = (size_t)depth * 2 + 6;
		char *t = xmalloc(len + 1);
		struct fsd_buf want = { 0 };

		/* {"a": then depth - 1 arrays, so depth levels in all */
		memcpy(t, "{\"a\":", 5);
		memset(t + 5, '[', (size_t)depth - 1);
		memset(t + 5 + depth - 1, ']', (size_t)depth - 1);
		t[len - 3] = '}';
		jansson_form(&want, t, len - 2);
		if ((fsd_scan(&d, t, len - 2, FSD_SCAN_ANY) == 0) != (want.len > 0)) {
			printf("# depth %d: scanner and jansson disagree\n", depth);
			agree = 0;
		}
		fsd_buf_free(&want);
		free(t);
	}
	CHECK(agree, "nesting is limited where jansson limits it");
	fsd_scan_free(&d);
}

/* fsd_scan_record: a line jansson must read is read through it, and
 * scanned again in fsd_emit's form; a line that is not JSON is reported. */
static void
test_record(void)
{
	static const char escaped[] = "{ \"name\" : \"Jos\\u00e9\", \"n\": 1.50 }";
	static const char plain[] = "{\"name\": \"Ann\"}";
	struct fsd_pos pos = { "unit", 1 };
	struct fsd_scan d = { 0 };
	const char *name = NULL;
	size_t len = 0;

	CHECK(fsd_scan_record(&d, escaped, strlen(escaped), FSD_SCAN_EMITTED, &pos) == 0
	    && d.emitted && fsd_scan_string(&d, 0, "name", &name, &len, NULL) == FSD_FIELD_OK
	    && strcmp(name, "Jos\u00e9") == 0 && len == strlen("Jos\u00e9"),
	    "a line only jansson reads is read through it");
	CHECK(d.nodes[0].raw_len == strlen("{\"name\":\"Jos\u00e9\",\"n\":1.5}")
	    && memcmp(d.nodes[0].raw, "{\"name\":\"Jos\u00e9\",\"n\":1.5}", d.nodes[0].raw_len) == 0,
	    "and its text is then as fsd_emit writes it");
	CHECK(fsd_scan_record(&d, plain, strlen(plain), FSD_SCAN_ANY, &pos) == 0 && !d.emitted
	    && d.nodes[0].raw == plain, "ANY reads a spaced line in place");
	fprintf(stderr, "# expect a positioned error:\n");
	CHECK(fsd_scan_record(&d, "{\"a\":", 5, FSD_SCAN_ANY, &pos) != 0,
	    "a line that is not JSON is refused");
	fsd_status = 0;
	fsd_scan_free(&d);
}

/* The accessors give common/field.h's results and messages. */
static void
test_fields(void)
{
	static const char line[] = "{\"id\":\"J1\",\"qty\":3,\"whole\":4.0,\"half\":1.5,"
	    "\"word\":\"seven\",\"on\":true,\"none\":null,\"site\":{\"lat\":39.75,\"tags\":[1, 2]},"
	    "\"at\":\"2026-11-23T08:00:00-07:00\",\"long\":\"" "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789\"}";
	static const char *const ints[] = { "qty", "whole", "half", "word", "on", "site", "long", "none" };
	static const char *const strings[] = { "id", "qty", "half", "on", "site", "site.tags", "none", "x.y" };
	json_t *rec = json_loads(line, 0, NULL);
	struct fsd_scan d = { 0 };
	char want[512];
	int same = 1;

	CHECK(fsd_scan(&d, line, strlen(line), FSD_SCAN_ANY) == 0, "the field test line scans");
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		long long a = -1, b = -1;
		int ra = fsd_field_int(rec, ints[i], &a, NULL);

		snprintf(want, sizeof want, "%s", fsd_field_error);
		if (ra != fsd_scan_int(&d, 0, ints[i], &b, NULL) || a != b
		    || strcmp(want, fsd_field_error) != 0) {
			printf("# int \"%s\": field.h says \"%s\", scan \"%s\"\n", ints[i], want,
			    fsd_field_error);
			same = 0;
		}
	}
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		const char *a = NULL, *b = NULL;
		int ra = fsd_field_string(rec, strings[i], &a, NULL);

		snprintf(want, sizeof want, "%s", fsd_field_error);
		if (ra != fsd_scan_string(&d, 0, strings[i], &b, NULL, NULL)
		    || (a != NULL) != (b != NULL) || (a != NULL && strcmp(a, b) != 0)
		    || strcmp(want, fsd_field_error) != 0) {
			printf("# string \"%s\": field.h says \"%s\", scan \"%s\"\n", strings[i], want,
			    fsd_field_error);
			same = 0;
		}
	}
	CHECK(same, "whole numbers and strings as fsd_field_int and fsd_field_string give them");
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		double a = -1, b = -1;
		int ra = fsd_field_number(rec, ints[i], &a, NULL);

		snprintf(want, sizeof want, "%s", fsd_field_error);
		if (ra != fsd_scan_number(&d, 0, ints[i], &b, NULL) || a != b
		    || strcmp(want, fsd_field_error) != 0) {
			printf("# number \"%s\": field.h says \"%s\", scan \"%s\"\n", ints[i], want,
			    fsd_field_error);
			same = 0;
		}
	}
	CHECK(same, "numbers as fsd_field_number gives them");
	{
		struct fsd_time t;
		int on = 0;

		CHECK(fsd_scan_bool(&d, 0, "on", &on, NULL) == FSD_FIELD_OK && on
		    && fsd_scan_bool(&d, 0, "qty", &on, NULL) == FSD_FIELD_BAD,
		    "true or false, and nothing else");
		CHECK(fsd_scan_time(&d, 0, "at", &t, NULL) == FSD_FIELD_OK
		    && t.seconds == 1795446000 && t.offset_minutes == -420
		    && fsd_scan_time(&d, 0, "id", &t, NULL) == FSD_FIELD_BAD,
		    "an RFC 3339 time, with its offset");
	}
	{
		static const char spaced[] = "{\"qty\": 0.10 , \"list\" : [ 1 ,2 ]}";
		long long v;
		const char *s;

		fsd_scan(&d, spaced, strlen(spaced), FSD_SCAN_ANY);
		fsd_scan_int(&d, 0, "qty", &v, NULL);
		CHECK_STR(fsd_field_error, "\"qty\" must be a whole number, not 0.1",
		    "a value is quoted as fsd_emit writes it, whatever the line's form");
		fsd_scan_string(&d, 0, "list", &s, NULL, NULL);
		CHECK_STR(fsd_field_error, "\"list\" must be a string, not [1,2]",
		    "an array is quoted compact");
	}
	json_decref(rec);
	fsd_scan_free(&d);
}

static void
test_paths(void)
{
	static const char line[] = "{\"a\":-12,\"b\":[],\"c\":{\"x\":null,\"y\":{\"z\":7}}}";
	struct fsd_scan d = { 0 };
	long long v = 0;
	int n;

	fsd_scan(&d, line, strlen(line), FSD_SCAN_EMITTED);
	n = fsd_scan_get(&d, 0, "a");
	CHECK(n > 0 && fsd_scan_whole(&d, n, &v) == 0 && v == -12, "a field by name, its value");
	n = fsd_scan_get(&d, 0, "c.y.z");
	CHECK(n > 0 && fsd_scan_whole(&d, n, &v) == 0 && v == 7, "a dotted path reaches down");
	CHECK(fsd_scan_get(&d, 0, "c.x") < 0 && fsd_scan_get(&d, 0, "zz") < 0
	    && fsd_scan_get(&d, 0, "a.b") < 0, "missing, null and through-a-number fields are -1");
	fsd_scan_free(&d);
}

int
main(void)
{
	fsd_progname = "test_jsonscan";
	test_forms();
	test_depth();
	test_record();
	test_fields();
	test_paths();
	return UNIT_DONE();
}
