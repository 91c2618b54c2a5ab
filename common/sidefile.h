/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Side files: the JSON documents a tool reads beside its records (a rate
 * card, a rules file, limits). One loader for all of them, driven by a
 * table with a row per key (redis's config.c): the key's name, its type,
 * its bounds, its default and where in the caller's struct it goes.
 *
 * Every problem is reported with the line its key is on, in one wording
 * for every tool, and loading goes on, so one run shows them all:
 *     fsd-match: r.json:12: "types.no-heat.sla_hour" is not a known key (known: skills, priority, ...)
 *     fsd-match: r.json:3: "weights.drive" must be a number from 0 to 1000000, not "far"
 *     fsd-match: r.json:9: "default.on_call" must be true or false, not 1
 *     fsd-match: r.json: 3 problems in the rules file; nothing done
 *
 * A tool loads one like this:
 *
 *	static const struct fsd_key limit_keys[] = {
 *		{ "max_stops", FSD_KEY_INT, 1, FSD_KEY_NO_MAX, offsetof(struct limits, max_stops) },
 *		{ "max_km", FSD_KEY_DOUBLE, 0, FSD_KEY_NO_MAX, offsetof(struct limits, max_km),
 *		  .has_default = 1, .def = 1e9 },
 *		{ "zones", FSD_KEY_OBJECT },	(checked for shape, read by the caller)
 *		{ NULL }
 *	};
 *	struct fsd_sidefile f;
 *
 *	fsd_side_open(&f, path, "rules file");
 *	fsd_side_read(&f, f.doc, "", limit_keys, &limits);
 *	(nested objects: fsd_side_read(&f, zones, "zones", zone_keys, &zone);
 *	 a caller's own check: fsd_side_problem(&f, "zones.north", "..."))
 *	if (fsd_side_close(&f) > 0) {
 *		(free what was loaded)
 *		fsd_side_die(&f);
 *	}
 *
 * The same rows read the fields of a record (a tech's own limits) with
 * field.h's messages: fsd_keys_read. */
#ifndef FSD_SIDEFILE_H
#define FSD_SIDEFILE_H

#include <stddef.h>

#include <jansson.h>

#include "err.h"

enum fsd_key_type {
	FSD_KEY_INT,		/* a whole number, into an int */
	FSD_KEY_INT64,		/* a whole number, into an int64_t */
	FSD_KEY_LLONG,		/* a whole number, into a long long */
	FSD_KEY_DOUBLE,		/* any number, into a double */
	FSD_KEY_BOOL,		/* true or false, into an int (1 or 0) */
	FSD_KEY_STRING,		/* into a char *, a copy the caller frees */
	FSD_KEY_OBJECT,		/* an object: shape checked, read by the caller */
	FSD_KEY_ARRAY,		/* an array: shape checked, read by the caller */
	FSD_KEY_OTHER		/* anything: the caller checks and reads it */
};

/* No upper bound: a number row whose max is this says "of at least MIN". */
#define FSD_KEY_NO_MAX 1e300

struct fsd_key {
	const char *name;	/* NULL ends a table */
	enum fsd_key_type type;
	double min, max;	/* numbers: inclusive bounds; both 0: any number */
	size_t offset;		/* where the value goes: offsetof(target, field);
				 * unused for OBJECT, ARRAY and OTHER */
	int has_default;	/* an absent key is given def (or def_string) */
	double def;		/* INT, INT64, DOUBLE, BOOL */
	const char *def_string;	/* STRING: copied */
	const char *unit;	/* for messages: "minor units (cents)", "minutes" */
};

struct fsd_sidefile {
	const char *name;	/* the path, shown in messages */
	const char *what;	/* "rate card", "rules file": for the last message */
	json_t *doc;		/* the document, an object */
	char *text;		/* its text, to find the line a key is on */
	int owns;		/* doc and text are ours to free */
	int problems;
};

/* Read and parse a side file. One that cannot be read or is not a JSON
 * object dies with a positioned error (exit 1): nothing can follow. */
void fsd_side_open(struct fsd_sidefile *f, const char *path, const char *what);

/* A document already parsed, with its text (may be NULL: no lines), for
 * tests and for a caller that has both; they stay the caller's. */
void fsd_side_init(struct fsd_sidefile *f, const json_t *doc, const char *text,
    const char *name, const char *what);

/* Read obj, found at the dotted path (the top: ""), by the table into
 * target: a key with no row is a problem that names the known ones; a
 * value of the wrong type or out of bounds is a problem; a row whose key
 * is absent (or null) gets its default, when it has one. Returns the
 * problems found here. */
int fsd_side_read(struct fsd_sidefile *f, const json_t *obj, const char *path,
    const struct fsd_key *keys, void *target);

/* One value by one row, for maps whose keys are data (a rate per trade):
 * v at path, checked and stored at target + row->offset. 0, or -1 when
 * it was a problem (reported). */
int fsd_side_value(struct fsd_sidefile *f, const json_t *v, const char *path,
    const struct fsd_key *row, void *target);

/* Report a problem the caller found: "name:line: \"path\" what". */
void fsd_side_problem(struct fsd_sidefile *f, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The line of the key at a dotted path (1 when not found, 0 without text). */
long fsd_side_line(const struct fsd_sidefile *f, const char *path);

/* Free what fsd_side_open took; returns the number of problems. */
int fsd_side_close(struct fsd_sidefile *f);

/* After a close with problems: "name: N problems in the WHAT; nothing
 * done", exit 1. */
_Noreturn void fsd_side_die(const struct fsd_sidefile *f);

/* Every row's default into target (for a tool run without the file). */
void fsd_keys_defaults(const struct fsd_key *keys, void *target);

/* The rows present in a record (unknown fields are the record's own and
 * pass), into target, with field.h's messages at pos: FSD_FIELD_OK, or
 * FSD_FIELD_BAD at the first bad one. Absent rows are left alone. */
int fsd_keys_read(const struct fsd_key *keys, const json_t *record, void *target,
    const struct fsd_pos *pos);

#endif
