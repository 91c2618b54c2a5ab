/* Paths in records (photos, signature files) are relative to one media
 * folder, --media DIR: a record is data from a form app or a customer's
 * phone, and must not make the tool read (and hash, and cite on an
 * invoice) a file anywhere else on the machine. */
#ifndef FSD_CLOSE_MEDIA_H
#define FSD_CLOSE_MEDIA_H

#define CLOSE_MEDIA_ERROR_LEN 256

/* dir resolved once (realpath); NULL with a message in err when it is
 * not a folder that can be read. Caller frees. */
char *close_media_root(const char *dir, char err[CLOSE_MEDIA_ERROR_LEN]);

/* The file path names under root: an absolute path, a ".." part, or a
 * symbolic link that leads outside root is refused. Returns the real
 * path (caller frees), or NULL with the reason in err. */
char *close_media_resolve(const char *root, const char *path, char err[CLOSE_MEDIA_ERROR_LEN]);

#endif
