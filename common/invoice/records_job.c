#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "jsonscan.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/ratecard.h"
#include "invoice/records_job.h"
#include "invoice/records_service.h"

static int64_t
local_day(const struct fsd_time *t)
{
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;

	return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

static int
local_minute(const struct fsd_time *t)
{
	int64_t local = t->seconds + (int64_t)t->offset_minutes * 60;

	return (int)((local - local_day(t) * 86400) / 60);
}

static const char *
keep(struct inv_job_reader *r, const char *s, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	r->owned = xgrow(r->owned, &r->owned_cap, r->nowned + 1, sizeof *r->owned);
	r->owned[r->nowned++] = copy;
	return copy;
}

static int
parse_qty(const char *s, long *qty)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != '\0')
		return -1;
	*qty = v;
	return 0;
}

/* A labor line names the tech as the customer knows them: by name when
 * --techs gives one, else by the id the record has. */
static const char *
tech_shown(const struct inv_job_reader *r, const char *id)
{
	const char *name = inv_techs_name(r->techs, id);

	return name != NULL ? name : id;
}

/* One task or part used: {"code": C, "qty": N} ({"sku": ...} for parts),
 * or the text "C" or "C:N" as a spreadsheet cell gives it. */
static int
read_item(struct inv_job_reader *r, const struct fsd_scan *d, int v, const char *field,
    size_t i, const char *key, struct inv_item *item, const struct fsd_pos *pos)
{
	int code, qty;
	long long n;

	item->qty = 1;
	if (d->nodes[v].type == FSD_SCAN_STRING) {
		const char *s = d->nodes[v].str, *colon = strrchr(s, ':');
		if (colon == NULL) {
			item->code = s;
			return 0;
		}
		item->code = keep(r, s, (size_t)(colon - s));
		if (parse_qty(colon + 1, &item->qty) == 0 && item->code[0] != '\0') {
			if (item->qty >= 1 && item->qty <= INV_MAX_QTY)
				return 0;
			/* As given: strtol would say LONG_MAX for a longer one. */
			return fsd_field_fail(pos, "\"%s\": qty of \"%s\" must be from 1 to %d, "
			    "not %s", field, item->code, INV_MAX_QTY, colon + 1);
		}
		return fsd_field_fail(pos, "\"%s[%zu]\": \"%s\" is not CODE or CODE:QTY",
		    field, i, s);
	}
	code = d->nodes[v].type == FSD_SCAN_OBJECT ? fsd_scan_get(d, v, key) : -1;
	if (code < 0 || d->nodes[code].type != FSD_SCAN_STRING)
		return fsd_field_fail(pos, "\"%s[%zu]\" must be an object with a string \"%s\" and a \"qty\"",
		    field, i, key);
	item->code = d->nodes[code].str;
	if ((qty = fsd_scan_get(d, v, "qty")) < 0)
		return 0;
	if (d->nodes[qty].type != FSD_SCAN_INT)
		return fsd_field_fail(pos, "\"%s[%zu].qty\" must be a whole number", field, i);
	n = d->nodes[qty].ival;
	if (n < 1 || n > INV_MAX_QTY)
		return fsd_field_fail(pos, "\"%s\": qty of \"%s\" must be from 1 to %d, not %lld",
		    field, item->code, INV_MAX_QTY, n);
	item->qty = (long)n;
	return 0;
}

static int
read_items(struct inv_job_reader *r, const struct fsd_scan *d, const char *field,
    const char *key, struct inv_item **items, size_t *cap, const struct inv_item **out,
    size_t *n, const struct fsd_pos *pos)
{
	int list = fsd_scan_get(d, 0, field), v;
	size_t i = 0;

	*n = 0;
	*out = NULL;
	if (list < 0)
		return 0;
	if (d->nodes[list].type != FSD_SCAN_ARRAY)
		return fsd_field_fail(pos, "\"%s\" must be an array", field);
	*items = xgrow(*items, cap, d->nodes[list].count + 1, sizeof **items);
	for (v = d->nodes[list].child; v >= 0; v = d->nodes[v].next, i++)
		if (read_item(r, d, v, field, i, key, &(*items)[i], pos) != 0)
			return -1;
	*n = d->nodes[list].count;
	*out = *items;
	return 0;
}

