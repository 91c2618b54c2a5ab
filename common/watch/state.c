/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The alerts raised before, as a sorted set of ids: a run looks up a
 * few thousand at most. */
#include <stdlib.h>
#include <string.h>

#include "watch.h"
#include "xalloc.h"

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
watch_state_add(struct watch_state *s, const char *id)
{
	s->ids = xgrow(s->ids, &s->cap, s->n + 1, sizeof *s->ids);
	s->ids[s->n++] = xstrdup(id);
	s->sorted = 0;
}

int
watch_state_has(struct watch_state *s, const char *id)
{
	if (s->n == 0)
		return 0;
	if (!s->sorted) {
		qsort(s->ids, s->n, sizeof *s->ids, by_text);
		s->sorted = 1;
	}
	return bsearch(&id, s->ids, s->n, sizeof *s->ids, by_text) != NULL;
}

void
watch_state_free(struct watch_state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	memset(s, 0, sizeof *s);
}
