#include "line.h"
#include "record.h"

struct line_reader {
	restock_line_fn fn;
	void *ctx;
	struct fsd_scan doc;	/* reused from line to line */
};

static enum fsd_line_result
scan_line(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct line_reader *r = ctx;
	struct restock_line l = { &r->doc, *pos, NULL };
	int verdict;

	/* Usage lines are only read, never copied out as they came: any
	 * spacing will do. */
	if (fsd_scan_record(&r->doc, text, len, FSD_SCAN_ANY, pos) != 0)
		return FSD_LINE_NOT_JSON;
	verdict = r->fn(&l, r->ctx);
	json_decref(l.record);
	return verdict == 0 ? FSD_LINE_OK : FSD_LINE_BAD_RECORD;
}

long
restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx)
{
	struct line_reader r = { fn, ctx, { 0 } };
	long bad = fsd_read_lines(nfiles, files, scan_line, &r);

	fsd_scan_free(&r.doc);
	return bad;
}

json_t *
restock_line_record(struct restock_line *l)
{
	if (l->record == NULL)
		l->record = fsd_scan_json(l->doc, 0);
	return l->record;
}

int
restock_line_string(struct restock_line *l, const char *key, const char **out,
    size_t *len)
{
	return fsd_scan_string(l->doc, 0, key, out, len, &l->pos);
}

int
restock_line_int(struct restock_line *l, const char *key, long long *out)
{
	return fsd_scan_int(l->doc, 0, key, out, &l->pos);
}
