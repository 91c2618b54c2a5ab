/* Tech and job records (fsd(5)) into the matcher's structs. Each reader
 * returns 0, or -1 with the problem reported at pos and kept in
 * fsd_field_error for the record's exception. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "field.h"
#include "match.h"
#include "records.h"
#include "xalloc.h"

static double
minutes(const struct fsd_time *t)
{
	return (double)t->seconds / 60;
}

static int
read_interval(const json_t *rec, const char *path, struct match_interval *iv,
    int *offset, const struct fsd_pos *pos)
{
	char start[128], end[128];
	struct fsd_time a, b;
	int r;

	snprintf(start, sizeof start, "%s.start", path);
	snprintf(end, sizeof end, "%s.end", path);
	r = fsd_field_time(rec, start, &a, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" is required", start);
	r = fsd_field_time(rec, end, &b, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return fsd_field_fail(pos, "\"%s\" is required", end);
	if (b.seconds < a.seconds)
		return fsd_field_fail(pos, "\"%s\" is before \"%s\"", end, start);
	iv->start = minutes(&a);
	iv->end = minutes(&b);
	if (offset != NULL)
		*offset = a.offset_minutes;
	return 0;
}

static int
read_place(const json_t *rec, const char *path, double *lat, double *lon,
    const struct fsd_pos *pos)
{
	char la[64], lo[64];

	snprintf(la, sizeof la, "%s.lat", path);
	snprintf(lo, sizeof lo, "%s.lon", path);
	if (fsd_field_number(rec, la, lat, pos) != FSD_FIELD_OK
	    || fsd_field_number(rec, lo, lon, pos) != FSD_FIELD_OK) {
		if (fsd_field(rec, la) == NULL || fsd_field(rec, lo) == NULL)
			return fsd_field_fail(pos, "\"%s\" needs \"lat\" and \"lon\"", path);
		return -1;
	}
	if (!fsd_latlon_valid(*lat, *lon))
		return fsd_field_fail(pos, "\"%s\" is not a place on Earth: %g,%g", path, *lat, *lon);
	return 0;
}

static int
read_skills(struct match_day *day, const json_t *rec, size_t **skills, size_t *n,
    const struct fsd_pos *pos)
{
	json_t *list, *s;
	size_t i;
	int r = fsd_field_strings(rec, "skills", &list, pos);

	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return 0;
	*skills = xcalloc(json_array_size(list) + 1, sizeof **skills);
	json_array_foreach(list, i, s)
		(*skills)[(*n)++] = match_skill(day, json_string_value(s));
	return 0;
}

static char *
optional_string(const json_t *rec, const char *path, int *bad, const struct fsd_pos *pos)
{
	const char *s;
	int r = fsd_field_string(rec, path, &s, pos);

	if (r == FSD_FIELD_BAD)
		*bad = 1;
	return r == FSD_FIELD_OK ? xstrdup(s) : NULL;
}

int
match_read_tech(struct match_day *day, const json_t *rec, const struct fsd_pos *pos)
{
	struct match_tech *t = match_add_tech(day);
	json_t *off, *stock, *v;
	const char *id, *sku;
	size_t i;
	int bad = 0;

	if (fsd_field_string(rec, "id", &id, pos) != FSD_FIELD_OK) {
		if (fsd_field(rec, "id") == NULL)
			fsd_field_fail(pos, "\"id\" is required");
		goto fail;
	}
	t->id = xstrdup(id);
	t->name = optional_string(rec, "name", &bad, pos);
	t->territory = optional_string(rec, "territory", &bad, pos);
	if (bad || read_skills(day, rec, &t->skills, &t->nskills, pos) != 0
	    || read_place(rec, "home", &t->lat, &t->lon, pos) != 0
	    || read_interval(rec, "shift", &t->shift, &t->offset_minutes, pos) != 0
	    || fsd_field_bool(rec, "on_call", &t->on_call, pos) == FSD_FIELD_BAD)
		goto fail;
	off = fsd_field(rec, "off");
	if (off != NULL) {
		if (!json_is_array(off)) {
			fsd_field_fail(pos, "\"off\" must be an array of {start, end}");
			goto fail;
		}
		t->off = xcalloc(json_array_size(off) + 1, sizeof *t->off);
		json_array_foreach(off, i, v) {
			/* Members of an array have no dotted path: read each
			 * on its own, naming "off" and the item on failure. */
			struct fsd_time a, b;

			if (!json_is_object(v)
			    || fsd_field_time(v, "start", &a, NULL) != FSD_FIELD_OK
			    || fsd_field_time(v, "end", &b, NULL) != FSD_FIELD_OK
			    || b.seconds < a.seconds) {
				fsd_field_fail(pos, "\"off\" item %zu needs a \"start\" and a later \"end\" (RFC 3339)", i + 1);
				goto fail;
			}
			t->off[t->noff++] = (struct match_interval){ minutes(&a), minutes(&b) };
		}
	}
	if (fsd_field_object(rec, "stock", &stock, pos) == FSD_FIELD_BAD)
		goto fail;
	if (fsd_field(rec, "stock") != NULL) {
		t->stock = xcalloc(json_object_size(stock) + 1, sizeof *t->stock);
		json_object_foreach(stock, sku, v) {
			if (!json_is_integer(v) || json_integer_value(v) < 0) {
				fsd_field_fail(pos, "\"stock.%s\" must be a whole number, at least 0", sku);
				goto fail;
			}
			t->stock[t->nstock].sku = xstrdup(sku);
			t->stock[t->nstock++].qty = (long)json_integer_value(v);
		}
	}
	return 0;
