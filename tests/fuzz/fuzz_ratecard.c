/* The rate card (common/invoice/records_ratecard.h): any JSON object jansson
 * reads, through the card's checks. A card taken prices a job. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "invoice/calc.h"
#include "invoice/records_ratecard.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	struct inv_ratecard card;
	struct inv_invoice inv = { 0 };
	char err[INV_ERROR_LEN];

	if (doc != NULL && json_is_object(doc)) {
		memset(&card, 0, sizeof card);
		if (inv_ratecard_from_json(&card, doc, text, "fuzz") == 0) {
			struct inv_labor labor = { .minutes = 61 };
			struct inv_job job = { .id = "J1", .skills = (const char *[]){ "hvac" },
			    .nskills = 1, .labor = &labor, .nlabor = 1 };

			inv_compute(&card, &job, &inv, err);
			inv_invoice_free(&inv);
		}
		inv_ratecard_free(&card);
	}
	json_decref(doc);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
