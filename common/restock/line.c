#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "line.h"
#include "output.h"
#include "record.h"

static FILE *rejects;

static void
keep_reject(const char *line, size_t len)
{
	if (fsd_record_rejects_path == NULL)
		return;
	if (rejects == NULL && (rejects = fopen(fsd_record_rejects_path, "a")) == NULL)
		fsd_die(1, "%s: %s", fsd_record_rejects_path, strerror(errno));
	if (fwrite(line, 1, len, rejects) != len || putc('\n', rejects) == EOF
	    || fflush(rejects) != 0)
		fsd_die(1, "%s: write error: %s", fsd_record_rejects_path, strerror(errno));
}

static void
stop_if_strict(void)
{
	if (!fsd_record_strict)
		return;
	fsd_note("stopped at the first bad record (--strict)");
	fsd_output_close();
	exit(FSD_EXIT_DATA);
}

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

/* Parse with jansson; report a broken line as common/record.c does. */
static json_t *
parse(struct restock_line *l, int report)
{
	json_error_t error;
	json_t *record = json_loadb(l->text, l->len, JSON_REJECT_DUPLICATES, &error);

	if (record != NULL && json_is_object(record))
		return record;
	if (report && record == NULL)
		fsd_warn_at(NULL, "%s:%ld:%d: %s", fsd_display_name(l->pos.file),
		    l->pos.line, error.column > 0 ? error.column : 1, error.text);
	else if (report)
		fsd_warn_at(NULL, "%s:%ld:1: a record must be a JSON object, not %s",
		    fsd_display_name(l->pos.file), l->pos.line,
		    json_is_array(record) ? "an array" : json_is_string(record) ? "a string"
		    : json_is_number(record) ? "a number" : json_is_null(record) ? "null"
		    : "a boolean");
	json_decref(record);
	return NULL;
}

json_t *
restock_line_record(struct restock_line *l)
{
	if (l->record == NULL)
		l->record = parse(l, 0);
	return l->record;
}

static int
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

static long
read_stream(FILE *in, const char *path, restock_line_fn fn, void *ctx)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	long bad = 0;
	struct restock_line l = { .pos = { path, 0 } };

	while ((got = getline(&buf, &cap, in)) != -1) {
		l.text = buf;
		l.len = (size_t)got;
		l.pos.line++;
		l.record = NULL;
		if (l.len > 0 && l.text[l.len - 1] == '\n')
			l.len--;
		if (l.len > 0 && l.text[l.len - 1] == '\r')
			l.len--;
		if (l.pos.line == 1 && l.len >= 3 && memcmp(l.text, "\xEF\xBB\xBF", 3) == 0) {
			l.text += 3;
			l.len -= 3;
		}
		if (is_blank(l.text, l.len))
			continue;
		if (restock_scan_flat(&l) < 0 && (l.record = parse(&l, 1)) == NULL) {
			bad++;
			keep_reject(l.text, l.len);
			stop_if_strict();
			continue;
		}
		if (fn(&l, ctx) != 0) {
			bad++;
			fsd_status = FSD_EXIT_DATA;
			json_decref(l.record);
			stop_if_strict();
			continue;
		}
		json_decref(l.record);
	}
	if (ferror(in))
		fsd_warn_at(&(struct fsd_pos){ path, 0 }, "read error: %s", strerror(errno));
	free(buf);
	return bad;
}

long
restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx)
{
	long bad = 0;
	char *standard_input[] = { "-" };

	if (nfiles == 0) {
		files = standard_input;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++) {
		FILE *in = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "r");

		if (in == NULL) {
			fsd_warn_at(&(struct fsd_pos){ files[i], 0 }, "%s", strerror(errno));
			bad++;
			continue;
		}
		bad += read_stream(in, files[i], fn, ctx);
		if (in != stdin)
			fclose(in);
	}
	if (rejects != NULL)
		fclose(rejects);
	rejects = NULL;
	return bad;
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
