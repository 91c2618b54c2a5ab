/* SPDX-License-Identifier: ISC (see LICENSE) */
/* What people get wrong in a sheet, caught where the data first meets a
 * tool that can tell (fsd(5), "Mistakes"): a skill typed a letter off
 * ("plumbng"), skills run together with a comma, a site whose longitude
 * lost its minus sign, an id used twice. Plain C over names and places;
 * the tools word and place the messages. */
#ifndef FSD_CHECK_MISTAKES_H
#define FSD_CHECK_MISTAKES_H

#include <stddef.h>

/* Levenshtein distance, capped: more than cap is cap + 1. */
int check_edit_distance(const char *a, const char *b, int cap);

/* The name in names nearest to word by a typo or two (a distance of 1,
 * or 2 for words of 6 letters or more), or NULL. */
const char *check_did_you_mean(const char *word, char *const *names, size_t n);

/* Is this skill two run together ("hvac, plumbing", "hvac,plumbing")? */
int check_joined_skills(const char *skill);

/* A site implausibly far from every home (n homes as lat, lon pairs):
 * farther than far_km from the nearest. Returns 1 and sets *nearest_km
 * then; *fixed_km is the distance with the longitude's sign flipped
 * (the usual lost minus), or a negative number when that is no nearer
 * than far_km either. */
int check_far_site(double lat, double lon, const double *homes, size_t n, double far_km,
    double *nearest_km, double *fixed_km);

#endif
