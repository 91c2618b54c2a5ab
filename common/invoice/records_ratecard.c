/* Loading and checking a rate card from its JSON (records_ratecard.h).
 * Every problem is reported with the line its key is on and loading goes
 * on, so one run shows them all. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "record.h"
#include "sidefile.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/records_ratecard.h"

/* Prices above this (ten billion in major units at exponent 2) are
 * surely typos, and the bound keeps every product of a price and a
 * quantity far inside 64 bits. */
#define MAX_MINOR 1000000000000LL

/* An object member, when it is one: its parent's table has already said
 * so when it is not. */
static const json_t *
get_object(const json_t *parent, const char *key)
{
	const json_t *v = json_object_get(parent, key);

	return json_is_object(v) ? v : NULL;
}

static char *
get_string(struct fsd_sidefile *l, const json_t *v, const char *path)
{
	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		fsd_side_problem(l, path, "must be a string");
		return NULL;
	}
	return xstrdup(json_string_value(v));
}

/* Money in the card is integer minor units, as everywhere in fsd: the
 * row for a price, used as a table's row and for maps of prices. */
#define MONEY(field) FSD_KEY_INT64, 0, MAX_MINOR, field, .unit = "minor units (cents)"

static int
get_money(struct fsd_sidefile *l, const json_t *v, const char *path, int64_t *out)
{
	static const struct fsd_key money = { "", MONEY(0) };

	return fsd_side_value(l, v, path, &money, out);
}

/* A non-negative decimal written as a string ("8.81") or a number; scale
 * divides it (100 for a percentage). */
static int
get_ratio(struct fsd_sidefile *l, const json_t *v, const char *path, int64_t scale,
    struct inv_ratio *out)
{
	char buf[64];
	const char *text = buf;

	if (json_is_string(v))
		text = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(buf, sizeof buf, "%.9g", json_real_value(v));
	else
		text = "";
	if (inv_ratio_parse(text, out) != 0) {
		fsd_side_problem(l, path, "must be a decimal number of at most 9 places, like \"8.81\"");
		return -1;
	}
	out->den *= scale;
	return 0;
}

static int
by_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* An object of name -> text, sorted by name. */
static struct inv_named_text *
get_texts(struct fsd_sidefile *l, const json_t *obj, const char *path, size_t *n)
{
	struct inv_named_text *table = xcalloc(json_object_size(obj) + 1, sizeof *table);
	const char *key;
	json_t *v;

	*n = 0;
	json_object_foreach((json_t *)obj, key, v) {
		char *sub = xasprintf("%s.%s", path, key);
		char *text = get_string(l, v, sub);

		if (text != NULL) {
			table[*n].name = xstrdup(key);
			table[(*n)++].text = text;
		}
		free(sub);
	}
	inv_sort_by_name(table, *n, sizeof *table);
	return table;
}

/* An object of name -> minor units, sorted by name. */
static struct inv_named_amount *
get_amounts(struct fsd_sidefile *l, const json_t *obj, const char *path, size_t *n)
{
	struct inv_named_amount *table = xcalloc(json_object_size(obj) + 1, sizeof *table);
	const char *key;
	json_t *v;

	*n = 0;
	json_object_foreach((json_t *)obj, key, v) {
		char *sub = xasprintf("%s.%s", path, key);

		if (get_money(l, v, sub, &table[*n].minor) == 0)
			table[(*n)++].name = xstrdup(key);
		free(sub);
	}
	inv_sort_by_name(table, *n, sizeof *table);
	return table;
}

#define CARD(field) offsetof(struct inv_ratecard, field)

/* The card's keys; the sections have tables of their own below. OTHER
 * rows are read by their section with a message of its own. */
