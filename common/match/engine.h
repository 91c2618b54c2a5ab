/* What the files of the decision share; tools see only match.h. */
#ifndef FSD_MATCH_ENGINE_H
#define FSD_MATCH_ENGINE_H

#include "match.h"

/* Jobs not skipped into day->order, most urgent first; returns how many. */
size_t match_order(struct match_day *day);

#endif
