/* Grouped invoices (--group customer[,PERIOD]): all of a customer's jobs
 * in a period on one invoice. Each job is priced on its own first (its
 * labor minimum, trip fee, discounts, deposit credit and not-to-exceed
 * are per visit); the group then takes every job's lines, each marked
 * with its job, and taxes the whole by the card's rounding rule. */
#ifndef FSD_INVOICE_GROUP_H
#define FSD_INVOICE_GROUP_H

#include <stddef.h>
#include <stdint.h>

#include "jsonbuf.h"
#include "invoice/calc.h"

enum inv_period {
	INV_PERIOD_NONE,	/* everything of the customer's in the input */
	INV_PERIOD_DAY,		/* "2026-11-23" */
	INV_PERIOD_WEEK,	/* ISO 8601 week: "2026-W48" */
	INV_PERIOD_MONTH	/* "2026-11" */
};

/* "customer", "customer,day", "customer,week", "customer,month";
 * 0, or -1 when text is none of them. */
int inv_group_parse(const char *text, enum inv_period *period);

#define INV_PERIOD_LEN 32
/* The label of the period that holds day (days since 1970); "" for none. */
char *inv_period_label(enum inv_period period, int64_t day, char buf[INV_PERIOD_LEN]);

struct inv_group {
	char *customer_id;
	char *period;		/* label, NULL for INV_PERIOD_NONE */
	char *number;		/* given when the group is made */
	struct fsd_buf customer;	/* the first job's "customer", as JSON */
	struct inv_invoice inv;	/* every job's lines; taxes over the whole */
	int64_t date;		/* the latest job's invoice date */
	int tax_exempt;		/* every job's customer was tax exempt */
	char **jobs;		/* job ids, in input order */
	size_t njobs, jobs_cap;
	/* The covered jobs' records, each left open for "invoiced_in":
	 * record i is records.data[ends[i - 1] .. ends[i]). */
	struct fsd_buf records;
	size_t *ends;
	size_t ends_cap;
	char **strings;		/* codes copied out of the jobs' records */
	size_t nstrings, strings_cap;
};

/* Groups by customer id and period label, in the order they were made. */
struct inv_groups {
	struct inv_group **list;
	size_t count, cap;
	size_t *slots;		/* open addressing: index + 1, 0 is empty */
	size_t nslots;
};

/* The group of customer_id and period (NULL for none), or NULL when
 * there is none yet. */
struct inv_group *inv_groups_find(const struct inv_groups *gs, const char *customer_id,
    const char *period);
/* A new group, which the caller numbers. */
struct inv_group *inv_groups_add(struct inv_groups *gs, const char *customer_id,
    const char *period);
void inv_groups_free(struct inv_groups *gs);

/* Add a priced job: its lines (copied, marked with the job's id and where
 * they are taxed) and its id. day is the job's invoice date. */
void inv_group_add_job(struct inv_group *g, const struct inv_job *job,
    const struct inv_invoice *inv, int64_t day);

/* Taxes and totals over the whole group. 0, or -1 with err. */
int inv_group_total(const struct inv_ratecard *card, struct inv_group *g,
    char err[INV_ERROR_LEN]);

/* The group's invoice number: the card's prefix, the customer id and the
 * period ("FRH-C1001-2026-11"), or prefix and customer id alone. */
char *inv_group_number(const struct inv_ratecard *card, const char *customer_id,
    const char *period);

#endif
