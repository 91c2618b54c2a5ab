/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "opt.h"
#include "output.h"
#include "record.h"
#include "rfc3339.h"
#include "xalloc.h"

#ifndef FSD_VERSION
#define FSD_VERSION "unknown"
#endif

static int want_help, want_version, want_list, want_describe;

static const struct fsd_option record_options[] = {
	{ 0, "strict", NULL, "stop at the first bad record", &fsd_record_strict, NULL },
	{ 0, "rejects", "FILE", "append bad input lines to FILE, as they were", NULL, &fsd_record_rejects_path },
	{ 0 }
};

static const struct fsd_option standard_options[] = {
	{ 'h', "help", NULL, "show this help and exit", &want_help, NULL },
	{ 0, "version", NULL, "show the version and exit", &want_version, NULL },
	{ 0 }
};

/* Hidden: the option table for completions and tests, and the one-line
 * summary for fsd(1)'s list of tools. */
static const struct fsd_option list_option[] = {
	{ 0, "list-options", NULL, NULL, &want_list, NULL },
	{ 0, "describe", NULL, NULL, &want_describe, NULL },
	{ 0 }
};

static const struct fsd_option *
tables(const struct fsd_tool *tool, int i)
{
	switch (i) {
	case 0: return tool->options;
	case 1: return (tool->flags & FSD_TOOL_RECORDS) ? record_options : NULL;
	case 2: return standard_options;
	case 3: return list_option;
	}
	return NULL;
}

#define NTABLES 4

static const struct fsd_option *
find_long(const struct fsd_tool *tool, const char *name, size_t len)
{
	for (int t = 0; t < NTABLES; t++) {
		const struct fsd_option *o = tables(tool, t);
		for (; o != NULL && o->long_name != NULL; o++)
			if (strlen(o->long_name) == len && strncmp(o->long_name, name, len) == 0)
				return o;
	}
	return NULL;
}

static const struct fsd_option *
find_short(const struct fsd_tool *tool, char c)
{
	for (int t = 0; t < NTABLES; t++) {
		const struct fsd_option *o = tables(tool, t);
		for (; o != NULL && o->long_name != NULL; o++)
			if (o->short_name == c)
				return o;
	}
	return NULL;
}

const char *
fsd_option_help(const struct fsd_option *o, char *buf, size_t size)
{
	if (o->type == FSD_OPT_WHOLE || o->type == FSD_OPT_DECIMAL)
		snprintf(buf, size, "%s (default %g)", o->help, o->def);
	else
		snprintf(buf, size, "%s", o->help);
	return buf;
}

static void
print_table(const struct fsd_option *o, FILE *f)
{
	char left[64], help[256];

	for (; o != NULL && o->long_name != NULL; o++) {
		if (o->help == NULL)
			continue;
		snprintf(left, sizeof left, "%c%c%c --%s%s%s",
		    o->short_name ? '-' : ' ', o->short_name ? o->short_name : ' ',
		    o->short_name ? ',' : ' ', o->long_name,
		    o->arg_name ? " " : "", o->arg_name ? o->arg_name : "");
		fprintf(f, "  %-26s %s\n", left, fsd_option_help(o, help, sizeof help));
	}
}

void
fsd_print_help(const struct fsd_tool *tool)
{
	printf("usage: %s %s\n\n%s\n\noptions:\n", tool->name, tool->usage, tool->summary);
	for (int t = 0; t < NTABLES; t++)
		print_table(tables(tool, t), stdout);
	printf("\nexit status: 0 ok, 1 bad records or data, 2 usage error\n"
	    "see %s(1) and fsd(5)\n", tool->name);
}

static void
list_options(const struct fsd_tool *tool)
{
	for (int t = 0; t < NTABLES; t++) {
		const struct fsd_option *o = tables(tool, t);
		for (; o != NULL && o->long_name != NULL; o++) {
			char short_form[3] = { '-', o->short_name, '\0' }, help[256];

			if (o->help != NULL)
				printf("--%s\t%s\t%s\t%s\t%s\n", o->long_name,
				    o->short_name ? short_form : "",
				    o->arg_name ? o->arg_name : "",
				    fsd_option_help(o, help, sizeof help),
				    t == 1 ? "record" : "");
		}
	}
}

