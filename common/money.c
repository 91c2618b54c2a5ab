/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <string.h>

#include "money.h"

/* ISO 4217 currencies whose minor unit is not 2 digits. */
static const struct {
	const char code[4];
	int exponent;
} odd_exponents[] = {
	{ "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
	{ "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
	{ "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
	{ "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "UYI", 0 },
	{ "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 },
	{ "XPF", 0 },
};

int
fsd_currency_exponent(const char *code)
{
	if (code == NULL || strlen(code) != 3)
		return -1;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return -1;
	for (size_t i = 0; i < sizeof odd_exponents / sizeof odd_exponents[0]; i++)
		if (strcmp(odd_exponents[i].code, code) == 0)
			return odd_exponents[i].exponent;
	return 2;
}

int
fsd_money_add(int64_t a, int64_t b, int64_t *out)
{
	return __builtin_add_overflow(a, b, out) ? -1 : 0;
}

int
fsd_money_parse(const char *text, int exponent, int64_t *minor)
{
	const char *p = text;
	int negative = 0, decimals = -1, any = 0;
	int64_t v = 0;

	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	for (; *p != '\0'; p++) {
		if (*p == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			return -1;
		if (decimals >= 0 && ++decimals > exponent)
			return -1;
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
			return -1;
		any = 1;
	}
	if (!any)
		return -1;
	for (int d = decimals < 0 ? 0 : decimals; d < exponent; d++)
		if (__builtin_mul_overflow(v, 10, &v))
			return -1;
	*minor = negative ? -v : v;
	return 0;
}

char *
fsd_money_format(int64_t minor, int exponent, char buf[FSD_MONEY_LEN])
{
	/* Work in unsigned so INT64_MIN formats too. */
	uint64_t u = minor < 0 ? -(uint64_t)minor : (uint64_t)minor, scale = 1;

	for (int i = 0; i < exponent; i++)
		scale *= 10;
	if (exponent == 0)
		snprintf(buf, FSD_MONEY_LEN, "%s%llu", minor < 0 ? "-" : "",
		    (unsigned long long)u);
	else
		snprintf(buf, FSD_MONEY_LEN, "%s%llu.%0*llu", minor < 0 ? "-" : "",
		    (unsigned long long)(u / scale), exponent,
		    (unsigned long long)(u % scale));
	return buf;
}

int
fsd_money_scale(int64_t amount, int64_t num, int64_t den, enum fsd_rounding mode,
    int64_t *out)
{
	__int128 n = (__int128)amount * num, q, r, twice;
	int negative;

	if (den <= 0)
		return -1;
	negative = n < 0;
	if (negative)
		n = -n;
	q = n / den;
	r = n % den;
	twice = r * 2;
	if (twice > den || (twice == den && (mode == FSD_ROUND_HALF_UP || (q & 1))))
		q++;
	if (negative)
		q = -q;
	if (q > INT64_MAX || q < INT64_MIN)
		return -1;
	*out = (int64_t)q;
	return 0;
}

int
fsd_rounding_parse(const char *text, enum fsd_rounding *mode)
{
	if (strcmp(text, "half-up") == 0)
		*mode = FSD_ROUND_HALF_UP;
	else if (strcmp(text, "half-even") == 0)
		*mode = FSD_ROUND_HALF_EVEN;
	else
		return -1;
	return 0;
}
