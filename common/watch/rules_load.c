/* The rules file: one JSON object. Flat keys are the timers' thresholds;
 * "sla" is an array of rows {type, priority, minutes, warn_share,
 * warn_before_min, escalate_after_min, escalate_to}, tried in order, the
 * defaults after them. JSON is read here only. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "err.h"
#include "record.h"
#include "watch.h"
#include "xalloc.h"

static const struct {
	const char *name;
	size_t offset;
	int max;
} minute_keys[] = {
	{ "late_start_grace_min", offsetof(struct watch_rules, late_start_grace_min), 1440 },
	{ "overrun_min", offsetof(struct watch_rules, overrun_min), 1440 },
	{ "close_within_min", offsetof(struct watch_rules, close_within_min), 10080 },
	{ "checkin_min", offsetof(struct watch_rules, checkin_min), 1440 },
	{ "checkin_escalate_min", offsetof(struct watch_rules, checkin_escalate_min), 1440 },
	{ "failed_payments", offsetof(struct watch_rules, failed_payments), 100 },
	{ "unpaid_grace_days", offsetof(struct watch_rules, unpaid_grace_days), 365 },
};

static int
whole(const json_t *v, int min, int max, int *out)
{
	double d;

	if (!json_is_number(v))
		return -1;
	d = json_number_value(v);
	if (d != (double)(long long)d || d < min || d > max)
		return -1;
	*out = (int)d;
	return 0;
}

static int
bad(const struct fsd_pos *pos, const char *key, const char *want, const json_t *v)
{
	char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

	fsd_warn_at(pos, "\"%s\" must be %s, not %s", key, want, text != NULL ? text : "?");
	free(text);
	return 1;
}

static int
sla_row(struct watch_sla *row, const json_t *obj, const struct fsd_pos *pos, size_t n)
{
	const char *key;
	json_t *v;
	int errors = 0, i;
	char name[64];

	*row = (struct watch_sla){ NULL, 0, 0, 0.75, 60, 30, NULL };
	if (!json_is_object(obj))
		return bad(pos, "sla", "an array of objects", obj);
	json_object_foreach((json_t *)obj, key, v) {
		snprintf(name, sizeof name, "sla[%zu].%s", n, key);
		if (strcmp(key, "type") == 0 && json_is_string(v))
			row->type = xstrdup(json_string_value(v));
		else if (strcmp(key, "escalate_to") == 0 && json_is_string(v))
			row->escalate_to = xstrdup(json_string_value(v));
		else if (strcmp(key, "priority") == 0)
			errors += whole(v, 1, 9, &i) == 0 ? (row->priority = i, 0)
			    : bad(pos, name, "a priority from 1 to 9", v);
		else if (strcmp(key, "minutes") == 0)
			errors += whole(v, 1, 100000, &row->minutes) == 0 ? 0 : bad(pos, name, "whole minutes", v);
		else if (strcmp(key, "warn_before_min") == 0)
			errors += whole(v, 0, 100000, &row->warn_before_min) == 0 ? 0 : bad(pos, name, "whole minutes", v);
		else if (strcmp(key, "escalate_after_min") == 0)
			errors += whole(v, 0, 100000, &row->escalate_after_min) == 0 ? 0 : bad(pos, name, "whole minutes", v);
		else if (strcmp(key, "warn_share") == 0 && json_is_number(v)
		    && json_number_value(v) > 0 && json_number_value(v) < 1)
			row->warn_share = json_number_value(v);
		else if (strcmp(key, "warn_share") == 0)
			errors += bad(pos, name, "a share between 0 and 1", v);
		else if (strcmp(key, "type") == 0 || strcmp(key, "escalate_to") == 0)
			errors += bad(pos, name, "a string", v);
		else {
			fsd_warn_at(pos, "unknown rule \"%s\"", name);
			errors++;
		}
	}
	return errors;
}

void
watch_rules_load(struct watch_rules *r, const char *path)
{
	json_t *doc = fsd_load_json_object(path), *v;
	const char *key;
	struct fsd_pos pos = { path, 0 };
	int errors = 0;

	json_object_foreach(doc, key, v) {
		size_t k;

		for (k = 0; k < sizeof minute_keys / sizeof minute_keys[0]; k++)
			if (strcmp(key, minute_keys[k].name) == 0)
				break;
		if (k < sizeof minute_keys / sizeof minute_keys[0]) {
			if (whole(v, 0, minute_keys[k].max, (int *)((char *)r + minute_keys[k].offset)) != 0)
				errors += bad(&pos, key, "a whole number", v);
		} else if (strcmp(key, "dispatch") == 0 && json_is_string(v)) {
			free(r->dispatch);
			r->dispatch = xstrdup(json_string_value(v));
		} else if (strcmp(key, "sla") == 0 && json_is_array(v)) {
			size_t n = json_array_size(v), i;
			struct watch_sla fallback = r->sla[r->nsla - 1];

			/* the rows, then the default row last */
			r->sla = xrealloc(r->sla, (n + 1) * sizeof *r->sla);
			for (i = 0; i < n; i++)
				errors += sla_row(&r->sla[i], json_array_get(v, i), &pos, i);
			r->sla[n] = fallback;
			r->nsla = n + 1;
		} else if (strcmp(key, "dispatch") == 0 || strcmp(key, "sla") == 0)
			errors += bad(&pos, key, strcmp(key, "sla") == 0 ? "an array of objects" : "a string", v);
		else {
			fsd_warn_at(&pos, "unknown rule \"%s\"", key);
			errors++;
		}
	}
	json_decref(doc);
	if (errors)
		fsd_die(FSD_EXIT_DATA, "%s: rules file has errors", fsd_display_name(path));
}
