/* Playbooks: what each trade's job type adds to a job. The defaults are
 * the figures a dispatcher would pick if asked; a rules file changes them. */
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "xalloc.h"

void
match_rules_defaults(struct match_rules *rules)
{
	memset(rules, 0, sizeof *rules);
	/* One minute of drive is the unit: a preferred tech is worth a
	 * half-hour detour, parts on the truck a quarter of an hour (the
	 * supply-house counter costs more, but pickup time is also added
	 * to the drive), each hour already booked five minutes. */
	rules->weights = (struct match_weights){
		.drive = 1, .sla = 0.2, .vip = 2, .preferred = 30,
		.parts = 15, .balance = 5, .territory = 10, .bump = 20,
	};
	rules->base = (struct match_playbook){
		.priority = MATCH_UNSET, .sla_hours = MATCH_UNSET, .duration = 60,
		.territory_binds = 0, .parts_pickup = 1, .pickup_minutes = 45,
		.on_call = 0,
	};
	rules->on_call_minutes = 120;
	/* Half an hour sooner is when a dispatcher would pull a tech off a
	 * routine call for a gas leak rather than send someone from across
	 * town. */
	rules->interrupt_minutes = 30;
}

const struct match_playbook *
match_playbook_for(const struct match_rules *rules, const char *type)
{
	for (size_t i = 0; type != NULL && i < rules->ntypes; i++)
		if (strcmp(rules->types[i].type, type) == 0)
			return &rules->types[i];
	return NULL;
}

static int
has_skill(const struct match_job *j, size_t s)
{
	for (size_t i = 0; i < j->nskills; i++)
		if (j->skills[i] == s)
			return 1;
	return 0;
}

static void
add_skills(struct match_day *day, struct match_job *j, const struct match_playbook *p)
{
	for (size_t i = 0; p != NULL && i < p->nskills; i++) {
		size_t s = match_skill(day, p->skills[i]);

		if (has_skill(j, s))
			continue;
		j->skills = xrealloc(j->skills, (j->nskills + 1) * sizeof *j->skills);
		j->skills[j->nskills++] = s;
	}
}

/* The type's value when it sets one, else the default section's. */
#define PICK(field) (type != NULL && type->field != MATCH_UNSET ? type->field : base->field)

void
match_apply_playbook(struct match_day *day, struct match_job *j, double plan_start)
{
	const struct match_playbook *base = &day->rules.base;
	const struct match_playbook *type = match_playbook_for(&day->rules, j->type);
	int priority = PICK(priority);
	double sla_hours = PICK(sla_hours);

	j->playbook = type != NULL ? type->type : "default";
	j->own_has_sla = j->has_sla;
	j->own_sla_due = j->sla_due;
	j->nskills_given = j->nskills;
	add_skills(day, j, base);
	add_skills(day, j, type);
	if (j->nskills > j->nskills_given)
		j->playbook_changed |= MATCH_PLAYBOOK_SKILLS;
	if (priority != MATCH_UNSET && priority < j->priority) {
		j->priority = priority;
		j->playbook_changed |= MATCH_PLAYBOOK_PRIORITY;
	}
	if (sla_hours != MATCH_UNSET) {
		/* The clock starts when the call came in; a job without
		 * that time starts it when the customer can first be seen,
		 * and only then at the plan's start. */
		double from = j->has_received ? j->received
		    : j->has_window ? j->window.start : plan_start;
		double due = from + sla_hours * 60;

		if (!j->has_sla || due < j->sla_due) {
			j->sla_due = due;
			j->has_sla = 1;
			j->playbook_changed |= MATCH_PLAYBOOK_SLA;
		}
	}
	if (j->duration == MATCH_UNSET) {
		j->duration = PICK(duration);
		j->playbook_changed |= MATCH_PLAYBOOK_DURATION;
	}
	if (j->territory_binds == MATCH_UNSET) {
		j->territory_binds = PICK(territory_binds);
		if (j->territory_binds && j->territory != NULL)
			j->playbook_changed |= MATCH_PLAYBOOK_TERRITORY;
	}
	if (j->parts_pickup == MATCH_UNSET) {
		j->parts_pickup = PICK(parts_pickup);
		if (!j->parts_pickup && j->nparts > 0)
			j->playbook_changed |= MATCH_PLAYBOOK_NO_PICKUP;
	}
	if (j->pickup_minutes == MATCH_UNSET)
		j->pickup_minutes = PICK(pickup_minutes);
	if (j->on_call == MATCH_UNSET) {
		j->on_call = PICK(on_call);
		if (j->on_call)
			j->playbook_changed |= MATCH_PLAYBOOK_ON_CALL;
	}
}
