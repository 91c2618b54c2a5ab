/* Message templates: plain text with {{path}} fields ({{customer.name}},
 * {{msg.eta_start}}). A field that has no value is an error naming it:
 * a message is never sent with a blank where a name or a time should be.
 * The text is only ever data: nothing in it or in a field is run. */
#ifndef FSD_NOTIFY_TEMPLATE_H
#define FSD_NOTIFY_TEMPLATE_H

#include "jsonbuf.h"

/* The text of a field, or NULL when it has none. The string must last
 * until the next call. */
typedef const char *(*template_lookup_fn)(const char *path, void *ctx);

/* Render text into out. Returns 0, or -1 with the first missing field's
 * path in missing (or "{{" when a field is not closed). */
int template_render(const char *text, template_lookup_fn lookup, void *ctx,
    struct fsd_buf *out, char *missing, size_t missing_size);

#endif
