/* fsd-report's records: one a row of figures, as fsd(5) describes under
 * REPORT RECORDS. Ratios with nothing to divide by are null, so a reader
 * never mistakes "no data" for 0%. */
#include <math.h>

#include "views/kpi.h"
#include "views/records_kpi.h"

static json_t *
number(double v, double scale)
{
	return json_real(round(v * scale) / scale);
}

static json_t *
rate(double v)
{
	return v < 0 ? json_null() : number(v, 1000);
}

json_t *
view_kpi_record(const struct view_plan *p, const struct view_kpi *k)
{
	static const char *const scopes[] = { "tech_day", "tech", "day", "total" };
	json_t *rec = json_pack("{s:s, s:s}", "kind", "kpi", "scope", scopes[k->scope]);

	json_object_set_new(rec, "tech", k->tech >= 0 ? json_string(p->techs[k->tech].id) : json_null());
	json_object_set_new(rec, "day", k->day[0] != '\0' ? json_string(k->day) : json_null());
	json_object_set_new(rec, "jobs_planned", json_integer(k->jobs_planned));
	json_object_set_new(rec, "jobs_done", json_integer(k->jobs_done));
	json_object_set_new(rec, "hours_worked", number(k->work_min / 60, 100));
	json_object_set_new(rec, "drive_min", number(k->drive_min, 10));
	json_object_set_new(rec, "drive_km", number(k->drive_km, 10));
	json_object_set_new(rec, "drive_min_per_job", view_kpi_drive_per_job(k) < 0 ? json_null()
	    : number(view_kpi_drive_per_job(k), 10));
	json_object_set_new(rec, "utilization", rate(view_kpi_utilization(k)));
	json_object_set_new(rec, "arrivals_timed", json_integer(k->arrivals_timed));
	json_object_set_new(rec, "on_time", json_integer(k->on_time));
	json_object_set_new(rec, "on_time_rate", rate(view_kpi_on_time_rate(k)));
	json_object_set_new(rec, "sla_jobs", json_integer(k->sla_jobs));
	json_object_set_new(rec, "sla_met", json_integer(k->sla_met));
	json_object_set_new(rec, "sla_rate", rate(view_kpi_sla_rate(k)));
	json_object_set_new(rec, "first_time_fix_rate", rate(view_kpi_ftf_rate(k)));
	json_object_set_new(rec, "invoiced", json_integer(k->invoiced));
	json_object_set_new(rec, "days_to_invoice", view_kpi_invoice_days(k) < 0 ? json_null()
	    : number(view_kpi_invoice_days(k), 100));
	json_object_set_new(rec, "invoices_paid", json_integer(k->invoices_paid));
	json_object_set_new(rec, "revenue", json_integer(k->revenue));
	json_object_set_new(rec, "currency", k->currency != NULL && !k->mixed_currency
	    ? json_string(k->currency) : json_null());
	if (k->scope == VIEW_KPI_DAY || k->scope == VIEW_KPI_TOTAL)
		json_object_set_new(rec, "revenue_per_tech", view_kpi_revenue_per_tech(k) < 0 ? json_null()
		    : json_integer((json_int_t)llround(view_kpi_revenue_per_tech(k))));
	return rec;
}