static const struct fsd_key top_keys[] = {
	{ "note", FSD_KEY_STRING, .offset = CARD(note) },
	{ "business", FSD_KEY_OBJECT },
	{ "currency", FSD_KEY_OTHER },
	{ "rounding", FSD_KEY_OTHER },
	{ "tax_rounding", FSD_KEY_OTHER },
	{ "invoice_prefix", FSD_KEY_STRING, .offset = CARD(prefix), .has_default = 1,
	  .def_string = "INV-" },
	{ "terms_days", FSD_KEY_INT, 0, 365, CARD(terms_days) },
	{ "pay_url", FSD_KEY_STRING, .offset = CARD(pay_url) },
	{ "labor", FSD_KEY_OBJECT },
	{ "hours", FSD_KEY_OBJECT },
	{ "multipliers", FSD_KEY_OBJECT },
	{ "holidays", FSD_KEY_OTHER },
	{ "trip_fee", FSD_KEY_OBJECT },
	{ "price_book", FSD_KEY_OBJECT },
	{ "parts", FSD_KEY_OBJECT },
	{ "markup", FSD_KEY_OTHER },
	{ "tax", FSD_KEY_OBJECT },
	{ "discounts", FSD_KEY_OBJECT },
	{ NULL }
};

static void
load_business(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "name", FSD_KEY_STRING, .offset = CARD(business_name) },
		{ "address", FSD_KEY_STRING, .offset = CARD(business_address) },
		{ "phone", FSD_KEY_STRING, .offset = CARD(business_phone) },
		{ "email", FSD_KEY_STRING, .offset = CARD(business_email) },
		{ "website", FSD_KEY_STRING, .offset = CARD(business_website) },
		{ NULL }
	};
	const json_t *b = get_object(doc, "business");

	if (b != NULL)
		fsd_side_read(l, b, "business", keys, c);
}

static void
load_money_rules(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	const json_t *v;

	c->currency = get_string(l, json_object_get(doc, "currency"), "currency");
	if (c->currency == NULL) {
		fsd_side_problem(l, "currency", "is required (an ISO 4217 code such as \"USD\")");
	} else if ((c->exponent = fsd_currency_exponent(c->currency)) < 0) {
		fsd_side_problem(l, "currency", "must be an ISO 4217 code such as \"USD\"");
	}
	c->rounding = FSD_ROUND_HALF_UP;
	v = json_object_get(doc, "rounding");
	if (v != NULL && (!json_is_string(v)
	    || fsd_rounding_parse(json_string_value(v), &c->rounding) != 0))
		fsd_side_problem(l, "rounding", "must be \"half-up\" or \"half-even\"");
	v = json_object_get(doc, "tax_rounding");
	if (v != NULL) {
		const char *s = json_is_string(v) ? json_string_value(v) : "";
		if (strcmp(s, "invoice") == 0)
			c->tax_per_invoice = 1;
		else if (strcmp(s, "line") != 0)
			fsd_side_problem(l, "tax_rounding", "must be \"line\" or \"invoice\"");
	}
}

static void
load_labor(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "minimum_minutes", FSD_KEY_INT, 0, 24 * 60, CARD(minimum_minutes),
		  .unit = "minutes" },
		{ "increment_minutes", FSD_KEY_INT, 1, 24 * 60, CARD(increment_minutes),
		  .has_default = 1, .def = 1, .unit = "minutes" },
		{ "rates", FSD_KEY_OBJECT },
		{ "levels", FSD_KEY_OBJECT },
		{ "descriptions", FSD_KEY_OBJECT },
		{ NULL }
	};
	const json_t *labor = get_object(doc, "labor"), *v;

	c->increment_minutes = 1;
	if (labor == NULL) {
		fsd_side_problem(l, "labor", "is required: an object with \"rates\" per trade");
		return;
	}
	fsd_side_read(l, labor, "labor", keys, c);
	if ((v = get_object(labor, "rates")) != NULL)
		c->trade_rates = get_amounts(l, v, "labor.rates", &c->ntrade_rates);
	else
		fsd_side_problem(l, "labor.rates", "is required: an hourly rate per trade");
	if ((v = get_object(labor, "levels")) != NULL)
		c->level_rates = get_amounts(l, v, "labor.levels", &c->nlevel_rates);
	if ((v = get_object(labor, "descriptions")) != NULL)
		c->labor_descriptions = get_texts(l, v, "labor.descriptions",
		    &c->nlabor_descriptions);
}

