/* The figures an owner runs the business on, from a settled plan (or
 * several days of them, with the status events, closed jobs, invoices and
 * payments): per tech and day, per tech, per day and in total. What each
 * figure means, and what it leaves out, is written in fsd-report(1);
 * one function here computes each, over plain structs. */
#ifndef FSD_VIEWS_KPI_H
#define FSD_VIEWS_KPI_H

#include "rfc3339.h"
#include "views/plan.h"

enum view_kpi_scope { VIEW_KPI_TECH_DAY, VIEW_KPI_TECH, VIEW_KPI_DAY, VIEW_KPI_TOTAL };

struct view_kpi {
	enum view_kpi_scope scope;
	int tech;			/* index into plan->techs, -1 for all */
	char day[FSD_DATE_LEN];		/* "" for all days */
	long jobs_planned, jobs_done;
	double planned_work_min;	/* start to end of the placed jobs */
	double work_min;		/* on site, of the jobs done */
	double drive_min, drive_km;	/* to the stops */
	double shift_min;		/* of the tech-days with a shift */
	double shift_work_min;		/* planned work of those same tech-days */
	long arrivals_timed, on_time;	/* arrivals with an ETA window; inside it */
	long sla_jobs, sla_met;		/* arrivals with sla_due; by it */
	long ftf_jobs, ftf_fixed;	/* jobs done; with no return visit */
	long invoiced, invoice_days_n;
	long long invoice_days_sum;	/* completion to invoice date, days */
	long invoices_paid;
	long long revenue;
	const char *currency;		/* NULL: none invoiced */
	int mixed_currency;
	long techs_working;		/* techs with a job done in the scope */
};

struct view_kpis {
	struct view_kpi *rows;		/* tech-days, then techs, days, total */
	size_t n, cap;
	size_t undated;			/* jobs with a tech but no time: left out */
};

/* The return-visit window of first-time fix, in days. */
void view_kpis_compute(const struct view_plan *p, int ftf_days, struct view_kpis *out);
void view_kpis_free(struct view_kpis *k);

/* The ratios, or -1 when their denominator is 0 (shown as null, "-"). */
double view_kpi_utilization(const struct view_kpi *k);
double view_kpi_on_time_rate(const struct view_kpi *k);
double view_kpi_sla_rate(const struct view_kpi *k);
double view_kpi_ftf_rate(const struct view_kpi *k);
double view_kpi_drive_per_job(const struct view_kpi *k);
double view_kpi_invoice_days(const struct view_kpi *k);
double view_kpi_revenue_per_tech(const struct view_kpi *k);

#endif
