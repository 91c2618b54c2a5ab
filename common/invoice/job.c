#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "rfc3339.h"
#include "xalloc.h"
#include "invoice/job.h"

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

/* One task or part used: {"code": C, "qty": N} ({"sku": ...} for parts),
 * or the text "C" or "C:N" as a spreadsheet cell gives it. */
static int
read_item(struct inv_job_reader *r, const json_t *v, const char *field, size_t i,
    const char *key, struct inv_item *item, const struct fsd_pos *pos)
{
	const json_t *code, *qty;

	item->qty = 1;
	if (json_is_string(v)) {
		const char *s = json_string_value(v), *colon = strrchr(s, ':');
		if (colon == NULL) {
			item->code = s;
			return 0;
		}
		item->code = keep(r, s, (size_t)(colon - s));
		if (parse_qty(colon + 1, &item->qty) == 0 && item->code[0] != '\0')
			return 0;
		return fsd_field_fail(pos, "\"%s[%zu]\": \"%s\" is not CODE or CODE:QTY",
		    field, i, s);
	}
	code = json_is_object(v) ? json_object_get(v, key) : NULL;
	if (!json_is_string(code))
		return fsd_field_fail(pos, "\"%s[%zu]\" must be an object with a string \"%s\" and a \"qty\"",
		    field, i, key);
	item->code = json_string_value(code);
	qty = json_object_get(v, "qty");
	if (qty == NULL || json_is_null(qty))
		return 0;
	if (!json_is_integer(qty))
		return fsd_field_fail(pos, "\"%s[%zu].qty\" must be a whole number", field, i);
	item->qty = json_integer_value(qty) > 100000000 ? 100000000
	    : json_integer_value(qty) < -100000000 ? -100000000 : (long)json_integer_value(qty);
	return 0;
}

static int
read_items(struct inv_job_reader *r, const json_t *rec, const char *field,
    const char *key, struct inv_item **items, size_t *cap, const struct inv_item **out,
    size_t *n, const struct fsd_pos *pos)
{
	const json_t *list = fsd_field(rec, field), *v;
	size_t i;

	*n = 0;
	*out = NULL;
	if (list == NULL)
		return 0;
	if (!json_is_array(list))
		return fsd_field_fail(pos, "\"%s\" must be an array", field);
	*items = xgrow(*items, cap, json_array_size(list) + 1, sizeof **items);
	json_array_foreach(list, i, v)
		if (read_item(r, v, field, i, key, &(*items)[i], pos) != 0)
			return -1;
	*n = json_array_size(list);
	*out = *items;
	return 0;
}

/* labor: [{"tech", "minutes", "level", "trade"}], one entry a tech. */
static int
read_labor(struct inv_job_reader *r, const json_t *list, const struct fsd_pos *pos,
    struct inv_job *job)
{
	const json_t *v;
	size_t i;

	if (!json_is_array(list))
		return fsd_field_fail(pos, "\"labor\" must be an array of {\"tech\", \"minutes\"}");
	r->labor = xgrow(r->labor, &r->labor_cap, json_array_size(list) + 1, sizeof *r->labor);
	json_array_foreach(list, i, v) {
		struct inv_labor *e = &r->labor[i];
		const json_t *minutes = json_object_get(v, "minutes");
		const char *tech = NULL, *level = NULL, *trade = NULL;

		if (!json_is_object(v) || !json_is_integer(minutes))
			return fsd_field_fail(pos, "\"labor[%zu]\" must be an object with whole \"minutes\"", i);
		if (fsd_field_string(v, "tech", &tech, NULL) == FSD_FIELD_BAD
		    || fsd_field_string(v, "level", &level, NULL) == FSD_FIELD_BAD
		    || fsd_field_string(v, "trade", &trade, NULL) == FSD_FIELD_BAD)
			return fsd_field_fail(pos, "\"labor[%zu]\": %s", i, fsd_field_error);
		e->tech = tech;
		e->level = level;
		e->trade = trade;
		e->minutes = json_integer_value(minutes) > 100000000 ? 100000000
		    : json_integer_value(minutes) < -1 ? -1 : (long)json_integer_value(minutes);
	}
	job->labor = r->labor;
	job->nlabor = json_array_size(list);
	return 0;
}

static int
read_work(struct inv_job_reader *r, const json_t *rec, const struct fsd_pos *pos,
    struct inv_job *job, int64_t *day)
{
	struct fsd_time start, end;
	int has_start, has_end;
	const json_t *labor = fsd_field(rec, "labor");

	if ((has_start = fsd_field_time(rec, "work.start", &start, pos)) == FSD_FIELD_BAD
	    || (has_end = fsd_field_time(rec, "work.end", &end, pos)) == FSD_FIELD_BAD)
		return -1;
	if (has_start == FSD_FIELD_OK) {
		job->has_start = 1;
		job->start_day = local_day(&start);
		job->start_minute = local_minute(&start);
	}
	if (has_end == FSD_FIELD_OK)
		*day = local_day(&end);
	if (labor != NULL)
		return read_labor(r, labor, pos, job);
	if ((has_start == FSD_FIELD_OK) != (has_end == FSD_FIELD_OK))
		return fsd_field_fail(pos, "\"work\" needs both \"start\" and \"end\"");
	if (has_start != FSD_FIELD_OK)
		return 0;
	if (end.seconds < start.seconds)
		return fsd_field_fail(pos, "\"work.end\" is before \"work.start\"");
	/* Part of a minute on the tools is a minute. */
	r->labor = xgrow(r->labor, &r->labor_cap, 1, sizeof *r->labor);
	r->labor[0] = (struct inv_labor){ NULL, NULL, NULL,
	    (long)((end.seconds - start.seconds + 59) / 60) };
	if (fsd_field_string(rec, "tech", &r->labor[0].tech, pos) == FSD_FIELD_BAD)
		return -1;
	job->labor = r->labor;
	job->nlabor = 1;
	return 0;
}

