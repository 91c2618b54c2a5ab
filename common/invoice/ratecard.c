/* The rate card's plain side: the decimals, the lookups and the markup
 * the calculator prices with, and freeing a card. Reading one from JSON
 * is records_ratecard.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invoice/ratecard.h"

const char *const inv_category_names[INV_NCATS] = {
	"labor", "trip", "flat_rate", "parts"
};

int
inv_ratio_parse(const char *text, struct inv_ratio *out)
{
	int64_t num = 0, den = 1;
	int decimals = -1, any = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || num > 100000000000LL)
			return -1;
		if (decimals >= 0 && ++decimals > 9)
			return -1;
		num = num * 10 + (*p - '0');
		if (decimals > 0)
			den *= 10;
		any = 1;
	}
	if (!any)
		return -1;
	out->num = num;
	out->den = den;
	return 0;
}


/* "1.5" for 3/2: a ratio whose den is a power of ten, without trailing zeros. */
const char *
inv_ratio_text(struct inv_ratio r, char buf[INV_RATIO_LEN])
{
	int64_t whole = r.num / r.den, frac = r.num % r.den;
	int n = snprintf(buf, INV_RATIO_LEN, "%lld", (long long)whole);

	if (frac != 0 && n > 0 && n < INV_RATIO_LEN - 22) {
		/* den is a power of ten: one digit of the fraction per factor. */
		buf[n++] = '.';
		for (int64_t d = r.den / 10; d > 0; d /= 10) {
			buf[n++] = (char)('0' + frac / d % 10);
			frac %= d;
			if (frac == 0)
				break;
		}
		buf[n] = '\0';
	}
	return buf;
}


static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}


void *
inv_find(const void *table, size_t n, size_t size, const char *name)
{
	if (name == NULL || n == 0)
		return NULL;
	return bsearch(&name, table, n, size, by_name);
}

void
inv_sort_by_name(void *table, size_t n, size_t size)
{
	qsort(table, n, size, by_name);
}


int64_t
inv_markup_price(const struct inv_ratecard *c, int64_t cost)
{
	int64_t markup = 0;

	for (size_t i = 0; i < c->ntiers; i++)
		if (c->tiers[i].unlimited || cost <= c->tiers[i].up_to) {
			/* Cannot fail: the loader keeps cost at most MAX_MINOR
			 * (records_ratecard.c). */
			fsd_money_scale(cost, c->tiers[i].markup.num, c->tiers[i].markup.den,
			    c->rounding, &markup);
			break;
		}
	return cost + markup;
}


static void
free_amounts(struct inv_named_amount *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].name);
	free(t);
}

static void
free_discount(struct inv_discount *d)
{
	free(d->code);
	free(d->description);
}

void
inv_ratecard_free(struct inv_ratecard *c)
{
	free(c->currency);
	free(c->prefix);
	free(c->pay_url);
	free(c->business_name);
	free(c->business_address);
	free(c->business_phone);
	free(c->business_email);
	free(c->business_website);
	free(c->note);
	free_amounts(c->trade_rates, c->ntrade_rates);
	free_amounts(c->level_rates, c->nlevel_rates);
	for (size_t i = 0; i < c->nlabor_descriptions; i++) {
		free(c->labor_descriptions[i].name);
		free(c->labor_descriptions[i].text);
	}
	free(c->labor_descriptions);
	free_amounts(c->trip_zones, c->ntrip_zones);
	free(c->holidays);
	for (size_t i = 0; i < c->ntasks; i++) {
		free(c->tasks[i].code);
		free(c->tasks[i].description);
		free(c->tasks[i].includes);
		for (size_t k = 0; k < c->tasks[i].nparts; k++)
			free(c->tasks[i].parts[k].sku);
		free(c->tasks[i].parts);
	}
	free(c->tasks);
	for (size_t i = 0; i < c->nparts; i++) {
		free(c->parts[i].sku);
		free(c->parts[i].description);
	}
	free(c->parts);
	free(c->tiers);
	for (size_t i = 0; i < c->njurisdictions; i++) {
		free(c->jurisdictions[i].id);
		free(c->jurisdictions[i].name);
	}
	free(c->jurisdictions);
	for (size_t i = 0; i < c->nterritory_tax; i++)
		free(c->territory_tax[i].territory);
	free(c->territory_tax);
	free_discount(&c->member);
	for (size_t i = 0; i < c->ncoupons; i++)
		free_discount(&c->coupons[i]);
	free(c->coupons);
	memset(c, 0, sizeof *c);
}
