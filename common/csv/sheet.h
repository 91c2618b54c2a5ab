/* SPDX-License-Identifier: ISC (see LICENSE) */
/* What fsd-export does to a record on its way to a sheet a person reads
 * (a tech's day on a phone, the office's wall): the tech's name and
 * phone beside the id, times on the local clock, miles, a link that
 * opens directions. Each is a change to the record, made before it is
 * written as a row, so the CSV writer stays one. */
#ifndef FSD_CSV_SHEET_H
#define FSD_CSV_SHEET_H

#include <jansson.h>

/* Add tech_name and tech_phone from the technician whose id is the
 * record's "tech" (techs: id -> tech record). */
void fsd_sheet_join_tech(json_t *record, const json_t *techs);

/* Add "directions": a Google Maps directions URL to the record's site
 * (its address, else lat,lon). None without a site. The Maps URLs API
 * opens the app on a phone and the site in a browser. */
void fsd_sheet_add_directions(json_t *record);

/* Every RFC 3339 time in the record, nested ones too, rewritten: by
 * format (strftime) when format is not NULL, else as RFC 3339; in zone
 * (NULL: at its own offset). */
void fsd_sheet_local_times(json_t *record, const char *zone, const char *format);

/* Every distance ("km", "*_km") as miles ("mi", "*_mi"), to 0.1. */
void fsd_sheet_miles(json_t *record);

#endif
