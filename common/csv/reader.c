#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		fsd_die(1, "out of memory: %s", csv_strerror(csv_error(&r->parser)));
}

int
fsd_csv_read(FILE *f, fsd_csv_row_fn fn, void *ctx)
{
	struct reader r = { .fn = fn, .ctx = ctx, .line = 1 };
	char buf[65536];
	size_t n;
	int first = 1, pending_cr = 0, saved_errno = 0;
	char last = '\n';

	csv_init(&r.parser, 0);
	csv_set_blk_size(&r.parser, 4096);
	while (!r.stop && (n = fread(buf, 1, sizeof buf, f)) > 0) {
		size_t i = 0, start;

		if (first && n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
			i = 3;
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
