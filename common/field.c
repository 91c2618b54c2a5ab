/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "output.h"
#include "xalloc.h"

char fsd_field_error[512];

json_t *
fsd_field(const json_t *record, const char *path)
{
	const json_t *at = record;
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		char key[256];
		size_t len = (size_t)(dot - path);

		if (len >= sizeof key || !json_is_object(at))
			return NULL;
		memcpy(key, path, len);
		key[len] = '\0';
		at = json_object_get(at, key);
		path = dot + 1;
	}
	if (!json_is_object(at))
		return NULL;
	at = json_object_get(at, path);
	return json_is_null(at) ? NULL : (json_t *)at;
}

static int
vfail(const struct fsd_pos *pos, const char *fmt, va_list ap)
{
	char message[sizeof fsd_field_error];

	/* Through a copy: a caller may wrap the last message in a new one
	 * ("\"labor[0]\": %s", fsd_field_error). */
	vsnprintf(message, sizeof message, fmt, ap);
	memcpy(fsd_field_error, message, sizeof message);
	if (pos != NULL)
		fsd_warn_at(pos, "%s", fsd_field_error);
	return FSD_FIELD_BAD;
}

int
fsd_field_fail(const struct fsd_pos *pos, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfail(pos, fmt, ap);
	va_end(ap);
	return r;
}

int
fsd_field_wrong(const struct fsd_pos *pos, const char *path, enum fsd_field_want want,
    const char *quoted)
{
	static const char *const shapes[] = {
		[FSD_WANT_STRING] = "a string",
		[FSD_WANT_WHOLE] = "a whole number",
		[FSD_WANT_NUMBER] = "a number",
		[FSD_WANT_BOOL] = "true or false",
		[FSD_WANT_OBJECT] = "an object",
	};

	if (want == FSD_WANT_TIME)
		return fsd_field_fail(pos,
		    "\"%s\": %s is not an RFC 3339 time like 2026-11-23T08:00:00-07:00",
		    path, quoted);
	return fsd_field_fail(pos, "\"%s\" must be %s, not %s", path, shapes[want], quoted);
}

const char *
fsd_quote_value(const json_t *v, char *buf, size_t size)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | FSD_JSON_FLAGS);

	snprintf(buf, size, "%s", s ? s : "?");
	if (s && strlen(s) >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
	free(s);
	return buf;
}

int
fsd_field_string(const json_t *record, const char *path, const char **out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_string(v))
		return fsd_field_wrong(pos, path, FSD_WANT_STRING, fsd_quote_value(v, buf, sizeof buf));
	*out = json_string_value(v);
	return FSD_FIELD_OK;
}

int
fsd_field_int(const json_t *record, const char *path, long long *out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];
	double d;

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return FSD_FIELD_OK;
	}
	d = json_is_real(v) ? json_real_value(v) : NAN;
	if (isfinite(d) && d == floor(d) && fabs(d) < 9e15) {
		*out = (long long)d;
		return FSD_FIELD_OK;
	}
	return fsd_field_wrong(pos, path, FSD_WANT_WHOLE, fsd_quote_value(v, buf, sizeof buf));
}

int
fsd_field_number(const json_t *record, const char *path, double *out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_number(v))
		return fsd_field_wrong(pos, path, FSD_WANT_NUMBER, fsd_quote_value(v, buf, sizeof buf));
	*out = json_number_value(v);
	return FSD_FIELD_OK;
}

int
fsd_field_bool(const json_t *record, const char *path, int *out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_boolean(v))
		return fsd_field_wrong(pos, path, FSD_WANT_BOOL, fsd_quote_value(v, buf, sizeof buf));
	*out = json_is_true(v);
	return FSD_FIELD_OK;
}

int
fsd_field_time(const json_t *record, const char *path, struct fsd_time *out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_string(v) || fsd_time_parse(json_string_value(v), out) != 0)
		return fsd_field_wrong(pos, path, FSD_WANT_TIME, fsd_quote_value(v, buf, sizeof buf));
	return FSD_FIELD_OK;
}

int
fsd_field_strings(const json_t *record, const char *path, json_t **out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path), *member;
	size_t i;

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_array(v))
		return fsd_field_fail(pos, "\"%s\" must be an array of strings", path);
	json_array_foreach(v, i, member)
		if (!json_is_string(member))
			return fsd_field_fail(pos, "\"%s\" must be an array of strings", path);
	*out = v;
	return FSD_FIELD_OK;
}

int
fsd_field_object(const json_t *record, const char *path, json_t **out,
    const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	char buf[64];

	if (v == NULL)
		return FSD_FIELD_ABSENT;
	if (!json_is_object(v))
		return fsd_field_wrong(pos, path, FSD_WANT_OBJECT, fsd_quote_value(v, buf, sizeof buf));
	*out = v;
	return FSD_FIELD_OK;
}

void
fsd_set_exception(json_t *record, const char *code, const char *fmt, ...)
{
	va_list ap;
	char *message;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	message = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(message, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	json_object_set_new(record, "exception",
	    json_pack("{s:s, s:s}", "code", code, "message", message));
	free(message);
}

/* The codes fsd-match and fsd-route give (fsd(5), EXCEPTIONS). */
static const char *const planning_codes[] = {
	"no_qualified_tech", "no_capacity", "sla_unreachable", "parts_unavailable",
	"displaced", "no_tech", "no_techs", "window_unreachable", "shift_too_short",
	"day_full", "capacity", "no_route", "locked_unreachable", "tech_unavailable",
	NULL
};

int
fsd_record_is_job(const json_t *record)
{
	json_t *kind = json_object_get(record, "kind");

	return kind == NULL || json_is_null(kind)
	    || (json_is_string(kind) && strcmp(json_string_value(kind), "job") == 0);
}

int
fsd_upstream_exception(const json_t *record)
{
	json_t *e = json_object_get(record, "exception");
	const char *code;

	if (e == NULL || json_is_null(e))
		return 0;
	code = json_string_value(json_object_get(e, "code"));
	if (code == NULL)
		return 1;	/* not ours: whoever wrote it must say */
	for (int i = 0; planning_codes[i] != NULL; i++)
		if (strcmp(code, planning_codes[i]) == 0)
			return 0;
	return 1;
}
