#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "geo.h"
#include "xalloc.h"
#include "close/records.h"

/* "done", "n/a: no gas on site", "failed - heat exchanger cracked": the
 * state, then the reason after a colon or a dash. */
static void
read_check_text(const char *s, struct close_answer *a)
{
	static const struct { const char *word; enum close_check_state state; } words[] = {
		{ "done", CLOSE_CHECK_DONE }, { "ok", CLOSE_CHECK_DONE }, { "yes", CLOSE_CHECK_DONE },
		/* A ticked box as a spreadsheet exports it. */
		{ "true", CLOSE_CHECK_DONE }, { "x", CLOSE_CHECK_DONE },
		{ "n/a", CLOSE_CHECK_NA }, { "na", CLOSE_CHECK_NA },
		{ "failed", CLOSE_CHECK_FAILED }, { "fail", CLOSE_CHECK_FAILED },
	};
	size_t len = strcspn(s, ":-");

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	/* "n/a" holds no dash or colon, so it is whole before the cut. */
	a->check = CLOSE_CHECK_BAD;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].word) == len && strncasecmp(s, words[i].word, len) == 0)
			a->check = words[i].state;
	s += strcspn(s, ":-");
	if (*s != '\0')
		s++;
	while (isspace((unsigned char)*s))
		s++;
	a->reason = *s != '\0' ? s : NULL;
}

static int
read_check(const json_t *v, struct close_answer *a, const char *id, const struct fsd_pos *pos)
{
	const char *status = NULL;

	if (json_is_true(v)) {
		a->check = CLOSE_CHECK_DONE;
	} else if (json_is_false(v)) {
		a->check = CLOSE_CHECK_UNANSWERED;
	} else if (json_is_string(v)) {
		a->text = json_string_value(v);
		read_check_text(a->text, a);
	} else if (json_is_object(v)) {
		if (fsd_field_string(v, "status", &status, NULL) != FSD_FIELD_OK
		    || fsd_field_string(v, "reason", &a->reason, NULL) == FSD_FIELD_BAD)
			return fsd_field_fail(pos, "\"form.%s\" must be {\"status\", \"reason\"} "
			    "with status done, n/a or failed", id);
		a->text = status;
		read_check_text(status, a);
		fsd_field_string(v, "reason", &a->reason, NULL);
	} else {
		return fsd_field_fail(pos, "\"form.%s\" must be done, n/a or failed", id);
	}
	return 0;
}

/* 0.5, "0.5", "0.5 inWC" or {"value": 0.5, "unit": "inWC"}. */
static int
read_reading(const json_t *v, struct close_answer *a, const char *id, const struct fsd_pos *pos)
{
	if (json_is_object(v)) {
		if (fsd_field_number(v, "value", &a->number, NULL) != FSD_FIELD_OK
		    || fsd_field_string(v, "unit", &a->unit, NULL) == FSD_FIELD_BAD)
			return fsd_field_fail(pos, "\"form.%s\" must be a number or {\"value\", \"unit\"}", id);
		a->has_number = 1;
	} else if (json_is_number(v)) {
		a->number = json_number_value(v);
		a->has_number = 1;
	} else if (json_is_string(v)) {
		char *end;

		a->text = json_string_value(v);
		a->number = strtod(a->text, &end);
		a->has_number = end != a->text && isfinite(a->number);
		while (isspace((unsigned char)*end))
			end++;
		a->unit = *end != '\0' ? end : NULL;
	} else {
		return fsd_field_fail(pos, "\"form.%s\" must be a number or {\"value\", \"unit\"}", id);
	}
	return 0;
}

static int
read_answers(struct close_reader *r, const json_t *rec, const struct close_form *form,
    const struct fsd_pos *pos, struct close_job *job)
{
	json_t *answers = NULL;

	if (fsd_field_object(rec, "form", &answers, pos) == FSD_FIELD_BAD)
		return -1;
	r->answers = xgrow(r->answers, &r->answers_cap, form->nitems + 1, sizeof *r->answers);
	memset(r->answers, 0, (form->nitems + 1) * sizeof *r->answers);
	job->answers = r->answers;
	for (size_t i = 0; answers != NULL && i < form->nitems; i++) {
		const struct close_item *item = &form->items[i];
		json_t *v = json_object_get(answers, item->id);
		struct close_answer *a = &r->answers[i];

		if (v == NULL || json_is_null(v))
			continue;
		a->present = 1;
		if (item->kind == CLOSE_FIELD)
			a->text = json_is_string(v) ? json_string_value(v) : NULL;
		else if ((item->kind == CLOSE_CHECK ? read_check(v, a, item->id, pos)
		    : read_reading(v, a, item->id, pos)) != 0)
			return -1;
	}
	return 0;
}

