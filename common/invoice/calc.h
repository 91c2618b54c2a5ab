/* The invoice calculator: a completed job and a rate card in, numbered
 * lines, taxes and totals out, all in integer minor units. Plain C over
 * structs; the tool turns records into these and back.
 *
 * Every invoice reconciles: the sum of line amounts is the subtotal, the
 * sum of the tax breakdown is the tax, subtotal + tax is the total. */
#ifndef FSD_INVOICE_CALC_H
#define FSD_INVOICE_CALC_H

#include <stddef.h>
#include <stdint.h>

#include "invoice/error.h"
#include "invoice/ratecard.h"

/* Time on the tools, one entry per tech (or one for the job's work span). */
struct inv_labor {
	const char *tech;	/* may be NULL */
	const char *level;	/* a labor.levels rate, or NULL */
	const char *trade;	/* NULL: the job's trade */
	long minutes;
};

/* A flat-rate task or a part used: code or SKU, and how many. */
struct inv_item {
	const char *code;
	long qty;
};

enum inv_stage {
	INV_STAGE_FINAL,	/* the job is done: bill it all */
	INV_STAGE_DEPOSIT	/* the job is approved: bill the deposit only */
};

struct inv_job {
	const char *id;
	const char *customer_id;	/* customer.id: what --group gathers by */
	const char *trade;	/* NULL: the first skill with a labor rate */
	const char *const *skills;
	size_t nskills;
	const char *zone;	/* trip-fee zone (the job's zone or territory) */
	const char *territory;	/* picks the tax jurisdiction via tax.territories */
	const char *jurisdiction;	/* names it outright; NULL otherwise */

	int has_start;		/* work start known: local day and minute */
	int64_t start_day;
	int start_minute;
	int after_hours;	/* -1: judge by the clock; 0/1: as captured */
	int labor_is_span;	/* the one labor entry is work.start..work.end,
				 * so it can be split where the rate changes */

	const struct inv_labor *labor;
	size_t nlabor;
	const struct inv_item *tasks;
	size_t ntasks;
	const struct inv_item *parts;
	size_t nparts;

	int tax_exempt;
	int member;		/* maintenance-agreement member or covered by a contract */
	const char *coupon;

	int has_nte;
	int64_t nte;
	int has_deposit;
	int64_t deposit;
	const char *deposit_percent;	/* "30": the deposit is that share of
					 * the estimate (shown on the line); NULL */
	enum inv_stage stage;
};

enum inv_line_kind {
	INV_LINE_LABOR,
	INV_LINE_TRIP,
	INV_LINE_FLAT_RATE,
	INV_LINE_PART,
	INV_LINE_DISCOUNT,
	INV_LINE_DEPOSIT,
	INV_LINE_CREDIT
};

/* "labor", "trip", "flat_rate", "part", "discount", "deposit", "credit". */
extern const char *const inv_line_kind_names[];

/* Quantities and minutes above this are typos; the bound keeps a price
 * (at most 10^12 minor units) times a quantity inside 64 bits. */
#define INV_MAX_QTY 1000000

#define INV_DESCRIPTION_LEN 160

struct inv_line {
	enum inv_line_kind kind;
	int category;		/* tax category, or -1: never taxed */
	const char *code;	/* trade, zone, task code, SKU, discount code */
	char description[INV_DESCRIPTION_LEN];
	long qty;		/* count; for labor, billable minutes */
	int64_t unit_price;	/* for labor, per hour */
	int64_t amount;
	int64_t tax;		/* per-line tax rounding only */
	/* Grouped invoices (several jobs on one invoice): the job the line
	 * is for, and where its tax is due (NULL: untaxed). */
	const char *job;
	const struct inv_jurisdiction *taxed_in;
};

/* Tax on one category at one rate (in one jurisdiction: set on grouped
 * invoices, which may span several). */
struct inv_tax {
	const struct inv_jurisdiction *jurisdiction;
	int category;
	struct inv_ratio rate;
	int64_t base, tax;
};

enum inv_multiplier {
	INV_MULT_NONE, INV_MULT_AFTER_HOURS, INV_MULT_WEEKEND, INV_MULT_HOLIDAY
};

/* NULL, "after_hours", "weekend", "holiday". */
extern const char *const inv_multiplier_names[];

struct inv_invoice {
	struct inv_line *lines;
	size_t nlines, cap;
	struct inv_tax *taxes;
	size_t ntaxes, taxes_cap;
	int64_t subtotal, tax, total;
	const struct inv_jurisdiction *jurisdiction;	/* NULL: untaxed */
	enum inv_multiplier multiplier;
	long billable_minutes;
	int nte_exceeded;	/* total before any deposit credit is above nte */
	int64_t overage;
};

/* Price job by card into inv (whose line buffer is reused from one call
 * to the next). Returns 0, or -1 with a message in err naming the field
 * ("tasks": unknown flat-rate code "X") when the job cannot be billed. */
int inv_compute(const struct inv_ratecard *card, const struct inv_job *job,
    struct inv_invoice *inv, char err[INV_ERROR_LEN]);

void inv_invoice_free(struct inv_invoice *inv);

/* Taxes and totals of an invoice whose lines were gathered from several
 * jobs (each line's taxed_in and, with per-line rounding, its tax set):
 * per-line rounding sums the lines' taxes; per-invoice rounding sums
 * each jurisdiction's category and rounds once. Returns 0, or -1 with a
 * message in err when the amounts overflow. */
int inv_total_grouped(const struct inv_ratecard *card, struct inv_invoice *inv,
    char err[INV_ERROR_LEN]);

/* The invoice number: the card's prefix and the job id, and "-D" for the
 * deposit. Nothing else goes in, so a rerun gives the same number. */
char *inv_number(const struct inv_ratecard *card, const char *job_id,
    enum inv_stage stage);

#endif
