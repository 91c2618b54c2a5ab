#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "csv/reader.h"
#include "err.h"
#include "xalloc.h"

struct reader {
	struct csv_parser parser;
	fsd_csv_row_fn fn;
	void *ctx;
	long line;		/* the line the next bytes fed belong to */
	int in_row;		/* a row has begun and not yet ended */
	int stop;
	const char *problem;
	/* The row being built: cell bytes back to back, each NUL-ended. */
	char *text;
	size_t text_len, text_cap;
	size_t *starts, *lens;
	size_t ncells, cells_cap;
	char **cells;
	size_t cell_ptrs_cap;
	char *raw;
	size_t raw_len, raw_cap;
	struct fsd_csv_row row;
};

static void
end_of_cell(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;

	if (r->ncells == r->cells_cap) {
		size_t cap = r->cells_cap;
		r->starts = xgrow(r->starts, &cap, r->ncells + 1, sizeof *r->starts);
		r->lens = xgrow(r->lens, &r->cells_cap, r->ncells + 1, sizeof *r->lens);
	}
	if (r->text_len + len + 1 > r->text_cap)
		r->text = xgrow(r->text, &r->text_cap, r->text_len + len + 1, 1);
	if (len > 0)
		memcpy(r->text + r->text_len, data, len);
	r->text[r->text_len + len] = '\0';
	r->starts[r->ncells] = r->text_len;
	r->lens[r->ncells] = len;
	r->ncells++;
	r->text_len += len + 1;
}

static void
end_of_row(int terminator, void *ctx)
{
	struct reader *r = ctx;

	(void)terminator;
	if (r->ncells + 1 > r->cell_ptrs_cap)
		r->cells = xgrow(r->cells, &r->cell_ptrs_cap, r->ncells + 1, sizeof *r->cells);
	for (size_t i = 0; i < r->ncells; i++)
		r->cells[i] = r->text + r->starts[i];
	r->row.ncells = r->ncells;
	r->row.cells = r->cells;
	r->row.lens = r->lens;
	r->row.raw = r->raw;
	r->row.raw_len = r->raw_len;
	r->row.problem = r->problem;
	if (!r->stop && r->fn(&r->row, r->ctx) != 0)
		r->stop = 1;
	r->ncells = r->text_len = r->raw_len = 0;
	r->in_row = 0;
}

static int
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* One physical line (or the rest of one), its end included. */
static void
feed(struct reader *r, const char *s, size_t len)
{
	if (!r->in_row && !is_blank(s, len)) {
		r->in_row = 1;
		r->row.line = r->line;
	}
	if (r->in_row) {
		if (r->raw_len + len + 1 > r->raw_cap)
			r->raw = xgrow(r->raw, &r->raw_cap, r->raw_len + len + 1, 1);
		memcpy(r->raw + r->raw_len, s, len);
		r->raw_len += len;
		r->raw[r->raw_len] = '\0';
	}
	if (csv_parse(&r->parser, s, len, end_of_cell, end_of_row, r) != len)
		fsd_die(FSD_EXIT_DATA, "out of memory: %s", csv_strerror(csv_error(&r->parser)));
}

/* Where bytes come from: the file, with a byte-order mark taken off and
 * UTF-16 turned into UTF-8 on the way. */
struct source {
	FILE *f;
	enum fsd_csv_encoding encoding;
	int started;
	int utf16;		/* 0, 'L'ittle or 'B'ig endian */
	unsigned char odd[1];	/* a UTF-16 unit split between two reads */
	int have_odd;
	unsigned high;		/* a high surrogate waiting for its pair, or 0 */
};

