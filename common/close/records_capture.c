#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "field.h"
#include "record.h"
#include "xalloc.h"
#include "close/records.h"

void
close_capture_load(struct close_capture *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	c->records = fsd_load_records(path, &c->lines);
	c->used = xcalloc(json_array_size(c->records) + 1, 1);
	for (size_t i = 0; i < json_array_size(c->records); i++) {
		const char *id = NULL;

		if (fsd_field_string(json_array_get(c->records, i), "id", &id, NULL) != FSD_FIELD_OK) {
			fsd_warn_at(&(struct fsd_pos){ fsd_display_name(path), c->lines[i] },
			    "\"id\" is required: the job the capture is for");
			c->used[i] = 1;
		}
	}
}

void
close_capture_join(struct close_capture *c, json_t *rec)
{
	json_t *id = json_object_get(rec, "id");
	int joined = 0;

	if (c->records == NULL || !json_is_string(id))
		return;
	/* Later captures win, as a form sent twice is usually a correction. */
	for (size_t i = 0; i < json_array_size(c->records); i++) {
		json_t *cap = json_array_get(c->records, i);

		if (!json_equal(json_object_get(cap, "id"), id))
			continue;
		if (joined++ == 1)
			fsd_note("%s:%ld: a second capture for job %s; the later one wins",
			    fsd_display_name(c->path), c->lines[i], json_string_value(id));
		json_object_update_recursive(rec, cap);
		c->used[i] = 1;
	}
}

void
close_capture_end(struct close_capture *c)
{
	for (size_t i = 0; i < json_array_size(c->records); i++)
		if (!c->used[i])
			fsd_warn_at(&(struct fsd_pos){ fsd_display_name(c->path), c->lines[i] },
			    "no job %s among the records read: capture not used",
			    json_string_value(json_object_get(json_array_get(c->records, i), "id")));
}

void
close_capture_free(struct close_capture *c)
{
	json_decref(c->records);
	free(c->lines);
	free(c->used);
	memset(c, 0, sizeof *c);
}
