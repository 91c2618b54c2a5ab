/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "output.h"
#include "record.h"
#include "statefile.h"
#include "xalloc.h"
#include "invoice/records_reissue.h"

struct wanted {
	char **numbers;
	int count;
	char *found;	/* one flag a number */
};

static enum fsd_line_result
print_if_wanted(const char *text, size_t len, const struct fsd_pos *pos, void *ctx)
{
	struct wanted *w = ctx;
	json_t *record = fsd_parse_record_line(text, len, pos);
	const char *number = NULL;

	if (record == NULL)
		return FSD_LINE_NOT_JSON;
	if (fsd_field_string(record, "invoice.number", &number, pos) == FSD_FIELD_OK)
		for (int i = 0; i < w->count; i++)
			if (!w->found[i] && strcmp(w->numbers[i], number) == 0) {
				/* The line as it went out the first time. */
				fwrite(text, 1, len, stdout);
				putchar('\n');
				w->found[i] = 1;
				break;
			}
	json_decref(record);
	return FSD_LINE_OK;
}

int
inv_reissue(const char *ledger_path, char **numbers, int count)
{
	struct wanted w = { numbers, count, xcalloc((size_t)count, 1) };
	int lock = fsd_lock(ledger_path), missing = 0;

	fsd_read_lines(1, (char *[]){ (char *)ledger_path }, print_if_wanted, &w);
	fsd_unlock(lock);
	for (int i = 0; i < count; i++)
		if (!w.found[i]) {
			fsd_warn_at(NULL, "%s: no invoice \"%s\" in it", ledger_path, numbers[i]);
			missing++;
		}
	free(w.found);
	return missing;
}