/* labor: [{"tech", "minutes", "level", "trade"}], one entry a tech. */
static int
read_labor(struct inv_job_reader *r, const struct fsd_scan *d, int list,
    const struct fsd_pos *pos, struct inv_job *job)
{
	size_t i = 0;

	if (d->nodes[list].type != FSD_SCAN_ARRAY)
		return fsd_field_fail(pos, "\"labor\" must be an array of {\"tech\", \"minutes\"}");
	r->labor = xgrow(r->labor, &r->labor_cap, d->nodes[list].count + 1, sizeof *r->labor);
	for (int v = d->nodes[list].child; v >= 0; v = d->nodes[v].next, i++) {
		struct inv_labor *e = &r->labor[i];
		int minutes = d->nodes[v].type == FSD_SCAN_OBJECT ? fsd_scan_get(d, v, "minutes") : -1;
		const char *tech = NULL, *level = NULL, *trade = NULL;
		long long m;

		if (minutes < 0 || d->nodes[minutes].type != FSD_SCAN_INT)
			return fsd_field_fail(pos, "\"labor[%zu]\" must be an object with whole \"minutes\"", i);
		if (fsd_scan_string(d, v, "tech", &tech, NULL, NULL) == FSD_FIELD_BAD
		    || fsd_scan_string(d, v, "level", &level, NULL, NULL) == FSD_FIELD_BAD
		    || fsd_scan_string(d, v, "trade", &trade, NULL, NULL) == FSD_FIELD_BAD)
			return fsd_field_fail(pos, "\"labor[%zu]\": %s", i, fsd_field_error);
		e->tech = tech_shown(r, tech);
		e->level = level;
		e->trade = trade;
		m = d->nodes[minutes].ival;
		e->minutes = m > 100000000 ? 100000000 : m < -1 ? -1 : (long)m;
	}
	job->labor = r->labor;
	job->nlabor = d->nodes[list].count;
	return 0;
}

static int
read_work(struct inv_job_reader *r, const struct fsd_scan *d, const struct fsd_pos *pos,
    struct inv_job *job, int64_t *day)
{
	struct fsd_time start, end;
	int has_start, has_end, visit = 0;
	int labor = fsd_scan_get(d, 0, "labor");

