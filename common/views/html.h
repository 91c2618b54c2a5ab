/* The pieces every page of the views shares: escaping, the head with its
 * one inline style sheet (no network: a page opens from disk, prints,
 * and reads on a phone), clock times and money as people read them. */
#ifndef FSD_VIEWS_HTML_H
#define FSD_VIEWS_HTML_H

#include <stdio.h>

#include "rfc3339.h"

/* Text into HTML: & < > " ' escaped. NULL writes nothing. */
void view_html_escape(FILE *f, const char *s);
/* printf, the result escaped. */
void view_html_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* <!doctype html> to <body>, with the page's title and style. */
void view_html_begin(FILE *f, const char *title);
void view_html_end(FILE *f);

/* "Monday 23 November 2026" for the local date of t. */
#define VIEW_DAY_LEN 48
char *view_day_words(const struct fsd_time *t, char buf[VIEW_DAY_LEN]);
/* "UTC-07:00" for the offset of t. */
char *view_zone(const struct fsd_time *t, char buf[16]);

#endif
