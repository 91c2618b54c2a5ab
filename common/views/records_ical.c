/* fsd-ical's state file: one JSON record a UID published, as fsd(5)
 * describes under CALENDAR STATE. Read whole before the run, replaced
 * whole after it (common/statefile.h), never half. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "field.h"
#include "output.h"
#include "record.h"
#include "statefile.h"
#include "xalloc.h"
#include "views/ical.h"

static int
read_seen(json_t *rec, const struct fsd_pos *pos, void *ctx)
{
	struct view_ical_state *s = ctx;
	const char *uid = NULL, *calendar = "", *summary = "", *location = "";
	struct fsd_time start, end;
	long long sequence = 0;
	int cancelled = 0;
	struct view_ical_seen *seen;

	if (fsd_field_string(rec, "uid", &uid, pos) != FSD_FIELD_OK
	    || fsd_field_int(rec, "sequence", &sequence, pos) != FSD_FIELD_OK
	    || fsd_field_time(rec, "start", &start, pos) != FSD_FIELD_OK
	    || fsd_field_time(rec, "end", &end, pos) != FSD_FIELD_OK
	    || fsd_field_string(rec, "calendar", &calendar, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "summary", &summary, pos) == FSD_FIELD_BAD
	    || fsd_field_string(rec, "location", &location, pos) == FSD_FIELD_BAD
	    || fsd_field_bool(rec, "cancelled", &cancelled, pos) == FSD_FIELD_BAD || sequence < 0)
		fsd_die_at(FSD_EXIT_DATA, pos, "a state line needs uid, sequence (0 or more), start and end;"
		    " the state is left as it was");
	s->seen = xgrow(s->seen, &s->cap, s->n + 1, sizeof *s->seen);
	seen = &s->seen[s->n++];
	seen->uid = xstrdup(uid);
	seen->calendar = xstrdup(calendar);
	seen->summary = xstrdup(summary);
	seen->location = xstrdup(location);
	seen->start = start;
	seen->end = end;
	seen->cancelled = cancelled;
	seen->sequence = (long)sequence;
	return 0;
}

void
view_ical_state_load(struct view_ical_state *s, const char *path)
{
	memset(s, 0, sizeof *s);
	if (access(path, F_OK) != 0)
		return;		/* the first run */
	if (fsd_read_record_file(path, read_seen, s) > 0)
		fsd_die(FSD_EXIT_DATA, "%s: not a state file fsd-ical wrote; the state is left as it was", path);
}

void
view_ical_state_save(const struct view_ical_state *s, const char *path)
{
	struct fsd_replace r;
	FILE *f = fsd_replace_begin(&r, path);

	for (size_t i = 0; i < s->n; i++) {
		const struct view_ical_seen *seen = &s->seen[i];
		char start[FSD_TIME_LEN], end[FSD_TIME_LEN];
		json_t *rec = json_pack("{s:s, s:s, s:i, s:s, s:s, s:b, s:s, s:s}",
		    "uid", seen->uid, "calendar", seen->calendar, "sequence", (int)seen->sequence,
		    "start", fsd_time_format(seen->start.seconds, seen->start.offset_minutes, start),
		    "end", fsd_time_format(seen->end.seconds, seen->end.offset_minutes, end),
		    "cancelled", seen->cancelled, "summary", seen->summary, "location", seen->location);

		fsd_emit_to(f, rec);
		json_decref(rec);
	}
	fsd_replace_commit(&r);
}

void
view_ical_state_free(struct view_ical_state *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->seen[i].uid);
		free(s->seen[i].calendar);
		free(s->seen[i].summary);
		free(s->seen[i].location);
	}
	free(s->seen);
}
