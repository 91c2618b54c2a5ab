/* What a photo file says about itself: its SHA-256 (so the same picture
 * cannot prove two jobs) and, from its EXIF (libexif), when and where it
 * was taken. Plain C over a file; no judgement here (evidence.h). */
#ifndef FSD_CLOSE_PHOTO_H
#define FSD_CLOSE_PHOTO_H

#include <stdint.h>

#define CLOSE_SHA256_HEX 65

/* The file's SHA-256 as 64 lower-case hex digits. 0, or -1 (errno set). */
int close_sha256_file(const char *path, char hex[CLOSE_SHA256_HEX]);

struct close_exif {
	int has_time;		/* DateTimeOriginal, else DateTime */
	int64_t local_seconds;	/* the camera's clock, as if it were UTC */
	int has_offset;		/* OffsetTimeOriginal (EXIF 2.31), else OffsetTime */
	int offset_minutes;
	int has_gps;
	double lat, lon;	/* decimal degrees, south and west negative */
};

/* Read the EXIF of a JPEG. A file with no EXIF, or none of these tags,
 * comes back with the has_ flags clear; it is not an error. */
void close_exif_read(const char *path, struct close_exif *out);

#endif
