/* The dispatcher's board (one self-contained HTML page: a timeline a
 * tech, the alerts, the jobs not placed by exception code, a map) and a
 * tech's printable day sheet, from a settled plan (view_plan_settle). */
#ifndef FSD_VIEWS_BOARD_H
#define FSD_VIEWS_BOARD_H

#include <stdio.h>

#include "rfc3339.h"
#include "views/plan.h"

struct view_board_options {
	int has_now;
	struct fsd_time now;	/* the now-line */
};

void view_board_write(FILE *f, const struct view_plan *p, const struct view_board_options *o);

/* Tech t's day: stops in order with times, customer, address and a map
 * link, access notes, parts to take, pickups and breaks. */
void view_sheet_write(FILE *f, const struct view_plan *p, int t);

/* The map as inline SVG: homes, each tech's route in its colour, the
 * stops numbered, the jobs not placed in grey. No tiles, no network. */
void view_map_svg(FILE *f, const struct view_plan *p);

/* The class a status gives a block: "st-" and the status, letters and
 * '_' only; "st-scheduled" when there is none. */
#define VIEW_STATUS_CLASS_LEN 40
char *view_status_class(const struct view_stop *s, char buf[VIEW_STATUS_CLASS_LEN]);

/* The status to show: the last event's, else the job's own. */
const char *view_stop_status(const struct view_stop *s);

#endif