static int
get_clock(struct fsd_sidefile *l, const json_t *v, const char *path, int *minute)
{
	const char *s = json_is_string(v) ? json_string_value(v) : "";
	int hh, mm;
	char end;

	if (sscanf(s, "%2d:%2d%c", &hh, &mm, &end) != 2 || strlen(s) != 5
	    || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh * 60 + mm > 24 * 60) {
		fsd_side_problem(l, path, "must be a local time like \"08:00\"");
		return -1;
	}
	*minute = hh * 60 + mm;
	return 0;
}

static void
load_calendar(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key hour_keys[] = {
		{ "start", FSD_KEY_OTHER }, { "end", FSD_KEY_OTHER }, { NULL }
	};
	static const struct fsd_key mult_keys[] = {
		{ "after_hours", FSD_KEY_OTHER }, { "weekend", FSD_KEY_OTHER },
		{ "holiday", FSD_KEY_OTHER }, { NULL }
	};
	const json_t *hours = get_object(doc, "hours");
	const json_t *mult = get_object(doc, "multipliers");
	const json_t *days = json_object_get(doc, "holidays"), *v;
	size_t i;

	/* Without "hours" every time of day is regular. */
	c->day_start_minute = 0;
	c->day_end_minute = 24 * 60;
	if (hours != NULL) {
		fsd_side_read(l, hours, "hours", hour_keys, c);
		get_clock(l, json_object_get(hours, "start"), "hours.start", &c->day_start_minute);
		get_clock(l, json_object_get(hours, "end"), "hours.end", &c->day_end_minute);
		if (c->day_end_minute <= c->day_start_minute)
			fsd_side_problem(l, "hours.end", "must be after hours.start");
	}
	c->after_hours = c->weekend = c->holiday = (struct inv_ratio){ 1, 1 };
	if (mult != NULL) {
		fsd_side_read(l, mult, "multipliers", mult_keys, c);
		if ((v = json_object_get(mult, "after_hours")) != NULL)
			get_ratio(l, v, "multipliers.after_hours", 1, &c->after_hours);
		if ((v = json_object_get(mult, "weekend")) != NULL)
			get_ratio(l, v, "multipliers.weekend", 1, &c->weekend);
		if ((v = json_object_get(mult, "holiday")) != NULL)
			get_ratio(l, v, "multipliers.holiday", 1, &c->holiday);
	}
	if (days == NULL)
		return;
	if (!json_is_array(days)) {
		fsd_side_problem(l, "holidays", "must be an array of dates like \"2026-11-26\"");
		return;
	}
	c->holidays = xcalloc(json_array_size(days) + 1, sizeof *c->holidays);
	json_array_foreach(days, i, v) {
		if (!json_is_string(v) || fsd_date_parse(json_string_value(v),
		    &c->holidays[c->nholidays]) != 0)
			fsd_side_problem(l, "holidays", "must be an array of dates like \"2026-11-26\"");
		else
			c->nholidays++;
	}
	qsort(c->holidays, c->nholidays, sizeof *c->holidays, by_day);
}

static void
load_trip(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "default", FSD_KEY_OTHER }, { "zones", FSD_KEY_OBJECT }, { NULL }
	};
	const json_t *trip = get_object(doc, "trip_fee"), *v;

	if (trip == NULL)
		return;
	fsd_side_read(l, trip, "trip_fee", keys, c);
	if ((v = json_object_get(trip, "default")) != NULL)
		c->has_trip_default = get_money(l, v, "trip_fee.default", &c->trip_default) == 0;
	if ((v = get_object(trip, "zones")) != NULL)
		c->trip_zones = get_amounts(l, v, "trip_fee.zones", &c->ntrip_zones);
}

