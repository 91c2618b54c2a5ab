/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The scanned-record loop (jsonscan.h): fsd_read_lines with the scanner
 * in front of the tool, as fsd_read_records has jansson. */
#include "jsonscan.h"
#include "record.h"

struct scan_reader {
	enum fsd_scan_form form;
	fsd_scan_record_fn fn;
	void (*before_stop)(void *ctx);
	void *ctx;
	struct fsd_scan doc;	/* reused from line to line */
};

static enum fsd_line_result
bad(struct scan_reader *r, enum fsd_line_result why)
{
	if (fsd_record_strict && r->before_stop != NULL)
		r->before_stop(r->ctx);
	return why;
}

static enum fsd_line_result
scan_and_hand_over(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct scan_reader *r = ctx;

	if (fsd_scan_record(&r->doc, text, len, r->form, pos) != 0)
		return bad(r, FSD_LINE_NOT_JSON);
	return r->fn(&r->doc, pos, r->ctx) == 0 ? FSD_LINE_OK : bad(r, FSD_LINE_BAD_RECORD);
}

long
fsd_scan_records(int nfiles, char **files, enum fsd_scan_form form,
    fsd_scan_record_fn fn, void (*before_stop)(void *ctx), void *ctx)
{
	struct scan_reader r = { form, fn, before_stop, ctx, { 0 } };
	long nbad = fsd_read_lines(nfiles, files, scan_and_hand_over, &r);

	fsd_scan_free(&r.doc);
	return nbad;
}
