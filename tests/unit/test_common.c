/* Unit tests for common/: time, dates, money, geo, fields, the record loop. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsd.h"
#include "jsonbuf.h"
#include "text.h"
#include "unit.h"

static void
test_time(void)
{
	struct fsd_time t;
	char buf[FSD_TIME_LEN];

	CHECK(fsd_time_parse("2026-11-23T08:00:00-07:00", &t) == 0, "parse with offset");
	CHECK(t.seconds == 1795446000 && t.offset_minutes == -420, "instant and offset");
	CHECK_STR(fsd_time_format(t.seconds, t.offset_minutes, buf),
	    "2026-11-23T08:00:00-07:00", "format back in its own offset");
	CHECK_STR(fsd_time_format(t.seconds, 0, buf), "2026-11-23T15:00:00Z", "same instant in UTC");
	CHECK(fsd_time_parse("2026-11-23T15:00:00Z", &t) == 0 && t.seconds == 1795446000,
	    "Z is UTC");
	CHECK(fsd_time_parse("2026-11-23t15:00:00.250z", &t) == 0 && t.seconds == 1795446000,
	    "lower case and a fraction");
	CHECK(fsd_time_parse("2026-11-23 08:00-07:00", &t) == 0 && t.seconds == 1795446000,
	    "space and no seconds, as spreadsheets write");
	CHECK(fsd_time_parse("2026-11-23T08:00:00+05:30", &t) == 0 && t.offset_minutes == 330,
	    "half-hour offset");
	CHECK(fsd_time_parse("2024-02-29T00:00:00Z", &t) == 0, "leap day");
	CHECK(fsd_time_parse("2026-02-29T00:00:00Z", &t) != 0, "no leap day in 2026");
	CHECK(fsd_time_parse("2026-11-31T00:00:00Z", &t) != 0, "no 31 November");
	CHECK(fsd_time_parse("2026-11-23T24:00:00Z", &t) != 0, "hour 24");
	CHECK(fsd_time_parse("2026-11-23T08:00:00", &t) != 0, "an offset is required");
	CHECK(fsd_time_parse("2026-11-23T08:00:00-7:00", &t) != 0, "offset needs two digits");
	CHECK(fsd_time_parse("2026-11-23T08:00:00-07:00x", &t) != 0, "trailing text");
	CHECK(fsd_time_parse("", &t) != 0, "empty");
	CHECK(fsd_time_parse("1969-12-31T23:59:59Z", &t) == 0 && t.seconds == -1, "before 1970");
	CHECK_STR(fsd_time_format(-1, 0, buf), "1969-12-31T23:59:59Z", "format before 1970");
}

static void
test_dates(void)
{
	int64_t days, y;
	int m, d;
	char buf[FSD_DATE_LEN];

	CHECK(fsd_days_from_civil(1970, 1, 1) == 0, "epoch day");
	CHECK(fsd_date_parse("2026-11-23", &days) == 0 && fsd_weekday(days) == 1,
	    "2026-11-23 is a Monday");
	fsd_civil_from_days(days + 38, &y, &m, &d);
	CHECK(y == 2026 && m == 12 && d == 31, "38 days later is new year's eve");
	CHECK_STR(fsd_date_format(days + 39, buf), "2027-01-01", "and then new year");
	CHECK(fsd_days_in_month(2026, 2) == 28 && fsd_days_in_month(2000, 2) == 29
	    && fsd_days_in_month(1900, 2) == 28, "February by the Gregorian rules");
	CHECK(fsd_date_parse("2026-13-01", &days) != 0, "month 13");
	for (int64_t i = -800000; i < 800000; i += 997) {
		fsd_civil_from_days(i, &y, &m, &d);
		if (fsd_days_from_civil(y, m, d) != i) {
			CHECK(0, "civil round trip");
			return;
		}
	}
	CHECK(1, "civil round trip over 4,000 years");
}

static void
test_money(void)
{
	int64_t v;
	char buf[FSD_MONEY_LEN];

	CHECK(fsd_currency_exponent("USD") == 2 && fsd_currency_exponent("JPY") == 0
	    && fsd_currency_exponent("KWD") == 3, "ISO 4217 exponents");
	CHECK(fsd_currency_exponent("usd") == -1 && fsd_currency_exponent("US") == -1,
	    "not a currency code");
	CHECK(fsd_money_parse("12.34", 2, &v) == 0 && v == 1234, "parse 12.34");
	CHECK(fsd_money_parse("12.3", 2, &v) == 0 && v == 1230, "parse 12.3");
	CHECK(fsd_money_parse("-0.05", 2, &v) == 0 && v == -5, "parse -0.05");
	CHECK(fsd_money_parse("1.234", 2, &v) != 0, "too many decimals");
	CHECK(fsd_money_parse("1,00", 2, &v) != 0 && fsd_money_parse("-", 2, &v) != 0,
	    "not numbers");
	CHECK(fsd_money_parse("99999999999999999999", 2, &v) != 0, "overflow");
	CHECK_STR(fsd_money_format(1234, 2, buf), "12.34", "format 12.34");
	CHECK_STR(fsd_money_format(-5, 2, buf), "-0.05", "format -0.05");
	CHECK_STR(fsd_money_format(1500, 0, buf), "1500", "format yen");
	CHECK(fsd_money_scale(1005, 1, 10, FSD_ROUND_HALF_UP, &v) == 0 && v == 101,
	    "100.5 rounds half up to 101");
	CHECK(fsd_money_scale(1005, 1, 10, FSD_ROUND_HALF_EVEN, &v) == 0 && v == 100,
	    "100.5 rounds half even to 100");
	CHECK(fsd_money_scale(1015, 1, 10, FSD_ROUND_HALF_EVEN, &v) == 0 && v == 102,
	    "101.5 rounds half even to 102");
	CHECK(fsd_money_scale(-1005, 1, 10, FSD_ROUND_HALF_UP, &v) == 0 && v == -101,
	    "half up is away from zero");
	CHECK(fsd_money_scale(10000, 8810, 100000, FSD_ROUND_HALF_UP, &v) == 0 && v == 881,
	    "8.81% of 100.00");
	CHECK(fsd_money_scale(INT64_MAX, 2, 1, FSD_ROUND_HALF_UP, &v) != 0, "scale overflow");
	CHECK(fsd_money_add(INT64_MAX, 1, &v) != 0, "add overflow");
}

static void
test_geo(void)
{
	/* Denver Union Station to Boulder's Pearl Street: about 39 km apart. */
	double km = fsd_haversine_km(39.7530, -105.0001, 40.0176, -105.2797);
	struct fsd_travel t = FSD_TRAVEL_DEFAULT;

	CHECK(km > 37 && km < 39, "Denver to Boulder is about 38 km as the crow flies");
	CHECK(fsd_haversine_km(10, 20, 10, 20) == 0, "no distance to oneself");
	CHECK(fabs(fsd_haversine_km(0, 0, 0, 180) - M_PI * FSD_EARTH_RADIUS_KM) < 1e-6,
	    "half the equator");
	CHECK(fabs(fsd_travel_minutes(&t, 40.0) - 60.0) < 1e-9, "40 km at 40 km/h is an hour");
	CHECK(fabs(fsd_travel_km(&t, 39.7530, -105.0001, 40.0176, -105.2797) - km * 1.3) < 1e-9,
	    "road factor");
	CHECK(fsd_latlon_valid(39.7, -105) && !fsd_latlon_valid(91, 0)
	    && !fsd_latlon_valid(0, NAN), "valid places");
}

