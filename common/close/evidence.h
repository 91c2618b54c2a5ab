/* A photo judged against the visit it is meant to prove: taken inside
 * the visit (arrived to completed, give or take a tolerance), near the
 * site, and not a picture already used -- on another job, or for another
 * role of this one. What is wrong is said with the measure (the distance,
 * the time), never passed over. Plain C; records.c reads and writes the
 * JSON around it. */
#ifndef FSD_CLOSE_EVIDENCE_H
#define FSD_CLOSE_EVIDENCE_H

#include <stddef.h>

#include "rfc3339.h"
#include "close/photo.h"

struct close_visit {
	int has_arrived, has_completed;
	struct fsd_time arrived, completed;
	int has_site;
	double site_lat, site_lon;
};

struct close_limits {
	double distance_m;	/* --distance: how far from the site (150) */
	long tolerance_minutes;	/* --tolerance: before arrival, after completion (15) */
};

#define CLOSE_FLAG_LEN 320

struct close_photo {
	const char *role, *path;	/* as the record gives them */
	int hashed;
	char sha256[CLOSE_SHA256_HEX];
	struct close_exif exif;
	int has_taken;
	struct fsd_time taken;	/* the EXIF clock placed by its offset */
	int zone_assumed;	/* no offset in the EXIF: the tech's was used */
	int has_distance;
	double distance_m;
	char flag[CLOSE_FLAG_LEN];	/* empty: in place and time */
};

/* Pictures already used: this run's and, with --evidence, earlier runs'.
 * Looked up by a plain scan -- a day's photos are a few hundred. */
struct close_seen_entry {
	char sha256[CLOSE_SHA256_HEX];
	char *job, *role;
};

struct close_seen {
	struct close_seen_entry *v;
	size_t n, cap;
};

void close_seen_add(struct close_seen *seen, const char *sha256, const char *job,
    const char *role);
const struct close_seen_entry *close_seen_find(const struct close_seen *seen,
    const char *sha256);
void close_seen_free(struct close_seen *seen);

/* Hash and read the photo at real_path (resolved under --media), then
 * judge it: p->flag says every problem found. Photos earlier in this
 * job (photos[0..i-1]) count as used. */
void close_photo_judge(struct close_photo *photos, size_t i, const char *real_path,
    const struct close_visit *v, const struct close_limits *lim,
    const struct close_seen *seen, const char *job_id);

/* "2 h 5 min", "40 min" */
void close_minutes_text(long minutes, char buf[32]);

#endif
