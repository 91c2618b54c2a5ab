#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"
#include "close/media.h"

char *
close_media_root(const char *dir, char err[CLOSE_MEDIA_ERROR_LEN])
{
	char *root = realpath(dir, NULL);
	struct stat st;

	if (root == NULL || stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, CLOSE_MEDIA_ERROR_LEN, "%s", root == NULL ? strerror(errno)
		    : "not a folder");
		free(root);
		return NULL;
	}
	return root;
}

/* A ".." part is refused even when it would stay inside: a record that
 * climbs is a record someone made up. */
static int
climbs(const char *path)
{
	for (const char *p = path; *p != '\0'; p += strcspn(p, "/"), p += *p == '/') {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return 1;
	}
	return 0;
}

char *
close_media_resolve(const char *root, const char *path, char err[CLOSE_MEDIA_ERROR_LEN])
{
	char *joined, *real;
	size_t rootlen = strlen(root);

	if (path[0] == '\0') {
		snprintf(err, CLOSE_MEDIA_ERROR_LEN, "is empty");
		return NULL;
	}
	if (path[0] == '/' || climbs(path)) {
		snprintf(err, CLOSE_MEDIA_ERROR_LEN, "is outside the media folder");
		return NULL;
	}
	joined = xasprintf("%s/%s", root, path);
	real = realpath(joined, NULL);
	free(joined);
	if (real == NULL) {
		snprintf(err, CLOSE_MEDIA_ERROR_LEN, "cannot be read: %s", strerror(errno));
		return NULL;
	}
	/* A link inside the folder may point out of it. */
	if (strcmp(root, "/") != 0 && (strncmp(real, root, rootlen) != 0 || real[rootlen] != '/')) {
		snprintf(err, CLOSE_MEDIA_ERROR_LEN, "leads outside the media folder");
		free(real);
		return NULL;
	}
	return real;
}