static void
test_fields(void)
{
	json_t *r = json_loads("{\"id\":\"J1\",\"duration\":90,\"lat\":3.0,\"site\":{\"lat\":39.7},"
	    "\"skills\":[\"hvac\",\"cert:epa608\"],\"bad\":[\"x\",1],\"locked\":true,"
	    "\"window\":{\"start\":\"2026-11-23T08:00:00-07:00\",\"end\":\"noon\"},\"gone\":null}",
	    0, NULL);
	const char *s;
	long long i;
	double d;
	int b;
	json_t *a;
	struct fsd_time t;

	CHECK(fsd_field_string(r, "id", &s, NULL) == FSD_FIELD_OK && strcmp(s, "J1") == 0,
	    "string");
	CHECK(fsd_field_int(r, "duration", &i, NULL) == FSD_FIELD_OK && i == 90, "int");
	CHECK(fsd_field_int(r, "lat", &i, NULL) == FSD_FIELD_OK && i == 3, "a whole real is an int");
	CHECK(fsd_field_int(r, "site.lat", &i, NULL) == FSD_FIELD_BAD, "39.7 is not whole");
	CHECK(fsd_field_number(r, "site.lat", &d, NULL) == FSD_FIELD_OK && d == 39.7,
	    "dotted path");
	CHECK(fsd_field_bool(r, "locked", &b, NULL) == FSD_FIELD_OK && b == 1, "bool");
	CHECK(fsd_field_strings(r, "skills", &a, NULL) == FSD_FIELD_OK
	    && json_array_size(a) == 2, "array of strings");
	CHECK(fsd_field_strings(r, "bad", &a, NULL) == FSD_FIELD_BAD, "mixed array");
	CHECK_STR(fsd_field_error, "\"bad\" must be an array of strings", "its message");
	CHECK(fsd_field_time(r, "window.start", &t, NULL) == FSD_FIELD_OK, "time");
	CHECK(fsd_field_time(r, "window.end", &t, NULL) == FSD_FIELD_BAD, "not a time");
	CHECK_STR(fsd_field_error,
	    "\"window.end\": \"noon\" is not an RFC 3339 time like 2026-11-23T08:00:00-07:00",
	    "its message quotes the value");
	CHECK(fsd_field_string(r, "gone", &s, NULL) == FSD_FIELD_ABSENT, "null is absent");
	CHECK(fsd_field_string(r, "nowhere.deep", &s, NULL) == FSD_FIELD_ABSENT, "missing path");
	CHECK(fsd_field_string(r, "duration", &s, NULL) == FSD_FIELD_BAD, "number is no string");
	fsd_set_exception(r, "no_capacity", "%s is full from %s", "T012", "13:10");
	CHECK_STR(json_string_value(fsd_field(r, "exception.message")),
	    "T012 is full from 13:10", "exception message");
	json_decref(r);
}

