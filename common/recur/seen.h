/* Visits that exist already: done (--history) or booked (--existing).
 * A generated visit is dropped when its id is here, or when its contract
 * has a visit here inside the new one's tolerance; a floating schedule
 * counts on from its contract's latest visit here. */
#ifndef FSD_RECUR_SEEN_H
#define FSD_RECUR_SEEN_H

#include <stddef.h>
#include <stdint.h>

struct recur_seen_visit {
	char *contract;
	int64_t day;
};

struct recur_seen {
	char **ids;
	size_t nids, ids_cap;
	struct recur_seen_visit *visits;
	size_t nvisits, visits_cap;
	int sorted;
};

void recur_seen_add_id(struct recur_seen *s, const char *id);
void recur_seen_add_visit(struct recur_seen *s, const char *contract, int64_t day);
int recur_seen_has_id(struct recur_seen *s, const char *id);
/* Has contract a visit on a day in [lo, hi]? */
int recur_seen_covers(struct recur_seen *s, const char *contract, int64_t lo, int64_t hi);
/* The contract's latest visit, or RECUR_NO_DAY. */
int64_t recur_seen_last(struct recur_seen *s, const char *contract);
void recur_seen_free(struct recur_seen *s);

#endif
