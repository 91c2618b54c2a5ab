/* Pricing a job: lines first (flat rate, labor, trip, parts), then
 * discounts against the lines they apply to, then tax by category, then
 * totals. Every step rounds at most once, through fsd_money_scale, with
 * the card's mode. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/calc.h"
#include "invoice/shown.h"

const char *const inv_line_kind_names[] = {
	"labor", "trip", "flat_rate", "part", "discount", "deposit", "credit"
};

const char *const inv_multiplier_names[] = {
	NULL, "after_hours", "weekend", "holiday"
};

static int __attribute__((format(printf, 2, 3)))
fail(char err[INV_ERROR_LEN], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, INV_ERROR_LEN, fmt, ap);
	va_end(ap);
	return -1;
}

/* snprintf that never leaves half a UTF-8 character at the cut. */
static void __attribute__((format(printf, 2, 3)))
describe(struct inv_line *line, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line->description, INV_DESCRIPTION_LEN, fmt, ap);
	va_end(ap);
	if (n >= INV_DESCRIPTION_LEN) {
		size_t end = INV_DESCRIPTION_LEN - 1;
		while (end > 0 && ((unsigned char)line->description[end] & 0xC0) == 0x80)
			end--;
		line->description[end] = '\0';
	}
}

/* The same for a plain text, without a format: most lines are one. */
static void
describe_text(struct inv_line *line, const char *text)
{
	size_t len = strlen(text);

	if (len < INV_DESCRIPTION_LEN) {
		memcpy(line->description, text, len + 1);
		return;
	}
	describe(line, "%s", text);
}

static struct inv_line *
add_line(struct inv_invoice *inv, enum inv_line_kind kind, int category,
    const char *code, long qty, int64_t unit_price, int64_t amount)
{
	struct inv_line *line;

	inv->lines = xgrow(inv->lines, &inv->cap, inv->nlines + 1, sizeof *inv->lines);
	line = &inv->lines[inv->nlines++];
	line->kind = kind;
	line->category = category;
	line->code = code;
	line->description[0] = '\0';
	line->qty = qty;
	line->unit_price = unit_price;
	line->amount = amount;
	line->tax = 0;
	line->job = NULL;
	line->taxed_in = NULL;
	return line;
}

static void
add_tax(struct inv_invoice *inv, const struct inv_jurisdiction *j, int category,
    int64_t base, int64_t tax)
{
	inv->taxes = xgrow(inv->taxes, &inv->taxes_cap, inv->ntaxes + 1, sizeof *inv->taxes);
	inv->taxes[inv->ntaxes++] = (struct inv_tax){ j, category, j->rate[category], base, tax };
	inv->tax += tax;
}

static int
ratio_less(struct inv_ratio a, struct inv_ratio b)
{
	return (__int128)a.num * b.den < (__int128)b.num * a.den;
}

