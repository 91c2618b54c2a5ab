#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "field.h"
#include "jsonbuf.h"
#include "output.h"
#include "record.h"
#include "statefile.h"
#include "close/records.h"

void
close_evidence_log_open(struct close_evidence_log *log, const char *path,
    struct close_seen *seen)
{
	json_t *lines;
	long *at = NULL;
	FILE *f;

	log->path = path;
	log->lock = -1;
	if (path == NULL)
		return;
	log->lock = fsd_lock(path);
	fsd_append_repair(path);	/* a run cut short by a crash */
	/* A first run starts the log. */
	if ((f = fopen(path, "a")) != NULL)
		fclose(f);
	lines = fsd_load_records(path, &at);
	for (size_t i = 0; i < json_array_size(lines); i++) {
		json_t *e = json_array_get(lines, i);
		const char *sha = NULL, *job = NULL, *role = NULL;

		if (fsd_field_string(e, "sha256", &sha, NULL) != FSD_FIELD_OK
		    || fsd_field_string(e, "job", &job, NULL) != FSD_FIELD_OK
		    || strlen(sha) != CLOSE_SHA256_HEX - 1) {
			fsd_warn_at(&(struct fsd_pos){ fsd_display_name(path), at[i] },
			    "an evidence line needs \"sha256\" (64 hex digits) and \"job\"");
			continue;
		}
		fsd_field_string(e, "role", &role, NULL);
		close_seen_add(seen, sha, job, role);
	}
	json_decref(lines);
	free(at);
}

void
close_evidence_log_add(struct close_evidence_log *log, struct close_seen *seen,
    const struct close_job *job, int closed)
{
	struct fsd_buf b = { 0 };

	for (size_t i = 0; i < job->nphotos; i++) {
		const struct close_photo *p = &job->photos[i];
		const struct close_seen_entry *e;
		json_t *line;

		if (!p->hashed)
			continue;
		/* A rerun of the same job adds nothing new. */
		if ((e = close_seen_find(seen, p->sha256)) != NULL && strcmp(e->job, job->id) == 0)
			continue;
		close_seen_add(seen, p->sha256, job->id, p->role);
		if (log->path == NULL || !closed)
			continue;
		line = json_pack("{s:s,s:s,s:s,s:s}", "sha256", p->sha256, "job", job->id,
		    "role", p->role, "path", p->path);
		fsd_buf_json(&b, line);
		fsd_buf_char(&b, '\n');
		json_decref(line);
	}
	if (b.len > 0)
		fsd_append_durable(log->path, b.data, b.len);
	fsd_buf_free(&b);
}

void
close_evidence_log_close(struct close_evidence_log *log)
{
	if (log->lock >= 0)
		fsd_unlock(log->lock);
	log->lock = -1;
}
