/* SPDX-License-Identifier: ISC (see LICENSE) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "err.h"
#include "geocode/geocode.h"
#include "xalloc.h"

#ifndef FSD_VERSION
#define FSD_VERSION "unknown"
#endif

struct geocode_http {
	CURL *curl;
	double interval;
	double last_start;	/* monotonic seconds; < 0 before the first */
};

struct body {
	char *data;
	size_t len, cap;
};

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t
add_body(char *data, size_t size, size_t n, void *ctx)
{
	struct body *b = ctx;
	size_t len = size * n;

	b->data = xgrow(b->data, &b->cap, b->len + len + 1, 1);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return len;
}

struct geocode_http *
geocode_http_new(double interval_seconds)
{
	struct geocode_http *h = xcalloc(1, sizeof *h);

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || (h->curl = curl_easy_init()) == NULL) {
		fsd_die(FSD_EXIT_DATA, "libcurl could not start");
	}
	h->interval = interval_seconds;
	h->last_start = -1;
	/* Nominatim's usage policy: say who is asking. */
	curl_easy_setopt(h->curl, CURLOPT_USERAGENT, "fsd-geocode/" FSD_VERSION);
	curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, add_body);
	return h;
}

void
geocode_http_free(struct geocode_http *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	curl_global_cleanup();
	free(h);
}

/* Wait until interval has passed since the last request began. */
static void
keep_pace(struct geocode_http *h)
{
	double wait = h->last_start < 0 ? 0 : h->last_start + h->interval - now_seconds();

	if (wait > 0) {
		struct timespec ts = { (time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9) };
		while (nanosleep(&ts, &ts) != 0)
			;
	}
	h->last_start = now_seconds();
}

int
geocode_http_get(struct geocode_http *h, const char *url, char **body, char *err, size_t errlen)
{
	struct body b = { 0 };
	long status = 0;
	CURLcode rc;

	keep_pace(h);
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, &b);
	rc = curl_easy_perform(h->curl);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "%s", curl_easy_strerror(rc));
		free(b.data);
		return -1;
	}
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200) {
		snprintf(err, errlen, "the server answered HTTP %ld", status);
		free(b.data);
		return -1;
	}
	*body = b.data ? b.data : xstrdup("");
	return 0;
}

char *
geocode_http_escape(struct geocode_http *h, const char *text)
{
	char *escaped = curl_easy_escape(h->curl, text, 0), *copy;

	if (escaped == NULL) {
		fsd_die(FSD_EXIT_DATA, "out of memory");
	}
	copy = xstrdup(escaped);
	curl_free(escaped);
	return copy;
}
