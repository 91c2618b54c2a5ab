/* SPDX-License-Identifier: ISC (see LICENSE) */
/* Money as integer minor units (cents) with an ISO 4217 currency: never a
 * float, so sums reconcile to the cent. Rounding happens only where a
 * rule says so, through fsd_money_scale, with the mode named. */
#ifndef FSD_MONEY_H
#define FSD_MONEY_H

#include <stdint.h>

enum fsd_rounding {
	FSD_ROUND_HALF_UP,	/* away from zero at .5: what most invoices expect */
	FSD_ROUND_HALF_EVEN	/* banker's rounding: no drift over many lines */
};

/* Digits after the decimal point for an ISO 4217 code (USD 2, JPY 0,
 * KWD 3); -1 when code is not three capital letters. */
int fsd_currency_exponent(const char *code);

/* "12.34", "-5", "0.5" into minor units at the given exponent; more
 * decimals than the currency has is an error. Returns 0 or -1. */
int fsd_money_parse(const char *text, int exponent, int64_t *minor);

#define FSD_MONEY_LEN 32
/* 1234 at exponent 2 -> "12.34". Returns buf. */
char *fsd_money_format(int64_t minor, int exponent, char buf[FSD_MONEY_LEN]);

/* amount * num / den, rounded by mode, computed in 128 bits. den > 0.
 * Returns 0, or -1 when the result does not fit in 64 bits. */
int fsd_money_scale(int64_t amount, int64_t num, int64_t den,
    enum fsd_rounding mode, int64_t *out);

/* a + b, or -1 on overflow. */
int fsd_money_add(int64_t a, int64_t b, int64_t *out);

/* "half-up" / "half-even" -> mode; returns 0 or -1. */
int fsd_rounding_parse(const char *text, enum fsd_rounding *mode);

#endif
