#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "notify/template.h"

int
template_render(const char *text, template_lookup_fn lookup, void *ctx,
    struct fsd_buf *out, char *missing, size_t missing_size)
{
	const char *at = text, *open;

	out->len = 0;
	while ((open = strstr(at, "{{")) != NULL) {
		const char *close = strstr(open + 2, "}}"), *value;
		char path[256];
		size_t len;

		if (open > at)
			fsd_buf_put(out, at, (size_t)(open - at));
		if (close == NULL) {
			snprintf(missing, missing_size, "{{");
			return -1;
		}
		/* spaces inside the braces are allowed: {{ customer.name }} */
		while (open[2] == ' ')
			open++;
		len = (size_t)(close - open - 2);
		while (len > 0 && open[2 + len - 1] == ' ')
			len--;
		snprintf(path, sizeof path, "%.*s", (int)len, open + 2);
		value = len < sizeof path ? lookup(path, ctx) : NULL;
		if (value == NULL || *value == '\0') {
			snprintf(missing, missing_size, "%s", path);
			return -1;
		}
		fsd_buf_puts(out, value);
		at = close + 2;
	}
	if (*at != '\0')
		fsd_buf_puts(out, at);
	fsd_buf_char(out, '\0');
	out->len--;
	return 0;
}
