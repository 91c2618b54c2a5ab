/* One option table per tool. The table yields --help, the hidden
 * --list-options that the completion generator and the man-page tests
 * read, and the parsing itself, so help, manual and completions cannot
 * drift apart (the idea of git's parse-options). */
#ifndef FSD_OPT_H
#define FSD_OPT_H

/* Every argument of a repeatable option, in the order given. */
struct fsd_list {
	const char **items;	/* point into argv */
	size_t count, cap;
};

struct fsd_option {
	char short_name;	/* 0 when the option has no short form */
	const char *long_name;	/* without the leading "--" */
	const char *arg_name;	/* NULL for a flag; "FILE", "DIR" complete as paths */
	const char *help;	/* one line, lower case, no full stop */
	int *flag;		/* flags: set to 1 (counted up when repeated) */
	const char **value;	/* options with an argument: set to it (last wins) */
	struct fsd_list *list;	/* or: keep every argument (repeatable options) */
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

/* Convert an option's argument or die with a usage error naming the option. */
long fsd_opt_long(const char *option, const char *text, long min, long max);
double fsd_opt_double(const char *option, const char *text, double min, double max);

#endif
