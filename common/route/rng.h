/* The search's own random numbers, so a seed gives the same plan on every
 * machine and C library: xoshiro256** (Blackman & Vigna 2018) seeded
 * through splitmix64, as its authors advise. */
#ifndef FSD_ROUTE_RNG_H
#define FSD_ROUTE_RNG_H

#include <stdint.h>

struct route_rng {
	uint64_t s[4];
};

static inline uint64_t
route_splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void
route_rng_seed(struct route_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = route_splitmix64(&seed);
}

static inline uint64_t
route_rng_next(struct route_rng *r)
{
	uint64_t *s = r->s;
	uint64_t x = s[1] * 5, result = ((x << 7) | (x >> 57)) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = (s[3] << 45) | (s[3] >> 19);
	return result;
}

/* Uniform in [0, 1). */
static inline double
route_rng_unit(struct route_rng *r)
{
	return (route_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n), n > 0. */
static inline int
route_rng_below(struct route_rng *r, int n)
{
	return (int)(route_rng_unit(r) * n);
}

#endif
