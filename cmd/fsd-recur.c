/* SPDX-License-Identifier: ISC (see LICENSE) */
/* fsd-recur: maintenance contracts in, the jobs their visits need out.
 * Calendar-fixed contracts recur by an RFC 5545 rule, floating ones every
 * N days after the last visit; each visit lands on an allowed day near its
 * due date, with an id made of contract and due date so that reruns, fed
 * what they made before (--existing), never make a visit twice. */
#include <stdlib.h>

#include "fsd.h"
#include "recur/recur.h"
#include "recur/records.h"
#include "recur/seen.h"

static const char *from_text, *to_text, *on_text, *history_path, *existing_path,
    *holidays_path, *tz_text;
static int64_t from_day, to_day, on_day;
static int spread;

static const struct fsd_option options[] = {
	{ 0, "from", "DATE", "first day to make visits for (YYYY-MM-DD)", NULL, &from_text,
	  .type = FSD_OPT_DATE, .date = &from_day },
	{ 0, "to", "DATE", "last day to make visits for", NULL, &to_text,
	  .type = FSD_OPT_DATE, .date = &to_day },
	{ 0, "on", "DATE", "one day: --from DATE --to DATE", NULL, &on_text,
	  .type = FSD_OPT_DATE, .date = &on_day },
	{ 0, "history", "FILE", "completed visits: floating schedules count from them", NULL, &history_path },
	{ 0, "existing", "FILE", "jobs made already: not made again", NULL, &existing_path },
	{ 0, "holidays", "FILE", "days no visit goes on, one YYYY-MM-DD a line", NULL, &holidays_path },
	{ 0, "tz", "ZONE", "time zone of contracts that give none (America/Denver)", NULL, &tz_text },
	{ 0, "spread", NULL, "level floating visits across their tolerance", &spread, NULL },
	{ 0 }
};

static const struct fsd_tool tool = {
	"fsd-recur",
	"(--on DATE | --from DATE --to DATE) [--history FILE] [--existing FILE] "
	"[--holidays FILE] [--tz ZONE] [--spread] [FILE ...]",
	"turn maintenance contracts into the jobs their visits need",
	options, FSD_TOOL_RECORDS
};

/* Every contract record in input order, good or bad, with its visits. */
struct entry {
	json_t *record;
	size_t contract;	/* index into contracts, or (size_t)-1 when bad */
	size_t first_visit, end_visit;
};

struct book {
	struct entry *entries;
	size_t nentries, entries_cap;
	struct recur_contract *contracts;
	size_t ncontracts, contracts_cap;
};

static int
take_contract(json_t *record, const struct fsd_pos *pos, void *arg)
{
	struct book *b = arg;
	struct recur_contract c;
	int bad = recur_contract_read(record, pos, tz_text, &c) != FSD_FIELD_OK;

	if (bad)
		fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	b->entries = xgrow(b->entries, &b->entries_cap, b->nentries + 1, sizeof *b->entries);
	b->entries[b->nentries++] = (struct entry){ json_incref(record),
	    bad ? (size_t)-1 : b->ncontracts, 0, 0 };
	if (!bad) {
		b->contracts = xgrow(b->contracts, &b->contracts_cap, b->ncontracts + 1,
		    sizeof *b->contracts);
		b->contracts[b->ncontracts++] = c;
	}
	return bad;
}

static int
take_seen(json_t *record, const struct fsd_pos *pos, void *arg)
{
	return recur_seen_read(arg, record, pos) != 0;
}

static void
read_run(struct recur_run *run)
{
	if (on_text != NULL && (from_text != NULL || to_text != NULL))
		fsd_usage_error("give --on DATE or --from and --to, not both");
	if (on_text != NULL) {
		from_text = to_text = on_text;
		from_day = to_day = on_day;
	}
	if (from_text == NULL || to_text == NULL)
		fsd_usage_error("which days? give --on DATE, or --from DATE and --to DATE");
	run->from_day = from_day;
	run->to_day = to_day;
	if (run->to_day < run->from_day)
		fsd_usage_error("--to %s is before --from %s", to_text, from_text);
	if (run->to_day - run->from_day > 3660)
		fsd_usage_error("--from to --to spans more than ten years");
	if (tz_text != NULL && recur_zone(tz_text) == NULL)
		fsd_usage_error("--tz: unknown time zone \"%s\"", tz_text);
}

/* Expand every good contract; drop the visits that exist already. */
static void
expand_all(struct book *b, const struct recur_run *run, struct recur_seen *seen,
    struct recur_visits *vs)
{
	char id[RECUR_ID_LEN];

	for (size_t e = 0; e < b->nentries; e++) {
		struct entry *en = &b->entries[e];
		struct recur_contract *c;
		size_t kept;

		if (en->contract == (size_t)-1)
			continue;
		c = &b->contracts[en->contract];
		if (c->kind == RECUR_EVERY)
			c->last_day = recur_seen_last(seen, c->id);
		en->first_visit = kept = vs->count;
		recur_expand(b->contracts, en->contract, run, vs);
		for (size_t i = en->first_visit; i < vs->count; i++) {
			struct recur_visit *v = &vs->v[i];
			if (recur_seen_has_id(seen, recur_visit_id(c, v, id))
			    || recur_seen_covers(seen, c->id, v->range_start, v->range_end))
				continue;
			vs->v[kept++] = *v;
		}
		vs->count = en->end_visit = kept;
	}
}

static void
emit_all(const struct book *b, const struct recur_visits *vs)
{
	char date[FSD_DATE_LEN];

	for (size_t e = 0; e < b->nentries; e++) {
		const struct entry *en = &b->entries[e];

		if (en->contract == (size_t)-1) {
			fsd_emit(en->record);
			continue;
		}
		for (size_t i = en->first_visit; i < en->end_visit; i++) {
			const struct recur_contract *c = &b->contracts[en->contract];
			json_t *job = recur_visit_job(en->record, c, &vs->v[i]);

			if (vs->v[i].unplaceable)
				fsd_warn_at(&c->pos, "contract %s: no allowed day near %s",
				    c->id, fsd_date_format(vs->v[i].due_day, date));
			fsd_emit(job);
			json_decref(job);
		}
	}
}

int
main(int argc, char **argv)
{
	int first = fsd_parse_options(&tool, argc, argv);
	struct recur_holidays holidays = { NULL, 0 };
	struct recur_run run = { 0, 0, &holidays };
	struct recur_seen seen = { 0 };
	struct recur_visits visits = { NULL, 0, 0 };
	struct book book = { 0 };

	read_run(&run);
	if (holidays_path != NULL)
		recur_holidays_load(&holidays, holidays_path);
	if (history_path != NULL)
		fsd_read_record_file(history_path, take_seen, &seen);
	if (existing_path != NULL)
		fsd_read_record_file(existing_path, take_seen, &seen);
	fsd_read_records(argc - first, argv + first, take_contract, &book);
	expand_all(&book, &run, &seen, &visits);
	if (spread)
		recur_spread(book.contracts, &run, &visits);
	emit_all(&book, &visits);

	for (size_t e = 0; e < book.nentries; e++)
		json_decref(book.entries[e].record);
	free(book.entries);
	free(book.contracts);
	recur_visits_free(&visits);
	recur_seen_free(&seen);
	recur_holidays_free(&holidays);
	recur_rrule_forget();
	recur_zones_free();
	return fsd_finish();
}
