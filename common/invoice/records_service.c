/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The work billed read from records: technicians' names from --techs,
 * and a job's service from its scanned record. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "field.h"
#include "record.h"
#include "xalloc.h"
#include "invoice/records_service.h"

void
inv_techs_load(struct inv_techs *t, const char *path)
{
	long *lines = NULL;
	json_t *all = fsd_load_records(path, &lines);

	memset(t, 0, sizeof *t);
	t->v = xcalloc(json_array_size(all) + 1, sizeof *t->v);
	for (size_t i = 0; i < json_array_size(all); i++) {
		const json_t *tech = json_array_get(all, i);
		const char *id = NULL, *name = NULL;

		if (fsd_field_string(tech, "id", &id, NULL) != FSD_FIELD_OK
		    || fsd_field_string(tech, "name", &name, NULL) != FSD_FIELD_OK) {
			fsd_warn_at(&(struct fsd_pos){ fsd_display_name(path), lines[i] },
			    "a technician needs a string \"id\" and \"name\" for the invoice");
			continue;
		}
		t->v[t->n].id = xstrdup(id);
		t->v[t->n++].name = xstrdup(name);
	}
	inv_techs_sort(t);
	json_decref(all);
	free(lines);
}

static const char *
text(const struct fsd_scan *d, int at, const char *path)
{
	const char *s = NULL;

	if (fsd_scan_string(d, at, path, &s, NULL, NULL) != FSD_FIELD_OK || s[0] == '\0')
		return NULL;
	return s;
}

static int
when(const struct fsd_scan *d, const char *path, const char *fallback, struct fsd_time *t)
{
	return fsd_scan_time(d, 0, path, t, NULL) == FSD_FIELD_OK
	    || fsd_scan_time(d, 0, fallback, t, NULL) == FSD_FIELD_OK;
}

/* fsd-close's evidence: [{role, path, sha256}]. */
static void
read_evidence(struct inv_service *s, const struct fsd_scan *d)
{
	int list = fsd_scan_get(d, 0, "evidence");

	if (list < 0 || d->nodes[list].type != FSD_SCAN_ARRAY)
		return;
	for (int v = d->nodes[list].child; v >= 0; v = d->nodes[v].next) {
		struct inv_evidence e = { text(d, v, "role"), text(d, v, "path"), text(d, v, "sha256") };

		/* A flagged photo proved nothing; it is not shown as proof. */
		if (e.path == NULL || e.sha256 == NULL || fsd_scan_get(d, v, "flag") >= 0)
			continue;
		s->evidence = xgrow(s->evidence, &s->evidence_cap, s->nevidence + 1, sizeof *s->evidence);
		s->evidence[s->nevidence++] = e;
	}
}

static void
read_findings(struct inv_service *s, const struct fsd_scan *d)
{
	int list = fsd_scan_get(d, 0, "findings");

	if (list < 0 || d->nodes[list].type != FSD_SCAN_ARRAY)
		return;
	for (int v = d->nodes[list].child; v >= 0; v = d->nodes[v].next) {
		const char *message = text(d, v, "message");

		if (message == NULL)
			continue;
		s->findings = xgrow(s->findings, &s->findings_cap, s->nfindings + 1, sizeof *s->findings);
		s->findings[s->nfindings++] = message;
	}
}

void
inv_service_read(struct inv_service *s, const struct fsd_scan *d, const struct inv_techs *techs)
{
	const char *site, *billing;

	s->has_start = when(d, "arrived", "work.start", &s->start);
	s->has_end = when(d, "completed", "work.end", &s->end);
	s->tech_id = text(d, 0, "tech");
	s->tech_name = inv_techs_name(techs, s->tech_id);
	site = text(d, 0, "site.address");
	billing = text(d, 0, "customer.billing.address");
	s->address = site != NULL && billing != NULL && strcmp(site, billing) != 0 ? site : NULL;
	if ((s->work_performed = text(d, 0, "form.work_performed")) == NULL)
		s->work_performed = text(d, 0, "work_performed");
	s->notes = text(d, 0, "notes");
	s->signed_by = text(d, 0, "signature.name");
	s->has_signed_at = fsd_scan_time(d, 0, "signature.at", &s->signed_at, NULL) == FSD_FIELD_OK;
	s->closed = fsd_scan_get(d, 0, "closed") >= 0;
	s->nevidence = s->nfindings = 0;
	read_evidence(s, d);
	read_findings(s, d);
}
