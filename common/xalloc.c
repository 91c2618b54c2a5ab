/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fault.h"
#include "xalloc.h"

static void *
check(void *p)
{
	if (p == NULL)
		fsd_die(FSD_EXIT_DATA, "out of memory");
	return p;
}

/* Each allocation is a step the suite can make fail (common/fault.h). */
void *xmalloc(size_t n) { return check(fsd_fault_now(FSD_FAULT_MALLOC) ? NULL : malloc(n ? n : 1)); }
void *xcalloc(size_t count, size_t size) { return check(fsd_fault_now(FSD_FAULT_MALLOC) ? NULL : calloc(count ? count : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check(fsd_fault_now(FSD_FAULT_MALLOC) ? NULL : realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return check(fsd_fault_now(FSD_FAULT_MALLOC) ? NULL : strdup(s)); }

void *
xgrow(void *p, size_t *count, size_t need, size_t size)
{
	size_t n = *count ? *count : 8;

	if (need <= *count)
		return p;
	while (n < need)
		n *= 2;
	if (n > (size_t)-1 / size)
		fsd_die(FSD_EXIT_DATA, "out of memory");
	p = xrealloc(p, n * size);
	*count = n;
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fsd_die(FSD_EXIT_DATA, "bad format");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
