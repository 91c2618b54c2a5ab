/* Every file a job cites -- its photos, its signature and approval
 * files -- found under --media, hashed, and (photos) judged against the
 * visit. Plain C over the close_job that records.c filled. */
#ifndef FSD_CLOSE_FILES_H
#define FSD_CLOSE_FILES_H

#include "close/evidence.h"
#include "close/proof.h"

void close_judge_files(struct close_job *job, const char *media_root,
    const struct close_limits *lim, const struct close_seen *seen);

#endif
