/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The rules file: one JSON object read by the shared side-file loader
 * (common/sidefile.h): the timers' thresholds by watch_rule_keys, and
 * "sla", an array of rows by watch_sla_keys, tried in order, the
 * default row after them. JSON is read here only. */
#include <stdio.h>

#include <jansson.h>

#include "sidefile.h"
#include "watch.h"
#include "xalloc.h"

void
watch_rules_load(struct watch_rules *r, const char *path)
{
	struct fsd_sidefile f;
	json_t *rows;

	fsd_side_open(&f, path, "rules file");
	free(r->dispatch);	/* the file's, or the default again */
	r->dispatch = NULL;
	fsd_side_read(&f, f.doc, "", watch_rule_keys, r);
	rows = json_object_get(f.doc, "sla");
	if (json_is_array(rows)) {
		size_t n = json_array_size(rows);
		struct watch_sla fallback = r->sla[r->nsla - 1];

		r->sla = xrealloc(r->sla, (n + 1) * sizeof *r->sla);
		for (size_t i = 0; i < n; i++) {
			json_t *row = json_array_get(rows, i);
			char where[32];

			snprintf(where, sizeof where, "sla.%zu", i);
			fsd_keys_defaults(watch_sla_keys, &r->sla[i]);
			r->sla[i].type = r->sla[i].escalate_to = NULL;
			r->sla[i].priority = 0;
			if (!json_is_object(row))
				fsd_side_problem(&f, where, "must be an object");
			else
				fsd_side_read(&f, row, where, watch_sla_keys, &r->sla[i]);
		}
		r->sla[n] = fallback;
		r->nsla = n + 1;
	}
	if (fsd_side_close(&f) > 0) {
		watch_rules_free(r);
		fsd_side_die(&f);
	}
}
