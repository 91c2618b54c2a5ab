/* SPDX-License-Identifier: ISC (see LICENSE) */
/* The one rule for a technician record without a shift (fsd(5)): that
 * tech is not working that day. fsd-roster writes such records for days
 * off ("not_working" says why); every tool that plans a day leaves them
 * out the same way, with one note, rather than each calling a missing
 * shift an error of its own. */
#ifndef FSD_TECH_H
#define FSD_TECH_H

#include <jansson.h>

#include "err.h"

/* Is the tech off today: "not_working" set, or neither "shift" nor
 * "shifts"? Says so on standard error (a note: a day off is no mistake,
 * the exit status stays). */
int fsd_tech_off_today(const json_t *tech, const struct fsd_pos *pos);

#endif
