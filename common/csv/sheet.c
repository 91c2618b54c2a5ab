/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/cell.h"
#include "csv/clock.h"
#include "csv/sheet.h"
#include "rfc3339.h"
#include "xalloc.h"

void
fsd_sheet_join_tech(json_t *record, const json_t *techs)
{
	const char *id = json_string_value(json_object_get(record, "tech"));
	json_t *tech = id ? json_object_get(techs, id) : NULL;
	json_t *name, *phone;

	if (tech == NULL)
		return;
	if ((name = json_object_get(tech, "name")) != NULL && json_is_string(name))
		json_object_set(record, "tech_name", name);
	if ((phone = json_object_get(tech, "phone")) != NULL && json_is_string(phone))
		json_object_set(record, "tech_phone", phone);
}

/* RFC 3986 unreserved characters pass; everything else is %XX. */
static void
url_encode(struct fsd_csv_buf *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')
		    || (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL) {
			fsd_csv_buf_addc(out, (char)*p);
		} else {
			fsd_csv_buf_addc(out, '%');
			fsd_csv_buf_addc(out, hex[*p >> 4]);
			fsd_csv_buf_addc(out, hex[*p & 15]);
		}
	}
}

void
fsd_sheet_add_directions(json_t *record)
{
	json_t *site = json_object_get(record, "site");
	const char *address = json_string_value(json_object_get(site, "address"));
	json_t *lat = json_object_get(site, "lat"), *lon = json_object_get(site, "lon");
	struct fsd_csv_buf url = { 0 };
	char place[64];

	if (address == NULL && !(json_is_number(lat) && json_is_number(lon)))
		return;
	fsd_csv_buf_adds(&url, "https://www.google.com/maps/dir/?api=1&destination=");
	/* The address is what the customer gave and what the tech's phone
	 * knows how to find; coordinates only when there is none. */
	if (address != NULL) {
		url_encode(&url, address);
	} else {
		snprintf(place, sizeof place, "%.8g,%.8g", json_number_value(lat),
		    json_number_value(lon));
		url_encode(&url, place);
	}
	json_object_set_new(record, "directions", json_string(url.data));
	fsd_csv_buf_free(&url);
}

void
fsd_sheet_local_times(json_t *value, const char *zone, const char *format)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_object(value)) {
		json_object_foreach(value, key, v) {
			struct fsd_time t;
			char text[256 > FSD_TIME_LEN ? 256 : FSD_TIME_LEN];

			if (json_is_string(v) && fsd_time_parse(json_string_value(v), &t) == 0) {
				if (format == NULL && zone != NULL)
					json_object_set_new(value, key, json_string(fsd_time_format(
					    t.seconds, fsd_clock_offset(zone, t.seconds), text)));
				else if (format != NULL && fsd_clock_write(format, zone,
				    json_string_value(v), text, sizeof text) == 0)
					json_object_set_new(value, key, json_string(text));
			} else {
				fsd_sheet_local_times(v, zone, format);
			}
		}
	} else if (json_is_array(value)) {
		json_array_foreach(value, i, v)
			fsd_sheet_local_times(v, zone, format);
	}
}

static int
is_km(const char *key)
{
	size_t n = strlen(key);

	return strcmp(key, "km") == 0 || (n > 3 && strcmp(key + n - 3, "_km") == 0);
}

void
fsd_sheet_miles(json_t *value)
{
	const char *key;
	json_t *v, *copy;
	size_t i;

	if (json_is_array(value)) {
		json_array_foreach(value, i, v)
			fsd_sheet_miles(v);
		return;
	}
	if (!json_is_object(value))
		return;
	/* Rebuilt key by key, so the renamed fields keep their place. */
	copy = json_object();
	json_object_foreach(value, key, v) {
		if (is_km(key) && json_is_number(v)) {
			char *name = xasprintf("%.*smi", (int)(strlen(key) - 2), key);
			double miles = round(json_number_value(v) / 1.609344 * 10) / 10;
			json_object_set_new(copy, name, json_real(miles));
			free(name);
		} else {
			fsd_sheet_miles(v);
			json_object_set(copy, key, v);
		}
	}
	json_object_clear(value);
	json_object_update(value, copy);
	json_decref(copy);
}