static void
load_task(struct fsd_sidefile *l, struct inv_task *t, const char *code, const json_t *v,
    const char *path)
{
	static const struct fsd_key keys[] = {
		{ "price", MONEY(offsetof(struct inv_task, price)) },
		{ "description", FSD_KEY_STRING, .offset = offsetof(struct inv_task, description) },
		{ "includes", FSD_KEY_STRING, .offset = offsetof(struct inv_task, includes) },
		{ "includes_labor", FSD_KEY_BOOL, .offset = offsetof(struct inv_task, includes_labor),
		  .has_default = 1, .def = 1 },
		{ "parts", FSD_KEY_OBJECT },
		{ NULL }
	};
	const json_t *parts, *qty;
	const char *sku;
	char *sub;

	t->code = xstrdup(code);
	t->includes_labor = 1;
	if (!json_is_object(v)) {
		fsd_side_problem(l, path, "must be an object with a \"price\"");
		return;
	}
	fsd_side_read(l, v, path, keys, t);
	sub = xasprintf("%s.price", path);
	if (json_object_get(v, "price") == NULL)
		fsd_side_problem(l, sub, "is required");
	free(sub);
	sub = xasprintf("%s.parts", path);
	if ((parts = get_object(v, "parts")) != NULL) {
		t->parts = xcalloc(json_object_size(parts) + 1, sizeof *t->parts);
		json_object_foreach((json_t *)parts, sku, qty) {
			if (!json_is_integer(qty) || json_integer_value(qty) < 1
			    || json_integer_value(qty) > 100000) {
				fsd_side_problem(l, sub, "must map each SKU to a whole number of at least 1");
				continue;
			}
			t->parts[t->nparts].sku = xstrdup(sku);
			t->parts[t->nparts++].qty = (long)json_integer_value(qty);
		}
		inv_sort_by_name(t->parts, t->nparts, sizeof *t->parts);
	}
	free(sub);
}

static void
load_price_book(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	const json_t *book = get_object(doc, "price_book");
	const char *code;
	json_t *v;

	if (book == NULL)
		return;
	c->tasks = xcalloc(json_object_size(book) + 1, sizeof *c->tasks);
	json_object_foreach((json_t *)book, code, v) {
		char *path = xasprintf("price_book.%s", code);
		load_task(l, &c->tasks[c->ntasks++], code, v, path);
		free(path);
	}
	inv_sort_by_name(c->tasks, c->ntasks, sizeof *c->tasks);
}

static void
load_markup(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "up_to", FSD_KEY_OTHER }, { "percent", FSD_KEY_OTHER }, { NULL }
	};
	const json_t *tiers = json_object_get(doc, "markup"), *t;
	size_t i;

	if (tiers == NULL)
		return;
	if (!json_is_array(tiers)) {
		fsd_side_problem(l, "markup", "must be an array of {\"up_to\", \"percent\"} tiers");
		return;
	}
	c->tiers = xcalloc(json_array_size(tiers) + 1, sizeof *c->tiers);
	json_array_foreach(tiers, i, t) {
		struct inv_tier *tier = &c->tiers[c->ntiers];
		const json_t *up = json_object_get(t, "up_to");

		if (!json_is_object(t) || json_object_get(t, "percent") == NULL) {
			fsd_side_problem(l, "markup", "tier %zu must be an object with \"percent\"", i + 1);
			continue;
		}
		fsd_side_read(l, t, "markup", keys, tier);
		if (get_ratio(l, json_object_get(t, "percent"), "markup.percent", 100,
		    &tier->markup) != 0)
			continue;
		tier->unlimited = up == NULL;
		if (up != NULL && get_money(l, up, "markup.up_to", &tier->up_to) != 0)
			continue;
		if (c->ntiers > 0 && (c->tiers[c->ntiers - 1].unlimited
		    || (!tier->unlimited && tier->up_to <= c->tiers[c->ntiers - 1].up_to))) {
			fsd_side_problem(l, "markup", "tiers must rise by \"up_to\", the last may leave it out");
			continue;
		}
		c->ntiers++;
	}
}

