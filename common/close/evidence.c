#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo.h"
#include "xalloc.h"
#include "close/evidence.h"

void
close_seen_add(struct close_seen *seen, const char *sha256, const char *job, const char *role)
{
	struct close_seen_entry *e;

	seen->v = xgrow(seen->v, &seen->cap, seen->n + 1, sizeof *seen->v);
	e = &seen->v[seen->n++];
	snprintf(e->sha256, sizeof e->sha256, "%s", sha256);
	e->job = xstrdup(job);
	e->role = xstrdup(role ? role : "");
}

const struct close_seen_entry *
close_seen_find(const struct close_seen *seen, const char *sha256)
{
	for (size_t i = 0; i < seen->n; i++)
		if (strcmp(seen->v[i].sha256, sha256) == 0)
			return &seen->v[i];
	return NULL;
}

void
close_seen_free(struct close_seen *seen)
{
	for (size_t i = 0; i < seen->n; i++) {
		free(seen->v[i].job);
		free(seen->v[i].role);
	}
	free(seen->v);
	memset(seen, 0, sizeof *seen);
}

void
close_minutes_text(long minutes, char buf[32])
{
	if (minutes < 60)
		snprintf(buf, 32, "%ld min", minutes);
	else if (minutes % 60 == 0)
		snprintf(buf, 32, "%ld h", minutes / 60);
	else
		snprintf(buf, 32, "%ld h %ld min", minutes / 60, minutes % 60);
}

static void __attribute__((format(printf, 2, 3)))
flag(struct close_photo *p, const char *fmt, ...)
{
	size_t len = strlen(p->flag);
	va_list ap;

	if (len > 0 && len + 2 < sizeof p->flag) {
		memcpy(p->flag + len, ", ", 3);
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(p->flag + len, sizeof p->flag - len, fmt, ap);
	va_end(ap);
}

/* Inside the visit, give or take the tolerance: a before photo is often
 * taken at the door, an after photo on the way out. */
static void
judge_time(struct close_photo *p, const struct close_visit *v, const struct close_limits *lim)
{
	int64_t slack = (int64_t)lim->tolerance_minutes * 60;
	char span[32];

	if (!p->exif.has_time) {
		flag(p, "has no EXIF capture time");
		return;
	}
	/* A camera that does not write its offset keeps local time: the
	 * tech's, which the visit's own times carry. */
	p->zone_assumed = !p->exif.has_offset;
	p->taken.offset_minutes = p->exif.has_offset ? p->exif.offset_minutes
	    : v->has_arrived ? v->arrived.offset_minutes : v->completed.offset_minutes;
	p->taken.seconds = p->exif.local_seconds - (int64_t)p->taken.offset_minutes * 60;
	p->has_taken = 1;
	if (!v->has_arrived || !v->has_completed) {
		flag(p, "cannot be placed in the visit: no arrival or completion time");
		return;
	}
	if (p->taken.seconds < v->arrived.seconds - slack) {
		close_minutes_text((long)((v->arrived.seconds - p->taken.seconds + 59) / 60), span);
		flag(p, "taken %s before arrival", span);
	} else if (p->taken.seconds > v->completed.seconds + slack) {
		close_minutes_text((long)((p->taken.seconds - v->completed.seconds + 59) / 60), span);
		flag(p, "taken %s after completion", span);
	}
}

static void
judge_place(struct close_photo *p, const struct close_visit *v, const struct close_limits *lim)
{
	if (!p->exif.has_gps) {
		flag(p, "has no EXIF GPS position");
		return;
	}
	if (!v->has_site) {
		flag(p, "cannot be placed: the job's site has no position");
		return;
	}
	p->distance_m = fsd_haversine_km(v->site_lat, v->site_lon, p->exif.lat, p->exif.lon) * 1000;
	p->has_distance = 1;
	if (p->distance_m <= lim->distance_m)
		return;
	if (p->distance_m >= 1000)
		flag(p, "taken %.1f km from the site", p->distance_m / 1000);
	else
		flag(p, "taken %.0f m from the site", p->distance_m);
}

static void
judge_reuse(struct close_photo *photos, size_t i, const struct close_seen *seen,
    const char *job_id)
{
	struct close_photo *p = &photos[i];
	const struct close_seen_entry *e = close_seen_find(seen, p->sha256);

	for (size_t j = 0; j < i; j++)
		if (photos[j].hashed && strcmp(photos[j].sha256, p->sha256) == 0) {
			flag(p, "is the same picture as this job's %s photo", photos[j].role);
			return;
		}
	if (e != NULL && strcmp(e->job, job_id) != 0)
		flag(p, "is the same picture as job %s's %s photo", e->job,
		    e->role[0] ? e->role : "evidence");
}

void
close_photo_judge(struct close_photo *photos, size_t i, const char *real_path,
    const struct close_visit *v, const struct close_limits *lim,
    const struct close_seen *seen, const char *job_id)
{
	struct close_photo *p = &photos[i];

	if (close_sha256_file(real_path, p->sha256) != 0) {
		flag(p, "cannot be read: %s", strerror(errno));
		return;
	}
	p->hashed = 1;
	close_exif_read(real_path, &p->exif);
	judge_reuse(photos, i, seen, job_id);
	judge_time(p, v, lim);
	judge_place(p, v, lim);
}
