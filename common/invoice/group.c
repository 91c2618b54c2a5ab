#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/group.h"

int
inv_group_parse(const char *text, enum inv_period *period)
{
	static const struct { const char *name; enum inv_period period; } forms[] = {
		{ "customer", INV_PERIOD_NONE },
		{ "customer,day", INV_PERIOD_DAY },
		{ "customer,week", INV_PERIOD_WEEK },
		{ "customer,month", INV_PERIOD_MONTH },
	};

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(text, forms[i].name) == 0) {
			*period = forms[i].period;
			return 0;
		}
	return -1;
}

/* ISO 8601: weeks start on Monday and belong to the year their Thursday
 * is in, so 2026-12-31 (a Thursday) is in 2026-W53 and 2027-01-01 too. */
static void
iso_week(int64_t day, int64_t *year, int *week)
{
	int64_t thursday = day - fsd_weekday(day) + 4;
	int month, mday;

	fsd_civil_from_days(thursday, year, &month, &mday);
	*week = (int)((thursday - fsd_days_from_civil(*year, 1, 1)) / 7 + 1);
}

char *
inv_period_label(enum inv_period period, int64_t day, char buf[INV_PERIOD_LEN])
{
	int64_t year;
	int month, mday, week;

	switch (period) {
	case INV_PERIOD_NONE:
		buf[0] = '\0';
		break;
	case INV_PERIOD_DAY:
		fsd_date_format(day, buf);
		break;
	case INV_PERIOD_WEEK:
		iso_week(day, &year, &week);
		snprintf(buf, INV_PERIOD_LEN, "%04lld-W%02d", (long long)year, week);
		break;
	case INV_PERIOD_MONTH:
		fsd_civil_from_days(day, &year, &month, &mday);
		snprintf(buf, INV_PERIOD_LEN, "%04lld-%02d", (long long)year, month);
		break;
	}
	return buf;
}

/* FNV-1a over the customer id and the period, a zero byte between. */
static size_t
group_hash(const char *customer_id, const char *period)
{
	uint64_t h = 14695981039346656037ULL;

	for (const char *s = customer_id; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h *= 1099511628211ULL;
	for (const char *s = period ? period : ""; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static int
same_group(const struct inv_group *g, const char *customer_id, const char *period)
{
	return strcmp(g->customer_id, customer_id) == 0
	    && strcmp(g->period ? g->period : "", period ? period : "") == 0;
}

/* The slot holding the group, or the empty slot where it would go. */
static size_t
slot_of(const struct inv_groups *gs, const char *customer_id, const char *period)
{
	size_t i = group_hash(customer_id, period) & (gs->nslots - 1);

	while (gs->slots[i] != 0 && !same_group(gs->list[gs->slots[i] - 1], customer_id, period))
		i = (i + 1) & (gs->nslots - 1);
	return i;
}

struct inv_group *
inv_groups_find(const struct inv_groups *gs, const char *customer_id, const char *period)
{
	size_t i;

	if (gs->nslots == 0)
		return NULL;
	i = slot_of(gs, customer_id, period);
	return gs->slots[i] == 0 ? NULL : gs->list[gs->slots[i] - 1];
}

struct inv_group *
inv_groups_add(struct inv_groups *gs, const char *customer_id, const char *period)
{
	struct inv_group *g = xcalloc(1, sizeof *g);

	/* Kept at most half full so probes stay short. */
	if (2 * (gs->count + 1) > gs->nslots) {
		size_t n = gs->nslots ? gs->nslots * 2 : 256;

		free(gs->slots);
		gs->slots = xcalloc(n, sizeof *gs->slots);
		gs->nslots = n;
		for (size_t k = 0; k < gs->count; k++)
			gs->slots[slot_of(gs, gs->list[k]->customer_id, gs->list[k]->period)] = k + 1;
	}
	g->customer_id = xstrdup(customer_id);
	g->period = period ? xstrdup(period) : NULL;
	g->tax_exempt = 1;
	gs->list = xgrow(gs->list, &gs->cap, gs->count + 1, sizeof *gs->list);
	gs->list[gs->count++] = g;
	gs->slots[slot_of(gs, customer_id, period)] = gs->count;
	return g;
}

static void
group_free(struct inv_group *g)
{
	free(g->customer_id);
	free(g->period);
	free(g->number);
	fsd_buf_free(&g->customer);
	inv_invoice_free(&g->inv);
	for (size_t i = 0; i < g->njobs; i++)
		free(g->jobs[i]);
	free(g->jobs);
	fsd_buf_free(&g->records);
	free(g->ends);
	for (size_t i = 0; i < g->nstrings; i++)
		free(g->strings[i]);
	free(g->strings);
	free(g);
}

void
inv_groups_free(struct inv_groups *gs)
{
	for (size_t i = 0; i < gs->count; i++)
		group_free(gs->list[i]);
	free(gs->list);
	free(gs->slots);
	memset(gs, 0, sizeof *gs);
}

/* Codes from the card live as long as the group; a code may also come
 * from the job's record (a trade, a tech level), which does not. */
static const char *
own(struct inv_group *g, const char *s)
{
	if (s == NULL)
		return NULL;
	g->strings = xgrow(g->strings, &g->strings_cap, g->nstrings + 1, sizeof *g->strings);
	return g->strings[g->nstrings++] = xstrdup(s);
}

void
inv_group_add_job(struct inv_group *g, const struct inv_job *job,
    const struct inv_invoice *inv, int64_t day)
{
	const struct inv_jurisdiction *taxed_in = job->tax_exempt ? NULL : inv->jurisdiction;
	const char *id;

	g->jobs = xgrow(g->jobs, &g->jobs_cap, g->njobs + 1, sizeof *g->jobs);
	id = g->jobs[g->njobs++] = xstrdup(job->id);
	g->inv.lines = xgrow(g->inv.lines, &g->inv.cap, g->inv.nlines + inv->nlines,
	    sizeof *g->inv.lines);
	for (size_t i = 0; i < inv->nlines; i++) {
		struct inv_line *line = &g->inv.lines[g->inv.nlines++];

		*line = inv->lines[i];
		line->code = own(g, line->code);
		line->job = id;
		line->taxed_in = taxed_in;
	}
	if (g->njobs == 1 || day > g->date)
		g->date = day;
	if (!job->tax_exempt)
		g->tax_exempt = 0;
}

int
inv_group_total(const struct inv_ratecard *card, struct inv_group *g,
    char err[INV_ERROR_LEN])
{
	return inv_total_grouped(card, &g->inv, err);
}

char *
inv_group_number(const struct inv_ratecard *card, const char *customer_id,
    const char *period)
{
	return xasprintf("%s%s%s%s", card->prefix, customer_id, period ? "-" : "",
	    period ? period : "");
}
