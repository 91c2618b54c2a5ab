/* Locked positions as the records say them: a job "locked" with a "seq"
 * keeps its tech and its place in the day (fixed.c makes it a fixed stop
 * of its tech's vehicle), and one its tech cannot keep there says so. */
#include "fsd.h"
#include "records.h"

int
route_fixed_read(struct route_run *run, struct route_job_record *jr, const struct fsd_pos *pos)
{
	int locked = 0;
	long long seq;
	int r;

	(void)run;
	if (fsd_field_bool(jr->record, "locked", &locked, NULL) != FSD_FIELD_OK || !locked
	    || jr->tech < 0)
		return 0;
	if ((r = fsd_field_int(jr->record, "seq", &seq, pos)) == FSD_FIELD_BAD)
		return -1;
	if (r == FSD_FIELD_ABSENT)
		return 0;
	if (seq < 1 || seq > 10000)
		return fsd_field_fail(pos, "\"seq\" must be a place in the day from 1, not %lld", seq), -1;
	jr->fixed_place = (int)seq;
	return 1;
}

void
route_fixed_unreachable(const struct route_run *run, int t, struct route_job_record *jr)
{
	fsd_set_exception(jr->record, "locked_unreachable", "%s cannot keep it at seq %d "
	    "within its window, the shift and the day's other fixed stops",
	    run->techs[t].id, jr->fixed_place);
}

struct route_job_record *
route_fixed_record(struct route_run *run, int v, int fixed)
{
	for (int f = 0; f < run->nfixed; f++)
		if (run->jobs[run->fixed_records[f]].tech == v)
			return &run->jobs[run->fixed_records[f + fixed]];
	return NULL;
}
