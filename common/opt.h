/* SPDX-License-Identifier: ISC (see LICENSE) */
/* One option table per tool. The table yields --help, the hidden
 * --list-options that the completion generator and the man-page tests
 * read, and the parsing itself, so help, manual and completions cannot
 * drift apart (the idea of git's parse-options). */
#ifndef FSD_OPT_H
#define FSD_OPT_H

#include <stddef.h>
#include <stdint.h>

struct fsd_time;

/* Every argument of a repeatable option, in the order given. */
struct fsd_list {
	const char **items;	/* point into argv */
	size_t count, cap;
};

/* What an option's argument is read as. A typed option is converted
 * while parsing; a bad argument is a usage error naming the option in
 * one wording for every tool:
 *     option '--eta-width': "ten" is not a number from 0 to 1440
 *     option '--now': "noon" is not an RFC 3339 time like 2026-11-23T08:00:00-07:00 */
enum fsd_opt_type {
	FSD_OPT_TEXT,		/* as given: value, or list */
	FSD_OPT_WHOLE,		/* a whole number in [min, max], into *whole */
	FSD_OPT_DECIMAL,	/* a number in [min, max], into *number */
	FSD_OPT_TIME,		/* an RFC 3339 time, into *time */
	FSD_OPT_DATE		/* YYYY-MM-DD, into *date (days since 1970) */
};

/* A typed number's default is written once, here (git's OPT_INTEGER):
 * the target is set to it before parsing and --help says "(default N)".
 *
 *	{ 0, "eta-width", "MINUTES", "width of the customer's ETA window",
 *	  .type = FSD_OPT_DECIMAL, .number = &eta_width, .min = 0, .max = 24 * 60,
 *	  .def = 60 },
 *	{ 0, "now", "TIME", "plan as if it were TIME (RFC 3339)",
 *	  .type = FSD_OPT_TIME, .time = &now, .given = &has_now },
 */
struct fsd_option {
	char short_name;	/* 0 when the option has no short form */
	const char *long_name;	/* without the leading "--" */
	const char *arg_name;	/* NULL for a flag; "FILE", "DIR" complete as paths */
	const char *help;	/* one line, lower case, no full stop; a typed
				 * number's "(default N)" is added from def */
	int *flag;		/* flags: set to 1 (counted up when repeated) */
	const char **value;	/* options with an argument: set to it (last
				 * wins); typed ones too, when not NULL */
	struct fsd_list *list;	/* or: keep every argument (repeatable options) */
	enum fsd_opt_type type;
	long *whole;		/* FSD_OPT_WHOLE */
	double *number;		/* FSD_OPT_DECIMAL */
	struct fsd_time *time;	/* FSD_OPT_TIME */
	int64_t *date;		/* FSD_OPT_DATE */
	double min, max;	/* WHOLE, DECIMAL: inclusive bounds */
	double def;		/* WHOLE, DECIMAL: the default */
	int *given;		/* any option: set to 1 when it is given */
};

enum {
	FSD_TOOL_RECORDS = 1	/* reads records: gets --strict and --rejects FILE */
};

struct fsd_tool {
	const char *name;	/* "fsd-match" */
	const char *usage;	/* what follows the name in the SYNOPSIS */
	const char *summary;	/* one line for fsd(1)'s list and --help */
	const struct fsd_option *options; /* ends with an entry whose long_name is NULL */
	unsigned flags;
};

/* Parse argv by the table; handles --help, --version and --list-options
 * and, for record tools, --strict and --rejects. --list-options prints a
 * line an option: long name, short name, argument, help, and "record"
 * for the options every record tool shares. Operands are moved to the
 * end of argv in their order; the index of the first is returned. A bad
 * option is a usage error (exit 2). Sets fsd_progname. */
int fsd_parse_options(const struct fsd_tool *tool, int argc, char **argv);

void fsd_print_help(const struct fsd_tool *tool);

/* The items of a list joined by sep, freshly allocated; NULL when empty. */
char *fsd_list_join(const struct fsd_list *list, const char *sep);
void fsd_list_free(struct fsd_list *list);

/* Convert an option's argument or die with a usage error naming the
 * option: what the typed entries use, for an argument read some other
 * way (a list's items). */
long fsd_opt_long(const char *option, const char *text, long min, long max);
double fsd_opt_double(const char *option, const char *text, double min, double max);
void fsd_opt_time(const char *option, const char *text, struct fsd_time *out);
int64_t fsd_opt_date(const char *option, const char *text);

/* An option's help as --help and --list-options show it: with "(default
 * N)" for a typed number. Returns buf. */
const char *fsd_option_help(const struct fsd_option *o, char *buf, size_t size);

#endif
