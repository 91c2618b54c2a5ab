/* An email as sendmail -t reads it (RFC 5322 with MIME, RFC 2045-2047):
 * From, To, Subject, Date, Message-ID, a text/plain UTF-8 body. A
 * header value never carries a line break (a name holding "\r\nBcc:"
 * cannot add a recipient); a non-ASCII subject or name is an RFC 2047
 * encoded word; a non-ASCII body is base64. */
#ifndef FSD_NOTIFY_MIME_H
#define FSD_NOTIFY_MIME_H

#include <stdint.h>

#include "jsonbuf.h"

struct mail {
	const char *from;	/* "Name <addr>" or "addr" */
	const char *to_name;	/* may be NULL */
	const char *to;		/* the address */
	const char *subject;
	const char *body;
	const char *message_id;	/* without the angle brackets */
	int64_t date;		/* seconds since the epoch */
	int date_offset_minutes;
};

void mail_write(const struct mail *m, struct fsd_buf *out);

/* Is text a plain address (local@domain, no spaces, brackets or line
 * breaks)? Returns 1 or 0. */
int mail_address_ok(const char *text);

/* The domain of "Name <local@domain>" or "local@domain", into buf. */
const char *mail_domain(const char *from, char *buf, size_t size);

#endif