/* Parts are loaded after the markup tiers so each price is settled once. */
static void
load_parts(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "cost", MONEY(offsetof(struct inv_part, cost)) },
		{ "price", MONEY(offsetof(struct inv_part, price)) },
		{ "markup", FSD_KEY_OTHER },
		{ "description", FSD_KEY_STRING, .offset = offsetof(struct inv_part, description) },
		{ NULL }
	};
	const json_t *parts = get_object(doc, "parts");
	const char *sku;
	json_t *v;

	if (parts == NULL)
		return;
	c->parts = xcalloc(json_object_size(parts) + 1, sizeof *c->parts);
	json_object_foreach((json_t *)parts, sku, v) {
		struct inv_part *p = &c->parts[c->nparts];
		char *path = xasprintf("parts.%s", sku), *sub;
		const json_t *cost = json_object_get(v, "cost"), *price = json_object_get(v, "price");
		const json_t *markup = json_object_get(v, "markup");
		struct inv_ratio own;

		if (!json_is_object(v) || (cost == NULL && price == NULL)) {
			fsd_side_problem(l, path, "must be an object with a \"cost\" or a \"price\"");
			free(path);
			continue;
		}
		p->sku = xstrdup(sku);
		fsd_side_read(l, v, path, keys, p);
		if (price == NULL && markup != NULL) {
			sub = xasprintf("%s.markup", path);
			if (get_ratio(l, markup, sub, 100, &own) == 0) {
				int64_t add = 0;
				fsd_money_scale(p->cost, own.num, own.den, c->rounding, &add);
				p->price = p->cost + add;
			}
			free(sub);
		} else if (price == NULL) {
			p->price = inv_markup_price(c, p->cost);
		}
		free(path);
		c->nparts++;
	}
	inv_sort_by_name(c->parts, c->nparts, sizeof *c->parts);
}

static void
load_jurisdiction(struct fsd_sidefile *l, struct inv_jurisdiction *j, const char *id,
    const json_t *v)
{
	/* The rates by category are decimals, read below. */
	static const struct fsd_key keys[] = {
		{ "name", FSD_KEY_STRING, .offset = offsetof(struct inv_jurisdiction, name) },
		{ "labor", FSD_KEY_OTHER }, { "trip", FSD_KEY_OTHER },
		{ "flat_rate", FSD_KEY_OTHER }, { "parts", FSD_KEY_OTHER },
		{ NULL }
	};
	char *path = xasprintf("tax.jurisdictions.%s", id);

	j->id = xstrdup(id);
	for (int k = 0; k < INV_NCATS; k++)
		j->rate[k] = (struct inv_ratio){ 0, 1 };
	if (!json_is_object(v)) {
		fsd_side_problem(l, path, "must be an object of percentages per category");
		free(path);
		return;
	}
	fsd_side_read(l, v, path, keys, j);
	for (int k = 0; k < INV_NCATS; k++) {
		const json_t *rate = json_object_get(v, inv_category_names[k]);
		char *sub = xasprintf("%s.%s", path, inv_category_names[k]);

		if (rate != NULL)
			get_ratio(l, rate, sub, 100, &j->rate[k]);
		free(sub);
	}
	free(path);
}

static long
jurisdiction_index(const struct inv_ratecard *c, const char *id)
{
	const struct inv_jurisdiction *j = inv_find(c->jurisdictions, c->njurisdictions,
	    sizeof *c->jurisdictions, id);

	return j == NULL ? -1 : j - c->jurisdictions;
}