static struct close_photo *
add_photo(struct close_reader *r, struct close_job *job, const char *role, const char *path)
{
	struct close_photo *p;

	r->photos = xgrow(r->photos, &r->photos_cap, job->nphotos + 1, sizeof *r->photos);
	p = &r->photos[job->nphotos++];
	memset(p, 0, sizeof *p);
	p->role = role;
	p->path = path;
	job->photos = r->photos;
	return p;
}

/* {"before": "J1/a.jpg", "after": ["J1/b.jpg", "J1/c.jpg"]} (what a
 * spreadsheet's photos.before column gives), or [{"role", "path"}]. */
static int
read_photos(struct close_reader *r, const json_t *rec, const struct fsd_pos *pos,
    struct close_job *job)
{
	json_t *photos = fsd_field(rec, "photos"), *v, *path;
	const char *role;
	size_t i;

	job->nphotos = 0;
	job->photos = NULL;
	if (photos == NULL)
		return 0;
	if (json_is_object(photos)) {
		json_object_foreach(photos, role, v) {
			if (json_is_string(v)) {
				add_photo(r, job, role, json_string_value(v));
				continue;
			}
			if (!json_is_array(v))
				return fsd_field_fail(pos, "\"photos.%s\" must be a path or an array of paths", role);
			json_array_foreach(v, i, path) {
				if (!json_is_string(path))
					return fsd_field_fail(pos, "\"photos.%s[%zu]\" must be a path", role, i);
				add_photo(r, job, role, json_string_value(path));
			}
		}
		return 0;
	}
	if (!json_is_array(photos))
		return fsd_field_fail(pos, "\"photos\" must be an object of paths by role or an array of {\"role\", \"path\"}");
	json_array_foreach(photos, i, v) {
		const char *p = NULL;

		role = NULL;
		if (fsd_field_string(v, "role", &role, NULL) != FSD_FIELD_OK
		    || fsd_field_string(v, "path", &p, NULL) != FSD_FIELD_OK)
			return fsd_field_fail(pos, "\"photos[%zu]\" must be {\"role\", \"path\"}", i);
		add_photo(r, job, role, p);
	}
	return 0;
}

static int
read_signoff(const json_t *rec, const char *field, const struct fsd_pos *pos,
    struct close_signoff *s)
{
	json_t *obj = NULL;
	long long amount;
	int got;

	memset(s, 0, sizeof *s);
	if ((got = fsd_field_object(rec, field, &obj, pos)) == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_ABSENT)
		return 0;
	s->present = 1;
	if (fsd_field_string(obj, "name", &s->name, NULL) == FSD_FIELD_BAD
	    || fsd_field_string(obj, "file", &s->file, NULL) == FSD_FIELD_BAD
	    || fsd_field_string(obj, "job", &s->job, NULL) == FSD_FIELD_BAD
	    || (s->has_at = fsd_field_time(obj, "at", &s->at, NULL)) == FSD_FIELD_BAD
	    || (got = fsd_field_int(obj, "amount", &amount, NULL)) == FSD_FIELD_BAD)
		return fsd_field_fail(pos, "\"%s\": %s", field, fsd_field_error);
	s->has_at = s->has_at == FSD_FIELD_OK;
	if ((s->has_amount = got == FSD_FIELD_OK))
		s->amount = amount;
	s->has_position = fsd_field_number(obj, "position.lat", &s->lat, NULL) == FSD_FIELD_OK
	    && fsd_field_number(obj, "position.lon", &s->lon, NULL) == FSD_FIELD_OK;
	return 0;
}

/* The visit from fsd-status's "arrived" and "completed", else the time
 * on the tools that on-site capture gives ("work"). */
static int
read_visit(const json_t *rec, const struct fsd_pos *pos, struct close_visit *v)
{
	int got;

	memset(v, 0, sizeof *v);
	if ((got = fsd_field_time(rec, "arrived", &v->arrived, pos)) == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_ABSENT && (got = fsd_field_time(rec, "work.start", &v->arrived, pos))
	    == FSD_FIELD_BAD)
		return -1;
	v->has_arrived = got == FSD_FIELD_OK;
	if ((got = fsd_field_time(rec, "completed", &v->completed, pos)) == FSD_FIELD_BAD)
		return -1;
	if (got == FSD_FIELD_ABSENT && (got = fsd_field_time(rec, "work.end", &v->completed, pos))
	    == FSD_FIELD_BAD)
		return -1;
	v->has_completed = got == FSD_FIELD_OK;
	if (v->has_arrived && v->has_completed && v->completed.seconds < v->arrived.seconds)
		return fsd_field_fail(pos, "\"completed\" is before \"arrived\"");
	if ((got = fsd_field_number(rec, "site.lat", &v->site_lat, pos)) == FSD_FIELD_BAD
	    || fsd_field_number(rec, "site.lon", &v->site_lon, pos) == FSD_FIELD_BAD)
		return -1;
	v->has_site = got == FSD_FIELD_OK && fsd_field(rec, "site.lon") != NULL
	    && fsd_latlon_valid(v->site_lat, v->site_lon);
	return 0;
}

