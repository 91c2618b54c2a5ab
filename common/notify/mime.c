#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "rfc3339.h"
#include "xalloc.h"
#include "notify/mime.h"

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* A header value on one line: line breaks and other controls become
 * spaces. */
static void
put_flat(struct fsd_buf *out, const char *s)
{
	for (; *s != '\0'; s++)
		fsd_buf_char(out, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

static void
put_base64(struct fsd_buf *out, const unsigned char *data, size_t len, size_t line)
{
	unsigned char chunk[4 * 64 / 3 + 4];

	/* line bytes of input make one output line of line*4/3 characters */
	for (size_t at = 0; at < len; at += line) {
		size_t n = len - at < line ? len - at : line;
		int written = EVP_EncodeBlock(chunk, data + at, (int)n);

		fsd_buf_put(out, (const char *)chunk, (size_t)written);
		if (line < 48)
			break;
		fsd_buf_puts(out, "\r\n");
	}
}

/* A header value: as it is when ASCII, else RFC 2047 encoded words of
 * whole UTF-8 characters (each word under the 75-character limit). */
static void
put_header_text(struct fsd_buf *out, const char *raw)
{
	char *flat;
	struct fsd_buf b = { 0 };
	size_t len, at = 0;

	put_flat(&b, raw);
	fsd_buf_char(&b, '\0');
	flat = b.data;
	if (is_ascii(flat)) {
		fsd_buf_puts(out, flat);
		fsd_buf_free(&b);
		return;
	}
	len = strlen(flat);
	while (at < len) {
		size_t n = len - at < 36 ? len - at : 36;

		while (at + n < len && ((unsigned char)flat[at + n] & 0xC0) == 0x80)
			n--;	/* do not split a character */
		if (at > 0)
			fsd_buf_puts(out, "\r\n ");
		fsd_buf_puts(out, "=?UTF-8?B?");
		put_base64(out, (const unsigned char *)flat + at, n, 36);
		fsd_buf_puts(out, "?=");
		at += n;
	}
	fsd_buf_free(&b);
}

/* "Name" <addr>: the name quoted (or encoded), the address bare. */
static void
put_mailbox(struct fsd_buf *out, const char *name, const char *address)
{
	if (name != NULL && *name != '\0') {
		if (is_ascii(name)) {
			fsd_buf_char(out, '"');
			for (const char *s = name; *s != '\0'; s++) {
				if (*s == '"' || *s == '\\')
					fsd_buf_char(out, '\\');
				fsd_buf_char(out, (unsigned char)*s < 0x20 ? ' ' : *s);
			}
			fsd_buf_char(out, '"');
		} else {
			put_header_text(out, name);
		}
		fsd_buf_puts(out, " <");
		put_flat(out, address);
		fsd_buf_char(out, '>');
	} else {
		put_flat(out, address);
	}
}

static void
put_date(struct fsd_buf *out, int64_t seconds, int offset)
{
	static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t local = seconds + (int64_t)offset * 60, day = local / 86400 - (local % 86400 < 0);
	int64_t in_day = local - day * 86400, year;
	int month, mday;
	char text[96];

	fsd_civil_from_days(day, &year, &month, &mday);
	snprintf(text, sizeof text, "%s, %d %s %lld %02d:%02d:%02d %c%02d%02d",
	    days[fsd_weekday(day) - 1], mday, months[month - 1], (long long)year,
	    (int)(in_day / 3600), (int)(in_day / 60 % 60), (int)(in_day % 60),
	    offset < 0 ? '-' : '+', (offset < 0 ? -offset : offset) / 60,
	    (offset < 0 ? -offset : offset) % 60);
	fsd_buf_puts(out, text);
}

/* The body with CRLF line ends, as SMTP carries it. */
static void
put_body_lines(struct fsd_buf *out, const char *body)
{
	for (; *body != '\0'; body++) {
		if (*body == '\r')
			continue;
		if (*body == '\n')
			fsd_buf_char(out, '\r');
		fsd_buf_char(out, *body);
	}
	if (out->len < 2 || out->data[out->len - 1] != '\n')
		fsd_buf_puts(out, "\r\n");
}

void
mail_write(const struct mail *m, struct fsd_buf *out)
{
	out->len = 0;
	fsd_buf_puts(out, "From: ");
	put_flat(out, m->from);
	fsd_buf_puts(out, "\r\nTo: ");
	put_mailbox(out, m->to_name, m->to);
	fsd_buf_puts(out, "\r\nSubject: ");
	put_header_text(out, m->subject);
	fsd_buf_puts(out, "\r\nDate: ");
	put_date(out, m->date, m->date_offset_minutes);
	fsd_buf_puts(out, "\r\nMessage-ID: <");
	put_flat(out, m->message_id);
	fsd_buf_puts(out, ">\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n");
	if (is_ascii(m->body)) {
		fsd_buf_puts(out, "Content-Transfer-Encoding: 7bit\r\n\r\n");
		put_body_lines(out, m->body);
	} else {
		struct fsd_buf lines = { 0 };

		/* base64 of the text with CRLF line ends, 76-character lines */
		fsd_buf_puts(out, "Content-Transfer-Encoding: base64\r\n\r\n");
		put_body_lines(&lines, m->body);
		put_base64(out, (const unsigned char *)lines.data, lines.len, 57);
		fsd_buf_free(&lines);
	}
}

int
mail_address_ok(const char *text)
{
	const char *at = strchr(text, '@');

	if (at == NULL || at == text || at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return 0;
	for (const char *s = text; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || strchr("<>()[]\\,;:\"", *s) != NULL)
			return 0;
	return 1;
}

const char *
mail_domain(const char *from, char *buf, size_t size)
{
	const char *at = strrchr(from, '@');
	size_t len = 0;

	if (at == NULL) {
		snprintf(buf, size, "localhost");
		return buf;
	}
	at++;
	while (at[len] != '\0' && at[len] != '>' && at[len] != ' ')
		len++;
	snprintf(buf, size, "%.*s", (int)len, at);
	return buf;
}
