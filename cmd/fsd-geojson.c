/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-geojson: a plan as GeoJSON (RFC 7946), for geojson.io, QGIS or a
 * web map: each tech's route a LineString, each stop a Point with its
 * times and customer, the homes, and the jobs the plan could not place. */
#include "fsd.h"
#include "views/plan.h"
#include "views/records_geojson.h"

static const char *techs_path;

static const struct fsd_option options[] = {
	{ 't', "techs", "FILE", "technicians: names, homes (routes start and end there)", NULL, &techs_path },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-geojson", "[--techs FILE] [FILE ...]",
	"write a plan as GeoJSON: routes, stops, homes, jobs not placed",
	options, FSD_TOOL_RECORDS
};

static int
take(json_t *record, const struct fsd_pos *pos, void *ctx)
{
	return view_plan_add(ctx, record, pos);
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct view_plan plan;
	json_t *collection;

	view_plan_init(&plan);
	if (techs_path != NULL)
		view_plan_load_techs(&plan, techs_path);
	fsd_read_records(argc - first, argv + first, take, &plan);
	collection = view_geojson(&plan);
	fsd_emit(collection);
	json_decref(collection);
	view_plan_free(&plan);
	return fsd_finish();
}
