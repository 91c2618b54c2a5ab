/* Plan records and the techs file into struct view_plan, down to a
 * pickup's location and the parts to take, so the pages (board.c,
 * sheet.c, ...) never look inside a record. */
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "record.h"
#include "xalloc.h"
#include "views/plan.h"

/* Colours a dispatcher tells apart at a glance, on white and in print
 * (Tableau's 10 and two more); techs past the twelfth reuse them. */
static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f3d7a", "#8c564b"
};

void
view_plan_init(struct view_plan *p)
{
	memset(p, 0, sizeof *p);
	p->others = json_array();
	p->invoices = json_array();
}

void
view_plan_free(struct view_plan *p)
{
	for (size_t i = 0; i < p->nstops; i++) {
		json_decref(p->stops[i].record);
		free(p->stops[i].parts);
	}
	free(p->stops);
	free(p->techs);
	free(p->alerts);
	json_decref(p->tech_records);
	json_decref(p->others);
	json_decref(p->invoices);
	json_decref(p->index);
}

static int
add_tech(struct view_plan *p, const char *id)
{
	struct view_tech *t;

	p->techs = xgrow(p->techs, &p->techs_cap, p->ntechs + 1, sizeof *p->techs);
	t = &p->techs[p->ntechs];
	memset(t, 0, sizeof *t);
	t->id = id;
	t->color = palette[p->ntechs % (sizeof palette / sizeof palette[0])];
	return (int)p->ntechs++;
}

int
view_plan_tech(struct view_plan *p, const char *id)
{
	for (size_t i = 0; i < p->ntechs; i++)
		if (strcmp(p->techs[i].id, id) == 0)
			return (int)i;
	return add_tech(p, id);
}

