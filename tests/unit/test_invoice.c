/* The invoice calculator without JSON records: rounding rules, markups,
 * multipliers, discounts, taxes, and the property that every invoice
 * reconciles, over thousands of generated jobs and cards. Also the JSON
 * writer against jansson's own, and payment-link signatures. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/calc.h"
#include "invoice/group.h"
#include "jsonbuf.h"
#include "invoice/paylink.h"
#include "invoice/records_ratecard.h"
#include "unit.h"

static const char base_card[] =
	"{\"currency\":\"USD\",\"rounding\":\"%s\",\"tax_rounding\":\"%s\","
	"\"invoice_prefix\":\"T-\",\"terms_days\":10,"
	"\"labor\":{\"minimum_minutes\":60,\"increment_minutes\":15,"
	"  \"rates\":{\"hvac\":14500,\"plumbing\":13333},\"levels\":{\"apprentice\":9500}},"
	"\"hours\":{\"start\":\"08:00\",\"end\":\"17:00\"},"
	"\"multipliers\":{\"after_hours\":\"1.5\",\"weekend\":\"1.25\",\"holiday\":\"2\"},"
	"\"holidays\":[\"2026-11-26\"],"
	"\"trip_fee\":{\"default\":9900,\"zones\":{\"central\":5900}},"
	"\"price_book\":{\"CAP\":{\"price\":22900,\"parts\":{\"P1\":1}},"
	"  \"DIAG\":{\"price\":8900,\"includes_labor\":false}},"
	"\"markup\":[{\"up_to\":2000,\"percent\":\"100\"},{\"up_to\":10000,\"percent\":\"60\"},{\"percent\":\"35\"}],"
	"\"parts\":{\"P1\":{\"cost\":1480},\"P2\":{\"cost\":2001},\"P3\":{\"cost\":10001},"
	"  \"P4\":{\"cost\":5,\"price\":5},\"P5\":{\"cost\":1000,\"markup\":\"12.5\"}},"
	"\"tax\":{\"default\":\"d\",\"territories\":{\"east\":\"e\"},\"jurisdictions\":{"
	"  \"d\":{\"labor\":\"0\",\"trip\":\"0\",\"flat_rate\":\"8.81\",\"parts\":\"8.81\"},"
	"  \"e\":{\"labor\":\"10\",\"trip\":\"10\",\"flat_rate\":\"10\",\"parts\":\"10\"}}},"
	"\"discounts\":{\"member\":{\"percent\":\"15\",\"applies_to\":[\"labor\",\"flat_rate\"],\"waive_trip\":true},"
	"  \"coupons\":{\"OFF25\":{\"amount\":2500,\"applies_to\":[\"labor\",\"parts\"]},"
	"  \"TEN\":{\"percent\":\"10\",\"applies_to\":[\"labor\",\"trip\",\"flat_rate\",\"parts\"]}}}}";

static int
load_card(struct inv_ratecard *card, const char *rounding, const char *tax_rounding)
{
	char text[4096];
	json_error_t error;
	json_t *doc;
	int problems;

	snprintf(text, sizeof text, base_card, rounding, tax_rounding);
	doc = json_loads(text, 0, &error);
	if (doc == NULL) {
		printf("# card: %s\n", error.text);
		return -1;
	}
	problems = inv_ratecard_from_json(card, doc, text, "card");
	json_decref(doc);
	return problems;
}

static const struct inv_part *
part(const struct inv_ratecard *card, const char *sku)
{
	return inv_find(card->parts, card->nparts, sizeof *card->parts, sku);
}

static void
test_card_prices(void)
{
	struct inv_ratecard card;

	CHECK(load_card(&card, "half-up", "line") == 0, "the test card loads");
	CHECK(part(&card, "P1")->price == 2960, "cost 14.80 at 100 % markup is 29.60");
	CHECK(part(&card, "P2")->price == 3202, "cost 20.01 is in the 60 % tier: 32.016 rounds to 32.02");
	CHECK(part(&card, "P3")->price == 13501, "cost 100.01 is in the open 35 % tier");
	CHECK(part(&card, "P4")->price == 5, "a fixed price is kept");
	CHECK(part(&card, "P5")->price == 1125, "a part's own markup beats the tiers");
	inv_ratecard_free(&card);
}

static void
test_bad_card(void)
{
	static const char text[] = "{\"currency\":\"usd\",\n\"labor\":{\"rates\":{\"hvac\":-5}},\n\"colour\":1}";
	struct inv_ratecard card;
	json_t *doc = json_loads(text, 0, NULL);
	int problems;

	fsd_progname = "test_invoice";
	problems = inv_ratecard_from_json(&card, doc, text, "bad.json");
	CHECK(problems == 3, "lower-case currency, a negative rate and an unknown key: 3 problems");
	inv_ratecard_free(&card);
	json_decref(doc);
	fsd_status = 0;
}

static struct inv_job
labor_job(const struct inv_labor *labor, size_t n)
{
	struct inv_job job = { 0 };

	job.id = "J1";
	job.trade = "hvac";
	job.labor = labor;
	job.nlabor = n;
	job.after_hours = -1;
	job.zone = "central";
	return job;
}

static int64_t
labor_amount(const struct inv_ratecard *card, long minutes, struct inv_job *job)
{
	struct inv_labor labor = { NULL, NULL, NULL, minutes };
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];
	int64_t amount = -1;

	job->labor = &labor;
	job->nlabor = 1;
	/* Labor split by the clock is several lines: their sum. */
	if (inv_compute(card, job, &inv, err) == 0 && inv.nlines > 0
	    && inv.lines[0].kind == INV_LINE_LABOR) {
		amount = 0;
		for (size_t i = 0; i < inv.nlines; i++)
			if (inv.lines[i].kind == INV_LINE_LABOR)
				amount += inv.lines[i].amount;
	}
	inv_invoice_free(&inv);
	return amount;
}