/* The hand-written JSON must be byte for byte what jansson writes. */
static void
test_jsonbuf(void)
{
	static const char *const docs[] = {
		"{\"a\":\"q\\\"b\\\\s/\\n\\t\\u0001\\u001f é\",\"n\":-12,\"z\":0,\"t\":true,\"f\":false,\"x\":null}",
		"{\"lat\":39.7392,\"lon\":-104.9903,\"r\":1.0,\"e\":1e-7,\"big\":1e300,\"p\":0.1,\"q\":123456.789012}",
		"{\"nest\":{\"arr\":[1,[2,{}],[]],\"o\":{}},\"w\":0.05,\"v\":-0.001,\"third\":0.3333333333333333}",
	};
	struct fsd_buf b = { 0 };
	int same = 1;
	uint64_t seed = 12345;

	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		json_t *doc = json_loads(docs[i], 0, NULL);
		char *want = json_dumps(doc, FSD_JSON_FLAGS);

		b.len = 0;
		fsd_buf_json(&b, doc);
		if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0) {
			same = 0;
			printf("# want %s\n#  got %.*s\n", want, (int)b.len, b.data);
		}
		free(want);
		json_decref(doc);
	}
	CHECK(same, "fsd_buf_json writes what json_dumps writes");
	same = 1;
	for (int i = 0; i < 100000 && same; i++) {
		double d;
		json_t *v;
		char *want;

		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		d = (double)(int64_t)(seed % 2000000001ULL - 1000000000ULL) / (double)(1 + seed % 100000000);
		if (i % 3 == 0)
			d = (double)(int64_t)(seed % 20000001ULL - 10000000ULL) / 1e4;
		v = json_real(d);
		want = json_dumps(v, JSON_ENCODE_ANY | FSD_JSON_FLAGS);
		b.len = 0;
		fsd_buf_json(&b, v);
		if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0) {
			same = 0;
			printf("# real %.17g: want %s got %.*s\n", d, want, (int)b.len, b.data);
		}
		free(want);
		json_decref(v);
	}
	CHECK(same, "100,000 random reals are written as jansson writes them");
	fsd_buf_free(&b);
}

