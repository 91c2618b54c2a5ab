/* The number a tech is weighed by for a job: a hundred points less what
 * the choice costs (drive, lateness where it matters, a full day) plus
 * what a dispatcher would want kept (the customer's preferred tech,
 * parts on the truck, one's own territory). The weights are the rules
 * file's (struct match_weights says what each is). */
#include <math.h>

#include "engine.h"

/* Lateness counts only where it is promised: a deadline, or a priority
 * 1 or 2 that should be reached soonest. The score is kept to a tenth,
 * as it is written out, so two techs a rounding error apart tie and
 * the tie is settled by id, the same way on every machine. */
double
match_score(const struct match_day *day, const struct match_tech *t,
    const struct match_job *j, const struct match_slot *slot)
{
	const struct match_weights *w = &day->rules.weights;
	double score = 100 - w->drive * slot->drive - w->balance * t->booked / 60;

	if (j->has_sla || j->priority <= 2) {
		double late = slot->arrive - match_earliest(day, j);

		score -= w->sla * (j->vip ? w->vip : 1) * (late > 0 ? late : 0);
	}
	if (j->preferred >= 0 && &day->techs[j->preferred] == t)
		score += w->preferred;
	if (j->nparts > 0 && !slot->pickup)
		score += w->parts;
	if (match_same_territory(t, j))
		score += w->territory;
	return round(score * 10) / 10;
}