static void
test_labor(void)
{
	struct inv_ratecard card;
	struct inv_job job = labor_job(NULL, 0);

	load_card(&card, "half-up", "line");
	CHECK(labor_amount(&card, 0, &job) == 14500, "no time still bills the 1 h minimum");
	CHECK(labor_amount(&card, 60, &job) == 14500, "60 min is the minimum");
	CHECK(labor_amount(&card, 61, &job) == 18125, "61 min bills 75 min");
	CHECK(labor_amount(&card, 75, &job) == 18125, "75 min bills 75 min");
	CHECK(labor_amount(&card, 76, &job) == 21750, "76 min bills 90 min");
	job.has_start = 1;
	job.start_day = fsd_days_from_civil(2026, 11, 23);
	job.start_minute = 19 * 60;
	CHECK(labor_amount(&card, 60, &job) == 21750, "after hours: x1.5");
	job.start_minute = 7 * 60 + 59;
	CHECK(labor_amount(&card, 60, &job) == 21750, "07:59 is before hours");
	job.start_minute = 8 * 60;
	CHECK(labor_amount(&card, 60, &job) == 14500, "08:00 is within hours");
	job.after_hours = 1;
	CHECK(labor_amount(&card, 60, &job) == 21750, "captured after_hours wins over the clock");
	job.after_hours = -1;
	job.start_day = fsd_days_from_civil(2026, 11, 28);
	CHECK(labor_amount(&card, 60, &job) == 18125, "Saturday: weekend x1.25");
	job.start_minute = 20 * 60;
	CHECK(labor_amount(&card, 60, &job) == 21750, "Saturday night: the higher after-hours x1.5, not both");
	job.start_day = fsd_days_from_civil(2026, 11, 26);
	CHECK(labor_amount(&card, 60, &job) == 29000, "holiday night: holiday x2");
	job.start_day = fsd_days_from_civil(2026, 11, 23);
	job.start_minute = 16 * 60;
	job.labor_is_span = 1;
	CHECK(labor_amount(&card, 150, &job) == 14500 + 32625,
	    "16:00 to 18:30 on the clock: 1 h regular, 1 h 30 min after hours");
	CHECK(labor_amount(&card, 20, &job) == 14500,
	    "16:00 to 16:20: the minimum tops up the regular part");
	job.start_minute = 16 * 60 + 50;
	CHECK(labor_amount(&card, 15, &job) == 2417 + 18125,
	    "16:50 to 17:05: 10 min regular, then 50 min after hours (15 min and the top-up)");
	job.labor_is_span = 0;
	job.trade = "plumbing";
	job.start_minute = 9 * 60;
	CHECK(labor_amount(&card, 70, &job) == 16666, "133.33/h for 75 min is 166.6625: rounds to 166.66");
	job.trade = "roofing";
	CHECK(labor_amount(&card, 60, &job) == -1, "a trade without a rate is an error");
	inv_ratecard_free(&card);
}

