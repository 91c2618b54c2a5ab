/* The rules file (fsd-match(1), RULES FILE): weights, a default playbook
 * and one per job type. A key we do not know is an error naming it: a
 * misspelt "sla_hour" silently ignored would be a promise not kept. */
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "match.h"
#include "record.h"
#include "xalloc.h"

static const char *rules_path;
static json_t *doc;	/* global, so a message that dies leaves no leak */

_Noreturn static void __attribute__((format(printf, 2, 3)))
bad(const char *where, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (where == NULL)
		fsd_die(FSD_EXIT_DATA, "%s: %s", fsd_display_name(rules_path), what);
	fsd_die(FSD_EXIT_DATA, "%s: \"%s\": %s", fsd_display_name(rules_path), where, what);
}

static double
number(const json_t *v, const char *where, double min, double max)
{
	double x;

	if (!json_is_number(v))
		bad(where, "must be a number");
	x = json_number_value(v);
	if (x < min || x > max)
		bad(where, "must be between %g and %g", min, max);
	return x;
}

static int
boolean(const json_t *v, const char *where)
{
	if (!json_is_boolean(v))
		bad(where, "must be true or false");
	return json_is_true(v);
}

static void
read_playbook(struct match_playbook *p, const json_t *obj, const char *name)
{
	const char *key;
	json_t *v;
	char where[256];

	if (!json_is_object(obj))
		bad(name, "must be an object");
	json_object_foreach((json_t *)obj, key, v) {
		snprintf(where, sizeof where, "%s.%s", name, key);
		if (strcmp(key, "skills") == 0) {
			size_t i;
			json_t *s;

			if (!json_is_array(v))
				bad(where, "must be an array of strings");
			p->skills = xcalloc(json_array_size(v) + 1, sizeof *p->skills);
			json_array_foreach(v, i, s) {
				if (!json_is_string(s))
					bad(where, "must be an array of strings");
				p->skills[p->nskills++] = xstrdup(json_string_value(s));
			}
		} else if (strcmp(key, "priority") == 0) {
			p->priority = (int)number(v, where, 1, 3);
			if (p->priority != json_number_value(v))
				bad(where, "must be 1, 2 or 3");
		} else if (strcmp(key, "sla_hours") == 0) {
			p->sla_hours = number(v, where, 0, 24 * 366);
		} else if (strcmp(key, "duration") == 0) {
			p->duration = number(v, where, 1, 24 * 60);
		} else if (strcmp(key, "territory_binds") == 0) {
			p->territory_binds = boolean(v, where);
		} else if (strcmp(key, "parts_pickup") == 0) {
			p->parts_pickup = boolean(v, where);
		} else if (strcmp(key, "pickup_minutes") == 0) {
			p->pickup_minutes = number(v, where, 0, 24 * 60);
		} else if (strcmp(key, "on_call") == 0) {
			p->on_call = boolean(v, where);
		} else {
			bad(name, "unknown key \"%s\"", key);
		}
	}
}

static void
read_weights(struct match_weights *w, const json_t *obj)
{
	static const struct { const char *name; size_t offset; } keys[] = {
		{ "drive", offsetof(struct match_weights, drive) },
		{ "sla", offsetof(struct match_weights, sla) },
		{ "vip", offsetof(struct match_weights, vip) },
		{ "preferred", offsetof(struct match_weights, preferred) },
		{ "parts", offsetof(struct match_weights, parts) },
		{ "balance", offsetof(struct match_weights, balance) },
		{ "territory", offsetof(struct match_weights, territory) },
		{ "bump", offsetof(struct match_weights, bump) },
	};
	const char *key;
	json_t *v;
	char where[256];

	if (!json_is_object(obj))
		bad("weights", "must be an object");
	json_object_foreach((json_t *)obj, key, v) {
		size_t k;

		snprintf(where, sizeof where, "weights.%s", key);
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (strcmp(keys[k].name, key) == 0)
				break;
		if (k == sizeof keys / sizeof keys[0])
			bad("weights", "unknown key \"%s\"", key);
		*(double *)((char *)w + keys[k].offset) = number(v, where, 0, 1e6);
	}
}

static void
unset(struct match_playbook *p)
{
	*p = (struct match_playbook){
		.priority = MATCH_UNSET, .sla_hours = MATCH_UNSET, .duration = MATCH_UNSET,
		.territory_binds = MATCH_UNSET, .parts_pickup = MATCH_UNSET,
		.pickup_minutes = MATCH_UNSET, .on_call = MATCH_UNSET,
	};
}

void
match_rules_load(struct match_rules *rules, const char *path)
{
	const char *key;
	json_t *v;

	rules_path = path;
	doc = fsd_load_json_object(path);
	json_object_foreach(doc, key, v) {
		if (strcmp(key, "weights") == 0) {
			read_weights(&rules->weights, v);
		} else if (strcmp(key, "on_call_minutes") == 0) {
			rules->on_call_minutes = number(v, key, 0, 24 * 60);
		} else if (strcmp(key, "interrupt_minutes") == 0) {
			rules->interrupt_minutes = number(v, key, 0, 24 * 60);
		} else if (strcmp(key, "default") == 0) {
			read_playbook(&rules->base, v, "default");
		} else if (strcmp(key, "types") == 0) {
			const char *type;
			json_t *p;

			if (!json_is_object(v))
				bad("types", "must be an object, one playbook a job type");
			rules->types = xcalloc(json_object_size(v) + 1, sizeof *rules->types);
			json_object_foreach(v, type, p) {
				struct match_playbook *pb = &rules->types[rules->ntypes++];
				char name[256];

				unset(pb);
				pb->type = xstrdup(type);
				snprintf(name, sizeof name, "types.%s", type);
				read_playbook(pb, p, name);
			}
		} else {
			bad(NULL, "unknown key \"%s\"", key);
		}
	}
	json_decref(doc);
	doc = NULL;
}