static size_t
put_utf8(char *out, unsigned c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3f));
	out[2] = (char)(0x80 | (c >> 6 & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* UTF-16 units in raw to UTF-8 in out (room for 3 bytes a unit, 4 a
 * pair); a lone surrogate becomes U+FFFD, as any invalid text would. */
static size_t
utf16_to_utf8(struct source *s, const unsigned char *raw, size_t n, char *out)
{
	size_t o = 0, i = 0;
	unsigned char pair[2];

	while (i < n) {
		unsigned unit;

		if (s->have_odd) {
			pair[0] = s->odd[0];
			pair[1] = raw[i++];
			s->have_odd = 0;
		} else if (i + 1 < n) {
			pair[0] = raw[i];
			pair[1] = raw[i + 1];
			i += 2;
		} else {
			s->odd[0] = raw[i++];
			s->have_odd = 1;
			break;
		}
		unit = s->utf16 == 'L' ? (unsigned)(pair[0] | pair[1] << 8)
		    : (unsigned)(pair[0] << 8 | pair[1]);
		if (s->high != 0) {
			unsigned high = s->high;
			s->high = 0;
			if (unit >= 0xdc00 && unit <= 0xdfff) {
				o += put_utf8(out + o, 0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00));
				continue;
			}
			o += put_utf8(out + o, 0xfffd);
		}
		if (unit >= 0xd800 && unit <= 0xdbff)
			s->high = unit;
		else if (unit >= 0xdc00 && unit <= 0xdfff)
			o += put_utf8(out + o, 0xfffd);
		else
			o += put_utf8(out + o, unit);
	}
	return o;
}

/* Windows-1252's bytes 0x80 to 0x9f (the rest are Latin-1's), as the
 * WHATWG Encoding Standard maps them: the five it leaves undefined stand
 * for the C1 controls of the same number, so no byte is lost. */
static const unsigned short cp1252_high[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

int
fsd_csv_encoding_parse(const char *name)
{
	static const struct {
		const char *name;
		enum fsd_csv_encoding encoding;
	} names[] = {
		{ "utf-8", FSD_CSV_UTF8 }, { "utf8", FSD_CSV_UTF8 },
		{ "windows-1252", FSD_CSV_WINDOWS_1252 }, { "cp1252", FSD_CSV_WINDOWS_1252 },
		{ "latin1", FSD_CSV_LATIN1 }, { "iso-8859-1", FSD_CSV_LATIN1 },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return (int)names[i].encoding;
	return -1;
}

/* Single bytes in raw to UTF-8 in out (at most 3 bytes each). */
static size_t
single_byte_to_utf8(enum fsd_csv_encoding encoding, const unsigned char *raw, size_t n,
    char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned c = raw[i];

		if (encoding == FSD_CSV_WINDOWS_1252 && c >= 0x80 && c < 0xa0)
			c = cp1252_high[c - 0x80];
		o += put_utf8(out + o, c);
	}
	return o;
}

/* Up to cap bytes of UTF-8 text into buf; 0 at the end. */
static size_t
next_chunk(struct source *s, char *buf, size_t cap)
{
	unsigned char raw[16384];
	size_t n, skip = 0;

	if (s->encoding != FSD_CSV_UTF8 && !s->utf16) {
		n = fread(raw, 1, cap / 3 < sizeof raw ? cap / 3 : sizeof raw, s->f);
		return single_byte_to_utf8(s->encoding, raw, n, buf);
	}
	if (!s->utf16) {
		n = fread(buf, 1, s->started ? cap : 2, s->f);
		if (!s->started) {
			s->started = 1;
			if (n == 2 && ((unsigned char)buf[0] == 0xff && (unsigned char)buf[1] == 0xfe))
				s->utf16 = 'L';
			else if (n == 2 && ((unsigned char)buf[0] == 0xfe && (unsigned char)buf[1] == 0xff))
				s->utf16 = 'B';
			if (s->utf16)
				return next_chunk(s, buf, cap);
			n += fread(buf + n, 1, cap - n, s->f);
			if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
				skip = 3;
			memmove(buf, buf + skip, n - skip);
		}
		return n - skip;
	}
	/* A unit is 2 bytes in and at most 3 out (a pair, 4 bytes, out of 4). */
	n = fread(raw, 1, cap / 3 < sizeof raw ? cap / 3 : sizeof raw, s->f);
	if (n == 0 && s->high != 0) {
		s->high = 0;
		return put_utf8(buf, 0xfffd);
	}
	return utf16_to_utf8(s, raw, n, buf);
}

/* The delimiter the first line has most of, outside quotes. */
static char
detect_delimiter(const char *buf, size_t n)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t counts[3] = { 0 };
	int quoted = 0;
	char best = ',';
	size_t most = 0;

	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && (buf[i] == '\n' || buf[i] == '\r'))
			break;
		else if (!quoted)
			for (int c = 0; c < 3; c++)
				counts[c] += buf[i] == candidates[c];
	}
	for (int c = 0; c < 3; c++) {
		if (counts[c] > most) {
			most = counts[c];
			best = candidates[c];
		}
	}
	return best;
}

int
fsd_csv_read(FILE *f, fsd_csv_row_fn fn, void *ctx)
{
	struct fsd_csv_dialect comma = { ',' };

	return fsd_csv_read_dialect(f, &comma, fn, ctx);
}

int
fsd_csv_read_dialect(FILE *f, struct fsd_csv_dialect *dialect, fsd_csv_row_fn fn, void *ctx)
{
	struct reader r = { .fn = fn, .ctx = ctx, .line = 1 };
	struct source src = { .f = f, .encoding = dialect->encoding };
	char buf[65536];
	size_t n;
	int first = 1, pending_cr = 0, saved_errno = 0;
	char last = '\n';

	csv_init(&r.parser, 0);
	csv_set_blk_size(&r.parser, 4096);
	dialect->used = dialect->delimiter ? dialect->delimiter : ',';
	while (!r.stop && (n = next_chunk(&src, buf, sizeof buf)) > 0) {
		size_t i = 0, start;

		if (first && dialect->delimiter == 0)
			dialect->used = detect_delimiter(buf, n);
		if (first)
			csv_set_delim(&r.parser, (unsigned char)dialect->used);
		first = 0;
		/* A CRLF split across two reads: its LF ends the line already counted. */
		if (pending_cr && buf[0] == '\n') {
			feed(&r, buf, 1);
			i = 1;
		}
		pending_cr = 0;
		for (start = i; i < n && !r.stop; i++) {
			if (buf[i] != '\n' && buf[i] != '\r')
				continue;
			if (buf[i] == '\r') {
				if (i + 1 < n && buf[i + 1] == '\n')
					i++;
				else if (i + 1 == n)
					pending_cr = 1;
			}
			feed(&r, buf + start, i + 1 - start);
			r.line++;
			start = i + 1;
		}
		if (start < n && !r.stop)
			feed(&r, buf + start, n - start);
		last = buf[n - 1];
	}
	dialect->utf16 = src.utf16 != 0;
	if (ferror(f))
		saved_errno = errno ? errno : EIO;
	/* The last line may lack its line end; a row still open after one is
	 * given is a quoted cell that never closed. */
	if (!r.stop && last != '\n' && last != '\r')
		feed(&r, "\n", 1);
	if (!r.stop && r.in_row) {
		r.problem = "a quoted cell is not closed before the end of the file";
		csv_fini(&r.parser, end_of_cell, end_of_row, &r);
	}
	csv_free(&r.parser);
	free(r.text);
	free(r.starts);
	free(r.lens);
	free(r.cells);
	free(r.raw);
	if (saved_errno != 0) {
		errno = saved_errno;
		return -1;
	}
	return 0;
}
