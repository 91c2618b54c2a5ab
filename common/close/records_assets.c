#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "output.h"
#include "record.h"
#include "statefile.h"
#include "close/records.h"

void
close_assets_load(struct close_assets *a, const char *path)
{
	json_t *lines;
	long *at = NULL;
	FILE *f;

	memset(a, 0, sizeof *a);
	a->path = path;
	a->lock = -1;
	a->byid = json_object();
	if (path == NULL)
		return;
	a->lock = fsd_lock(path);
	/* The first run starts the file. */
	if ((f = fopen(path, "a")) != NULL)
		fclose(f);
	lines = fsd_load_records(path, &at);
	for (size_t i = 0; i < json_array_size(lines); i++) {
		json_t *asset = json_array_get(lines, i);
		const char *id = NULL;

		if (fsd_field_string(asset, "id", &id, NULL) != FSD_FIELD_OK
		    || !json_is_array(json_object_get(asset, "readings")))
			fsd_die_at(FSD_EXIT_DATA, &(struct fsd_pos){ fsd_display_name(path), at[i] },
			    "an asset needs an \"id\" and its \"readings\" array; nothing closed");
		json_object_set(a->byid, id, asset);
	}
	json_decref(lines);
	free(at);
}

static const char *
answer_of(const struct close_job *job, const char *field_id)
{
	const struct close_form *form = job->form;

	for (size_t i = 0; field_id != NULL && i < form->nitems; i++)
		if (strcmp(form->items[i].id, field_id) == 0 && job->answers[i].text != NULL
		    && job->answers[i].text[0] != '\0')
			return job->answers[i].text;
	return NULL;
}

/* This visit's readings replace any an earlier run of the same job left. */
static void
add_readings(json_t *history, const struct close_job *job)
{
	char at[FSD_TIME_LEN];
	json_t *id = json_string(job->id);
	size_t i = 0;

	while (i < json_array_size(history))
		if (json_equal(json_object_get(json_array_get(history, i), "job"), id))
			json_array_remove(history, i);
		else
			i++;
	json_decref(id);
	fsd_time_format(job->visit.completed.seconds, job->visit.completed.offset_minutes, at);
	for (i = 0; i < job->form->nitems; i++) {
		const struct close_item *item = &job->form->items[i];

		if (item->kind != CLOSE_READING || !job->answers[i].has_number)
			continue;
		json_array_append_new(history, json_pack("{s:s,s:s,s:s,s:f,s:s}", "at", at,
		    "job", job->id, "reading", item->id, "value", job->answers[i].number,
		    "unit", item->unit));
	}
}

json_t *
close_assets_visit(struct close_assets *a, const json_t *rec, const struct close_job *job)
{
	const char *serial = answer_of(job, job->form->asset_serial);
	const char *model = answer_of(job, job->form->asset_model), *address = NULL;
	json_t *asset;

	if (serial == NULL || !job->visit.has_completed)
		return NULL;
	if ((asset = json_object_get(a->byid, serial)) == NULL) {
		asset = json_pack("{s:s,s:s,s:s}", "kind", "asset", "id", serial, "serial", serial);
		json_object_set_new(a->byid, serial, asset);
	}
	if (model != NULL)
		json_object_set_new(asset, "model", json_string(model));
	if (fsd_field_string(rec, "site.address", &address, NULL) == FSD_FIELD_OK)
		json_object_set_new(asset, "site", json_string(address));
	if (json_object_get(asset, "readings") == NULL)
		json_object_set_new(asset, "readings", json_array());
	add_readings(json_object_get(asset, "readings"), job);
	a->changed = 1;
	return json_deep_copy(asset);
}

void
close_assets_save(struct close_assets *a)
{
	struct fsd_replace file;
	const char *id;
	json_t *asset;
	FILE *f;

	if (a->path == NULL || !a->changed)
		return;
	f = fsd_replace_begin(&file, a->path);
	json_object_foreach(a->byid, id, asset)
		fsd_emit_to(f, asset);
	fsd_replace_commit(&file);
	a->changed = 0;
}

void
close_assets_free(struct close_assets *a)
{
	if (a->lock >= 0)
		fsd_unlock(a->lock);
	json_decref(a->byid);
	memset(a, 0, sizeof *a);
}
