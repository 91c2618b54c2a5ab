/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <string.h>

#include "csv/vocabulary.h"

/* Top-level names from fsd(5): records, the fields tools add, and the
 * side files' columns (contracts, stock, usage). */
static const char *const known[] = {
	"after_hours", "approval", "arrive", "at", "break", "breaks", "capacity",
	"contract", "coupon", "currency", "customer", "date", "dates", "demand",
	"deposit", "deposit_percent", "drive", "dtstart", "due", "due_range",
	"duration", "email", "end", "estimate", "eta_window", "every",
	"exception", "excluded_techs", "expected", "extra_cells", "home", "hours",
	"id", "invoice", "job", "kind", "labor", "lead", "lead_days", "location",
	"locked", "match", "max", "max_stops", "min", "name", "notes", "nte", "off",
	"on_call", "order", "parts", "parts_used", "phone", "preferred",
	"preferred_tech", "priority", "qty", "required_tech", "roster", "rrule",
	"seq", "shift", "shifts", "site", "skills", "sku", "sla_due", "source",
	"start", "status", "stock", "supplier", "tasks", "tech", "territory",
	"tolerance", "trade", "type", "tz", "unit_cost", "warning", "weekdays",
	"window", "windows", "work",
};

int
fsd_vocabulary_has(const char *column)
{
	size_t len = strcspn(column, ".");

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i]) == len && strncmp(known[i], column, len) == 0)
			return 1;
	return 0;
}

static int
has_prefix(char *const *columns, size_t n, const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < n; i++)
		if (strncmp(columns[i], name, len) == 0
		    && (columns[i][len] == '\0' || columns[i][len] == '.'))
			return 1;
	return 0;
}

void
fsd_vocabulary_missing(char *const *columns, size_t n, char *out, size_t outlen)
{
	/* Alternatives are separated by '|': either one will do. */
	static const char *const job_needs[] = { "id", "site.lat|site.address", "duration" };
	static const char *const tech_needs[] = { "id", "name", "skills", "home.lat",
	    "home.lon", "shift.start", "shift.end" };
	int techs = has_prefix(columns, n, "home") || has_prefix(columns, n, "shift");
	const char *const *needs = techs ? tech_needs : job_needs;
	size_t nneeds = techs ? sizeof tech_needs / sizeof *tech_needs
	    : sizeof job_needs / sizeof *job_needs;
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < nneeds; i++) {
		char want[64];
		int found = 0;

		snprintf(want, sizeof want, "%s", needs[i]);
		for (char *alt = strtok(want, "|"); alt != NULL && !found; alt = strtok(NULL, "|"))
			found = has_prefix(columns, n, alt);
		if (found || used >= outlen)
			continue;
		used += (size_t)snprintf(out + used, outlen - used, "%s%s",
		    used ? ", " : "", needs[i][strcspn(needs[i], "|")] ? "site.lat or site.address" : needs[i]);
	}
}