fail:
	/* The tech is dropped: undo the slot it took. */
	day->ntechs--;
	free(t->id);
	free(t->name);
	free(t->territory);
	free(t->skills);
	free(t->off);
	for (i = 0; i < t->nstock; i++)
		free(t->stock[i].sku);
	free(t->stock);
	return -1;
}

/* A tech named by id in a job: it must be one of --techs. */
static int
tech_ref(const struct match_day *day, const json_t *rec, const char *path, long *out,
    const struct fsd_pos *pos)
{
	const char *id;
	int r = fsd_field_string(rec, path, &id, pos);

	if (r != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? -1 : 0;
	*out = match_find_tech(day, id);
	if (*out < 0)
		return fsd_field_fail(pos, "\"%s\": unknown tech \"%s\"", path, id);
	return 0;
}

static int
read_parts(struct match_job *j, const json_t *rec, const struct fsd_pos *pos)
{
	json_t *parts = fsd_field(rec, "parts"), *p;
	size_t i;

	if (parts == NULL)
		return 0;
	if (!json_is_array(parts))
		return fsd_field_fail(pos, "\"parts\" must be an array of {sku, qty}");
	j->parts = xcalloc(json_array_size(parts) + 1, sizeof *j->parts);
	json_array_foreach(parts, i, p) {
		const char *sku;
		long long qty = 1;

		if (!json_is_object(p) || fsd_field_string(p, "sku", &sku, NULL) != FSD_FIELD_OK
		    || fsd_field_int(p, "qty", &qty, NULL) == FSD_FIELD_BAD || qty < 1)
			return fsd_field_fail(pos, "\"parts\" item %zu needs a \"sku\" and a \"qty\" of at least 1", i + 1);
		j->parts[j->nparts].sku = xstrdup(sku);
		j->parts[j->nparts++].qty = (long)qty;
	}
	return 0;
}

static int
read_excluded(const struct match_day *day, struct match_job *j, const json_t *rec,
    const struct fsd_pos *pos)
{
	json_t *list, *s;
	size_t i;
	int r = fsd_field_strings(rec, "excluded_techs", &list, pos);

	if (r != FSD_FIELD_OK)
		return r == FSD_FIELD_BAD ? -1 : 0;
	j->excluded = xcalloc(json_array_size(list) + 1, sizeof *j->excluded);
	/* A tech who has left the company may still be on a customer's
	 * never-again list: an unknown id here excludes nobody. */
	json_array_foreach(list, i, s) {
		long t = match_find_tech(day, json_string_value(s));

		if (t >= 0)
			j->excluded[j->nexcluded++] = (size_t)t;
	}
	return 0;
}

int
match_read_job(struct match_day *day, struct match_job *j, const json_t *rec,
    const struct fsd_pos *pos)
{
	const char *id;
	long long priority;
	double duration;
	struct fsd_time due;
	int bad = 0, r, has_offset = 0;

	if (fsd_field_string(rec, "id", &id, pos) != FSD_FIELD_OK) {
		if (fsd_field(rec, "id") == NULL)
			return fsd_field_fail(pos, "\"id\" is required");
		return -1;
	}
	j->id = xstrdup(id);
	j->type = optional_string(rec, "type", &bad, pos);
	j->territory = optional_string(rec, "territory", &bad, pos);
	if (bad)
		return -1;
	r = fsd_field_int(rec, "priority", &priority, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_OK) {
		if (priority < 1 || priority > 3)
			return fsd_field_fail(pos, "\"priority\" must be 1, 2 or 3, not %lld", priority);
		j->priority = (int)priority;
	}
	if (fsd_field_bool(rec, "customer.vip", &j->vip, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "locked", &j->locked, pos) == FSD_FIELD_BAD
	    || read_place(rec, "site", &j->lat, &j->lon, pos) != 0
	    || read_skills(day, rec, &j->skills, &j->nskills, pos) != 0
	    || read_parts(j, rec, pos) != 0
	    || tech_ref(day, rec, "tech", &j->placed, pos) != 0
	    || tech_ref(day, rec, "required_tech", &j->required, pos) != 0
	    || tech_ref(day, rec, "preferred_tech", &j->preferred, pos) != 0
	    || read_excluded(day, j, rec, pos) != 0)
		return -1;
	r = fsd_field_number(rec, "duration", &duration, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_OK) {
		if (duration <= 0 || duration > 24 * 60)
			return fsd_field_fail(pos, "\"duration\" must be minutes, more than 0, not %g", duration);
		j->duration = duration;
	}
	if (fsd_field(rec, "window") != NULL) {
		if (read_interval(rec, "window", &j->window, &j->offset_minutes, pos) != 0)
			return -1;
		j->has_window = has_offset = 1;
	}
	r = fsd_field_time(rec, "sla_due", &due, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_OK) {
		j->has_sla = 1;
		j->sla_due = minutes(&due);
		if (!has_offset)
			j->offset_minutes = due.offset_minutes;
		has_offset = 1;
	}
	r = fsd_field_time(rec, "received", &due, pos);
	if (r == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_OK) {
		j->has_received = 1;
		j->received = minutes(&due);
	}
	if (!has_offset && day->ntechs > 0)
		j->offset_minutes = day->techs[0].offset_minutes;
	return 0;
}
