/* fsd-close's forms file (common/close/forms.h): a file taken gives
 * forms fsd-close can hold a job to -- each found by its type, each
 * item with an id, each reading with a unit and a range the right way
 * round, an asset's fields among the form's own; a bad file ends the
 * run (exit 1), caught by fuzz_call. */
#include <string.h>

#include "close/forms.h"
#include "fuzz.h"

static int
has_field(const struct close_form *form, const char *id)
{
	for (size_t i = 0; i < form->nitems; i++)
		if (form->items[i].kind == CLOSE_FIELD && strcmp(form->items[i].id, id) == 0)
			return 1;
	return 0;
}

static void
check_form(const struct close_forms *forms, const struct close_form *form)
{
	if (close_form_for(forms, form->type) != form)
		fuzz_broken("a form is not found by its own type");
	for (size_t i = 0; i < form->nitems; i++) {
		const struct close_item *item = &form->items[i];

		if (item->id == NULL || item->id[0] == '\0')
			fuzz_broken("an item taken without an id");
		if (item->kind == CLOSE_READING && (item->unit == NULL || item->unit[0] == '\0'))
			fuzz_broken("a reading taken without a unit");
		if (item->has_min && item->has_max && item->min > item->max)
			fuzz_broken("a reading taken with min above max");
	}
	if (form->asset_model != NULL && form->asset_serial == NULL)
		fuzz_broken("an asset taken without its serial");
	if ((form->asset_serial != NULL && !has_field(form, form->asset_serial))
	    || (form->asset_model != NULL && !has_field(form, form->asset_model)))
		fuzz_broken("an asset names a field the form does not ask for");
}

static void
run(const uint8_t *data, size_t size)
{
	struct close_forms forms;

	close_forms_load(&forms, fuzz_file(data, size));
	for (size_t i = 0; i < forms.n; i++)
		check_form(&forms, &forms.forms[i]);
	close_forms_free(&forms);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
