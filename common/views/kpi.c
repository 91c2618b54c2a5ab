/* The figures of fsd-report. Every job is counted once, on the tech who
 * has it and the local day of its start (a job done without a planned
 * start: the day it was completed, else arrived); a tech-day's figures
 * are summed into the tech's, the day's and the total's, so the four
 * always agree. */
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "views/kpi.h"

static int
is_done(const struct view_stop *s)
{
	const char *status = s->has_live ? s->live_status : s->status;

	return status != NULL && (strcmp(status, "completed") == 0 || strcmp(status, "done") == 0);
}

/* The time a job stands at: its planned start, else when it was done. */
static const struct fsd_time *
when(const struct view_stop *s)
{
	if (s->placed)
		return &s->start;
	if (s->has_completed)
		return &s->completed;
	if (s->has_arrived)
		return &s->arrived;
	return NULL;
}

/* When the work of a done job ended: completed, else the planned end. */
static const struct fsd_time *
finished(const struct view_stop *s)
{
	return s->has_completed ? &s->completed : s->placed ? &s->end : when(s);
}

static struct view_kpi *
row(struct view_kpis *k, enum view_kpi_scope scope, int tech, const char *day)
{
	struct view_kpi *r;

	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].scope == scope && k->rows[i].tech == tech && strcmp(k->rows[i].day, day) == 0)
			return &k->rows[i];
	k->rows = xgrow(k->rows, &k->cap, k->n + 1, sizeof *k->rows);
	r = &k->rows[k->n++];
	memset(r, 0, sizeof *r);
	r->scope = scope;
	r->tech = tech;
	snprintf(r->day, sizeof r->day, "%s", day);
	return r;
}

/* A return visit to job a: a later job that says it follows a up, or
 * works on the same asset, or (neither having an asset) comes to the same
 * customer and address for the same type of work, starting within days
 * of a's end. */
static int
returned(const struct view_plan *p, const struct view_stop *a, int days)
{
	const struct fsd_time *end = finished(a);

	for (size_t i = 0; i < p->nstops; i++) {
		const struct view_stop *b = &p->stops[i];
		const struct fsd_time *at = when(b);

		if (b == a || b->kind != VIEW_JOB)
			continue;
		if (b->follow_up_of != NULL && strcmp(b->follow_up_of, a->id) == 0)
			return 1;
		if (at == NULL || end == NULL || at->seconds <= end->seconds
		    || at->seconds > end->seconds + (int64_t)days * 86400)
			continue;
		if (a->asset_id != NULL || b->asset_id != NULL) {
			if (a->asset_id != NULL && b->asset_id != NULL && strcmp(a->asset_id, b->asset_id) == 0)
				return 1;
		} else if (a->customer_id != NULL && b->customer_id != NULL && a->address != NULL
		    && b->address != NULL && a->type != NULL && b->type != NULL
		    && strcmp(a->customer_id, b->customer_id) == 0 && strcmp(a->address, b->address) == 0
		    && strcmp(a->type, b->type) == 0)
			return 1;
	}
	return 0;
}

static void
add_invoice(struct view_kpi *r, const struct view_stop *s)
{
	int64_t invoiced_day, done_day;

	if (s->invoice_number == NULL)
		return;
	r->invoiced++;
	r->revenue += s->invoice_total;
	if (s->invoice_currency != NULL) {
		if (r->currency != NULL && strcmp(r->currency, s->invoice_currency) != 0)
			r->mixed_currency = 1;
		r->currency = s->invoice_currency;
	}
	if (s->invoice_total > 0 && s->paid >= s->invoice_total)
		r->invoices_paid++;
	if (s->has_completed && s->invoice_date != NULL && fsd_date_parse(s->invoice_date, &invoiced_day) == 0) {
		char done[FSD_DATE_LEN];

		fsd_date_parse(view_local_date(&s->completed, done), &done_day);
		r->invoice_days_sum += invoiced_day - done_day;
		r->invoice_days_n++;
	}
}

static void
add_job(const struct view_plan *p, struct view_kpi *r, const struct view_stop *s, int ftf_days)
{
	if (s->placed) {
		r->jobs_planned++;
		r->planned_work_min += (double)(s->end.seconds - s->start.seconds) / 60;
	}
	if (s->has_arrived && s->has_eta) {
		r->arrivals_timed++;
		r->on_time += s->arrived.seconds >= s->eta_start.seconds && s->arrived.seconds <= s->eta_end.seconds;
	}
	if (s->has_arrived && s->has_sla) {
		r->sla_jobs++;
		r->sla_met += s->arrived.seconds <= s->sla_due.seconds;
	}
	if (is_done(s)) {
		r->jobs_done++;
		r->work_min += s->has_arrived && s->has_completed
		    ? (double)(s->completed.seconds - s->arrived.seconds) / 60
		    : s->placed ? (double)(s->end.seconds - s->start.seconds) / 60 : 0;
		r->ftf_jobs++;
		r->ftf_fixed += !returned(p, s, ftf_days);
	}
	add_invoice(r, s);
}

