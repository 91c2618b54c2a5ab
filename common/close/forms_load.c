/* Loading and checking the forms file. Every problem is reported with the
 * line of the form it is in and loading goes on, so one run shows them
 * all; then the run stops. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "err.h"
#include "record.h"
#include "xalloc.h"
#include "close/forms.h"

struct loader {
	const char *name;
	char *text;
	int problems;
};

static char *
read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		text = xgrow(text, &cap, len + n + 1, 1);
		memcpy(text + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (text != NULL)
		text[len] = '\0';
	return text;
}

/* The line a form's key ("no-heat") is on: enough to find the form, and
 * the message names the item within it. */
static long
line_of(const struct loader *l, const char *type)
{
	char *quoted = xasprintf("\"%s\"", type);
	const char *at = l->text ? strstr(l->text, quoted) : NULL;
	long line = 1;

	free(quoted);
	if (at == NULL)
		return 1;
	for (const char *p = l->text; p < at; p++)
		line += *p == '\n';
	return line;
}

static void __attribute__((format(printf, 3, 4)))
problem(struct loader *l, const char *type, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	fsd_warn_at(&(struct fsd_pos){ l->name, line_of(l, type) }, "%s", message);
	l->problems++;
}

/* A misspelt key would be a rule silently not applied. */
static void
check_keys(struct loader *l, const char *type, const char *where, const json_t *obj,
    const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)obj, key, v) {
		size_t i;

		for (i = 0; allowed[i] != NULL && strcmp(allowed[i], key) != 0; i++)
			;
		if (allowed[i] == NULL)
			problem(l, type, "\"%s%s\": unknown key \"%s\"", type, where, key);
	}
}

static char *
text_or_null(struct loader *l, const char *type, const char *where, const json_t *obj,
    const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL)
		return NULL;
	if (!json_is_string(v) || json_string_length(v) == 0) {
		problem(l, type, "\"%s%s.%s\" must be a non-empty string", type, where, key);
		return NULL;
	}
	return xstrdup(json_string_value(v));
}

static void
read_bound(struct loader *l, const char *type, const char *where, const json_t *obj,
    const char *key, int *has, double *out)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL)
		return;
	if (!json_is_number(v)) {
		problem(l, type, "\"%s%s.%s\" must be a number", type, where, key);
		return;
	}
	*has = 1;
	*out = json_number_value(v);
}

static void
read_item(struct loader *l, const char *type, enum close_item_kind kind, const char *list,
    size_t i, const json_t *v, struct close_item *item)
{
	static const char *const reading_keys[] = {
		"id", "label", "required", "unit", "min", "max", NULL
	};
	static const char *const field_keys[] = { "id", "label", "required", NULL };
	/* A checklist item is always answered: done, n/a or failed. */
	static const char *const checklist_keys[] = { "id", "label", NULL };
	char where[64];
	json_t *required;

	snprintf(where, sizeof where, ".%s[%zu]", list, i);
	memset(item, 0, sizeof *item);
	item->kind = kind;
	item->required = 1;
	if (!json_is_object(v)) {
		problem(l, type, "\"%s%s\" must be an object with an \"id\"", type, where);
		return;
	}
	check_keys(l, type, where, v, kind == CLOSE_CHECK ? checklist_keys
	    : kind == CLOSE_FIELD ? field_keys : reading_keys);
	if ((item->id = text_or_null(l, type, where, v, "id")) == NULL
	    && json_object_get(v, "id") == NULL)
		problem(l, type, "\"%s%s\" has no \"id\"", type, where);
	item->label = text_or_null(l, type, where, v, "label");
	if ((required = json_object_get(v, "required")) != NULL) {
		if (json_is_boolean(required))
			item->required = json_is_true(required);
		else
			problem(l, type, "\"%s%s.required\" must be true or false", type, where);
	}
	if (kind != CLOSE_READING)
		return;
	if ((item->unit = text_or_null(l, type, where, v, "unit")) == NULL
	    && json_object_get(v, "unit") == NULL)
		problem(l, type, "\"%s%s\" has no \"unit\"", type, where);
	read_bound(l, type, where, v, "min", &item->has_min, &item->min);
	read_bound(l, type, where, v, "max", &item->has_max, &item->max);
	if (item->has_min && item->has_max && item->min > item->max)
		problem(l, type, "\"%s%s\": \"min\" is above \"max\"", type, where);
}

static void
read_items(struct loader *l, struct close_form *form, const json_t *def, const char *list,
    enum close_item_kind kind)
{
	json_t *arr = json_object_get(def, list), *v;
	size_t i;

	if (arr == NULL)
		return;
	if (!json_is_array(arr)) {
		problem(l, form->type, "\"%s.%s\" must be an array of objects", form->type, list);
		return;
	}
	form->items = xrealloc(form->items, (form->nitems + json_array_size(arr)) * sizeof *form->items);
	json_array_foreach(arr, i, v)
		read_item(l, form->type, kind, list, i, v, &form->items[form->nitems++]);
}