static int
is_holiday(const struct inv_ratecard *card, int64_t day)
{
	size_t lo = 0, hi = card->nholidays;

	/* Binary search by hand: the list is sorted days. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (card->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < card->nholidays && card->holidays[lo] == day;
}

/* The one multiplier a minute of labor is billed at: the highest of those
 * that apply (holiday, weekend, after hours). They do not compound: a
 * holiday night is billed at the holiday rate, as shops quote it. */
static enum inv_multiplier
multiplier_at(const struct inv_ratecard *card, int64_t day, int after, struct inv_ratio *m)
{
	enum inv_multiplier which = INV_MULT_NONE;

	*m = (struct inv_ratio){ 1, 1 };
	if (day != INT64_MIN && is_holiday(card, day) && ratio_less(*m, card->holiday)) {
		*m = card->holiday;
		which = INV_MULT_HOLIDAY;
	}
	if (day != INT64_MIN && fsd_weekday(day) >= 6 && ratio_less(*m, card->weekend)) {
		*m = card->weekend;
		which = INV_MULT_WEEKEND;
	}
	if (after && ratio_less(*m, card->after_hours)) {
		*m = card->after_hours;
		which = INV_MULT_AFTER_HOURS;
	}
	return which;
}

static struct inv_ratio
multiplier_ratio(const struct inv_ratecard *card, enum inv_multiplier which)
{
	switch (which) {
	case INV_MULT_AFTER_HOURS: return card->after_hours;
	case INV_MULT_WEEKEND: return card->weekend;
	case INV_MULT_HOLIDAY: return card->holiday;
	default: return (struct inv_ratio){ 1, 1 };
	}
}

static int
outside_hours(const struct inv_ratecard *card, int minute)
{
	return minute < card->day_start_minute || minute >= card->day_end_minute;
}

/* A visit whose time of day is known is billed by the clock: its span
 * is cut where the rate changes (hours.start, hours.end, midnight) and
 * each part billed at its own multiplier, so a job that runs past
 * closing time is after hours only from closing time on. A captured
 * after_hours, or time given per tech, bills the whole visit by how it
 * started. More parts than fit are not expected (a visit of days): the
 * rest is billed with the last. */
#define INV_MAX_PARTS 16

struct visit_part {
	enum inv_multiplier which;
	struct inv_ratio m;
	long minutes;
};

static size_t
split_visit(const struct inv_ratecard *card, const struct inv_job *job, long minutes,
    struct visit_part parts[INV_MAX_PARTS])
{
	int64_t day = job->has_start ? job->start_day : INT64_MIN;
	int64_t t, end;
	size_t n = 0;
	int after = job->after_hours == 1
	    || (job->after_hours < 0 && job->has_start && outside_hours(card, job->start_minute));

	if (!job->labor_is_span || job->after_hours >= 0 || !job->has_start || minutes == 0) {
		parts[0].which = multiplier_at(card, day, after, &parts[0].m);
		parts[0].minutes = minutes;
		return 1;
	}
	t = job->start_day * 1440 + job->start_minute;
	end = t + minutes;
	while (t < end) {
		int64_t d = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
		int minute = (int)(t - d * 1440);
		int64_t next = d * 1440 + (minute < card->day_start_minute ? card->day_start_minute
		    : minute < card->day_end_minute ? card->day_end_minute : 1440);
		struct visit_part p;

		if (next > end)
			next = end;
		p.which = multiplier_at(card, d, outside_hours(card, minute), &p.m);
		p.minutes = (long)(next - t);
		if (n > 0 && (parts[n - 1].which == p.which || n == INV_MAX_PARTS))
			parts[n - 1].minutes += p.minutes;
		else
			parts[n++] = p;
		t = next;
	}
	return n;
}

static const char *
job_trade(const struct inv_ratecard *card, const struct inv_job *job)
{
	if (job->trade != NULL)
		return job->trade;
	for (size_t i = 0; i < job->nskills; i++)
		if (inv_find(card->trade_rates, card->ntrade_rates, sizeof *card->trade_rates,
		    job->skills[i]) != NULL)
			return job->skills[i];
	return NULL;
}

/* At least the minimum, then up to the next increment: 61 minutes with a
 * 60-minute minimum and 15-minute steps bill as 75. */
static long
billable_minutes(const struct inv_ratecard *card, long minutes)
{
	long inc = card->increment_minutes;
	long rounded = (minutes + inc - 1) / inc * inc;

	return rounded < card->minimum_minutes ? card->minimum_minutes : rounded;
}

static int
price_flat_rate(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, int *covers_labor, char err[INV_ERROR_LEN])
{
	for (size_t i = 0; i < job->ntasks; i++) {
		const struct inv_item *t = &job->tasks[i];
		const struct inv_task *task = inv_find(card->tasks, card->ntasks,
		    sizeof *card->tasks, t->code);
		struct inv_line *line;

		if (task == NULL)
			return fail(err, "\"tasks\": unknown flat-rate code \"%s\"", t->code);
		if (t->qty < 1 || t->qty > INV_MAX_QTY)
			return fail(err, "\"tasks\": qty of \"%s\" must be from 1 to %d, not %ld",
			    t->code, INV_MAX_QTY, t->qty);
		line = add_line(inv, INV_LINE_FLAT_RATE, INV_CAT_FLAT_RATE, task->code,
		    t->qty, task->price, task->price * t->qty);
		describe_text(line, task->description ? task->description : task->code);
		*covers_labor |= task->includes_labor;
	}
	return 0;
}

static void
hours_text(long minutes, char buf[32])
{
	if (minutes % 60 == 0)
		snprintf(buf, 32, "%ld h", minutes / 60);
	else if (minutes < 60)
		snprintf(buf, 32, "%ld min", minutes);
	else
		snprintf(buf, 32, "%ld h %ld min", minutes / 60, minutes % 60);
}

static int
labor_rate(const struct inv_ratecard *card, const struct inv_job *job,
    const struct inv_labor *e, const struct inv_named_amount **rate, const char **code,
    char err[INV_ERROR_LEN])
{
	const char *trade = e->trade ? e->trade : job_trade(card, job);

	*code = trade;
	if (e->level != NULL) {
		*rate = inv_find(card->level_rates, card->nlevel_rates,
		    sizeof *card->level_rates, e->level);
		if (*rate == NULL)
			return fail(err, "\"labor\": no rate for tech level \"%s\" in labor.levels",
			    e->level);
		*code = e->level;
		return 0;
	}
	if (trade == NULL)
		return fail(err, "no labor rate: give \"trade\" or a skill that has a rate in labor.rates");
	*rate = inv_find(card->trade_rates, card->ntrade_rates, sizeof *card->trade_rates, trade);
	if (*rate == NULL)
		return fail(err, "no labor rate for trade \"%s\" in labor.rates", trade);
	return 0;
}

/* One labor entry: the minimum and the increment apply to the visit as
 * a whole; what they add is billed with its last part, where the visit
 * ends. */
static int
price_labor_entry(const struct inv_ratecard *card, const struct inv_job *job,
    const struct inv_labor *e, struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	static const char *const label[] = { "", "after hours", "weekend", "holiday" };
	const struct inv_named_amount *rate;
	const char *code;
	struct visit_part parts[INV_MAX_PARTS];
	size_t nparts;

	if (e->minutes < 0 || e->minutes > INV_MAX_QTY)
		return fail(err, "labor minutes must be from 0 to %d, not %ld", INV_MAX_QTY,
		    e->minutes);
	if (labor_rate(card, job, e, &rate, &code, err) != 0)
		return -1;
	nparts = split_visit(card, job, e->minutes, parts);
	parts[nparts - 1].minutes += billable_minutes(card, e->minutes) - e->minutes;
	for (size_t i = 0; i < nparts; i++) {
		const struct visit_part *p = &parts[i];
		char mult[80] = "", factor[48], hours[32];
		int64_t unit, amount;
		struct inv_line *line;

		if (fsd_money_scale(rate->minor, p->m.num, p->m.den, card->rounding, &unit) != 0
		    || fsd_money_scale(unit, p->minutes, 60, card->rounding, &amount) != 0)
			return fail(err, "labor amount too large");
		/* The invoice names the highest multiplier its labor was billed at. */
		if (ratio_less(multiplier_ratio(card, inv->multiplier), p->m))
			inv->multiplier = p->which;
		if (p->which != INV_MULT_NONE)
			snprintf(mult, sizeof mult, ", %s x%s", label[p->which], inv_ratio_text(p->m, factor));
		inv->billable_minutes += p->minutes;
		line = add_line(inv, INV_LINE_LABOR, INV_CAT_LABOR, code, p->minutes, unit, amount);
		hours_text(p->minutes, hours);
		describe(line, "%s%s%s, %s%s", inv_labor_words(card, code), e->tech ? ", " : "",
		    e->tech ? e->tech : "", hours, mult);
	}
	return 0;
}

static int
price_labor(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	for (size_t i = 0; i < job->nlabor; i++)
		if (price_labor_entry(card, job, &job->labor[i], inv, err) != 0)
			return -1;
	return 0;
}

static void
price_trip(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv)
{
	const struct inv_named_amount *zone = inv_find(card->trip_zones,
	    card->ntrip_zones, sizeof *card->trip_zones, job->zone);
	struct inv_line *line;

	if (zone == NULL && !card->has_trip_default)
		return;
	line = add_line(inv, INV_LINE_TRIP, INV_CAT_TRIP, zone ? zone->name : "default", 1,
	    zone ? zone->minor : card->trip_default, zone ? zone->minor : card->trip_default);
	if (zone != NULL)
		describe(line, "Trip fee, %s zone", zone->name);
	else
		describe(line, "Trip fee");
}

/* How many of sku the job's flat-rate tasks include. */
static long
included_qty(const struct inv_ratecard *card, const struct inv_job *job, const char *sku)
{
	long n = 0;

	for (size_t i = 0; i < job->ntasks; i++) {
		const struct inv_task *task = inv_find(card->tasks, card->ntasks,
		    sizeof *card->tasks, job->tasks[i].code);
		const struct inv_included *inc = task ? inv_find(task->parts, task->nparts,
		    sizeof *task->parts, sku) : NULL;

		if (inc != NULL)
			n += inc->qty * job->tasks[i].qty;
	}
	return n;
}

static int
price_parts(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	for (size_t i = 0; i < job->nparts; i++) {
		const struct inv_item *used = &job->parts[i];
		const struct inv_part *part = inv_find(card->parts, card->nparts,
		    sizeof *card->parts, used->code);
		const char *what;
		long covered = job->ntasks ? included_qty(card, job, used->code) : 0;
		struct inv_line *line;

		if (part == NULL)
			return fail(err, "\"parts_used\": unknown SKU \"%s\"", used->code);
		if (used->qty < 1 || used->qty > INV_MAX_QTY)
			return fail(err, "\"parts_used\": qty of \"%s\" must be from 1 to %d, not %ld",
			    used->code, INV_MAX_QTY, used->qty);
		what = part->description ? part->description : part->sku;
		/* Earlier lines of the same SKU use up the included quantity first. */
		for (size_t k = 0; k < i && covered > 0; k++)
			if (strcmp(job->parts[k].code, used->code) == 0)
				covered -= job->parts[k].qty;
		if (covered > used->qty)
			covered = used->qty;
		if (covered > 0) {
			line = add_line(inv, INV_LINE_PART, INV_CAT_PARTS, part->sku, covered, 0, 0);
			describe(line, "%s (included in flat rate)", what);
		}
		if (used->qty > covered) {
			long qty = used->qty - (covered > 0 ? covered : 0);
			line = add_line(inv, INV_LINE_PART, INV_CAT_PARTS, part->sku, qty,
			    part->price, part->price * qty);
			describe_text(line, what);
		}
	}
	return 0;
}

/* Take a discount off the categories it applies to, in category order,
 * never below zero. A percentage takes its share of each; an amount is
 * used up category by category. base holds what is left to discount. */
static void
apply_discount(const struct inv_ratecard *card, const struct inv_discount *d,
    int64_t base[INV_NCATS], struct inv_invoice *inv)
{
	int64_t left = d->amount;

	for (int c = 0; c < INV_NCATS; c++) {
		int64_t off = 0;
		struct inv_line *line;

		if (!(d->applies_to & (1u << c)) || base[c] <= 0)
			continue;
		if (d->is_percent)
			fsd_money_scale(base[c], d->percent.num, d->percent.den, card->rounding, &off);
		else
			off = left < base[c] ? left : base[c];
		if (off <= 0)
			continue;
		left -= off;
		base[c] -= off;
		line = add_line(inv, INV_LINE_DISCOUNT, c, d->code, 1, -off, -off);
		describe(line, "%s (%s)", d->description ? d->description : d->code,
		    inv_category_words[c]);
	}
}

static int
price_discounts(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	int64_t base[INV_NCATS] = { 0 };
	const struct inv_discount *coupon = NULL;

	if (job->coupon != NULL && (coupon = inv_find(card->coupons, card->ncoupons,
	    sizeof *card->coupons, job->coupon)) == NULL)
		return fail(err, "\"coupon\": unknown coupon \"%s\"", job->coupon);
	for (size_t i = 0; i < inv->nlines; i++)
		if (inv->lines[i].category >= 0)
			base[inv->lines[i].category] += inv->lines[i].amount;
	if (job->member && card->has_member) {
		if (card->member.waive_trip && base[INV_CAT_TRIP] > 0) {
			struct inv_line *line = add_line(inv, INV_LINE_DISCOUNT, INV_CAT_TRIP,
			    "member", 1, -base[INV_CAT_TRIP], -base[INV_CAT_TRIP]);
			describe(line, "Trip fee waived for members");
			base[INV_CAT_TRIP] = 0;
		}
		apply_discount(card, &card->member, base, inv);
	}
	if (coupon != NULL)
		apply_discount(card, coupon, base, inv);
	return 0;
}

static const struct inv_jurisdiction *
find_jurisdiction(const struct inv_ratecard *card, const struct inv_job *job,
    char err[INV_ERROR_LEN], int *bad)
{
	const struct inv_territory_tax *t;
	const struct inv_jurisdiction *j;

	*bad = 0;
	if (job->jurisdiction != NULL) {
		j = inv_find(card->jurisdictions, card->njurisdictions,
		    sizeof *card->jurisdictions, job->jurisdiction);
		if (j == NULL) {
			*bad = 1;
			fail(err, "\"tax_jurisdiction\": \"%s\" is not in the rate card's tax.jurisdictions",
			    job->jurisdiction);
		}
		return j;
	}
	t = inv_find(card->territory_tax, card->nterritory_tax, sizeof *card->territory_tax,
	    job->territory);
	if (t != NULL)
		return &card->jurisdictions[t->jurisdiction];
	return card->default_jurisdiction < 0 ? NULL
	    : &card->jurisdictions[card->default_jurisdiction];
}

/* Per line: each line's tax is rounded and the invoice tax is their sum.
 * Per invoice: each category's lines are summed and rounded once, which
 * is what some jurisdictions require and never drifts by a cent per line. */
static int
price_tax(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	int bad;
	const struct inv_jurisdiction *j = find_jurisdiction(card, job, err, &bad);
	int64_t base[INV_NCATS] = { 0 }, tax[INV_NCATS] = { 0 };

	if (bad)
		return -1;
	inv->jurisdiction = j;
	if (j == NULL || job->tax_exempt)
		return 0;
	for (size_t i = 0; i < inv->nlines; i++) {
		struct inv_line *line = &inv->lines[i];
		int c = line->category;

		if (c < 0)
			continue;
		base[c] += line->amount;
		if (!card->tax_per_invoice && j->rate[c].num != 0) {
			if (fsd_money_scale(line->amount, j->rate[c].num, j->rate[c].den,
			    card->rounding, &line->tax) != 0)
				return fail(err, "tax amount too large");
			tax[c] += line->tax;
		}
	}
	for (int c = 0; c < INV_NCATS; c++) {
		/* Per-line rounding can leave a cent of tax on a base that
		 * discounts brought to zero; it is still shown. */
		if (j->rate[c].num == 0 || (base[c] == 0 && tax[c] == 0))
			continue;
		if (card->tax_per_invoice && fsd_money_scale(base[c], j->rate[c].num,
		    j->rate[c].den, card->rounding, &tax[c]) != 0)
			return fail(err, "tax amount too large");
		add_tax(inv, j, c, base[c], tax[c]);
		/* One jurisdiction: the invoice names it, not each tax. */
		inv->taxes[inv->ntaxes - 1].jurisdiction = NULL;
	}
	return 0;
}

static int
sum_lines(struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	inv->subtotal = 0;
	for (size_t i = 0; i < inv->nlines; i++)
		if (fsd_money_add(inv->subtotal, inv->lines[i].amount, &inv->subtotal) != 0)
			return fail(err, "invoice amounts too large");
	if (fsd_money_add(inv->subtotal, inv->tax, &inv->total) != 0)
		return fail(err, "invoice amounts too large");
	return 0;
}

static int
price_deposit(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	struct inv_line *line;

	if (!job->has_deposit)
		return fail(err, "\"status\" is \"approved\" but the job has no \"deposit\" to bill");
	line = add_line(inv, INV_LINE_DEPOSIT, -1, "deposit", 1, job->deposit, job->deposit);
	(void)card;
	if (job->deposit_percent != NULL)
		describe(line, "Deposit on approval of job %s, %s %% of the estimate", job->id,
		    job->deposit_percent);
	else
		describe(line, "Deposit on approval of job %s", job->id);
	return sum_lines(inv, err);
}

int
inv_compute(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	int covers_labor = 0;

	inv->nlines = inv->ntaxes = 0;
	inv->subtotal = inv->tax = inv->total = inv->overage = 0;
	inv->jurisdiction = NULL;
	inv->multiplier = INV_MULT_NONE;
	inv->billable_minutes = 0;
	inv->nte_exceeded = 0;
	if (job->stage == INV_STAGE_DEPOSIT)
		return price_deposit(card, job, inv, err);
	if (price_flat_rate(card, job, inv, &covers_labor, err) != 0)
		return -1;
	/* A flat rate that includes labor prices the visit: the time on site
	 * is what it replaces, not an extra. */
	if (!covers_labor && price_labor(card, job, inv, err) != 0)
		return -1;
	price_trip(card, job, inv);
	if (price_parts(card, job, inv, err) != 0 || price_discounts(card, job, inv, err) != 0
	    || price_tax(card, job, inv, err) != 0 || sum_lines(inv, err) != 0)
		return -1;
	if (job->has_nte && inv->total > job->nte) {
		inv->nte_exceeded = 1;
		inv->overage = inv->total - job->nte;
	}
	/* Over the NTE nothing is billed, so there is no deposit to credit yet. */
	if (job->has_deposit && !inv->nte_exceeded) {
		char *deposit_number;
		struct inv_line *line;

		/* A credit beyond the bill is a refund, which is no invoice. */
		if (job->deposit > inv->total) {
			char deposit[FSD_MONEY_LEN], total[FSD_MONEY_LEN];

			return fail(err, "the deposit of %s is more than the invoice's total of %s: "
			    "no invoice (refund the difference)",
			    fsd_money_format(job->deposit, card->exponent, deposit),
			    fsd_money_format(inv->total, card->exponent, total));
		}
		deposit_number = inv_number(card, job->id, INV_STAGE_DEPOSIT);
		line = add_line(inv, INV_LINE_CREDIT, -1, "deposit", 1,
		    -job->deposit, -job->deposit);

		describe(line, "Deposit received, invoice %s", deposit_number);
		free(deposit_number);
		if (sum_lines(inv, err) != 0)
			return -1;
	}
	return 0;
}

/* A group's lines come from jobs in different jurisdictions: taxes are
 * kept apart by jurisdiction (in the card's order) and category, so each
 * is charged at its own rate and shown on its own row. */
int
inv_total_grouped(const struct inv_ratecard *card, struct inv_invoice *inv,
    char err[INV_ERROR_LEN])
{
	inv->ntaxes = 0;
	inv->tax = 0;
	for (size_t k = 0; k < card->njurisdictions; k++) {
		const struct inv_jurisdiction *j = &card->jurisdictions[k];
		int64_t base[INV_NCATS] = { 0 }, tax[INV_NCATS] = { 0 };
		int seen = 0;

		for (size_t i = 0; i < inv->nlines; i++) {
			const struct inv_line *line = &inv->lines[i];

			if (line->taxed_in != j || line->category < 0)
				continue;
			seen = 1;
			base[line->category] += line->amount;
			tax[line->category] += line->tax;
		}
		for (int c = 0; seen && c < INV_NCATS; c++) {
			if (j->rate[c].num == 0 || (base[c] == 0 && tax[c] == 0))
				continue;
			if (card->tax_per_invoice && fsd_money_scale(base[c], j->rate[c].num,
			    j->rate[c].den, card->rounding, &tax[c]) != 0)
				return fail(err, "tax amount too large");
			add_tax(inv, j, c, base[c], tax[c]);
		}
	}
	return sum_lines(inv, err);
}

void
inv_invoice_free(struct inv_invoice *inv)
{
	free(inv->taxes);
	free(inv->lines);
	memset(inv, 0, sizeof *inv);
}

char *
inv_number(const struct inv_ratecard *card, const char *job_id, enum inv_stage stage)
{
	return xasprintf("%s%s%s", card->prefix, job_id,
	    stage == INV_STAGE_DEPOSIT ? "-D" : "");
}
