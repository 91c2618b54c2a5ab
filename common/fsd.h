/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Everything a tool needs from the shared library. */
#ifndef FSD_H
#define FSD_H

#include <jansson.h>

#include "err.h"
#include "field.h"
#include "geo.h"
#include "money.h"
#include "opt.h"
#include "output.h"
#include "record.h"
#include "rfc3339.h"
#include "sidefile.h"
#include "sort.h"
#include "statefile.h"
#include "xalloc.h"

#endif