struct seen {
	int count;
	long lines[8];
};

static int
note_record(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	struct seen *s = ctx;

	(void)record;
	if (s->count < 8)
		s->lines[s->count] = pos->line;
	s->count++;
	return 0;
}

static void
test_record_loop(void)
{
	char path[] = "/tmp/fsd-unit-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct seen s = { 0, { 0 } };
	long bad;

	/* BOM, CRLF, a blank line, a broken line, an array, a long line. */
	fputs("\xEF\xBB\xBF{\"id\":\"a\"}\r\n\n  \r\n{broken\n[1,2]\n{\"id\":\"b\",\"pad\":\"", f);
	for (int i = 0; i < 100000; i++)
		putc('x', f);
	fputs("\"}\n{\"id\":\"c\"}", f);
	fclose(f);
	fprintf(stderr, "# the two messages below are expected\n");
	bad = fsd_read_record_file(path, note_record, &s);
	CHECK(bad == 2, "two bad lines");
	CHECK(s.count == 3, "three records");
	CHECK(s.lines[0] == 1 && s.lines[1] == 6 && s.lines[2] == 7,
	    "positions count every physical line");
	CHECK(fsd_status == FSD_EXIT_DATA, "bad lines set the exit status");
	fsd_status = 0;
	unlink(path);
}

struct pair {
	int key, order;
};

static int
by_key_then_nothing(const void *a, const void *b, void *ctx)
{
	int *calls = ctx;

	(*calls)++;
	return ((const struct pair *)a)->key - ((const struct pair *)b)->key;
}

/* fsd_sort against the obvious: sorted by key, equal keys in input order,
 * the context reaching the comparator. */
static void
test_sort(void)
{
	enum { N = 1000 };
	struct pair items[N];
	unsigned x = 12345;
	int calls = 0, sorted = 1, stable = 1;

	for (int i = 0; i < N; i++) {
		x = x * 1103515245 + 12345;
		items[i].key = (int)((x >> 16) % 50);
		items[i].order = i;
	}
	fsd_sort(items, N, sizeof *items, by_key_then_nothing, &calls);
	for (int i = 1; i < N; i++) {
		sorted &= items[i - 1].key <= items[i].key;
		stable &= items[i - 1].key != items[i].key || items[i - 1].order < items[i].order;
	}
	CHECK(sorted, "fsd_sort: sorted by the comparator");
	CHECK(stable, "fsd_sort: equal items keep their order");
	CHECK(calls > 0, "fsd_sort: the context reaches the comparator");
	fsd_sort(items, 0, sizeof *items, by_key_then_nothing, &calls);
	CHECK(1, "fsd_sort: an empty array is no work");
}

struct settings {
	int stops;
	double km;
	int on_call;
	char *name;
	long long big;
};

/* The side-file loader: values by their rows, defaults for absent keys,
 * every problem counted, each found on its line. */
