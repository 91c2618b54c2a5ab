/* The shop's rate card: what an hour, a trip, a flat-rate task and a part
 * cost, how taxes and discounts apply, and how money rounds. Loaded once
 * from JSON (documented in fsd-invoice(1); records_ratecard.h) into plain
 * structs that the invoice calculator reads without touching JSON again.
 *
 * Money is in integer minor units of the card's currency; rates,
 * percentages and multipliers are exact decimals held as ratios, so no
 * float ever reaches an amount. */
#ifndef FSD_INVOICE_RATECARD_H
#define FSD_INVOICE_RATECARD_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* What a line is taxed as. Jurisdictions give a rate per category. */
enum inv_category {
	INV_CAT_LABOR,
	INV_CAT_TRIP,
	INV_CAT_FLAT_RATE,
	INV_CAT_PARTS,
	INV_NCATS
};

/* "labor", "trip", "flat_rate", "parts". */
extern const char *const inv_category_names[INV_NCATS];

/* An exact decimal: value = num / den. "8.81" percent is 881/10000. */
struct inv_ratio {
	int64_t num, den;
};

/* Every table below starts with its name so one comparison and one
 * bsearch serve them all (see inv_find). */
struct inv_named_amount {
	char *name;
	int64_t minor;
};

/* Customer words for a code: "hvac" is "Heating and cooling service". */
struct inv_named_text {
	char *name;
	char *text;
};

struct inv_part {
	char *sku;
	char *description;
	int64_t cost;		/* what the shop pays */
	int64_t price;		/* what the customer pays: fixed, or cost + markup */
};

struct inv_included {
	char *sku;
	long qty;
};

struct inv_task {
	char *code;
	char *description;
	char *includes;		/* free text shown on the invoice */
	int64_t price;
	int includes_labor;	/* the price covers the time on site */
	struct inv_included *parts;	/* parts the price covers, per task */
	size_t nparts;
};

/* Markup by unit cost: the first tier whose up_to is at least the cost. */
struct inv_tier {
	int64_t up_to;		/* inclusive; ignored when unlimited */
	int unlimited;
	struct inv_ratio markup;	/* fraction of cost: 0.6 for 60 % */
};

struct inv_jurisdiction {
	char *id;
	char *name;
	struct inv_ratio rate[INV_NCATS];	/* fraction: 0.0881 */
};

struct inv_territory_tax {
	char *territory;
	size_t jurisdiction;	/* index into jurisdictions */
};

struct inv_discount {
	char *code;
	char *description;
	int is_percent;
	struct inv_ratio percent;	/* fraction off, when is_percent */
	int64_t amount;		/* minor units off, otherwise */
	unsigned applies_to;	/* bit (1 << category) */
	int waive_trip;		/* members: the trip fee is waived */
};

struct inv_ratecard {
	char *currency;
	int exponent;
	enum fsd_rounding rounding;
	int tax_per_invoice;	/* 0: tax rounded per line; 1: per category total */
	char *prefix;		/* invoice numbers are prefix + job id */
	int terms_days;
	char *pay_url;		/* may be NULL */
	char *business_name, *business_address, *business_phone,
	     *business_email, *business_website, *note;

	int minimum_minutes, increment_minutes;
	struct inv_named_amount *trade_rates;	/* per hour, by trade */
	size_t ntrade_rates;
	struct inv_named_amount *level_rates;	/* per hour, by tech level */
	size_t nlevel_rates;
	/* What a labor line says for a trade or level, the invoice never
	 * showing the code itself ("cert:gasfit"). */
	struct inv_named_text *labor_descriptions;
	size_t nlabor_descriptions;

	int day_start_minute, day_end_minute;	/* regular hours, local time */
	struct inv_ratio after_hours, weekend, holiday;
	int64_t *holidays;	/* days since 1970, sorted */
	size_t nholidays;

	int has_trip_default;
	int64_t trip_default;
	struct inv_named_amount *trip_zones;
	size_t ntrip_zones;

	struct inv_task *tasks;
	size_t ntasks;
	struct inv_part *parts;
	size_t nparts;
	struct inv_tier *tiers;
	size_t ntiers;

	struct inv_jurisdiction *jurisdictions;
	size_t njurisdictions;
	long default_jurisdiction;	/* -1: no tax unless a job names one */
	struct inv_territory_tax *territory_tax;
	size_t nterritory_tax;

	int has_member;
	struct inv_discount member;
	struct inv_discount *coupons;
	size_t ncoupons;
};

void inv_ratecard_free(struct inv_ratecard *card);

/* Look a name up in a sorted table whose members start with a char *. */
void *inv_find(const void *table, size_t n, size_t size, const char *name);
/* Sort such a table by name, for inv_find. */
void inv_sort_by_name(void *table, size_t n, size_t size);

/* The customer's unit price for a part of the given cost by the tiers. */
int64_t inv_markup_price(const struct inv_ratecard *card, int64_t cost);

/* "8.81" or 8.81 as an exact decimal; 0 or -1. */
int inv_ratio_parse(const char *text, struct inv_ratio *out);

#define INV_RATIO_LEN 48
/* The ratio as a decimal without trailing zeros: 3/2 -> "1.5". */
const char *inv_ratio_text(struct inv_ratio r, char buf[INV_RATIO_LEN]);

#endif
