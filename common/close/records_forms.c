/* Loading and checking the forms file (forms.h) through the shared
 * side-file loader (common/sidefile.h): every problem is reported with
 * the line of its key and loading goes on, so one run shows them all;
 * then the run stops. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "err.h"
#include "sidefile.h"
#include "xalloc.h"
#include "close/forms.h"

#define ITEM(field) offsetof(struct close_item, field)
#define FORM(field) offsetof(struct close_form, field)

static const struct fsd_key field_keys[] = {
	{ "id", FSD_KEY_STRING, .offset = ITEM(id) },
	{ "label", FSD_KEY_STRING, .offset = ITEM(label) },
	{ "required", FSD_KEY_BOOL, .offset = ITEM(required), .has_default = 1, .def = 1 },
	{ NULL }
};

/* A checklist item is always answered: done, n/a or failed. */
static const struct fsd_key checklist_keys[] = {
	{ "id", FSD_KEY_STRING, .offset = ITEM(id) },
	{ "label", FSD_KEY_STRING, .offset = ITEM(label) },
	{ NULL }
};

static const struct fsd_key reading_keys[] = {
	{ "id", FSD_KEY_STRING, .offset = ITEM(id) },
	{ "label", FSD_KEY_STRING, .offset = ITEM(label) },
	{ "required", FSD_KEY_BOOL, .offset = ITEM(required), .has_default = 1, .def = 1 },
	{ "unit", FSD_KEY_STRING, .offset = ITEM(unit) },
	{ "min", FSD_KEY_DOUBLE, .offset = ITEM(min) },
	{ "max", FSD_KEY_DOUBLE, .offset = ITEM(max) },
	{ NULL }
};

static const struct fsd_key form_keys[] = {
	{ "title", FSD_KEY_STRING, .offset = FORM(title) },
	{ "fields", FSD_KEY_ARRAY },
	{ "checklist", FSD_KEY_ARRAY },
	{ "readings", FSD_KEY_ARRAY },
	{ "photos", FSD_KEY_ARRAY },
	{ "signature", FSD_KEY_BOOL, .offset = FORM(signature) },
	{ "asset", FSD_KEY_OBJECT },
	{ NULL }
};

static const struct fsd_key asset_keys[] = {
	{ "serial", FSD_KEY_STRING, .offset = FORM(asset_serial) },
	{ "model", FSD_KEY_STRING, .offset = FORM(asset_model) },
	{ NULL }
};

static void
read_item(struct fsd_sidefile *f, enum close_item_kind kind, const char *path,
    const json_t *v, struct close_item *item)
{
	memset(item, 0, sizeof *item);
	item->kind = kind;
	item->required = 1;
	if (!json_is_object(v)) {
		fsd_side_problem(f, path, "must be an object with an \"id\"");
		return;
	}
	fsd_side_read(f, v, path, kind == CLOSE_CHECK ? checklist_keys
	    : kind == CLOSE_FIELD ? field_keys : reading_keys, item);
	if (item->id == NULL || item->id[0] == '\0')
		fsd_side_problem(f, path, "needs an \"id\": the answer's key in the job's \"form\"");
	if (kind != CLOSE_READING)
		return;
	if (item->unit == NULL || item->unit[0] == '\0')
		fsd_side_problem(f, path, "needs a \"unit\"");
	item->has_min = json_is_number(json_object_get(v, "min"));
	item->has_max = json_is_number(json_object_get(v, "max"));
	if (item->has_min && item->has_max && item->min > item->max)
		fsd_side_problem(f, path, "has \"min\" above \"max\"");
}

static void
read_items(struct fsd_sidefile *f, struct close_form *form, const json_t *def, const char *list,
    enum close_item_kind kind)
{
	json_t *arr = json_object_get(def, list), *v;
	size_t i;

	if (!json_is_array(arr))
		return;
	form->items = xrealloc(form->items, (form->nitems + json_array_size(arr) + 1)
	    * sizeof *form->items);
	json_array_foreach(arr, i, v) {
		char *path = xasprintf("%s.%s[%zu]", form->type, list, i);

		read_item(f, kind, path, v, &form->items[form->nitems++]);
		free(path);
	}
}

static void
read_photos(struct fsd_sidefile *f, struct close_form *form, const json_t *def)
{
	json_t *arr = json_object_get(def, "photos"), *v;
	size_t i;

	if (!json_is_array(arr))
		return;
	form->photos = xcalloc(json_array_size(arr) + 1, sizeof *form->photos);
	json_array_foreach(arr, i, v) {
		char *path = xasprintf("%s.photos[%zu]", form->type, i);

		if (!json_is_string(v) || json_string_length(v) == 0)
			fsd_side_problem(f, path, "must be a role such as \"before\"");
		else
			form->photos[form->nphotos++] = xstrdup(json_string_value(v));
		free(path);
	}
}

static const struct close_item *
field_named(const struct close_form *form, const char *id)
{
	for (size_t i = 0; i < form->nitems; i++)
		if (form->items[i].kind == CLOSE_FIELD && form->items[i].id != NULL
		    && strcmp(form->items[i].id, id) == 0)
			return &form->items[i];
	return NULL;
}

/* The asset's fields are the form's: one the form does not ask for could
 * never be filled. */
static void
read_asset(struct fsd_sidefile *f, struct close_form *form, const json_t *def)
{
	json_t *asset = json_object_get(def, "asset");
	char *path;

	if (!json_is_object(asset))
		return;
	path = xasprintf("%s.asset", form->type);
	fsd_side_read(f, asset, path, asset_keys, form);
	if (form->asset_serial == NULL)
		fsd_side_problem(f, path, "needs the \"serial\" field that names the equipment");
	else if (field_named(form, form->asset_serial) == NULL)
		fsd_side_problem(f, path, "names \"%s\", not one of the form's fields",
		    form->asset_serial);
	if (form->asset_model != NULL && field_named(form, form->asset_model) == NULL)
		fsd_side_problem(f, path, "names \"%s\", not one of the form's fields",
		    form->asset_model);
	free(path);
}

static void
read_form(struct fsd_sidefile *f, const char *type, const json_t *def, struct close_form *form)
{
	memset(form, 0, sizeof *form);
	form->type = xstrdup(type);
	if (!json_is_object(def)) {
		fsd_side_problem(f, type, "must be an object (a form)");
		return;
	}
	fsd_side_read(f, def, type, form_keys, form);
	read_items(f, form, def, "fields", CLOSE_FIELD);
	read_items(f, form, def, "checklist", CLOSE_CHECK);
	read_items(f, form, def, "readings", CLOSE_READING);
	read_photos(f, form, def);
	read_asset(f, form, def);
	for (size_t i = 0; i < form->nitems; i++)
		for (size_t j = 0; j < i; j++)
			if (form->items[i].id && form->items[j].id
			    && strcmp(form->items[i].id, form->items[j].id) == 0)
				fsd_side_problem(f, type, "has the item \"%s\" twice",
				    form->items[i].id);
}

void
close_forms_load(struct close_forms *forms, const char *path)
{
	struct fsd_sidefile f;
	const char *type;
	json_t *def;

	memset(forms, 0, sizeof *forms);
	fsd_side_open(&f, path, "forms file");
	forms->forms = xcalloc(json_object_size(f.doc) + 1, sizeof *forms->forms);
	json_object_foreach(f.doc, type, def)
		read_form(&f, type, def, &forms->forms[forms->n++]);
	close_forms_sort(forms);
	if (fsd_side_close(&f) > 0) {
		close_forms_free(forms);
		fsd_side_die(&f);
	}
}
