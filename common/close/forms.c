/* The forms once loaded (records_forms.c): sorted by type, looked up for
 * a job, freed. */
#include <stdlib.h>
#include <string.h>

#include "close/forms.h"

static int
by_type(const void *a, const void *b)
{
	return strcmp(((const struct close_form *)a)->type, ((const struct close_form *)b)->type);
}

void
close_forms_sort(struct close_forms *forms)
{
	qsort(forms->forms, forms->n, sizeof *forms->forms, by_type);
}

const struct close_form *
close_form_for(const struct close_forms *forms, const char *type)
{
	struct close_form key = { .type = (char *)(type ? type : "*") };
	const struct close_form *found = bsearch(&key, forms->forms, forms->n,
	    sizeof *forms->forms, by_type);

	if (found == NULL) {
		key.type = "*";
		found = bsearch(&key, forms->forms, forms->n, sizeof *forms->forms, by_type);
	}
	return found;
}

void
close_forms_free(struct close_forms *forms)
{
	for (size_t i = 0; i < forms->n; i++) {
		struct close_form *form = &forms->forms[i];

		for (size_t j = 0; j < form->nitems; j++) {
			free(form->items[j].id);
			free(form->items[j].label);
			free(form->items[j].unit);
		}
		free(form->items);
		for (size_t j = 0; j < form->nphotos; j++)
			free(form->photos[j]);
		free(form->photos);
		free(form->type);
		free(form->title);
		free(form->asset_serial);
		free(form->asset_model);
	}
	free(forms->forms);
	memset(forms, 0, sizeof *forms);
}