static void
test_rounding_modes(void)
{
	struct inv_ratecard up, even, per_invoice;
	struct inv_item parts[] = { { "P4", 1 }, { "P4", 1 } };
	struct inv_job job = labor_job(NULL, 0);
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];

	load_card(&up, "half-up", "line");
	load_card(&even, "half-even", "line");
	load_card(&per_invoice, "half-up", "invoice");
	job.territory = "east";	/* 10 %: tax on 5 cents is exactly 0.5 */
	job.zone = "nowhere";
	job.parts = parts;
	job.nparts = 2;
	up.has_trip_default = even.has_trip_default = per_invoice.has_trip_default = 0;
	CHECK(inv_compute(&up, &job, &inv, err) == 0 && inv.tax == 2,
	    "half-up, per line: 0.5 + 0.5 cents round to 1 + 1");
	CHECK(inv_compute(&even, &job, &inv, err) == 0 && inv.tax == 0,
	    "half-even, per line: 0.5 rounds to the even 0, twice");
	CHECK(inv_compute(&per_invoice, &job, &inv, err) == 0 && inv.tax == 1,
	    "per invoice: 10 cents at 10 % is 1 cent");
	inv_invoice_free(&inv);
	inv_ratecard_free(&up);
	inv_ratecard_free(&even);
	inv_ratecard_free(&per_invoice);
}

static void
test_flat_rate_and_discounts(void)
{
	struct inv_ratecard card;
	struct inv_labor labor = { "T1", NULL, NULL, 90 };
	struct inv_item tasks[] = { { "CAP", 1 } }, parts[] = { { "P1", 2 } };
	struct inv_job job = labor_job(&labor, 1);
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];

	load_card(&card, "half-up", "line");
	job.tasks = tasks;
	job.ntasks = 1;
	job.parts = parts;
	job.nparts = 1;
	CHECK(inv_compute(&card, &job, &inv, err) == 0, "flat-rate job prices");
	/* CAP 229.00, trip 59.00, P1 included x1 at 0, P1 x1 at 29.60 */
	CHECK(inv.nlines == 4 && inv.subtotal == 22900 + 5900 + 2960,
	    "flat rate replaces labor; one part included, one billed");
	CHECK(inv.tax == 2017 + 261, "tax on flat rate and the billed part at 8.81 %");
	job.member = 1;
	CHECK(inv_compute(&card, &job, &inv, err) == 0
	    && inv.subtotal == 22900 + 2960 - 3435, "member: trip waived, 15 % off the flat rate");
	job.member = 0;
	job.coupon = "OFF25";
	job.ntasks = 0;
	CHECK(inv_compute(&card, &job, &inv, err) == 0
	    && inv.subtotal == 21750 + 5900 + 5920 - 2500, "an amount coupon comes off labor first");
	job.coupon = "NOPE";
	CHECK(inv_compute(&card, &job, &inv, err) != 0 && strstr(err, "NOPE") != NULL,
	    "an unknown coupon is named");
	job.coupon = NULL;
	parts[0].code = "ZZZ";
	CHECK(inv_compute(&card, &job, &inv, err) != 0 && strstr(err, "unknown SKU \"ZZZ\"") != NULL,
	    "an unknown SKU is named");
	parts[0].code = "P1";
	parts[0].qty = -1;
	CHECK(inv_compute(&card, &job, &inv, err) != 0 && strstr(err, "qty") != NULL,
	    "a negative quantity is refused");
	parts[0].qty = 2;
	job.tax_exempt = 1;
	CHECK(inv_compute(&card, &job, &inv, err) == 0 && inv.tax == 0 && inv.ntaxes == 0,
	    "a tax-exempt customer pays no tax");
	inv_invoice_free(&inv);
	inv_ratecard_free(&card);
}

