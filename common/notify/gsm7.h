/* How many SMS segments a text takes (3GPP TS 23.038). A text that is
 * all in the GSM 7-bit default alphabet takes 160 septets in one
 * segment (153 each when split, the rest is the concatenation header);
 * its extension characters ({ } [ ] ~ \ | ^ and the euro sign) cost two
 * septets. Anything else makes the whole text UCS-2: 70 characters in
 * one segment, 67 each when split. */
#ifndef FSD_NOTIFY_GSM7_H
#define FSD_NOTIFY_GSM7_H

#include <stddef.h>

struct sms_size {
	int gsm7;		/* 1 when the whole text is GSM 7-bit */
	size_t units;		/* septets (GSM-7) or UTF-16 units (UCS-2) */
	int segments;
};

/* Size of a UTF-8 text; invalid UTF-8 counts as UCS-2 characters. */
struct sms_size sms_size_of(const char *utf8);

#endif
