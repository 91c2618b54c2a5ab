/* A row of figures as a fsd-report record (kind "kpi"). */
#ifndef FSD_VIEWS_RECORDS_KPI_H
#define FSD_VIEWS_RECORDS_KPI_H

#include <jansson.h>

#include "views/kpi.h"

json_t *view_kpi_record(const struct view_plan *p, const struct view_kpi *k);

#endif
