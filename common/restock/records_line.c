#include "records_line.h"
#include "record.h"

struct line_reader {
	restock_line_fn fn;
	void *ctx;
};

static int
hand_over(const struct fsd_scan *d, const struct fsd_pos *pos, void *ctx)
{
	struct line_reader *r = ctx;
	struct restock_line l = { d, *pos, NULL };
	int verdict = r->fn(&l, r->ctx);

	json_decref(l.record);
	return verdict;
}

/* Usage lines are only read, never copied out as they came: any spacing
 * will do. */
long
restock_read_lines(int nfiles, char **files, restock_line_fn fn, void *ctx)
{
	struct line_reader r = { fn, ctx };

	return fsd_scan_records(nfiles, files, FSD_SCAN_ANY, hand_over, NULL, &r);
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
