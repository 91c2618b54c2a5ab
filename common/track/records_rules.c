/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The rules file: one JSON object of thresholds, read by the shared
 * side-file loader (common/sidefile.h) through track_rule_keys. */
#include "sidefile.h"
#include "track.h"

void
track_rules_load(struct track_rules *r, const char *path)
{
	struct fsd_sidefile f;

	fsd_side_open(&f, path, "rules file");
	fsd_side_read(&f, f.doc, "", track_rule_keys, r);
	if (fsd_side_close(&f) > 0)
		fsd_side_die(&f);
}