static void
test_nte_and_deposit(void)
{
	struct inv_ratecard card;
	struct inv_labor labor = { NULL, NULL, NULL, 60 };
	struct inv_job job = labor_job(&labor, 1);
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];

	load_card(&card, "half-up", "line");
	job.has_nte = 1;
	job.nte = 20400;
	CHECK(inv_compute(&card, &job, &inv, err) == 0 && inv.total == 20400 && !inv.nte_exceeded,
	    "a total equal to the NTE is within it");
	job.nte = 20399;
	CHECK(inv_compute(&card, &job, &inv, err) == 0 && inv.nte_exceeded && inv.overage == 1,
	    "one cent over the NTE is exceeded by 0.01");
	job.has_nte = 0;
	job.has_deposit = 1;
	job.deposit = 10000;
	job.stage = INV_STAGE_DEPOSIT;
	CHECK(inv_compute(&card, &job, &inv, err) == 0 && inv.total == 10000 && inv.nlines == 1,
	    "the deposit invoice bills the deposit alone");
	job.stage = INV_STAGE_FINAL;
	CHECK(inv_compute(&card, &job, &inv, err) == 0 && inv.total == 20400 - 10000
	    && inv.lines[inv.nlines - 1].kind == INV_LINE_CREDIT,
	    "the final invoice credits the deposit");
	inv_invoice_free(&inv);
	inv_ratecard_free(&card);
}

/* A job refused only because its deposit is over the total it would
 * have without one: the one refusal a generated job may get. */
static int
deposit_over_total(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN])
{
	struct inv_job plain = *job;

	if (!job->has_deposit || strncmp(err, "the deposit of ", 15) != 0)
		return 0;
	plain.has_deposit = 0;
	return inv_compute(card, &plain, inv, err) == 0 && inv->total < job->deposit;
}