static void
test_sidefile(void)
{
	static const struct fsd_key keys[] = {
		{ "stops", FSD_KEY_INT, 1, 10, offsetof(struct settings, stops), 1, 5 },
		{ "km", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX, offsetof(struct settings, km), 1, 1e9 },
		{ "on_call", FSD_KEY_BOOL, .offset = offsetof(struct settings, on_call) },
		{ "name", FSD_KEY_STRING, .offset = offsetof(struct settings, name),
		  .has_default = 1, .def_string = "crew" },
		{ "big", FSD_KEY_LLONG, .offset = offsetof(struct settings, big) },
		{ NULL }
	};
	static const char good[] = "{\n\"km\": 12.5,\n\"on_call\": true,\n\"big\": 3.0\n}";
	static const char bad[] = "{\n\"stops\": 11,\n\"bogus\": 1,\n\"on_call\": 1,\n\"name\": 7\n}";
	struct settings s = { 0 };
	struct fsd_sidefile f;
	json_t *doc = json_loads(good, 0, NULL);

	fsd_progname = "test_common";
	fsd_side_init(&f, doc, good, "good.json", "settings file");
	CHECK(fsd_side_read(&f, doc, "", keys, &s) == 0, "sidefile: a good file has no problems");
	CHECK(s.stops == 5 && s.km == 12.5 && s.on_call == 1 && s.big == 3,
	    "sidefile: values go where their rows say; an absent key gets its default");
	CHECK_STR(s.name, "crew", "sidefile: a string default is a copy");
	CHECK(fsd_side_line(&f, "big") == 4, "sidefile: a key is found on its line");
	{
		static const char list[] = "{\n\"rows\": [\n {\"a\": \"x,]}\"},\n [1, 2],\n"
		    " {\"a\": 1,\n  \"b\": 2}\n],\n\"b\": 3\n}";
		struct fsd_sidefile g;

		fsd_side_init(&g, NULL, list, "list.json", "settings file");
		CHECK(fsd_side_line(&g, "rows[0]") == 3 && fsd_side_line(&g, "rows[1]") == 4
		    && fsd_side_line(&g, "rows.2") == 5,
		    "sidefile: an array's items by [N] or a digit segment, past strings and nesting");
		CHECK(fsd_side_line(&g, "rows[2].b") == 6,
		    "sidefile: a key inside an item is found after the item starts");
		CHECK(fsd_side_line(&g, "rows[3]") == 2,
		    "sidefile: an item past the end stops at the array's key");
	}
	fsd_side_close(&f);
	json_decref(doc);
	free(s.name);
	s = (struct settings){ 0 };

	doc = json_loads(bad, 0, NULL);
	fsd_side_init(&f, doc, bad, "bad.json", "settings file");
	CHECK(fsd_side_read(&f, doc, "", keys, &s) == 4,
	    "sidefile: out of bounds, unknown, wrong type twice: 4 problems in one run");
	CHECK(fsd_side_close(&f) == 4, "sidefile: close says how many");
	CHECK(s.stops == 0 && s.name == NULL,
	    "sidefile: a bad value is not stored, nor a default in its place");
	json_decref(doc);
	free(s.name);
	fsd_status = 0;
}

/* A whole file, from the start or from where a reader left it; a file
 * that is not there says so in errno. */
static void
test_read_text(void)
{
	char path[] = "/tmp/fsd-test-text-XXXXXX";
	int fd = mkstemp(path);
	size_t len = 99;
	char *text;

	CHECK(fd >= 0 && write(fd, "one\ntwo\n", 8) == 8, "read_text: a file written");
	close(fd);
	text = fsd_read_text(path, 0, &len);
	CHECK(text != NULL && len == 8 && strcmp(text, "one\ntwo\n") == 0,
	    "read_text: the whole file, NUL-terminated, its length said");
	free(text);
	text = fsd_read_text(path, 4, NULL);
	CHECK_STR(text, "two\n", "read_text: from a byte offset on");
	free(text);
	unlink(path);
	errno = 0;
	CHECK(fsd_read_text(path, 0, &len) == NULL && errno == ENOENT,
	    "read_text: a missing file is NULL with ENOENT");
}

int
main(void)
{
	test_read_text();
	test_sidefile();
	test_sort();
	test_time();
	test_dates();
	test_money();
	test_geo();
	test_fields();
	test_jsonbuf();
	test_record_loop();
	return UNIT_DONE();
}
