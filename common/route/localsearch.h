/* Local search to a local optimum over a granular neighbourhood: moves
 * only bring a job next to one of its nearest neighbours (Toth & Vigo
 * 2003), and every move is checked exactly by segment concatenation. */
#ifndef FSD_ROUTE_LOCALSEARCH_H
#define FSD_ROUTE_LOCALSEARCH_H

#include "rng.h"
#include "solution.h"

/* Apply improving moves (relocate and or-opt of 1-3 jobs, swap, 2-opt*
 * between routes, 2-opt within one) until none is left. With focus (one
 * flag a vehicle) only jobs on flagged routes start a move, and routes a
 * move changes join them; NULL is every route. Returns the number of
 * moves applied. p->on_move, when set, is called after each. */
long route_local_search(struct route_solution *s, const struct route_params *p,
    struct route_rng *rng, unsigned char *focus);

#endif