/* What a tech-day adds to a wider row. */
static void
fold(struct view_kpi *into, const struct view_kpi *r)
{
	into->jobs_planned += r->jobs_planned;
	into->jobs_done += r->jobs_done;
	into->planned_work_min += r->planned_work_min;
	into->work_min += r->work_min;
	into->drive_min += r->drive_min;
	into->drive_km += r->drive_km;
	into->shift_min += r->shift_min;
	into->shift_work_min += r->shift_work_min;
	into->arrivals_timed += r->arrivals_timed;
	into->on_time += r->on_time;
	into->sla_jobs += r->sla_jobs;
	into->sla_met += r->sla_met;
	into->ftf_jobs += r->ftf_jobs;
	into->ftf_fixed += r->ftf_fixed;
	into->invoiced += r->invoiced;
	into->invoice_days_n += r->invoice_days_n;
	into->invoice_days_sum += r->invoice_days_sum;
	into->invoices_paid += r->invoices_paid;
	into->revenue += r->revenue;
	if (r->currency != NULL) {
		if (into->currency != NULL && strcmp(into->currency, r->currency) != 0)
			into->mixed_currency = 1;
		into->currency = r->currency;
	}
	into->mixed_currency |= r->mixed_currency;
	into->techs_working += r->jobs_done > 0;
}

static int
by_scope_tech_day(const void *a, const void *b)
{
	const struct view_kpi *x = a, *y = b;

	if (x->scope != y->scope)
		return x->scope < y->scope ? -1 : 1;
	if (x->tech != y->tech)
		return x->tech < y->tech ? -1 : 1;
	return strcmp(x->day, y->day);
}

void
view_kpis_compute(const struct view_plan *p, int ftf_days, struct view_kpis *out)
{
	size_t tech_days;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < p->nstops; i++) {
		const struct view_stop *s = &p->stops[i];
		const struct fsd_time *at = when(s);
		char day[FSD_DATE_LEN];
		struct view_kpi *r;

		if (s->kind == VIEW_SUPERSEDED || s->tech_index < 0)
			continue;
		if (at == NULL) {
			out->undated += s->kind == VIEW_JOB;
			continue;
		}
		r = row(out, VIEW_KPI_TECH_DAY, s->tech_index, view_local_date(at, day));
		if (s->placed) {
			r->drive_min += s->drive_min;
			r->drive_km += s->drive_km;
		}
		if (s->kind == VIEW_JOB)
			add_job(p, r, s, ftf_days);
	}
	/* A tech on shift with no job is a tech-day too: 0% utilized. */
	for (size_t t = 0; t < p->ntechs; t++) {
		char day[FSD_DATE_LEN];

		if (p->techs[t].has_shift)
			row(out, VIEW_KPI_TECH_DAY, (int)t, view_local_date(&p->techs[t].shift_start, day));
	}
	/* A tech-day's shift: the techs file's, when it falls on that day. */
	for (size_t i = 0; i < out->n; i++) {
		const struct view_tech *t = &p->techs[out->rows[i].tech];
		char day[FSD_DATE_LEN];

		if (t->has_shift && strcmp(view_local_date(&t->shift_start, day), out->rows[i].day) == 0) {
			out->rows[i].shift_min = (double)(t->shift_end.seconds - t->shift_start.seconds) / 60;
			out->rows[i].shift_work_min = out->rows[i].planned_work_min;
		}
	}
	if (out->n == 0)
		return;		/* nothing to sort or sum (and qsort wants rows) */
	qsort(out->rows, out->n, sizeof *out->rows, by_scope_tech_day);
	tech_days = out->n;
	for (size_t i = 0; i < tech_days; i++) {
		struct view_kpi r = out->rows[i];	/* rows may move as they grow */

		fold(row(out, VIEW_KPI_TECH, r.tech, ""), &r);
		fold(row(out, VIEW_KPI_DAY, -1, r.day), &r);
		fold(row(out, VIEW_KPI_TOTAL, -1, ""), &r);
	}
	qsort(out->rows + tech_days, out->n - tech_days, sizeof *out->rows, by_scope_tech_day);
	/* Techs, not tech-days: a tech counts once however many days. */
	for (size_t i = tech_days; i < out->n; i++)
		if (out->rows[i].scope == VIEW_KPI_TECH)
			out->rows[i].techs_working = out->rows[i].jobs_done > 0;
	for (size_t i = tech_days; i < out->n; i++)
		if (out->rows[i].scope == VIEW_KPI_TOTAL) {
			out->rows[i].techs_working = 0;
			for (size_t k = tech_days; k < out->n; k++)
				out->rows[i].techs_working += out->rows[k].scope == VIEW_KPI_TECH
				    && out->rows[k].jobs_done > 0;
		}
}

void
view_kpis_free(struct view_kpis *k)
{
	free(k->rows);
}

static double
ratio(double a, double b)
{
	return b > 0 ? a / b : -1;
}

double view_kpi_utilization(const struct view_kpi *k) { return ratio(k->shift_work_min, k->shift_min); }
double view_kpi_on_time_rate(const struct view_kpi *k) { return ratio((double)k->on_time, (double)k->arrivals_timed); }
double view_kpi_sla_rate(const struct view_kpi *k) { return ratio((double)k->sla_met, (double)k->sla_jobs); }
double view_kpi_ftf_rate(const struct view_kpi *k) { return ratio((double)k->ftf_fixed, (double)k->ftf_jobs); }
double view_kpi_drive_per_job(const struct view_kpi *k) { return ratio(k->drive_min, (double)k->jobs_planned); }
double view_kpi_invoice_days(const struct view_kpi *k) { return ratio((double)k->invoice_days_sum, (double)k->invoice_days_n); }

double
view_kpi_revenue_per_tech(const struct view_kpi *k)
{
	return ratio((double)k->revenue, (double)k->techs_working);
}
