/* Money (common/money.h): an amount read at a currency's exponent (the
 * first byte picks 0, 2 or 3) is written back as the same amount; sums
 * and scalings never overflow silently. */
#include <stdlib.h>

#include "money.h"
#include "fuzz.h"

static void
run(const uint8_t *data, size_t size)
{
	static const int exponents[] = { 0, 2, 3 };
	char *text, buf[FSD_MONEY_LEN];
	int64_t v, back, sum, scaled;
	int e;

	if (size == 0)
		return;
	e = exponents[data[0] % 3];
	text = fuzz_string(data + 1, size - 1);
	if (fsd_money_parse(text, e, &v) == 0) {
		if (fsd_money_parse(fsd_money_format(v, e, buf), e, &back) != 0 || back != v)
			fuzz_broken("an amount does not read back as written");
		if (fsd_money_add(v, v, &sum) == 0 && sum / 2 != v)
			fuzz_broken("a sum overflowed unnoticed");
		fsd_money_scale(v, 3, 7, FSD_ROUND_HALF_EVEN, &scaled);
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
