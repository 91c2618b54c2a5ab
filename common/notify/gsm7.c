#include <string.h>

#include "notify/gsm7.h"

/* The default alphabet beyond printable ASCII, as Unicode code points. */
static const unsigned basic_extra[] = {
	0x00A3, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, 0x00D8, 0x00F8,
	0x00C5, 0x00E5, 0x0394, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, 0x03A3,
	0x0398, 0x039E, 0x00C6, 0x00E6, 0x00DF, 0x00C9, 0x00A4, 0x00A1, 0x00C4, 0x00D6,
	0x00D1, 0x00DC, 0x00A7, 0x00BF, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0
};

/* Septets a code point takes in GSM-7: 1, 2 (extension table), or 0
 * when it is not in the alphabet. */
static int
septets(unsigned c)
{
	if (c == '\n' || c == '\r')
		return 1;
	if (c == '[' || c == ']' || c == '{' || c == '}' || c == '~' || c == '\\'
	    || c == '|' || c == '^' || c == 0x20AC || c == '\f')
		return 2;
	if (c == '`')		/* not in the alphabet, though ASCII */
		return 0;
	if (c >= 0x20 && c < 0x7F)
		return 1;
	for (size_t i = 0; i < sizeof basic_extra / sizeof basic_extra[0]; i++)
		if (basic_extra[i] == c)
			return 1;
	return 0;
}

/* Next code point of a UTF-8 string; a bad byte is taken as itself. */
static unsigned
next_code_point(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned c = *p;
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*s = p + 1;
	if (more == 0)
		return c;
	c &= 0x3F >> more;
	for (int i = 1; i <= more; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return *p;
		c = (c << 6) | (p[i] & 0x3F);
	}
	*s = p + 1 + more;
	return c;
}

struct sms_size
sms_size_of(const char *utf8)
{
	struct sms_size size = { 1, 0, 0 };
	const unsigned char *s = (const unsigned char *)utf8;
	size_t ucs2 = 0;

	while (*s != '\0') {
		unsigned c = next_code_point(&s);
		int n = septets(c);

		if (n == 0)
			size.gsm7 = 0;
		size.units += (size_t)n;
		ucs2 += c > 0xFFFF ? 2 : 1;
	}
	if (!size.gsm7)
		size.units = ucs2;
	if (size.units == 0)
		size.segments = 0;
	else if (size.units <= (size.gsm7 ? 160u : 70u))
		size.segments = 1;
	else {
		size_t per = size.gsm7 ? 153 : 67;
		size.segments = (int)((size.units + per - 1) / per);
	}
	return size;
}
