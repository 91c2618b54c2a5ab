/* fsd-report's two human forms: a table for a terminal and a page with
 * charts (inline SVG, like the board's map: nothing to fetch). */
#ifndef FSD_VIEWS_REPORT_H
#define FSD_VIEWS_REPORT_H

#include <stdio.h>

#include "views/kpi.h"

void view_report_table(FILE *f, const struct view_plan *p, const struct view_kpis *k);
void view_report_html(FILE *f, const struct view_plan *p, const struct view_kpis *k);

#endif
