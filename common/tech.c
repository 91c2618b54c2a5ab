/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <jansson.h>

#include "tech.h"

int
fsd_tech_off_today(const json_t *tech, const struct fsd_pos *pos)
{
	const char *id = json_string_value(json_object_get(tech, "id"));
	const char *why = json_string_value(json_object_get(tech, "not_working"));
	json_t *shift = json_object_get(tech, "shift"), *shifts = json_object_get(tech, "shifts");

	if (why == NULL && ((shift != NULL && !json_is_null(shift))
	    || (shifts != NULL && !json_is_null(shifts))))
		return 0;
	fsd_note("%s:%ld: %s is not working today (%s): no jobs for them",
	    fsd_display_name(pos->file), pos->line, id ? id : "a tech",
	    why ? why : "no shift");
	return 1;
}
