#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "line.h"
#include "record.h"

static const char *
skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* A string with no escapes and only printable ASCII: anything else is
 * left to jansson, which checks escapes and UTF-8. */
static const char *
scan_string(const char *p, const char *end, const char **s, size_t *len)
{
	const char *start;

	if (p >= end || *p != '"')
		return NULL;
	start = ++p;
	while (p < end && *p != '"') {
		unsigned char c = (unsigned char)*p;
		if (c == '\\' || c < 0x20 || c >= 0x80)
			return NULL;
		p++;
	}
	if (p >= end)
		return NULL;
	*s = start;
	*len = (size_t)(p - start);
	return p + 1;
}

/* A JSON integer: -?(0|[1-9][0-9]*), at most 18 digits. */
static const char *
scan_integer(const char *p, const char *end, const char **s, size_t *len)
{
	const char *start = p, *digits;

	if (p < end && *p == '-')
		p++;
	digits = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p == digits || p - digits > 18 || (*digits == '0' && p - digits > 1))
		return NULL;
	if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
		return NULL;
	*s = start;
	*len = (size_t)(p - start);
	return p;
}

int
restock_scan_flat(struct restock_line *l)
{
	const char *p = l->text, *end = l->text + l->len;
	int n = 0;

	l->nfields = -1;
	p = skip_space(p, end);
	if (p >= end || *p++ != '{')
		return -1;
	p = skip_space(p, end);
	if (p < end && *p == '}')
		p++;
	else for (;;) {
		struct restock_flat_field *f = &l->field[n];

		if (n == RESTOCK_LINE_MAX_FIELDS)
			return -1;
		p = scan_string(p, end, &f->key, &f->key_len);
		if (p == NULL)
			return -1;
		p = skip_space(p, end);
		if (p >= end || *p++ != ':')
			return -1;
		p = skip_space(p, end);
		f->is_string = p < end && *p == '"';
		p = f->is_string ? scan_string(p, end, &f->value, &f->value_len)
		    : scan_integer(p, end, &f->value, &f->value_len);
		if (p == NULL)
			return -1;
		/* jansson is told to reject duplicate keys: so are we. */
		for (int i = 0; i < n; i++)
			if (l->field[i].key_len == f->key_len
			    && memcmp(l->field[i].key, f->key, f->key_len) == 0)
				return -1;
		n++;
		p = skip_space(p, end);
		if (p < end && *p == ',') {
			p = skip_space(p + 1, end);
			continue;
		}
		if (p < end && *p == '}') {
			p++;
			break;
		}
		return -1;
	}
	if (skip_space(p, end) != end)
		return -1;
	return l->nfields = n;
}

json_t *
restock_line_record(struct restock_line *l)
{
	/* A scanned line is valid JSON: this parse does not fail. */
	if (l->record == NULL)
		l->record = json_loadb(l->text, l->len, JSON_REJECT_DUPLICATES, NULL);
	return l->record;
}

struct line_reader {
	restock_line_fn fn;
	void *ctx;
};

static enum fsd_line_result
scan_or_parse(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct line_reader *r = ctx;
	struct restock_line l = { .text = text, .len = len, .pos = *pos };
	int verdict;

	if (restock_scan_flat(&l) < 0
	    && (l.record = fsd_parse_record_line(text, len, pos)) == NULL)
		return FSD_LINE_NOT_JSON;
	verdict = r->fn(&l, r->ctx);
	json_decref(l.record);
	return verdict == 0 ? FSD_LINE_OK : FSD_LINE_BAD_RECORD;
}

long
restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx)
{
	struct line_reader r = { fn, ctx };

	return fsd_read_lines(nfiles, files, scan_or_parse, &r);
}

static const struct restock_flat_field *
flat_field(const struct restock_line *l, const char *key)
{
	size_t len = strlen(key);

	for (int i = 0; i < l->nfields; i++)
		if (l->field[i].key_len == len && memcmp(l->field[i].key, key, len) == 0)
			return &l->field[i];
	return NULL;
}

int
restock_line_string(struct restock_line *l, const char *key, const char **out,
    size_t *len)
{
	const struct restock_flat_field *f;
	int r;

	if (l->nfields < 0) {
		r = fsd_field_string(l->record, key, out, &l->pos);
		if (r == FSD_FIELD_OK)
			*len = json_string_length(fsd_field(l->record, key));
		return r;
	}
	if ((f = flat_field(l, key)) == NULL)
		return FSD_FIELD_ABSENT;
	if (!f->is_string)
		return fsd_field_fail(&l->pos, "\"%s\" must be a string, not %.*s", key,
		    (int)f->value_len, f->value);
	*out = f->value;
	*len = f->value_len;
	return FSD_FIELD_OK;
}

int
restock_line_int(struct restock_line *l, const char *key, long long *out)
{
	const struct restock_flat_field *f;

	if (l->nfields < 0)
		return fsd_field_int(l->record, key, out, &l->pos);
	if ((f = flat_field(l, key)) == NULL)
		return FSD_FIELD_ABSENT;
	if (f->is_string)
		return fsd_field_fail(&l->pos, "\"%s\" must be a whole number, not \"%.*s\"",
		    key, (int)f->value_len, f->value);
	*out = strtoll(f->value, NULL, 10);
	return FSD_FIELD_OK;
}