	if ((has_start = fsd_scan_time(d, 0, "work.start", &start, pos)) == FSD_FIELD_BAD
	    || (has_end = fsd_scan_time(d, 0, "work.end", &end, pos)) == FSD_FIELD_BAD)
		return -1;
	/* No work span captured: the visit fsd-status recorded, on site
	 * from arrival to completion, is the time on the tools. */
	if (has_start == FSD_FIELD_ABSENT && has_end == FSD_FIELD_ABSENT) {
		visit = 1;
		if ((has_start = fsd_scan_time(d, 0, "arrived", &start, pos)) == FSD_FIELD_BAD
		    || (has_end = fsd_scan_time(d, 0, "completed", &end, pos)) == FSD_FIELD_BAD)
			return -1;
	}
	if (has_start == FSD_FIELD_OK) {
		job->has_start = 1;
		job->start_day = local_day(&start);
		job->start_minute = local_minute(&start);
	}
	if (has_end == FSD_FIELD_OK)
		*day = local_day(&end);
	if (labor >= 0)
		return read_labor(r, d, labor, pos, job);
	if ((has_start == FSD_FIELD_OK) != (has_end == FSD_FIELD_OK))
		return fsd_field_fail(pos, visit ? "the visit needs both \"arrived\" and \"completed\""
		    : "\"work\" needs both \"start\" and \"end\"");
	if (has_start != FSD_FIELD_OK)
		return 0;
	if (end.seconds < start.seconds)
		return fsd_field_fail(pos, visit ? "\"completed\" is before \"arrived\""
		    : "\"work.end\" is before \"work.start\"");
	/* Part of a minute on the tools is a minute. */
	r->labor = xgrow(r->labor, &r->labor_cap, 1, sizeof *r->labor);
	r->labor[0] = (struct inv_labor){ NULL, NULL, NULL,
	    (long)((end.seconds - start.seconds + 59) / 60) };
	if (fsd_scan_string(d, 0, "tech", &r->labor[0].tech, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	r->labor[0].tech = tech_shown(r, r->labor[0].tech);
	job->labor = r->labor;
	job->nlabor = 1;
	job->labor_is_span = 1;
	return 0;
}

static int
read_money(const struct fsd_scan *d, const char *field, int64_t *out, int *has,
    const struct fsd_pos *pos)
{
	long long v;
	int got = fsd_scan_int(d, 0, field, &v, pos);

	if (got == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_ABSENT)
		return 0;
	if (v < 0 || v > 1000000000000LL)
		return fsd_field_fail(pos, "\"%s\" must be minor units (cents) from 0 to 10^12, not %lld",
		    field, v);
	*out = v;
	*has = 1;
	return 0;
}

/* The not-to-exceed, raised to what the customer signed for when they
 * approved more ("nte_approval", which fsd-close checks is signed). */
static int
read_nte(const struct fsd_scan *d, const struct fsd_pos *pos, struct inv_job *job)
{
	int64_t approved = 0;
	int has_approved = 0;

	if (read_money(d, "nte", &job->nte, &job->has_nte, pos) != 0
	    || read_money(d, "nte_approval.amount", &approved, &has_approved, pos) != 0)
		return -1;
	if (job->has_nte && has_approved && approved > job->nte)
		job->nte = approved;
	return 0;
}

/* A deposit as a share of the estimate: "deposit_percent" ("30", or 30)
 * of "estimate" (minor units), rounded by the card's rule. */
static int
read_deposit(struct inv_job_reader *r, const struct fsd_scan *d,
    const struct fsd_pos *pos, struct inv_job *job)
{
	int n = fsd_scan_get(d, 0, "deposit_percent"), has_estimate = 0;
	const struct fsd_scan_node *v;
	struct inv_ratio percent;
	int64_t estimate = 0;
	char text[64], buf[64];
	size_t len;

	if (n < 0)
		return read_money(d, "deposit", &job->deposit, &job->has_deposit, pos);
	v = &d->nodes[n];
	if (fsd_scan_get(d, 0, "deposit") >= 0)
		return fsd_field_fail(pos, "give \"deposit\" or \"deposit_percent\", not both");
	if ((v->type != FSD_SCAN_STRING && v->type != FSD_SCAN_INT && v->type != FSD_SCAN_REAL)
	    || v->raw_len >= sizeof text)
		return fsd_field_fail(pos, "\"deposit_percent\" must be a percentage from 0 to 100, not %s",
		    fsd_scan_quote(d, n, buf));
	len = v->type == FSD_SCAN_STRING ? v->str_len : v->raw_len;
	memcpy(text, v->type == FSD_SCAN_STRING ? v->str : v->raw, len);
	text[len] = '\0';
	if (inv_ratio_parse(text, &percent) != 0 || percent.num > 100 * percent.den)
		return fsd_field_fail(pos, "\"deposit_percent\" must be a percentage from 0 to 100, not %s",
		    fsd_scan_quote(d, n, buf));
	if (read_money(d, "estimate", &estimate, &has_estimate, pos) != 0)
		return -1;
	if (!has_estimate)
		return fsd_field_fail(pos, "\"deposit_percent\" needs the \"estimate\" it is a share of");
	/* At most 10^12 times 100 * 10^9: inside the 128 bits scale works in. */
	if (fsd_money_scale(estimate, percent.num, percent.den * 100, r->rounding, &job->deposit) != 0)
		return fsd_field_fail(pos, "\"deposit_percent\": deposit too large");
	job->has_deposit = 1;
	job->deposit_percent = v->type == FSD_SCAN_STRING ? v->str : keep(r, v->raw, v->raw_len);
	return 0;
}

static int
read_flags(const struct fsd_scan *d, const struct fsd_pos *pos, struct inv_job *job)
{
	int flag, got;
	const char *contract = NULL;

	if ((got = fsd_scan_bool(d, 0, "after_hours", &flag, pos)) == FSD_FIELD_BAD)
		return -1;
	job->after_hours = got == FSD_FIELD_OK ? flag : -1;
	if (fsd_scan_string(d, 0, "customer.id", &job->customer_id, NULL, pos) == FSD_FIELD_BAD
	    || fsd_scan_bool(d, 0, "customer.tax_exempt", &job->tax_exempt, pos) == FSD_FIELD_BAD
	    || fsd_scan_bool(d, 0, "customer.member", &job->member, pos) == FSD_FIELD_BAD
	    || fsd_scan_string(d, 0, "contract", &contract, NULL, pos) == FSD_FIELD_BAD
	    || fsd_scan_string(d, 0, "coupon", &job->coupon, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	/* A job covered by a maintenance contract is billed at member terms. */
	if (contract != NULL && contract[0] != '\0')
		job->member = 1;
	return 0;
}

static int
read_places(const struct fsd_scan *d, const struct fsd_pos *pos, struct inv_job *job)
{
	if (fsd_scan_string(d, 0, "trade", &job->trade, NULL, pos) == FSD_FIELD_BAD
	    || fsd_scan_string(d, 0, "territory", &job->territory, NULL, pos) == FSD_FIELD_BAD
	    || fsd_scan_string(d, 0, "zone", &job->zone, NULL, pos) == FSD_FIELD_BAD
	    || fsd_scan_string(d, 0, "tax_jurisdiction", &job->jurisdiction, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	if (job->zone == NULL)
		job->zone = job->territory;
	return 0;
}

static int
read_skills(struct inv_job_reader *r, const struct fsd_scan *d, const struct fsd_pos *pos,
    struct inv_job *job)
{
	int skills = fsd_scan_get(d, 0, "skills"), v;
	size_t i = 0;

	if (skills < 0)
		return 0;
	if (d->nodes[skills].type != FSD_SCAN_ARRAY)
		return fsd_field_fail(pos, "\"skills\" must be an array of strings");
	r->skills = xgrow(r->skills, &r->skills_cap, d->nodes[skills].count + 1,
	    sizeof *r->skills);
	for (v = d->nodes[skills].child; v >= 0; v = d->nodes[v].next) {
		if (d->nodes[v].type != FSD_SCAN_STRING)
			return fsd_field_fail(pos, "\"skills\" must be an array of strings");
		r->skills[i++] = d->nodes[v].str;
	}
	job->skills = r->skills;
	job->nskills = i;
	return 0;
}

/* The stage and the date it is billed on. */
static int
read_stage(const struct fsd_scan *d, const struct fsd_pos *pos, struct inv_job *job,
    int64_t *day)
{
	const char *status = NULL;
	struct fsd_time t;
	int got;

	if (fsd_scan_string(d, 0, "status", &status, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	job->stage = status != NULL && strcmp(status, "approved") == 0
	    ? INV_STAGE_DEPOSIT : INV_STAGE_FINAL;
	if (job->stage == INV_STAGE_DEPOSIT) {
		*day = INT64_MIN;
		got = fsd_scan_time(d, 0, "approved_at", &t, pos);
	} else if (*day != INT64_MIN) {
		return 0;
	} else {
		got = fsd_scan_time(d, 0, "completed_at", &t, pos);
	}
	if (got == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_OK)
		*day = local_day(&t);
	return 0;
}

int
inv_job_read(struct inv_job_reader *r, const struct fsd_scan *d, const struct fsd_pos *pos,
    struct inv_job *job, int64_t *day)
{
	const char *currency = NULL;

	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	r->nowned = 0;
	memset(job, 0, sizeof *job);
	*day = INT64_MIN;
	if (fsd_scan_string(d, 0, "id", &job->id, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	if (job->id == NULL)
		return fsd_field_fail(pos, "\"id\" is required to number the invoice");
	if (fsd_scan_string(d, 0, "currency", &currency, NULL, pos) == FSD_FIELD_BAD)
		return -1;
	if (currency != NULL && r->currency != NULL && strcmp(currency, r->currency) != 0)
		return fsd_field_fail(pos, "\"currency\" is \"%s\" but the rate card bills in %s",
		    currency, r->currency);
	if (read_places(d, pos, job) != 0 || read_skills(r, d, pos, job) != 0
	    || read_flags(d, pos, job) != 0 || read_work(r, d, pos, job, day) != 0
	    || read_stage(d, pos, job, day) != 0
	    || read_items(r, d, "tasks", "code", &r->tasks, &r->tasks_cap, &job->tasks,
		&job->ntasks, pos) != 0
	    || read_items(r, d, "parts_used", "sku", &r->parts, &r->parts_cap, &job->parts,
		&job->nparts, pos) != 0
	    || read_nte(d, pos, job) != 0
	    || read_deposit(r, d, pos, job) != 0)
		return -1;
	inv_service_read(&r->service, d, r->techs);
	return 0;
}

const char *
inv_job_held(const struct fsd_scan *d, const char **message)
{
	static const char *const held[] = { "proof_missing", "not_completed" };
	const char *code = NULL;

	if (fsd_scan_string(d, 0, "exception.code", &code, NULL, NULL) != FSD_FIELD_OK)
		return NULL;
	for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
		if (strcmp(code, held[i]) == 0) {
			*message = "";
			fsd_scan_string(d, 0, "exception.message", message, NULL, NULL);
			return held[i];
		}
	return NULL;
}

void
inv_job_reader_free(struct inv_job_reader *r)
{
	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
	free(r->labor);
	free(r->tasks);
	free(r->parts);
	free(r->skills);
	inv_service_free(&r->service);
	memset(r, 0, sizeof *r);
}
