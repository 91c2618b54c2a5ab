#include <stdio.h>
#include <string.h>

#include <libexif/exif-data.h>
#include <openssl/evp.h>

#include "rfc3339.h"
#include "close/photo.h"

int
close_sha256_file(const char *path, char hex[CLOSE_SHA256_HEX])
{
	FILE *f = fopen(path, "rb");
	EVP_MD_CTX *ctx;
	unsigned char buf[65536], digest[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	size_t n;
	int ok;

	if (f == NULL)
		return -1;
	ctx = EVP_MD_CTX_new();
	ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1;
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = EVP_DigestUpdate(ctx, buf, n) == 1;
	ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, digest, &len) == 1;
	EVP_MD_CTX_free(ctx);
	fclose(f);
	if (!ok)
		return -1;
	for (unsigned int i = 0; i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return 0;
}

/* An ASCII entry as a C string in buf; NULL when absent or empty. */
static const char *
ascii(ExifContent *ifd, ExifTag tag, char *buf, size_t size)
{
	ExifEntry *e = ifd ? exif_content_get_entry(ifd, tag) : NULL;
	size_t len;

	if (e == NULL || e->format != EXIF_FORMAT_ASCII || e->data == NULL || e->size == 0)
		return NULL;
	len = e->size < size ? e->size : size - 1;
	memcpy(buf, e->data, len);
	buf[len] = '\0';
	return buf[0] != '\0' ? buf : NULL;
}

/* "2026:11:23 09:10:00", the EXIF form, as seconds of the local clock. */
static int
exif_time(const char *text, int64_t *out)
{
	int y, mo, d, h, mi, s;

	if (text == NULL || sscanf(text, "%4d:%2d:%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6
	    || mo < 1 || mo > 12 || d < 1 || d > fsd_days_in_month(y, mo)
	    || h > 23 || mi > 59 || s > 60 || h < 0 || mi < 0 || s < 0)
		return -1;
	*out = fsd_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	return 0;
}

/* "-07:00" */
static int
exif_offset(const char *text, int *minutes)
{
	int h, m;
	char sign;

	if (text == NULL || sscanf(text, "%c%2d:%2d", &sign, &h, &m) != 3
	    || (sign != '+' && sign != '-') || h > 14 || m > 59 || h < 0 || m < 0)
		return -1;
	*minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
	return 0;
}

/* Degrees, minutes, seconds as three rationals; the reference says the
 * hemisphere. */
static int
gps_degrees(ExifData *ed, ExifContent *gps, ExifTag tag, ExifTag ref_tag, char negative,
    double *out)
{
	ExifEntry *e = exif_content_get_entry(gps, tag);
	ExifByteOrder order = exif_data_get_byte_order(ed);
	char ref[4];
	double part[3];

	if (e == NULL || e->format != EXIF_FORMAT_RATIONAL || e->components < 3 || e->size < 24)
		return -1;
	for (int i = 0; i < 3; i++) {
		ExifRational r = exif_get_rational(e->data + 8 * i, order);

		if (r.denominator == 0)
			return -1;
		part[i] = (double)r.numerator / r.denominator;
	}
	*out = part[0] + part[1] / 60 + part[2] / 3600;
	if (ascii(gps, ref_tag, ref, sizeof ref) != NULL && ref[0] == negative)
		*out = -*out;
	return 0;
}

void
close_exif_read(const char *path, struct close_exif *out)
{
	ExifData *ed = exif_data_new_from_file(path);
	char buf[64];
	ExifContent *exif, *ifd0, *gps;

	memset(out, 0, sizeof *out);
	if (ed == NULL)
		return;
	exif = ed->ifd[EXIF_IFD_EXIF];
	ifd0 = ed->ifd[EXIF_IFD_0];
	gps = ed->ifd[EXIF_IFD_GPS];
	out->has_time = exif_time(ascii(exif, EXIF_TAG_DATE_TIME_ORIGINAL, buf, sizeof buf),
	    &out->local_seconds) == 0
	    || exif_time(ascii(ifd0, EXIF_TAG_DATE_TIME, buf, sizeof buf), &out->local_seconds) == 0;
	out->has_offset = exif_offset(ascii(exif, EXIF_TAG_OFFSET_TIME_ORIGINAL, buf, sizeof buf),
	    &out->offset_minutes) == 0
	    || exif_offset(ascii(exif, EXIF_TAG_OFFSET_TIME, buf, sizeof buf),
		&out->offset_minutes) == 0;
	out->has_gps = gps != NULL
	    && gps_degrees(ed, gps, EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF, 'S', &out->lat) == 0
	    && gps_degrees(ed, gps, EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF, 'W', &out->lon) == 0;
	exif_data_unref(ed);
}