static int
read_tech(struct view_plan *p, const json_t *rec, const struct fsd_pos *pos)
{
	const char *id;
	struct view_tech *t;
	int i, r = fsd_field_string(rec, "id", &id, pos);

	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"id\" is missing");
	if (r != FSD_FIELD_OK)
		return r;
	i = view_plan_tech(p, id);	/* may move p->techs */
	t = &p->techs[i];
	if (fsd_field_string(rec, "name", &t->name, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "phone", &t->phone, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	r = fsd_field_number(rec, "home.lat", &t->home_lat, pos);
	if (r == FSD_FIELD_OK)
		r = fsd_field_number(rec, "home.lon", &t->home_lon, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	t->has_home = r == FSD_FIELD_OK;
	r = fsd_field_time(rec, "shift.start", &t->shift_start, pos);
	if (r == FSD_FIELD_OK)
		r = fsd_field_time(rec, "shift.end", &t->shift_end, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	t->has_shift = r == FSD_FIELD_OK;
	return FSD_FIELD_OK;
}

void
view_plan_load_techs(struct view_plan *p, const char *path)
{
	long *lines = NULL;

	p->tech_records = fsd_load_records(path, &lines);
	for (size_t i = 0; i < json_array_size(p->tech_records); i++) {
		struct fsd_pos pos = { path, lines[i] };

		read_tech(p, json_array_get(p->tech_records, i), &pos);
	}
	free(lines);
}

/* Two times that go together ("window.start", "window.end"): both or
 * neither. Returns FSD_FIELD_OK, _ABSENT or _BAD. */
static int
time_pair(const json_t *rec, const char *a, const char *b, struct fsd_time *ta,
    struct fsd_time *tb, const struct fsd_pos *pos)
{
	int r = fsd_field_time(rec, a, ta, pos);

	if (r != FSD_FIELD_OK)
		return r;
	r = fsd_field_time(rec, b, tb, pos);
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" is missing", b);
	return r;
}

/* What to take, [{sku, qty}], read as the sheet lists it: an entry with
 * no string sku keeps its place (sku NULL), a qty that is not a whole
 * number is 1; anything but an array is no parts. */
static void
read_parts(struct view_stop *s, const json_t *parts)
{
	size_t i;
	json_t *part;

	s->nparts = json_array_size(parts);
	s->parts = xcalloc(s->nparts + 1, sizeof *s->parts);
	json_array_foreach(parts, i, part) {
		json_t *qty = json_object_get(part, "qty");

		s->parts[i].sku = json_string_value(json_object_get(part, "sku"));
		s->parts[i].qty = json_is_integer(qty) ? (long long)json_integer_value(qty) : 1LL;
	}
}

static int
read_stop(struct view_plan *p, struct view_stop *s, const struct fsd_pos *pos)
{
	const json_t *rec = s->record;
	long long seq = 0, priority = 0;
	int r, times;

	if (fsd_field_string(rec, s->kind == VIEW_PICKUP ? "for" : "id", &s->id, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "tech", &s->tech, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "status", &s->status, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "exception.code", &s->exception_code, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "exception.message", &s->exception_message, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "site.address", &s->address, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "site.access", &s->access, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "type", &s->type, pos) == FSD_FIELD_BAD
	    || fsd_field_int(rec, "priority", &priority, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "customer.id", &s->customer_id, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "customer.name", &s->customer_name, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "customer.phone", &s->customer_phone, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "notes", &s->notes, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "asset.id", &s->asset_id, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "follow_up_of", &s->follow_up_of, pos) == FSD_FIELD_BAD
	    || fsd_field_int(rec, "seq", &seq, pos) == FSD_FIELD_BAD
	    || fsd_field_number(rec, "drive.min", &s->drive_min, pos) == FSD_FIELD_BAD
	    || fsd_field_number(rec, "drive.km", &s->drive_km, pos) == FSD_FIELD_BAD)
		return FSD_FIELD_BAD;
	if (s->id == NULL)
		return fsd_field_fail(pos, "\"%s\" is missing", s->kind == VIEW_PICKUP ? "for" : "id");
	s->seq = (long)seq;
	s->priority = (long)priority;
	r = fsd_field_number(rec, "site.lat", &s->lat, pos);
	if (r == FSD_FIELD_OK)
		r = fsd_field_number(rec, "site.lon", &s->lon, pos);
	if (r == FSD_FIELD_BAD)
		return r;
	s->has_site = r == FSD_FIELD_OK;
	if (s->kind == VIEW_PICKUP) {
		times = time_pair(rec, "arrive", "depart", &s->start, &s->end, pos);
		s->arrive = s->start;
	} else {
		times = time_pair(rec, "start", "end", &s->start, &s->end, pos);
		if (times == FSD_FIELD_OK && (r = fsd_field_time(rec, "arrive", &s->arrive, pos)) != FSD_FIELD_OK) {
			if (r == FSD_FIELD_BAD)
				return r;
			s->arrive = s->start;
		}
	}
	if (times == FSD_FIELD_BAD)
		return times;
	if ((r = time_pair(rec, "eta_window.start", "eta_window.end", &s->eta_start, &s->eta_end, pos)) == FSD_FIELD_BAD)
		return r;
	s->has_eta = r == FSD_FIELD_OK;
	if ((r = time_pair(rec, "break.start", "break.end", &s->break_start, &s->break_end, pos)) == FSD_FIELD_BAD)
		return r;
	s->has_break = r == FSD_FIELD_OK;
	if ((r = fsd_field_time(rec, "sla_due", &s->sla_due, pos)) == FSD_FIELD_BAD)
		return r;
	s->has_sla = r == FSD_FIELD_OK;
	s->late = fsd_field(rec, "late") != NULL;
	s->eta_changed = fsd_field(rec, "eta_changed") != NULL;
	read_parts(s, fsd_field(rec, s->kind == VIEW_PICKUP ? "skus" : "parts"));
	if (s->kind == VIEW_PICKUP)
		s->location = json_string_value(json_object_get(rec, "location"));
	/* What fsd-status folds in, or a closed job's work (fsd-invoice's
	 * input); read as it comes, since a time of another shape is not
	 * the plan's to judge. */
	s->has_arrived = fsd_field_time(rec, "arrived", &s->arrived, NULL) == FSD_FIELD_OK
	    || fsd_field_time(rec, "work.start", &s->arrived, NULL) == FSD_FIELD_OK;
	s->has_completed = fsd_field_time(rec, "completed", &s->completed, NULL) == FSD_FIELD_OK
	    || fsd_field_time(rec, "work.end", &s->completed, NULL) == FSD_FIELD_OK;
	if (s->tech != NULL)
		s->tech_index = view_plan_tech(p, s->tech);
	s->placed = s->tech != NULL && times == FSD_FIELD_OK && s->exception_code == NULL;
	return FSD_FIELD_OK;
}

int
view_plan_add(struct view_plan *p, json_t *record, const struct fsd_pos *pos)
{
	const char *kind = NULL;
	struct view_stop *s;

	fsd_field_string(record, "kind", &kind, NULL);
	if (kind != NULL && strcmp(kind, "job") != 0 && strcmp(kind, "pickup") != 0) {
		json_array_append(p->others, record);
		return 0;
	}
	p->stops = xgrow(p->stops, &p->stops_cap, p->nstops + 1, sizeof *p->stops);
	s = &p->stops[p->nstops++];
	memset(s, 0, sizeof *s);
	s->record = json_incref(record);
	s->pos = *pos;
	s->tech_index = -1;
	s->kind = kind != NULL && strcmp(kind, "pickup") == 0 ? VIEW_PICKUP : VIEW_JOB;
	if (read_stop(p, s, pos) == FSD_FIELD_OK)
		return 0;
	/* Shown among the jobs not placed, with what was wrong. */
	fsd_set_exception(record, "bad_record", "%s", fsd_field_error);
	fsd_field_string(record, "exception.code", &s->exception_code, NULL);
	fsd_field_string(record, "exception.message", &s->exception_message, NULL);
	if (s->id == NULL)
		s->id = "(no id)";
	s->placed = 0;
	return 1;
}

int
view_plan_add_invoice(struct view_plan *p, json_t *record, const struct fsd_pos *pos)
{
	const char *id, *number;

	if (fsd_field_string(record, "id", &id, pos) != FSD_FIELD_OK
	    || fsd_field_string(record, "invoice.number", &number, pos) != FSD_FIELD_OK) {
		if (fsd_field(record, "invoice") != NULL || fsd_field(record, "id") == NULL)
			fsd_field_fail(pos, "an invoice record needs \"id\" and \"invoice.number\"");
		return 1;
	}
	json_array_append(p->invoices, record);
	return 0;
}

struct view_stop *
view_plan_job(const struct view_plan *p, const char *id)
{
	json_t *at = json_object_get(p->index, id);

	return at == NULL ? NULL : &p->stops[json_integer_value(at)];
}

struct event_at {
	json_t *record;
	size_t order;
	struct fsd_time at;
};

static int
by_time(const void *a, const void *b)
{
	const struct event_at *x = a, *y = b;

	if (x->at.seconds != y->at.seconds)
		return x->at.seconds < y->at.seconds ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
apply_event(struct view_plan *p, const struct event_at *e)
{
	const char *job = NULL, *status = NULL;
	struct view_stop *s;

	fsd_field_string(e->record, "job", &job, NULL);
	fsd_field_string(e->record, "status", &status, NULL);
	/* An event with an exception was not logged, or not applied. */
	if (job == NULL || status == NULL || fsd_field(e->record, "exception") != NULL
	    || (s = view_plan_job(p, job)) == NULL) {
		p->events_unmatched++;
		return;
	}
	p->events_used++;
	s->has_live = 1;
	s->live_status = status;
	s->live_at = e->at;
	if (strcmp(status, "on_site") == 0 && !s->has_arrived) {
		s->has_arrived = 1;
		s->arrived = e->at;
	} else if (strcmp(status, "completed") == 0) {
		s->has_completed = 1;
		s->completed = e->at;
	}
}

static void
add_alert(struct view_plan *p, const json_t *rec)
{
	struct view_alert *a;

	p->alerts = xgrow(p->alerts, &p->alerts_cap, p->nalerts + 1, sizeof *p->alerts);
	a = &p->alerts[p->nalerts++];
	memset(a, 0, sizeof *a);
	fsd_field_string(rec, "code", &a->code, NULL);
	fsd_field_string(rec, "tech", &a->tech, NULL);
	fsd_field_string(rec, "job", &a->job, NULL);
	fsd_field_string(rec, "message", &a->message, NULL);
	a->has_at = fsd_field_time(rec, "at", &a->at, NULL) == FSD_FIELD_OK;
	if (a->code == NULL)
		a->code = "alert";
}

static void
match_invoice(struct view_plan *p, const json_t *rec)
{
	const char *id = NULL;
	long long total = 0;
	struct view_stop *s;

	fsd_field_string(rec, "id", &id, NULL);
	if ((s = view_plan_job(p, id)) == NULL)
		return;
	fsd_field_string(rec, "invoice.number", &s->invoice_number, NULL);
	fsd_field_string(rec, "invoice.currency", &s->invoice_currency, NULL);
	fsd_field_string(rec, "invoice.date", &s->invoice_date, NULL);
	fsd_field_int(rec, "invoice.total", &total, NULL);
	s->invoice_total = total;
	if (!s->has_completed)
		s->has_completed = fsd_field_time(rec, "work.end", &s->completed, NULL) == FSD_FIELD_OK;
}

/* A payment {invoice, amount} counts against the invoice of that number;
 * one with a status other than "paid" or "succeeded" (a failed card) does
 * not; one without an amount pays the invoice whole. */
static void
apply_payment(struct view_plan *p, const json_t *rec)
{
	const char *kind = NULL, *number = NULL, *status = NULL;
	long long amount = -1;

	fsd_field_string(rec, "kind", &kind, NULL);
	fsd_field_string(rec, "invoice", &number, NULL);
	fsd_field_string(rec, "status", &status, NULL);
	if (kind == NULL || strcmp(kind, "payment") != 0 || number == NULL
	    || (status != NULL && strcmp(status, "paid") != 0 && strcmp(status, "succeeded") != 0))
		return;
	fsd_field_int(rec, "amount", &amount, NULL);
	for (size_t i = 0; i < p->nstops; i++) {
		struct view_stop *s = &p->stops[i];

		if (s->kind == VIEW_JOB && s->invoice_number != NULL && strcmp(s->invoice_number, number) == 0) {
			s->paid += amount >= 0 ? amount : s->invoice_total;
			return;
		}
	}
}

void
view_plan_settle(struct view_plan *p)
{
	size_t n = json_array_size(p->others), nevents = 0;
	struct event_at *events = xcalloc(n + 1, sizeof *events);

	json_decref(p->index);
	p->index = json_object();
	for (size_t i = 0; i < p->nstops; i++) {
		json_t *before;

		if (p->stops[i].kind != VIEW_JOB)
			continue;
		if ((before = json_object_get(p->index, p->stops[i].id)) != NULL) {
			p->stops[json_integer_value(before)].kind = VIEW_SUPERSEDED;
			p->stops[json_integer_value(before)].placed = 0;
		}
		json_object_set_new(p->index, p->stops[i].id, json_integer((json_int_t)i));
	}
	for (size_t i = 0; i < n; i++) {
		json_t *rec = json_array_get(p->others, i);
		const char *kind = NULL;

		fsd_field_string(rec, "kind", &kind, NULL);
		if (strcmp(kind, "alert") == 0)
			add_alert(p, rec);
		else if (strcmp(kind, "payment") == 0)
			continue;	/* after the invoices */
		else if (strcmp(kind, "status") != 0)
			continue;
		else if (fsd_field_time(rec, "at", &events[nevents].at, NULL) != FSD_FIELD_OK)
			p->events_unmatched++;
		else {
			events[nevents].record = rec;
			events[nevents].order = i;
			nevents++;
		}
	}
	/* The day's log is in time order; several logs put together may not be. */
	qsort(events, nevents, sizeof *events, by_time);
	for (size_t i = 0; i < nevents; i++)
		apply_event(p, &events[i]);
	free(events);
	for (size_t i = 0; i < json_array_size(p->invoices); i++)
		match_invoice(p, json_array_get(p->invoices, i));
	for (size_t i = 0; i < n; i++)
		apply_payment(p, json_array_get(p->others, i));
}
