/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The techs being tracked and their stops. A ping finds its tech through
 * a hash of the ids (a million pings, two hundred techs: a linear search
 * would be most of the run). */
#include <stdlib.h>
#include <string.h>

#include "track.h"
#include "xalloc.h"

static uint64_t
hash_id(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static void
index_rebuild(struct track *t)
{
	size_t size = 16;

	while (size < t->ntechs * 2)
		size *= 2;
	free(t->index);
	t->index = xmalloc(size * sizeof *t->index);
	t->index_size = size;
	for (size_t i = 0; i < size; i++)
		t->index[i] = -1;
	for (size_t i = 0; i < t->ntechs; i++) {
		size_t slot = hash_id(t->techs[i].id, strlen(t->techs[i].id)) & (size - 1);

		while (t->index[slot] >= 0)
			slot = (slot + 1) & (size - 1);
		t->index[slot] = (long)i;
	}
}

struct track_tech *
track_tech_find(struct track *t, const char *id, size_t len)
{
	size_t slot;

	if (t->index_size == 0)
		return NULL;
	slot = hash_id(id, len) & (t->index_size - 1);
	for (; t->index[slot] >= 0; slot = (slot + 1) & (t->index_size - 1)) {
		struct track_tech *tech = &t->techs[t->index[slot]];

		if (strncmp(tech->id, id, len) == 0 && tech->id[len] == '\0')
			return tech;
	}
	return NULL;
}

struct track_tech *
track_tech_add(struct track *t, const char *id)
{
	struct track_tech *tech;

	t->techs = xgrow(t->techs, &t->cap, t->ntechs + 1, sizeof *t->techs);
	tech = &t->techs[t->ntechs++];
	memset(tech, 0, sizeof *tech);
	tech->id = xstrdup(id);
	tech->on_site = -1;
	tech->inside = -1;
	index_rebuild(t);
	return tech;
}

struct track_stop *
track_stop_add(struct track_tech *tech, const char *job)
{
	struct track_stop *s;

	tech->stops = xgrow(tech->stops, &tech->cap, tech->nstops + 1, sizeof *tech->stops);
	s = &tech->stops[tech->nstops++];
	memset(s, 0, sizeof *s);
	s->job = xstrdup(job);
	return s;
}

static int
by_arrival(const void *a, const void *b)
{
	const struct track_stop *x = a, *y = b;

	return (x->arrive > y->arrive) - (x->arrive < y->arrive);
}

void
track_prepare(struct track *t)
{
	for (size_t i = 0; i < t->ntechs; i++) {
		struct track_tech *tech = &t->techs[i];

		if (tech->nstops == 0)
			continue;
		qsort(tech->stops, tech->nstops, sizeof *tech->stops, by_arrival);
		/* No shift from a tech record: the plan's day, from leaving
		 * for the first stop to the end of the last. */
		if (tech->shift_end == 0) {
			tech->shift_start = tech->stops[0].arrive - (int64_t)tech->stops[0].drive_min * 60;
			for (size_t k = 0; k < tech->nstops; k++) {
				int64_t end = tech->stops[k].arrive + (int64_t)tech->stops[k].duration_min * 60;

				if (end > tech->shift_end)
					tech->shift_end = end;
			}
		}
	}
}

void
track_free(struct track *t)
{
	for (size_t i = 0; i < t->ntechs; i++) {
		for (size_t k = 0; k < t->techs[i].nstops; k++) {
			free(t->techs[i].stops[k].job);
			free(t->techs[i].stops[k].address);
		}
		free(t->techs[i].stops);
		free(t->techs[i].id);
	}
	free(t->techs);
	free(t->index);
	memset(t, 0, sizeof *t);
}