/* Every invoice reconciles, whatever the job and the card's rules. */
static void
test_reconcile_property(void)
{
	static const char *const tasks[] = { "CAP", "DIAG" };
	static const char *const skus[] = { "P1", "P2", "P3", "P4", "P5" };
	static const char *const coupons[] = { NULL, "OFF25", "TEN" };
	static const char *const modes[][2] = {
		{ "half-up", "line" }, { "half-even", "line" },
		{ "half-up", "invoice" }, { "half-even", "invoice" }
	};
	struct inv_ratecard cards[4];
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];
	long failures = 0, jobs = 0, computed = 0, over_deposit = 0;
	uint64_t seed = 88172645463325252ULL;

	for (int m = 0; m < 4; m++)
		load_card(&cards[m], modes[m][0], modes[m][1]);
	for (int n = 0; n < 20000; n++) {
		struct inv_labor labor[3];
		struct inv_item t[3], p[4];
		struct inv_job job = { 0 };
		const struct inv_ratecard *card = &cards[n % 4];
		int64_t lines = 0, taxes = 0, line_taxes = 0;
#define RAND(k) (seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17, (long)(seed % (uint64_t)(k)))
		job.id = "J";
		job.trade = RAND(2) ? "hvac" : "plumbing";
		job.after_hours = (int)RAND(3) - 1;
		job.has_start = 1;
		job.start_day = fsd_days_from_civil(2026, 11, 20 + (int)RAND(10));
		job.start_minute = (int)RAND(1440);
		job.zone = RAND(2) ? "central" : "far";
		job.territory = RAND(2) ? "east" : "central";
		job.nlabor = (size_t)RAND(3);
		for (size_t i = 0; i < job.nlabor; i++)
			labor[i] = (struct inv_labor){ "T", RAND(4) ? NULL : "apprentice", NULL, RAND(600) };
		job.labor = labor;
		job.labor_is_span = job.nlabor == 1 && RAND(2);
		job.ntasks = (size_t)RAND(3);
		for (size_t i = 0; i < job.ntasks; i++)
			t[i] = (struct inv_item){ tasks[RAND(2)], 1 + RAND(3) };
		job.tasks = t;
		job.nparts = (size_t)RAND(4);
		for (size_t i = 0; i < job.nparts; i++)
			p[i] = (struct inv_item){ skus[RAND(5)], 1 + RAND(5) };
		job.parts = p;
		job.member = RAND(4) == 0;
		job.coupon = coupons[RAND(3)];
		job.tax_exempt = RAND(10) == 0;
		job.has_deposit = RAND(8) == 0;
		job.deposit = RAND(50000);
		job.has_nte = RAND(5) == 0;
		job.nte = RAND(100000);
		jobs++;
		if (inv_compute(card, &job, &inv, err) != 0) {
			if (deposit_over_total(card, &job, &inv, err))
				over_deposit++;
			else
				failures++;
			continue;
		}
		computed++;
		for (size_t i = 0; i < inv.nlines; i++) {
			lines += inv.lines[i].amount;
			line_taxes += inv.lines[i].tax;
		}
		for (size_t i = 0; i < inv.ntaxes; i++)
			taxes += inv.taxes[i].tax;
		if (lines != inv.subtotal || taxes != inv.tax || inv.subtotal + inv.tax != inv.total
		    || (!card->tax_per_invoice && line_taxes != inv.tax)
		    || (job.tax_exempt && inv.tax != 0)
		    || (inv.nte_exceeded && inv.total - job.nte != inv.overage)) {
			failures++;
			printf("# job %d does not reconcile: lines %lld subtotal %lld tax %lld "
			    "(taxes %lld, line taxes %lld) total %lld\n",
			    n, (long long)lines, (long long)inv.subtotal, (long long)inv.tax,
			    (long long)taxes, (long long)line_taxes, (long long)inv.total);
			if (getenv("DEBUG_LINES"))
				for (size_t i = 0; i < inv.nlines; i++)
					printf("#   %d %d %s %lld tax %lld\n", inv.lines[i].kind, inv.lines[i].category,
					    inv.lines[i].description, (long long)inv.lines[i].amount, (long long)inv.lines[i].tax);
		}
	}
	CHECK(failures == 0, "20,000 generated jobs over 4 rounding rules: every invoice reconciles");
	CHECK(computed + over_deposit == jobs && over_deposit > 0, "and every generated job could "
	    "be priced, but for those whose deposit is over their total, which are refused");
	inv_invoice_free(&inv);
	for (int m = 0; m < 4; m++)
		inv_ratecard_free(&cards[m]);
}

/* A job made up from the seed, for the grouped property below. */
struct made_job {
	struct inv_labor labor[2];
	struct inv_item parts[3];
	struct inv_job job;
};

