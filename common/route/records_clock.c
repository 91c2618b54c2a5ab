/* Reading and writing times as records_clock.h says. */
#include <math.h>

#include "field.h"
#include "records_clock.h"
#include "rfc3339.h"

static const char *const form_name[] = { "", "RFC 3339 times", "plain minutes" };

static int
same_form(struct route_clock *c, enum route_time_form form, const char *path,
    const struct fsd_pos *pos)
{
	if (c->form == ROUTE_TIME_UNSET)
		c->form = form;
	if (c->form != form)
		return fsd_field_fail(pos, "\"%s\" is %s but earlier times were %s", path,
		    form_name[form], form_name[c->form]);
	return FSD_FIELD_OK;
}

int
route_clock_read(struct route_clock *c, const json_t *record, const char *path,
    double *minutes, int *offset, const struct fsd_pos *pos)
{
	json_t *v = fsd_field(record, path);
	struct fsd_time t;
	int r;

	if (v == NULL || json_is_null(v))
		return FSD_FIELD_ABSENT;
	if (json_is_number(v)) {
		if (same_form(c, ROUTE_TIME_MINUTES, path, pos) != FSD_FIELD_OK)
			return FSD_FIELD_BAD;
		*minutes = json_number_value(v);
		if (!isfinite(*minutes))
			return fsd_field_fail(pos, "\"%s\" must be a finite number", path);
		if (offset != NULL)
			*offset = 0;
		return FSD_FIELD_OK;
	}
	r = fsd_field_time(record, path, &t, pos);
	if (r != FSD_FIELD_OK)
		return r;
	if (same_form(c, ROUTE_TIME_RFC3339, path, pos) != FSD_FIELD_OK)
		return FSD_FIELD_BAD;
	if (!c->have_base) {
		c->have_base = 1;
		c->base_seconds = t.seconds;
		c->offset_minutes = t.offset_minutes;
	}
	*minutes = (t.seconds - c->base_seconds) / 60.0;
	if (offset != NULL)
		*offset = t.offset_minutes;
	return FSD_FIELD_OK;
}

json_t *
route_clock_value(const struct route_clock *c, double minutes, int offset)
{
	char buf[FSD_TIME_LEN];

	if (c->form != ROUTE_TIME_RFC3339)
		return json_real(round(minutes * 1e6) / 1e6);
	/* Whole seconds: an ETA to the second is already more than honest. */
	return json_string(fsd_time_format(c->base_seconds + (long long)llround(minutes * 60),
	    offset, buf));
}
