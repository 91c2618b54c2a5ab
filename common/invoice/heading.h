/* SPDX-License-Identifier: ISC (see LICENSE) */
/* What an invoice says above its lines: its number, dates, payment link,
 * the jobs a grouped one covers and the work a job's own one bills.
 * Written out as JSON by records_render.c and as HTML by html.c. */
#ifndef FSD_INVOICE_HEADING_H
#define FSD_INVOICE_HEADING_H

#include <stddef.h>
#include <stdint.h>

#include "invoice/calc.h"
#include "invoice/service.h"

struct inv_heading {
	const char *number;	/* the invoice number */
	enum inv_stage stage;
	int64_t date, due;	/* days since 1970 */
	const char *payment_link;	/* NULL: none */
	int tax_exempt;
	/* A grouped invoice: how it was grouped ("customer,month"), the
	 * period's label ("2026-11") or NULL, and the jobs it covers. */
	const char *group, *period;
	const char *const *jobs;
	size_t njobs;
	/* The work billed, for a job's own invoice (NULL: none shown), and
	 * what its evidence paths are relative to in links (NULL: as they are). */
	const struct inv_service *service;
	const char *media_url;
};

#endif