static int
read_money(const json_t *rec, const char *field, int64_t *out, int *has,
    const struct fsd_pos *pos)
{
	long long v;
	int got = fsd_field_int(rec, field, &v, pos);

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

static int
read_flags(const json_t *rec, const struct fsd_pos *pos, struct inv_job *job)
{
	int flag, got;
	const char *contract = NULL;

	if ((got = fsd_field_bool(rec, "after_hours", &flag, pos)) == FSD_FIELD_BAD)
		return -1;
	job->after_hours = got == FSD_FIELD_OK ? flag : -1;
	if (fsd_field_string(rec, "customer.id", &job->customer_id, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "customer.tax_exempt", &job->tax_exempt, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "customer.member", &job->member, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "contract", &contract, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "coupon", &job->coupon, pos) == FSD_FIELD_BAD)
		return -1;
	/* A job covered by a maintenance contract is billed at member terms. */
	if (contract != NULL && contract[0] != '\0')
		job->member = 1;
	return 0;
}

static int
read_places(const json_t *rec, const struct fsd_pos *pos, struct inv_job *job)
{
	if (fsd_field_string(rec, "trade", &job->trade, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "territory", &job->territory, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "zone", &job->zone, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "tax_jurisdiction", &job->jurisdiction, pos) == FSD_FIELD_BAD)
		return -1;
	if (job->zone == NULL)
		job->zone = job->territory;
	return 0;
}

static int
read_skills(struct inv_job_reader *r, const json_t *rec, const struct fsd_pos *pos,
    struct inv_job *job)
{
	json_t *skills, *v;
	size_t i;

	if (fsd_field_strings(rec, "skills", &skills, pos) != FSD_FIELD_OK)
		return fsd_field(rec, "skills") == NULL ? 0 : -1;
	r->skills = xgrow(r->skills, &r->skills_cap, json_array_size(skills) + 1,
	    sizeof *r->skills);
	json_array_foreach(skills, i, v)
		r->skills[i] = json_string_value(v);
	job->skills = r->skills;
	job->nskills = json_array_size(skills);
	return 0;
}

/* The stage and the date it is billed on. */
static int
read_stage(const json_t *rec, const struct fsd_pos *pos, struct inv_job *job,
    int64_t *day)
{
	const char *status = NULL;
	struct fsd_time t;
	int got;

	if (fsd_field_string(rec, "status", &status, pos) == FSD_FIELD_BAD)
		return -1;
	job->stage = status != NULL && strcmp(status, "approved") == 0
	    ? INV_STAGE_DEPOSIT : INV_STAGE_FINAL;
	if (job->stage == INV_STAGE_DEPOSIT) {
		*day = INT64_MIN;
		got = fsd_field_time(rec, "approved_at", &t, pos);
	} else if (*day != INT64_MIN) {
		return 0;
	} else {
		got = fsd_field_time(rec, "completed_at", &t, pos);
	}
	if (got == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_OK)
		*day = local_day(&t);
	return 0;
}

int
inv_job_read(struct inv_job_reader *r, const json_t *rec, const struct fsd_pos *pos,
    struct inv_job *job, int64_t *day)
{
	const char *currency = NULL;

	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	r->nowned = 0;
	memset(job, 0, sizeof *job);
	*day = INT64_MIN;
	if (fsd_field_string(rec, "id", &job->id, pos) == FSD_FIELD_BAD)
		return -1;
	if (job->id == NULL)
		return fsd_field_fail(pos, "\"id\" is required to number the invoice");
	if (fsd_field_string(rec, "currency", &currency, pos) == FSD_FIELD_BAD)
		return -1;
	if (currency != NULL && r->currency != NULL && strcmp(currency, r->currency) != 0)
		return fsd_field_fail(pos, "\"currency\" is \"%s\" but the rate card bills in %s",
		    currency, r->currency);
	if (read_places(rec, pos, job) != 0 || read_skills(r, rec, pos, job) != 0
	    || read_flags(rec, pos, job) != 0 || read_work(r, rec, pos, job, day) != 0
	    || read_stage(rec, pos, job, day) != 0
	    || read_items(r, rec, "tasks", "code", &r->tasks, &r->tasks_cap, &job->tasks,
		&job->ntasks, pos) != 0
	    || read_items(r, rec, "parts_used", "sku", &r->parts, &r->parts_cap, &job->parts,
		&job->nparts, pos) != 0
	    || read_money(rec, "nte", &job->nte, &job->has_nte, pos) != 0
	    || read_money(rec, "deposit", &job->deposit, &job->has_deposit, pos) != 0)
		return -1;
	return 0;
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
	memset(r, 0, sizeof *r);
}
