/* SPDX-License-Identifier: ISC (see LICENSE) */
/* What is due by now. Each timer is a moment computed from the record's
 * facts; an alert is raised when now has passed it and the thing it
 * watches is still undone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rfc3339.h"
#include "watch.h"
#include "xalloc.h"

static const char *
hhmm(int64_t seconds, int offset, char buf[FSD_TIME_LEN])
{
	char full[FSD_TIME_LEN];

	fsd_time_format(seconds, offset, full);
	snprintf(buf, FSD_TIME_LEN, "%.5s", full + 11);
	return buf;
}

static void
raise_alert(watch_alert_fn fn, void *ctx, const char *code, const struct watch_job *job,
    const char *to, int64_t at, int64_t now, char *message)
{
	char when[FSD_TIME_LEN];
	struct watch_alert a = { code, job->id, job->tech, to, at, job->offset_min, NULL, message,
		(int)((now - at) / 60) };

	if (at > now) {		/* not due yet */
		free(message);
		return;
	}
	fsd_time_format(at, job->offset_min, when);
	a.id = xasprintf("watch:%s:%s:%s", job->id, code, when);
	fn(&a, ctx);
	free(a.id);
	free(a.message);
}

static const char *
who(const struct watch_job *job)
{
	return job->tech != NULL ? job->tech : "the tech";
}

static const char *
where(const struct watch_job *job)
{
	return job->address != NULL ? job->address : job->id;
}

static int
status_is(const struct watch_job *job, const char *s)
{
	return job->status != NULL && strcmp(job->status, s) == 0;
}

/* SLA: the time to be on site. Warn when warn_share of it is gone (or
 * warn_before_min before due when the start is unknown), breach at due,
 * the second contact escalate_after_min later. */
static void
sla_timers(const struct watch_rules *r, const struct watch_job *job, int64_t now,
    watch_alert_fn fn, void *ctx)
{
	const struct watch_sla *row = watch_sla_for(r, job->type, job->priority);
	int64_t due = job->sla_due, warn, escalate;
	char a[FSD_TIME_LEN];

	if (due == 0 && row->minutes > 0 && job->created != 0)
		due = job->created + (int64_t)row->minutes * 60;
	if (due == 0 || job->arrived != 0)
		return;
	warn = job->created != 0 && job->created < due
	    ? job->created + (int64_t)((double)(due - job->created) * row->warn_share)
	    : due - (int64_t)row->warn_before_min * 60;
	escalate = due + (int64_t)row->escalate_after_min * 60;
	hhmm(due, job->offset_min, a);
	if (warn <= now)
		raise_alert(fn, ctx, "sla_warning", job, r->dispatch, warn, now, job->tech != NULL
		    ? xasprintf("%s (%s) must be on site by %s and is not yet: call %s", job->id,
		    where(job), a, job->tech)
		    : xasprintf("%s (%s) must be on site by %s and has no tech: assign one", job->id,
		    where(job), a));
	if (due <= now)
		raise_alert(fn, ctx, "sla_breach", job, r->dispatch, due, now,
		    xasprintf("SLA breached: %s (%s) was due on site at %s; send the nearest tech or tell the customer",
		    job->id, where(job), a));
	if (escalate <= now && row->escalate_to != NULL)
		raise_alert(fn, ctx, "sla_escalation", job, row->escalate_to, escalate, now,
		    xasprintf("%s: SLA for %s (%s) breached at %s and still no one on site",
		    row->escalate_to, job->id, where(job), a));
}

static void
checkin_timers(const struct watch_rules *r, const struct watch_job *job, int64_t now,
    watch_alert_fn fn, void *ctx)
{
	int64_t last = job->last_checkin > job->arrived ? job->last_checkin : job->arrived;
	int64_t due = last + (int64_t)r->checkin_min * 60;
	int64_t escalate = due + (int64_t)r->checkin_escalate_min * 60;
	char a[FSD_TIME_LEN];

	hhmm(last, job->offset_min, a);
	if (due <= now)
		raise_alert(fn, ctx, "checkin_overdue", job, r->dispatch, due, now,
		    xasprintf("call %s; no check-in for %d min at %s (lone worker, last check-in %s)",
		    who(job), (int)((now - last) / 60), where(job), a));
	if (escalate <= now)
		raise_alert(fn, ctx, "checkin_escalation", job, r->dispatch, escalate, now,
		    xasprintf("%s has not answered for %d min at %s (lone worker): send someone or call emergency services",
		    who(job), (int)((now - last) / 60), where(job)));
}

