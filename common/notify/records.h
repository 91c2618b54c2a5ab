/* fsd-notify's records: the rules file, a job's facts, the fields a
 * template may name, the sent log and the message records written out. */
#ifndef FSD_NOTIFY_RECORDS_H
#define FSD_NOTIFY_RECORDS_H

#include <jansson.h>

#include "err.h"
#include "notify/notify.h"

/* Read a rules file over the defaults; dies (1) naming the key that is
 * wrong. */
void notify_rules_load(struct notify_rules *r, const char *path);

/* A job's facts, strings borrowed from record. FSD_FIELD_OK or _BAD
 * (said at pos). */
int notify_job_facts(const json_t *record, struct job_facts *f, const struct fsd_pos *pos);

/* The msg.* fields for a message: msg.about (the job, or what an alert
 * is about), msg.company, msg.eta_start, msg.eta_end, msg.new_start,
 * msg.old_start, msg.date, msg.total, msg.alert. */
json_t *notify_msg_fields(const json_t *job, const struct notify_rules *r,
    const struct msg_due *due, const char *about, const char *alert_text);

/* Template lookup over a job and its msg fields. */
struct notify_lookup {
	const json_t *job, *msg;
	char text[64];
};
const char *notify_lookup_field(const char *path, void *ctx);

/* The sent log: which (job, message, detail, channel) were sent. */
struct sent_log {
	char **keys;	/* sorted */
	size_t n, cap;
};
char *sent_key(const char *job, const char *message, const char *detail, const char *channel);
/* The keys of what was sent, and of what was reported as going nowhere
 * (skipped for want of an address, opted out). */
void sent_log_load(struct sent_log *sent, struct sent_log *told, const char *path);
int sent_log_has(const struct sent_log *s, const char *key);
void sent_log_add(struct sent_log *s, const char *key);
void sent_log_free(struct sent_log *s);

#endif