int
close_job_read(struct close_reader *r, const json_t *rec, const struct close_form *form,
    const struct fsd_pos *pos, struct close_job *job)
{
	long long nte;
	int got;

	memset(job, 0, sizeof *job);
	job->form = form;
	if (fsd_field_string(rec, "id", &job->id, pos) == FSD_FIELD_BAD)
		return -1;
	if (job->id == NULL)
		return fsd_field_fail(pos, "\"id\" is required to close a job");
	if ((got = fsd_field_int(rec, "nte", &nte, pos)) == FSD_FIELD_BAD)
		return -1;
	job->has_nte = got == FSD_FIELD_OK;
	job->nte = job->has_nte ? nte : 0;
	if (read_visit(rec, pos, &job->visit) != 0 || read_answers(r, rec, form, pos, job) != 0
	    || read_photos(r, rec, pos, job) != 0
	    || read_signoff(rec, "signature", pos, &job->signature) != 0
	    || read_signoff(rec, "nte_approval", pos, &job->approval) != 0)
		return -1;
	return 0;
}

void
close_reader_free(struct close_reader *r)
{
	free(r->answers);
	free(r->photos);
	memset(r, 0, sizeof *r);
}

static json_t *
time_json(const struct fsd_time *t)
{
	char buf[FSD_TIME_LEN];

	return json_string(fsd_time_format(t->seconds, t->offset_minutes, buf));
}

static json_t *
photo_json(const struct close_photo *p)
{
	json_t *e = json_object();

	json_object_set_new(e, "role", json_string(p->role));
	json_object_set_new(e, "path", json_string(p->path));
	if (p->hashed)
		json_object_set_new(e, "sha256", json_string(p->sha256));
	if (p->has_taken) {
		json_object_set_new(e, "taken", time_json(&p->taken));
		if (p->zone_assumed)
			json_object_set_new(e, "zone_assumed", json_true());
	}
	if (p->exif.has_gps) {
		json_object_set_new(e, "lat", json_real(round(p->exif.lat * 1e6) / 1e6));
		json_object_set_new(e, "lon", json_real(round(p->exif.lon * 1e6) / 1e6));
	}
	if (p->has_distance)
		json_object_set_new(e, "distance_m", json_integer((json_int_t)lround(p->distance_m)));
	if (p->flag[0] != '\0')
		json_object_set_new(e, "flag", json_string(p->flag));
	return e;
}

static void
signoff_evidence(json_t *rec, json_t *evidence, const char *field,
    const struct close_signoff *s)
{
	json_t *obj = json_object_get(rec, field), *e;

	if (!s->present || s->file == NULL)
		return;
	e = json_object();
	json_object_set_new(e, "role", json_string(field));
	json_object_set_new(e, "path", json_string(s->file));
	if (s->hashed) {
		json_object_set_new(e, "sha256", json_string(s->sha256));
		json_object_set_new(obj, "sha256", json_string(s->sha256));
	}
	if (s->file_problem[0] != '\0')
		json_object_set_new(e, "flag", json_string(s->file_problem));
	json_array_append_new(evidence, e);
}

void
close_job_write(json_t *rec, const struct close_job *job, const struct close_report *rep,
    const struct close_closed *closed)
{
	json_t *evidence = json_array(), *list, *proof_missing = json_string("proof_missing");
	char *text;

	/* A job closed again (a rerun after the proof was mended) gets
	 * today's verdict, not yesterday's beside it. */
	json_object_del(rec, "closed");
	json_object_del(rec, "missing");
	json_object_del(rec, "findings");
	if (json_equal(fsd_field(rec, "exception.code"), proof_missing))
		json_object_del(rec, "exception");
	json_decref(proof_missing);
	for (size_t i = 0; i < job->nphotos; i++)
		json_array_append_new(evidence, photo_json(&job->photos[i]));
	signoff_evidence(rec, evidence, "signature", &job->signature);
	signoff_evidence(rec, evidence, "nte_approval", &job->approval);
	json_object_set_new(rec, "evidence", evidence);
	if (rep->nfindings > 0) {
		list = json_array();
		for (size_t i = 0; i < rep->nfindings; i++)
			json_array_append_new(list, json_pack("{s:s,s:s}", "item",
			    rep->findings[i].item, "message", rep->findings[i].message));
		json_object_set_new(rec, "findings", list);
	}
	if (closed != NULL) {
		json_t *c = json_object();

		json_object_set_new(c, "at", time_json(&closed->at));
		if (closed->by != NULL)
			json_object_set_new(c, "by", json_string(closed->by));
		json_object_set_new(c, "total", json_integer(job->total));
		json_object_set_new(c, "currency", json_string(job->currency));
		json_object_set_new(rec, "closed", c);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < rep->nmissing; i++)
		json_array_append_new(list, json_string(rep->missing[i]));
	json_object_set_new(rec, "missing", list);
	text = close_report_text(rep);
	fsd_set_exception(rec, "proof_missing", "%s", text);
	free(text);
}