static void
make_job(struct made_job *m, uint64_t *state, const char *id)
{
	static const char *const skus[] = { "P1", "P2", "P3", "P4", "P5" };
	static const char *const coupons[] = { NULL, "OFF25", "TEN" };
	uint64_t seed = *state;

	memset(m, 0, sizeof *m);
	m->job.id = id;
	m->job.trade = RAND(2) ? "hvac" : "plumbing";
	m->job.after_hours = (int)RAND(3) - 1;
	m->job.zone = RAND(2) ? "central" : "far";
	m->job.territory = RAND(2) ? "east" : "central";
	m->job.nlabor = (size_t)RAND(3);
	for (size_t i = 0; i < m->job.nlabor; i++)
		m->labor[i] = (struct inv_labor){ "T", NULL, NULL, RAND(600) };
	m->job.labor = m->labor;
	m->job.nparts = (size_t)RAND(4);
	for (size_t i = 0; i < m->job.nparts; i++)
		m->parts[i] = (struct inv_item){ skus[RAND(5)], 1 + RAND(5) };
	m->job.parts = m->parts;
	m->job.member = RAND(4) == 0;
	m->job.coupon = coupons[RAND(3)];
	m->job.tax_exempt = RAND(10) == 0;
	m->job.has_deposit = RAND(8) == 0;
	m->job.deposit = RAND(20000);
	*state = seed;
}

/* Grouped invoices reconcile too, whatever jobs and jurisdictions they
 * gather; with per-line rounding the group's tax is the jobs' tax. */
static void
test_group_reconcile_property(void)
{
	static const char *const modes[][2] = {
		{ "half-up", "line" }, { "half-even", "line" },
		{ "half-up", "invoice" }, { "half-even", "invoice" }
	};
	struct inv_ratecard cards[4];
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];
	long failures = 0;
	uint64_t state = 2463534242ULL;

	for (int m = 0; m < 4; m++)
		load_card(&cards[m], modes[m][0], modes[m][1]);
	for (int n = 0; n < 4000; n++) {
		const struct inv_ratecard *card = &cards[n % 4];
		struct inv_groups groups = { 0 };
		struct inv_group *g = inv_groups_add(&groups, "C1", "2026-11");
		int64_t lines = 0, taxes = 0, jobs_tax = 0, jobs_total = 0;
		size_t njobs = 1 + (size_t)(state % 6), refused = 0;

		for (size_t k = 0; k < njobs; k++) {
			struct made_job made;
			char id[16];

			snprintf(id, sizeof id, "J%zu", k);
			make_job(&made, &state, id);
			if (inv_compute(card, &made.job, &inv, err) != 0) {
				if (!deposit_over_total(card, &made.job, &inv, err))
					failures++;
				refused++;	/* it joins no group */
				continue;
			}
			jobs_tax += inv.tax;
			jobs_total += inv.total;
			inv_group_add_job(g, &made.job, &inv, fsd_days_from_civil(2026, 11, 23));
		}
		if (inv_group_total(card, g, err) != 0) {
			failures++;
		} else {
			for (size_t i = 0; i < g->inv.nlines; i++)
				lines += g->inv.lines[i].amount;
			for (size_t i = 0; i < g->inv.ntaxes; i++)
				taxes += g->inv.taxes[i].tax;
			if (lines != g->inv.subtotal || taxes != g->inv.tax
			    || g->inv.subtotal + g->inv.tax != g->inv.total
			    || (!card->tax_per_invoice && (g->inv.tax != jobs_tax
				|| g->inv.total != jobs_total))
			    || g->njobs != njobs - refused) {
				failures++;
				printf("# group %d does not reconcile: lines %lld subtotal %lld tax %lld "
				    "(taxes %lld, the jobs' %lld) total %lld\n", n, (long long)lines,
				    (long long)g->inv.subtotal, (long long)g->inv.tax, (long long)taxes,
				    (long long)jobs_tax, (long long)g->inv.total);
			}
		}
		inv_groups_free(&groups);
	}
	CHECK(failures == 0, "4,000 generated groups of 1 to 6 jobs over 4 rounding rules: "
	    "every grouped invoice reconciles");
	inv_invoice_free(&inv);
	for (int m = 0; m < 4; m++)
		inv_ratecard_free(&cards[m]);
}

