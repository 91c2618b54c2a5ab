/* The holidays file: the days no routine visit is booked on. Plain text,
 * so a dispatcher can keep it in any editor:
 *     # US federal holidays
 *     2026-11-26 Thanksgiving Day
 * Only the date counts; the rest of the line is a name for people. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "recur/recur.h"

void
recur_holidays_add(struct recur_holidays *h, int64_t day)
{
	size_t lo = 0, hi = h->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < h->count && h->days[lo] == day)
		return;
	h->days = xrealloc(h->days, (h->count + 1) * sizeof *h->days);
	memmove(h->days + lo + 1, h->days + lo, (h->count - lo) * sizeof *h->days);
	h->days[lo] = day;
	h->count++;
}

void
recur_holidays_load(struct recur_holidays *h, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t size = 0;
	struct fsd_pos pos = { path, 0 };

	if (f == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	while (getline(&line, &size, f) != -1) {
		char *p = line, date[11];
		int64_t day;
		size_t len;

		pos.line++;
		if (pos.line == 1 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
			p += 3;		/* a byte-order mark from a spreadsheet */
		p += strspn(p, " \t");
		len = strcspn(p, " \t,\r\n");
		if (*p == '#' || len == 0)
			continue;
		if (len != 10) {
			fsd_warn_at(&pos, "holiday must start with a date YYYY-MM-DD, not \"%.*s\"",
			    (int)len, p);
			continue;
		}
		memcpy(date, p, 10);
		date[10] = '\0';
		if (fsd_date_parse(date, &day) != 0) {
			fsd_warn_at(&pos, "holiday must start with a date YYYY-MM-DD, not \"%s\"", date);
			continue;
		}
		recur_holidays_add(h, day);
	}
	if (ferror(f))
		fsd_die(FSD_EXIT_DATA, "%s: %s", path, strerror(errno));
	free(line);
	fclose(f);
}

void
recur_holidays_free(struct recur_holidays *h)
{
	free(h->days);
	h->days = NULL;
	h->count = 0;
}
