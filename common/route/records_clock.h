/* Times as fsd-route takes them and gives them back: RFC 3339 strings
 * (a working day) or plain numbers of minutes (benchmark instances). The
 * solver counts minutes from the first time it was given; output is
 * written in the form, and for RFC 3339 in the offset, the input used. */
#ifndef FSD_ROUTE_RECORDS_CLOCK_H
#define FSD_ROUTE_RECORDS_CLOCK_H

#include <jansson.h>

#include "err.h"

enum route_time_form { ROUTE_TIME_UNSET, ROUTE_TIME_RFC3339, ROUTE_TIME_MINUTES };

struct route_clock {
	enum route_time_form form;
	int have_base;
	long long base_seconds;		/* the instant that is minute 0 */
	int offset_minutes;		/* the first offset seen */
};

/* The time at path in record, as minutes on the clock, into *minutes;
 * *offset (when not NULL) gets its UTC offset. Returns FSD_FIELD_OK,
 * _ABSENT or _BAD (reported at pos, naming the field). Mixing the two
 * forms in one run is an error. */
int route_clock_read(struct route_clock *c, const json_t *record, const char *path,
    double *minutes, int *offset, const struct fsd_pos *pos);

/* Minutes on the clock as a JSON value of the input's form. */
json_t *route_clock_value(const struct route_clock *c, double minutes, int offset);

#endif