static void
load_tax(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "default", FSD_KEY_OTHER },
		{ "territories", FSD_KEY_OBJECT },
		{ "jurisdictions", FSD_KEY_OBJECT },
		{ NULL }
	};
	const json_t *tax = get_object(doc, "tax"), *juris, *terr, *v;
	const char *key;

	c->default_jurisdiction = -1;
	if (tax == NULL)
		return;
	fsd_side_read(l, tax, "tax", keys, c);
	if ((juris = get_object(tax, "jurisdictions")) != NULL) {
		c->jurisdictions = xcalloc(json_object_size(juris) + 1, sizeof *c->jurisdictions);
		json_object_foreach((json_t *)juris, key, v)
			load_jurisdiction(l, &c->jurisdictions[c->njurisdictions++], key, v);
		inv_sort_by_name(c->jurisdictions, c->njurisdictions, sizeof *c->jurisdictions);
	}
	if ((v = json_object_get(tax, "default")) != NULL) {
		char *id = get_string(l, v, "tax.default");
		if (id != NULL && (c->default_jurisdiction = jurisdiction_index(c, id)) < 0)
			fsd_side_problem(l, "tax.default", "names no jurisdiction in tax.jurisdictions");
		free(id);
	}
	if ((terr = get_object(tax, "territories")) == NULL)
		return;
	c->territory_tax = xcalloc(json_object_size(terr) + 1, sizeof *c->territory_tax);
	json_object_foreach((json_t *)terr, key, v) {
		long j = json_is_string(v) ? jurisdiction_index(c, json_string_value(v)) : -1;
		char *path = xasprintf("tax.territories.%s", key);

		if (j < 0) {
			fsd_side_problem(l, path, "names no jurisdiction in tax.jurisdictions");
		} else {
			c->territory_tax[c->nterritory_tax].territory = xstrdup(key);
			c->territory_tax[c->nterritory_tax++].jurisdiction = (size_t)j;
		}
		free(path);
	}
	inv_sort_by_name(c->territory_tax, c->nterritory_tax, sizeof *c->territory_tax);
}

static void
load_discount(struct fsd_sidefile *l, struct inv_discount *d, const char *code,
    const json_t *v, const char *path, int member)
{
	static const struct fsd_key keys[] = {
		{ "percent", FSD_KEY_OTHER },
		{ "amount", MONEY(offsetof(struct inv_discount, amount)) },
		{ "applies_to", FSD_KEY_OTHER },
		{ "description", FSD_KEY_STRING, .offset = offsetof(struct inv_discount, description) },
		{ "waive_trip", FSD_KEY_OTHER },	/* members only: read below */
		{ NULL }
	};
	const json_t *percent, *amount, *applies, *waive, *cat;
	char *sub;
	size_t i;

	d->code = xstrdup(code);
	if (!json_is_object(v)) {
		fsd_side_problem(l, path, "must be an object with \"percent\" or \"amount\"");
		return;
	}
	fsd_side_read(l, v, path, keys, d);
	percent = json_object_get(v, "percent");
	amount = json_object_get(v, "amount");
	if ((percent == NULL) == (amount == NULL))
		fsd_side_problem(l, path, "must have one of \"percent\" and \"amount\"");
	sub = xasprintf("%s.percent", path);
	if (percent != NULL && get_ratio(l, percent, sub, 100, &d->percent) == 0) {
		d->is_percent = 1;
		if (d->percent.num > d->percent.den)
			fsd_side_problem(l, sub, "must be at most 100");
	}
	free(sub);
	if ((waive = json_object_get(v, "waive_trip")) != NULL) {
		if (!member || !json_is_boolean(waive))
			fsd_side_problem(l, path, "\"waive_trip\" is a true or false for members only");
		else
			d->waive_trip = json_is_true(waive);
	}
	applies = json_object_get(v, "applies_to");
	sub = xasprintf("%s.applies_to", path);
	if (applies == NULL) {
		d->applies_to = 1u << INV_CAT_LABOR;
	} else if (!json_is_array(applies) || json_array_size(applies) == 0) {
		fsd_side_problem(l, sub, "must be a list of \"labor\", \"trip\", \"flat_rate\", \"parts\"");
	} else {
		json_array_foreach(applies, i, cat) {
			int k;
			for (k = 0; k < INV_NCATS; k++)
				if (json_is_string(cat)
				    && strcmp(json_string_value(cat), inv_category_names[k]) == 0)
					break;
			if (k == INV_NCATS)
				fsd_side_problem(l, sub, "must be a list of \"labor\", \"trip\", \"flat_rate\", \"parts\"");
			else
				d->applies_to |= 1u << k;
		}
	}
	free(sub);
}