static void
apply(const struct fsd_option *o, const char *arg)
{
	if (o->given != NULL)
		*o->given = 1;
	switch (o->type) {
	case FSD_OPT_WHOLE:
		*o->whole = fsd_opt_long(o->long_name, arg, (long)o->min, (long)o->max);
		break;
	case FSD_OPT_DECIMAL:
		*o->number = fsd_opt_double(o->long_name, arg, o->min, o->max);
		break;
	case FSD_OPT_TIME:
		fsd_opt_time(o->long_name, arg, o->time);
		break;
	case FSD_OPT_DATE:
		*o->date = fsd_opt_date(o->long_name, arg);
		break;
	case FSD_OPT_TEXT:
		break;
	}
	if (o->arg_name == NULL) {
		if (o->flag != NULL)
			(*o->flag)++;
	} else if (o->list != NULL) {
		struct fsd_list *l = o->list;
		l->items = xgrow(l->items, &l->cap, l->count + 1, sizeof *l->items);
		l->items[l->count++] = arg;
	} else if (o->value != NULL) {
		*o->value = arg;
	}
}

char *
fsd_list_join(const struct fsd_list *list, const char *sep)
{
	size_t len = 0, seplen = strlen(sep);
	char *joined, *at;

	if (list->count == 0)
		return NULL;
	for (size_t i = 0; i < list->count; i++)
		len += strlen(list->items[i]) + seplen;
	at = joined = xmalloc(len + 1);
	for (size_t i = 0; i < list->count; i++) {
		if (i > 0) {
			memcpy(at, sep, seplen);
			at += seplen;
		}
		memcpy(at, list->items[i], strlen(list->items[i]));
		at += strlen(list->items[i]);
	}
	*at = '\0';
	return joined;
}

void
fsd_list_free(struct fsd_list *list)
{
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

int
fsd_parse_options(const struct fsd_tool *tool, int argc, char **argv)
{
	char **operands = xcalloc((size_t)argc + 1, sizeof *operands);
	int noperands = 0, i, first;

	fsd_progname = tool->name;
	for (const struct fsd_option *o = tool->options; o->long_name != NULL; o++)
		if (o->type == FSD_OPT_WHOLE)
			*o->whole = (long)o->def;
		else if (o->type == FSD_OPT_DECIMAL)
			*o->number = o->def;
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const struct fsd_option *o;
		const char *arg = NULL;

		if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				operands[noperands++] = argv[i];
			break;
		}
		if (a[0] != '-' || a[1] == '\0') {
			operands[noperands++] = a;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			o = find_long(tool, a + 2, len);
			if (o == NULL)
				fsd_usage_error("unknown option '%.*s'", (int)len + 2, a);
			if (eq != NULL) {
				if (o->arg_name == NULL)
					fsd_usage_error("option '--%s' takes no argument", o->long_name);
				arg = eq + 1;
			}
		} else {
			o = find_short(tool, a[1]);
			if (o == NULL)
				fsd_usage_error("unknown option '-%c'", a[1]);
			if (a[2] != '\0') {
				if (o->arg_name == NULL)
					fsd_usage_error("option '-%c' takes no argument", a[1]);
				arg = a + 2;
			}
		}
		if (o->arg_name != NULL && arg == NULL) {
			if (i + 1 >= argc)
				fsd_usage_error("option '--%s' needs %s", o->long_name, o->arg_name);
			arg = argv[++i];
		}
		apply(o, arg);
	}
	if (want_help) {
		fsd_print_help(tool);
		fsd_output_close();
		exit(0);
	}
	if (want_version) {
		printf("%s %s\n", tool->name, FSD_VERSION);
		fsd_output_close();
		exit(0);
	}
	if (want_describe) {
		printf("%s\n", tool->summary);
		fsd_output_close();
		exit(0);
	}
	if (want_list) {
		list_options(tool);
		fsd_output_close();
		exit(0);
	}
	first = argc - noperands;
	memcpy(argv + first, operands, (size_t)noperands * sizeof *operands);
	free(operands);
	return first;
}

long
fsd_opt_long(const char *option, const char *text, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
		fsd_usage_error("option '--%s': \"%s\" is not a whole number from %ld to %ld",
		    option, text, min, max);
	return v;
}

double
fsd_opt_double(const char *option, const char *text, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (errno != 0 || end == text || *end != '\0' || !isfinite(v) || v < min || v > max)
		fsd_usage_error("option '--%s': \"%s\" is not a number from %g to %g",
		    option, text, min, max);
	return v;
}

void
fsd_opt_time(const char *option, const char *text, struct fsd_time *out)
{
	if (fsd_time_parse(text, out) != 0)
		fsd_usage_error("option '--%s': \"%s\" is not an RFC 3339 time like "
		    "2026-11-23T08:00:00-07:00", option, text);
}

int64_t
fsd_opt_date(const char *option, const char *text)
{
	int64_t days;

	if (fsd_date_parse(text, &days) != 0)
		fsd_usage_error("option '--%s': \"%s\" is not a date like 2026-11-23",
		    option, text);
	return days;
}
