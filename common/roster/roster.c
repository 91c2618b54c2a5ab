/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rfc3339.h"
#include "recur/recur.h"
#include "roster/roster.h"
#include "xalloc.h"

static const char *
skip_spaces(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

/* "07:00-15:30" at p (recur_clock_parse's HH:MM on each side). */
static int
parse_clock_range(const char **p, int *start, int *end)
{
	char a[6] = "", b[6] = "";
	const char *q = skip_spaces(*p);

	if (strlen(q) < 11 || q[5] != '-')
		return -1;
	memcpy(a, q, 5);
	memcpy(b, q + 6, 5);
	if ((*start = recur_clock_parse(a)) < 0 || (*end = recur_clock_parse(b)) < 0)
		return -1;
	*p = q + 11;
	return 0;
}

int
roster_add_hours(struct roster *r, const char *text, char *err, size_t errlen)
{
	const char *p = text + strcspn(text, "0123456789");
	char *days = xasprintf("%.*s", (int)(p - text), text);
	unsigned mask;
	int start, end;

	/* The days are written as a contract's are (fsd-recur's weekdays). */
	for (char *e = days + strlen(days); e > days && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	mask = strcasecmp(skip_spaces(days), "daily") == 0 ? recur_weekdays_parse("mon-sun")
	    : recur_weekdays_parse(skip_spaces(days));
	free(days);
	if (mask == 0) {
		snprintf(err, errlen, "\"%s\" does not start with days (mon-fri, sat, "
		    "mon,wed,fri, daily)", text);
		return -1;
	}
	for (;;) {
		if (parse_clock_range(&p, &start, &end) != 0) {
			snprintf(err, errlen, "\"%s\": hours are HH:MM-HH:MM (07:00-15:30)", text);
			return -1;
		}
		r->hours = xrealloc(r->hours, (r->nhours + 1) * sizeof *r->hours);
		r->hours[r->nhours++] = (struct roster_hours){ mask, start,
		    end <= start ? end + 24 * 60 : end };
		p = skip_spaces(p);
		if (*p != ',')
			break;
		p++;
	}
	if (*p != '\0') {
		snprintf(err, errlen, "\"%s\": \"%s\" is more than days and hours", text, p);
		return -1;
	}
	return 0;
}

static int
parse_date_at(const char **p, int64_t *day)
{
	char date[11];

	if (strlen(*p) < 10)
		return -1;
	memcpy(date, *p, 10);
	date[10] = '\0';
	if (fsd_date_parse(date, day) != 0)
		return -1;
	*p += 10;
	return 0;
}

int
roster_add_off(struct roster *r, const char *text, char *err, size_t errlen)
{
	const char *p = skip_spaces(text);
	struct roster_off off = { .start_min = -1, .end_min = -1 };

	if (parse_date_at(&p, &off.first_day) != 0)
		goto bad;
	off.last_day = off.first_day;
	if (strncmp(p, "..", 2) == 0) {
		p += 2;
		if (parse_date_at(&p, &off.last_day) != 0 || off.last_day < off.first_day)
			goto bad;
	} else if (*skip_spaces(p) != '\0') {
		if (parse_clock_range(&p, &off.start_min, &off.end_min) != 0
		    || off.end_min <= off.start_min)
			goto bad;
	}
	if (*skip_spaces(p) != '\0')
		goto bad;
	r->off = xrealloc(r->off, (r->noff + 1) * sizeof *r->off);
	r->off[r->noff++] = off;
	return 0;
bad:
	snprintf(err, errlen, "\"%s\" is not a day off (2026-11-26), days "
	    "(2026-12-24..2026-12-26) or hours of a day (2026-11-23 13:00-15:00)", text);
	return -1;
}

void
roster_free(struct roster *r)
{
	free(r->hours);
	free(r->off);
	*r = (struct roster){ 0 };
}

static void
add_gap(struct roster_day *out, int start, int end)
{
	if (out->ngaps < ROSTER_MAX_GAPS && end > start)
		out->gaps[out->ngaps++].start_min = start, out->gaps[out->ngaps - 1].end_min = end;
}

void
roster_day(const struct roster *r, int64_t day, struct roster_day *out)
{
	unsigned bit = 1u << fsd_weekday(day);	/* as recur_weekdays_parse */
	int have = 0;

	*out = (struct roster_day){ .why_not = "not rostered on that weekday" };
	for (size_t i = 0; i < r->noff; i++) {
		const struct roster_off *o = &r->off[i];
		if (day >= o->first_day && day <= o->last_day && o->start_min < 0) {
			out->why_not = "time off";
			return;
		}
	}
	/* Split hours: the shift spans them all; what lies between is a gap. */
	for (size_t i = 0; i < r->nhours; i++) {
		const struct roster_hours *h = &r->hours[i];
		if (!(h->weekdays & bit))
			continue;
		if (have && h->start_min > out->end_min)
			add_gap(out, out->end_min, h->start_min);
		else if (have && h->end_min < out->start_min)
			add_gap(out, h->end_min, out->start_min);
		if (!have || h->start_min < out->start_min)
			out->start_min = h->start_min;
		if (!have || h->end_min > out->end_min)
			out->end_min = h->end_min;
		have = 1;
	}
	if (!have)
		return;
	out->working = 1;
	out->why_not = NULL;
	for (size_t i = 0; i < r->noff; i++) {
		const struct roster_off *o = &r->off[i];
		if (o->first_day == day && o->start_min >= 0)
			add_gap(out, o->start_min, o->end_min);
	}
}
