/* The rules file: one JSON object of thresholds, each key a row of
 * track_rule_table. JSON is read here only. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "err.h"
#include "record.h"
#include "track.h"

static const struct track_rule_row *
find_row(const char *name)
{
	for (const struct track_rule_row *row = track_rule_table; row->name != NULL; row++)
		if (strcmp(row->name, name) == 0)
			return row;
	return NULL;
}

void
track_rules_load(struct track_rules *r, const char *path)
{
	json_t *doc = fsd_load_json_object(path), *value;
	const char *key;
	struct fsd_pos pos = { path, 0 };
	int bad = 0;

	json_object_foreach(doc, key, value) {
		const struct track_rule_row *row = find_row(key);
		double v;

		if (row == NULL) {
			fsd_warn_at(&pos, "unknown rule \"%s\"", key);
			bad = 1;
			continue;
		}
		v = json_is_number(value) ? json_number_value(value) : -1e300;
		if (row->kind == TRACK_RULE_MIN && json_is_number(value) && v != (double)(int)v)
			v = -1e300;
		if (v < row->min || v > row->max) {
			char *text = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);

			fsd_warn_at(&pos, "\"%s\" must be a %s from %g to %g, not %s", key,
			    row->kind == TRACK_RULE_MIN ? "whole number" : "number",
			    row->min, row->max, text != NULL ? text : "?");
			free(text);
			bad = 1;
			continue;
		}
		if (row->kind == TRACK_RULE_MIN)
			*(int *)((char *)r + row->offset) = (int)v;
		else
			*(double *)((char *)r + row->offset) = v;
	}
	json_decref(doc);
	if (bad)
		fsd_die(FSD_EXIT_DATA, "%s: rules file has errors", fsd_display_name(path));
}