static void
load_discounts(struct fsd_sidefile *l, struct inv_ratecard *c, const json_t *doc)
{
	static const struct fsd_key keys[] = {
		{ "member", FSD_KEY_OTHER }, { "coupons", FSD_KEY_OBJECT }, { NULL }
	};
	const json_t *disc = get_object(doc, "discounts"), *v, *coupons;
	const char *code;

	if (disc == NULL)
		return;
	fsd_side_read(l, disc, "discounts", keys, c);
	if ((v = json_object_get(disc, "member")) != NULL) {
		c->has_member = 1;
		load_discount(l, &c->member, "member", v, "discounts.member", 1);
	}
	if ((coupons = get_object(disc, "coupons")) == NULL)
		return;
	c->coupons = xcalloc(json_object_size(coupons) + 1, sizeof *c->coupons);
	json_object_foreach((json_t *)coupons, code, v) {
		char *path = xasprintf("discounts.coupons.%s", code);
		load_discount(l, &c->coupons[c->ncoupons++], code, v, path, 0);
		free(path);
	}
	inv_sort_by_name(c->coupons, c->ncoupons, sizeof *c->coupons);
}

/* A price book entry that includes a part the card does not sell would
 * make the netting of parts silently wrong. */
static void
check_included_parts(struct fsd_sidefile *l, const struct inv_ratecard *c)
{
	for (size_t i = 0; i < c->ntasks; i++)
		for (size_t k = 0; k < c->tasks[i].nparts; k++)
			if (inv_find(c->parts, c->nparts, sizeof *c->parts,
			    c->tasks[i].parts[k].sku) == NULL) {
				char *path = xasprintf("price_book.%s.parts", c->tasks[i].code);
				fsd_side_problem(l, path, "includes \"%s\", which is not in \"parts\"",
				    c->tasks[i].parts[k].sku);
				free(path);
			}
}

static int
load_card(struct fsd_sidefile *l, struct inv_ratecard *c)
{
	const json_t *doc = l->doc;

	memset(c, 0, sizeof *c);
	fsd_side_read(l, doc, "", top_keys, c);
	load_business(l, c, doc);
	load_money_rules(l, c, doc);
	load_labor(l, c, doc);
	load_calendar(l, c, doc);
	load_trip(l, c, doc);
	load_price_book(l, c, doc);
	load_markup(l, c, doc);
	load_parts(l, c, doc);
	load_tax(l, c, doc);
	load_discounts(l, c, doc);
	check_included_parts(l, c);
	return l->problems;
}

int
inv_ratecard_from_json(struct inv_ratecard *c, const json_t *doc, const char *text,
    const char *name)
{
	struct fsd_sidefile l;

	fsd_side_init(&l, doc, text, name, "rate card");
	return load_card(&l, c);
}

void
inv_ratecard_load(struct inv_ratecard *card, const char *path)
{
	struct fsd_sidefile l;

	fsd_side_open(&l, path, "rate card");
	load_card(&l, card);
	if (fsd_side_close(&l) > 0) {
		inv_ratecard_free(card);
		fsd_side_die(&l);
	}
}