static void
read_photos(struct loader *l, struct close_form *form, const json_t *def)
{
	json_t *arr = json_object_get(def, "photos"), *v;
	size_t i;

	if (arr == NULL)
		return;
	if (!json_is_array(arr)) {
		problem(l, form->type, "\"%s.photos\" must be an array of roles", form->type);
		return;
	}
	form->photos = xcalloc(json_array_size(arr) + 1, sizeof *form->photos);
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v) || json_string_length(v) == 0) {
			problem(l, form->type, "\"%s.photos[%zu]\" must be a role such as \"before\"",
			    form->type, i);
			continue;
		}
		form->photos[form->nphotos++] = xstrdup(json_string_value(v));
	}
}

static int
has_field(const struct close_form *form, const char *id)
{
	for (size_t i = 0; i < form->nitems; i++)
		if (form->items[i].kind == CLOSE_FIELD && form->items[i].id != NULL
		    && strcmp(form->items[i].id, id) == 0)
			return 1;
	return 0;
}

static void
read_asset(struct loader *l, struct close_form *form, const json_t *def)
{
	static const char *const keys[] = { "serial", "model", NULL };
	json_t *asset = json_object_get(def, "asset");

	if (asset == NULL)
		return;
	if (!json_is_object(asset)) {
		problem(l, form->type, "\"%s.asset\" must be an object naming the serial field",
		    form->type);
		return;
	}
	check_keys(l, form->type, ".asset", asset, keys);
	form->asset_serial = text_or_null(l, form->type, ".asset", asset, "serial");
	form->asset_model = text_or_null(l, form->type, ".asset", asset, "model");
	if (form->asset_serial == NULL)
		problem(l, form->type, "\"%s.asset\" needs the \"serial\" field that names the equipment",
		    form->type);
	/* The asset's fields are the form's: one the form does not ask for
	 * could never be filled. */
	if (form->asset_serial != NULL && !has_field(form, form->asset_serial))
		problem(l, form->type, "\"%s.asset.serial\": \"%s\" is not one of the form's fields",
		    form->type, form->asset_serial);
	if (form->asset_model != NULL && !has_field(form, form->asset_model))
		problem(l, form->type, "\"%s.asset.model\": \"%s\" is not one of the form's fields",
		    form->type, form->asset_model);
}

static void
read_form(struct loader *l, const char *type, const json_t *def, struct close_form *form)
{
	static const char *const keys[] = {
		"title", "fields", "checklist", "readings", "photos", "signature", "asset", NULL
	};
	json_t *signature;

	memset(form, 0, sizeof *form);
	form->type = xstrdup(type);
	if (!json_is_object(def)) {
		problem(l, type, "\"%s\" must be an object (a form)", type);
		return;
	}
	check_keys(l, type, "", def, keys);
	read_items(l, form, def, "fields", CLOSE_FIELD);
	read_items(l, form, def, "checklist", CLOSE_CHECK);
	read_items(l, form, def, "readings", CLOSE_READING);
	read_photos(l, form, def);
	read_asset(l, form, def);
	if ((signature = json_object_get(def, "signature")) != NULL) {
		if (json_is_boolean(signature))
			form->signature = json_is_true(signature);
		else
			problem(l, type, "\"%s.signature\" must be true or false", type);
	}
	for (size_t i = 0; i < form->nitems; i++)
		for (size_t j = 0; j < i; j++)
			if (form->items[i].id && form->items[j].id
			    && strcmp(form->items[i].id, form->items[j].id) == 0)
				problem(l, type, "\"%s\": item \"%s\" is there twice", type,
				    form->items[i].id);
}

static int
by_type(const void *a, const void *b)
{
	return strcmp(((const struct close_form *)a)->type, ((const struct close_form *)b)->type);
}

void
close_forms_load(struct close_forms *forms, const char *path)
{
	json_t *doc = fsd_load_json_object(path), *def;
	struct loader l = { path, read_text(path), 0 };
	const char *type;

	memset(forms, 0, sizeof *forms);
	forms->forms = xcalloc(json_object_size(doc) + 1, sizeof *forms->forms);
	json_object_foreach(doc, type, def)
		read_form(&l, type, def, &forms->forms[forms->n++]);
	qsort(forms->forms, forms->n, sizeof *forms->forms, by_type);
	free(l.text);
	json_decref(doc);
	if (l.problems > 0) {
		close_forms_free(forms);
		fsd_die(FSD_EXIT_DATA, "%s: %d problem%s in the forms; nothing closed",
		    path, l.problems, l.problems == 1 ? "" : "s");
	}
}

const struct close_form *
close_form_for(const struct close_forms *forms, const char *type)
{
	struct close_form key = { .type = (char *)(type ? type : "*") };
	const struct close_form *f = bsearch(&key, forms->forms, forms->n, sizeof *forms->forms,
	    by_type);

	if (f == NULL) {
		key.type = "*";
		f = bsearch(&key, forms->forms, forms->n, sizeof *forms->forms, by_type);
	}
	return f;
}

void
close_forms_free(struct close_forms *forms)
{
	for (size_t i = 0; i < forms->n; i++) {
		struct close_form *f = &forms->forms[i];

		for (size_t j = 0; j < f->nitems; j++) {
			free(f->items[j].id);
			free(f->items[j].label);
			free(f->items[j].unit);
		}
		free(f->items);
		for (size_t j = 0; j < f->nphotos; j++)
			free(f->photos[j]);
		free(f->photos);
		free(f->type);
		free(f->asset_serial);
		free(f->asset_model);
	}
	free(forms->forms);
	memset(forms, 0, sizeof *forms);
}