void
watch_job_timers(const struct watch_rules *r, const struct watch_job *job, int64_t now,
    watch_alert_fn fn, void *ctx)
{
	char a[FSD_TIME_LEN];
	/* fsd-status writes "done"; a log's own word is "completed" */
	int done = job->completed != 0 || status_is(job, "done") || status_is(job, "completed");

	if (status_is(job, "cancelled") || status_is(job, "cannot_complete"))
		return;
	if (!done) {
		sla_timers(r, job, now, fn, ctx);
		if (job->arrived == 0 && job->promised_end != 0) {
			int64_t late = job->promised_end + (int64_t)r->late_start_grace_min * 60;

			if (late <= now)
				raise_alert(fn, ctx, "late_start", job, r->dispatch, late, now, job->tech != NULL
				    ? xasprintf("%s is not on site at %s (%s), promised by %s: call %s and the customer",
				    job->tech, job->id, where(job), hhmm(job->promised_end, job->offset_min, a),
				    job->tech)
				    : xasprintf("no one is on site at %s (%s), promised by %s, and it has no tech: assign one and call the customer",
				    job->id, where(job), hhmm(job->promised_end, job->offset_min, a)));
		}
		if (job->arrived != 0) {
			int64_t over = job->arrived + (int64_t)(job->duration_min + r->overrun_min) * 60;

			if (over <= now)
				raise_alert(fn, ctx, "overrun", job, r->dispatch, over, now,
				    xasprintf("%s has been at %s (%s) since %s, %d min planned: call %s; the rest of the day may need re-planning",
				    who(job), job->id, where(job), hhmm(job->arrived, job->offset_min, a),
				    job->duration_min, who(job)));
			if (job->lone_worker)
				checkin_timers(r, job, now, fn, ctx);
		}
		return;
	}
	if (job->closed)
		return;
	if (job->proof_missing != NULL && job->completed != 0)
		raise_alert(fn, ctx, "completed_unclosed", job, r->dispatch, job->completed, now,
		    xasprintf("%s completed without its closed proof: %s; ask %s before invoicing",
		    job->id, job->proof_missing, who(job)));
	else if (job->completed != 0) {
		int64_t by = job->completed + (int64_t)r->close_within_min * 60;

		if (by <= now)
			raise_alert(fn, ctx, "completed_unclosed", job, r->dispatch, by, now,
			    xasprintf("%s completed at %s and not closed (no proof checked by fsd-close): ask %s",
			    job->id, hhmm(job->completed, job->offset_min, a), who(job)));
	}
}

void
watch_invoice_timers(const struct watch_rules *r, const struct watch_invoice *inv,
    int64_t now, int64_t now_day, watch_alert_fn fn, void *ctx)
{
	struct watch_job as_job = { .id = inv->job != NULL ? inv->job : inv->number,
		.offset_min = inv->offset_min };
	char date[FSD_DATE_LEN];

	if (inv->has_due && inv->paid < inv->total && now_day > inv->due_day + r->unpaid_grace_days) {
		/* due at the start of the day after the grace, where now was said */
		int64_t at = (inv->due_day + r->unpaid_grace_days + 1) * 86400
		    - (int64_t)inv->offset_min * 60;

		fsd_date_format(inv->due_day, date);
		raise_alert(fn, ctx, "invoice_overdue", &as_job, r->dispatch, at, now,
		    xasprintf("invoice %s%s%s unpaid past its due date %s: %lld of %lld %s minor units outstanding; send a reminder",
		    inv->number, inv->customer != NULL ? " to " : "",
		    inv->customer != NULL ? inv->customer : "", date,
		    (long long)(inv->total - inv->paid), (long long)inv->total,
		    inv->currency != NULL ? inv->currency : ""));
	}
	if (inv->failed_in_a_row >= r->failed_payments && inv->failed_at <= now)
		raise_alert(fn, ctx, "payment_failed", &as_job, r->dispatch, inv->failed_at, now,
		    xasprintf("invoice %s: %d payments in a row failed; call the customer%s%s",
		    inv->number, inv->failed_in_a_row, inv->customer != NULL ? " " : "",
		    inv->customer != NULL ? inv->customer : ""));
}
