/* The rules file (fsd-match(1), RULES FILE): weights, a default playbook
 * and one per job type, read by common/sidefile.h's tables. A key we do
 * not know is an error naming it: a misspelt "sla_hour" silently ignored
 * would be a promise not kept. */
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "match.h"
#include "sidefile.h"
#include "xalloc.h"

#define W(field) { #field, FSD_KEY_DOUBLE, 0, 1e6, offsetof(struct match_weights, field) }
static const struct fsd_key weight_keys[] = {
	W(drive), W(sla), W(vip), W(preferred), W(parts), W(balance), W(territory), W(bump),
	{ NULL }
};
#undef W

static const struct fsd_key playbook_keys[] = {
	{ "skills", FSD_KEY_ARRAY },
	{ "priority", FSD_KEY_INT, 1, 3, offsetof(struct match_playbook, priority) },
	{ "sla_hours", FSD_KEY_DOUBLE, 0, 24 * 366, offsetof(struct match_playbook, sla_hours) },
	{ "duration", FSD_KEY_DOUBLE, 1, 24 * 60, offsetof(struct match_playbook, duration),
	  .unit = "minutes" },
	{ "territory_binds", FSD_KEY_BOOL, .offset = offsetof(struct match_playbook, territory_binds) },
	{ "parts_pickup", FSD_KEY_BOOL, .offset = offsetof(struct match_playbook, parts_pickup) },
	{ "pickup_minutes", FSD_KEY_DOUBLE, 0, 24 * 60,
	  offsetof(struct match_playbook, pickup_minutes), .unit = "minutes" },
	{ "on_call", FSD_KEY_BOOL, .offset = offsetof(struct match_playbook, on_call) },
	{ NULL }
};

static const struct fsd_key rules_keys[] = {
	{ "weights", FSD_KEY_OBJECT },
	{ "on_call_minutes", FSD_KEY_DOUBLE, 0, 24 * 60,
	  offsetof(struct match_rules, on_call_minutes), .unit = "minutes" },
	{ "interrupt_minutes", FSD_KEY_DOUBLE, 0, 24 * 60,
	  offsetof(struct match_rules, interrupt_minutes), .unit = "minutes" },
	{ "default", FSD_KEY_OBJECT },
	{ "types", FSD_KEY_OBJECT },
	{ NULL }
};

static void
read_playbook(struct fsd_sidefile *f, struct match_playbook *p, const json_t *obj,
    const char *path)
{
	const json_t *skills = json_object_get(obj, "skills"), *s;
	char *where;
	size_t i;

	fsd_side_read(f, obj, path, playbook_keys, p);
	if (!json_is_array(skills))
		return;
	where = xasprintf("%s.skills", path);
	p->skills = xcalloc(json_array_size(skills) + 1, sizeof *p->skills);
	json_array_foreach(skills, i, s) {
		if (json_is_string(s))
			p->skills[p->nskills++] = xstrdup(json_string_value(s));
		else
			fsd_side_problem(f, where, "must be an array of strings");
	}
	free(where);
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
	struct fsd_sidefile f;
	const json_t *v, *p;
	const char *type;

	fsd_side_open(&f, path, "rules file");
	fsd_side_read(&f, f.doc, "", rules_keys, rules);
	if (json_is_object(v = json_object_get(f.doc, "weights")))
		fsd_side_read(&f, v, "weights", weight_keys, &rules->weights);
	if (json_is_object(v = json_object_get(f.doc, "default")))
		read_playbook(&f, &rules->base, v, "default");
	if (json_is_object(v = json_object_get(f.doc, "types"))) {
		rules->types = xcalloc(json_object_size(v) + 1, sizeof *rules->types);
		json_object_foreach((json_t *)v, type, p) {
			struct match_playbook *pb = &rules->types[rules->ntypes++];
			char *where = xasprintf("types.%s", type);

			unset(pb);
			pb->type = xstrdup(type);
			if (json_is_object(p))
				read_playbook(&f, pb, p, where);
			else
				fsd_side_problem(&f, where, "must be an object, one playbook a job type");
			free(where);
		}
	}
	if (fsd_side_close(&f) > 0) {
		match_rules_free(rules);
		fsd_side_die(&f);
	}
}
