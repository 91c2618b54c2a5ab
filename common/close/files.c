#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "close/files.h"
#include "close/media.h"

static void
hash_signoff(struct close_signoff *s, const char *root)
{
	char err[CLOSE_MEDIA_ERROR_LEN];
	char *real;

	if (!s->present || s->file == NULL)
		return;
	if ((real = close_media_resolve(root, s->file, err)) == NULL) {
		snprintf(s->file_problem, sizeof s->file_problem, "%s", err);
		return;
	}
	if (close_sha256_file(real, s->sha256) == 0)
		s->hashed = 1;
	else
		snprintf(s->file_problem, sizeof s->file_problem, "cannot be read: %s",
		    strerror(errno));
	free(real);
}

void
close_judge_files(struct close_job *job, const char *media_root,
    const struct close_limits *lim, const struct close_seen *seen)
{
	for (size_t i = 0; i < job->nphotos; i++) {
		struct close_photo *p = &job->photos[i];
		char err[CLOSE_MEDIA_ERROR_LEN];
		char *real = close_media_resolve(media_root, p->path, err);

		if (real == NULL) {
			snprintf(p->flag, sizeof p->flag, "%s", err);
			continue;
		}
		close_photo_judge(job->photos, i, real, &job->visit, lim, seen, job->id);
		free(real);
	}
	hash_signoff(&job->signature, media_root);
	hash_signoff(&job->approval, media_root);
}
