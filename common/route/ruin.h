/* The "ruin" half of ruin-and-recreate: SISR's adjacent string removal
 * (Christiaens & Vanden Berghe 2020). Removing strings of consecutive
 * jobs from a few neighbouring routes frees up slack -- room in time and
 * capacity -- where the recreate can use it. */
#ifndef FSD_ROUTE_RUIN_H
#define FSD_ROUTE_RUIN_H

#include "rng.h"
#include "solution.h"

struct route_ruin {
	double mean_removed;	/* c-bar: jobs removed on average */
	int max_string;		/* L-max: longest string cut from one route */
};

/* Remove strings from s; the removed jobs are appended to removed (room
 * for njobs), their count returned; ruined routes are flagged in touched. */
int route_ruin_strings(struct route_solution *s, const struct route_ruin *r,
    struct route_rng *rng, int *removed, unsigned char *touched);

#endif