static void
test_periods(void)
{
	char buf[INV_PERIOD_LEN];
	enum inv_period p;

	CHECK(inv_group_parse("customer,week", &p) == 0 && p == INV_PERIOD_WEEK, "customer,week");
	CHECK(inv_group_parse("week", &p) != 0, "a period alone is not a grouping");
	CHECK(strcmp(inv_period_label(INV_PERIOD_MONTH, fsd_days_from_civil(2026, 11, 30), buf),
	    "2026-11") == 0, "month label");
	CHECK(strcmp(inv_period_label(INV_PERIOD_WEEK, fsd_days_from_civil(2026, 11, 23), buf),
	    "2026-W48") == 0, "Monday 2026-11-23 is in ISO week 48");
	CHECK(strcmp(inv_period_label(INV_PERIOD_WEEK, fsd_days_from_civil(2027, 1, 3), buf),
	    "2026-W53") == 0, "Sunday 2027-01-03 is still in 2026-W53");
	CHECK(strcmp(inv_period_label(INV_PERIOD_WEEK, fsd_days_from_civil(2025, 12, 29), buf),
	    "2026-W01") == 0, "Monday 2025-12-29 starts 2026-W01");
	CHECK(strcmp(inv_period_label(INV_PERIOD_DAY, fsd_days_from_civil(2026, 11, 23), buf),
	    "2026-11-23") == 0, "day label");
}

static void
test_paylink(void)
{
	static const char tmpl[] = "https://pay.example.com/i/{invoice}?amount={amount}&currency={currency}&token={token}";
	struct inv_signer *s = inv_signer_new("unit-test-key-0123456789");
	struct inv_signer *other = inv_signer_new("another-key-0123456789ab");
	char token[INV_TOKEN_LEN], again[INV_TOKEN_LEN], err[256], *link, *bad;

	inv_pay_token(s, "T-J1 x", "412.50", "USD", token);
	inv_pay_token(s, "T-J1 x", "412.50", "USD", again);
	CHECK(strlen(token) == 64 && strcmp(token, again) == 0, "a token is 64 hex digits, the same every time");
	link = inv_pay_link(tmpl, "T-J1 x", "412.50", "USD", token);
	CHECK(strstr(link, "/i/T-J1%20x?amount=412.50&currency=USD&token=") != NULL,
	    "the invoice number is percent-encoded in the link");
	CHECK(inv_pay_verify(s, tmpl, link, NULL, NULL, NULL, err) == 0, "the link verifies");
	CHECK(inv_pay_verify(other, tmpl, link, NULL, NULL, NULL, err) != 0,
	    "another key does not verify it");
	bad = xstrdup(link);
	memcpy(strstr(bad, "412.50"), "012.50", 6);
	CHECK(inv_pay_verify(s, tmpl, bad, NULL, NULL, NULL, err) != 0, "an altered amount fails");
	free(bad);
	CHECK(inv_pay_template_check(tmpl, err) == 0, "the standard template is accepted");
	CHECK(inv_pay_template_check("https://x/{invoice}{amount}?c={currency}&t={token}", err) != 0,
	    "placeholders side by side are refused");
	CHECK(inv_pay_template_check("https://x/{invoice}?a={amount}", err) != 0,
	    "a template without {token} is refused");
	free(link);
	inv_signer_free(s);
	inv_signer_free(other);
}

int
main(void)
{
	fsd_progname = "test_invoice";
	test_card_prices();
	test_bad_card();
	test_labor();
	test_rounding_modes();
	test_flat_rate_and_discounts();
	test_nte_and_deposit();
	test_reconcile_property();
	test_group_reconcile_property();
	test_periods();
	test_paylink();
	return UNIT_DONE();
}
