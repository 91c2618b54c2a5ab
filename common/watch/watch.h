/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-watch: the clock over the day's open work.
 *
 * The files, in the order a run meets them:
 *   rules.c     the timers' thresholds and the SLA rows by job type and
 *               priority (struct watch_rules), their table rows and defaults
 *   records_rules.c  reads them from a rules file
 *   records.c   job, invoice, payment and check-in records into the
 *               structs below, and alerts out (with records_rules.c,
 *               the only JSON here)
 *   timers.c    what is due by now: per job (SLA steps, late start,
 *               overrun, completed without closed proof, lone-worker
 *               check-ins) and per invoice (unpaid past due, repeated
 *               failed payments)
 *   state.c     the alerts raised before (--state), so none is raised twice
 *
 * Every alert is timed at the moment it fell due, not at the run, so two
 * crons that see the same facts raise the same alerts with the same ids. */
#ifndef FSD_WATCH_H
#define FSD_WATCH_H

#include <stddef.h>
#include <stdint.h>

#include "sidefile.h"

/* One SLA row: the first whose type and priority match a job applies. */
struct watch_sla {
	char *type;		/* NULL: any */
	int priority;		/* 0: any */
	int minutes;		/* from the job's created time to due, when the job has no sla_due */
	double warn_share;	/* warn when this share of the time is gone */
	int warn_before_min;	/* ...or this long before due when the start is unknown */
	int escalate_after_min;	/* past due this long: the second contact */
	char *escalate_to;
};

struct watch_rules {
	char *dispatch;		/* who gets alerts: "dispatch" */
	int late_start_grace_min;
	int overrun_min;
	int close_within_min;
	int checkin_min;
	int checkin_escalate_min;
	int failed_payments;
	int unpaid_grace_days;
	struct watch_sla *sla;	/* the last row is the default, matching any */
	size_t nsla;
};

/* The rules file's keys and an SLA row's, defaults in the rows
 * (common/sidefile.h). */
extern const struct fsd_key watch_rule_keys[], watch_sla_keys[];

void watch_rules_default(struct watch_rules *r);
/* A rules file over the defaults; errors are positioned, exit 1. */
void watch_rules_load(struct watch_rules *r, const char *path);
void watch_rules_free(struct watch_rules *r);
const struct watch_sla *watch_sla_for(const struct watch_rules *r, const char *type, long priority);

/* A job as the status fold (fsd-status) leaves it. Times are seconds
 * since the epoch, 0 when absent. */
struct watch_job {
	const char *id, *type, *tech, *address, *status;
	long priority;
	int offset_min;		/* for times written back */
	int64_t created, sla_due, promised_end, arrived, completed;
	int duration_min;
	int closed;		/* has closed proof */
	const char *proof_missing;	/* the exception's message, or NULL */
	int lone_worker;
	int64_t last_checkin;	/* latest check-in or status event of the tech */
};

struct watch_invoice {
	const char *number, *job, *customer, *currency;
	int64_t total, paid;
	int64_t due_day;	/* days since 1970-01-01 */
	int has_due;
	int failed_in_a_row;
	int64_t failed_at;	/* the latest of them */
	int offset_min;
};

struct watch_alert {
	const char *code;
	const char *job, *tech, *to;
	int64_t at;
	int offset_min;
	char *id;		/* owned */
	char *message;		/* owned */
	int minutes;
};
typedef void (*watch_alert_fn)(struct watch_alert *a, void *ctx);

/* Every alert of the job due by now. */
void watch_job_timers(const struct watch_rules *r, const struct watch_job *job, int64_t now,
    watch_alert_fn fn, void *ctx);
/* Every alert of the invoice due by now (now_day: today where now was said). */
void watch_invoice_timers(const struct watch_rules *r, const struct watch_invoice *inv,
    int64_t now, int64_t now_day, watch_alert_fn fn, void *ctx);

/* The alerts raised before, by id. */
struct watch_state {
	char **ids;
	size_t n, cap;
	int sorted;
};
void watch_state_load(struct watch_state *s, const char *path);
int watch_state_has(struct watch_state *s, const char *id);
void watch_state_add(struct watch_state *s, const char *id);
void watch_state_free(struct watch_state *s);

#endif
