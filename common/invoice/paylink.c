/* HMAC-SHA256 tokens for payment links, through OpenSSL's EVP_MAC: the
 * key is set once and the context reused, so signing costs one HMAC. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "err.h"
#include "money.h"
#include "xalloc.h"
#include "invoice/paylink.h"

struct inv_signer {
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx;
};

char *
inv_pay_key_read(const char *path, char err[INV_ERROR_LEN])
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *key = NULL;
	size_t cap = 0;
	ssize_t got;
	struct stat st;

	if (f == NULL) {
		snprintf(err, INV_ERROR_LEN, "%s: %s", path, strerror(errno));
		return NULL;
	}
	/* Anyone who can read the key can sign a payment link. */
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & S_IROTH))
		fsd_note("%s: the payment key is readable by every user of this machine "
		    "(chmod 600 it)", path);
	while (key == NULL && (got = getline(&line, &cap, f)) != -1) {
		char *s = line, *end;

		/* A C string would end the key there, signing with part of it. */
		if (memchr(line, '\0', (size_t)got) != NULL) {
			snprintf(err, 256, "%s: the key holds a NUL byte", path);
			free(line);
			fclose(f);
			return NULL;
		}

		while (isspace((unsigned char)*s))
			s++;
		end = s + strlen(s);
		while (end > s && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (*s != '\0' && *s != '#')
			key = xstrdup(s);
	}
	free(line);
	fclose(f);
	if (key == NULL || strlen(key) < 16) {
		/* A short key can be guessed; refuse it rather than sign weakly. */
		snprintf(err, INV_ERROR_LEN, "%s: no key of at least 16 characters (lines starting '#' are comments)",
		    path);
		free(key);
		return NULL;
	}
	return key;
}

struct inv_signer *
inv_signer_new(const char *key)
{
	struct inv_signer *s = xcalloc(1, sizeof *s);
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0),
		OSSL_PARAM_construct_end()
	};

	s->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	s->ctx = s->mac ? EVP_MAC_CTX_new(s->mac) : NULL;
	if (s->ctx == NULL || !EVP_MAC_init(s->ctx, (const unsigned char *)key,
	    strlen(key), params))
		fsd_die(FSD_EXIT_DATA, "libcrypto: cannot set up HMAC-SHA256");
	return s;
}

void
inv_signer_free(struct inv_signer *s)
{
	if (s == NULL)
		return;
	EVP_MAC_CTX_free(s->ctx);
	EVP_MAC_free(s->mac);
	free(s);
}

static void
update(struct inv_signer *s, const char *text)
{
	if (!EVP_MAC_update(s->ctx, (const unsigned char *)text, strlen(text)))
		fsd_die(FSD_EXIT_DATA, "libcrypto: HMAC failed");
}

void
inv_pay_token(struct inv_signer *s, const char *invoice, const char *amount,
    const char *currency, char token[INV_TOKEN_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char mac[EVP_MAX_MD_SIZE];
	size_t len = 0;

	/* A NULL key re-initialises with the key already set. */
	if (!EVP_MAC_init(s->ctx, NULL, 0, NULL))
		fsd_die(FSD_EXIT_DATA, "libcrypto: HMAC failed");
	update(s, "fsd-pay-v1\n");
	update(s, invoice);
	update(s, "\n");
	update(s, amount);
	update(s, "\n");
	update(s, currency);
	if (!EVP_MAC_final(s->ctx, mac, &len, sizeof mac) || len != 32)
		fsd_die(FSD_EXIT_DATA, "libcrypto: HMAC failed");
	for (size_t i = 0; i < len; i++) {
		token[2 * i] = hex[mac[i] >> 4];
		token[2 * i + 1] = hex[mac[i] & 15];
	}
	token[2 * len] = '\0';
}

static const char *const fields[] = { "invoice", "amount", "currency", "token" };
#define NFIELDS 4

/* Which field a placeholder at p ("{invoice}...") names, and its length. */
static int
placeholder(const char *p, size_t *len)
{
	const char *close = strchr(p, '}');

	if (close == NULL)
		return -1;
	*len = (size_t)(close - p) + 1;
	for (int i = 0; i < NFIELDS; i++)
		if (strlen(fields[i]) == *len - 2 && strncmp(p + 1, fields[i], *len - 2) == 0)
			return i;
	return -1;
}

int
inv_pay_template_check(const char *tmpl, char err[INV_ERROR_LEN])
{
	int seen[NFIELDS] = { 0 };
	size_t len;

	for (const char *p = tmpl; *p != '\0'; p++) {
		int f;

		if (*p == '}') {
			snprintf(err, INV_ERROR_LEN, "payment link template: a '}' without its '{'");
			return -1;
		}
		if (*p != '{')
			continue;
		if ((f = placeholder(p, &len)) < 0) {
			snprintf(err, INV_ERROR_LEN, "payment link template: unknown placeholder at \"%.20s\"; "
			    "use {invoice}, {amount}, {currency}, {token}", p);
			return -1;
		}
		if (seen[f]++) {
			snprintf(err, INV_ERROR_LEN, "payment link template: {%s} twice", fields[f]);
			return -1;
		}
		/* Two placeholders side by side could not be told apart again. */
		if (p[len] == '{') {
			snprintf(err, INV_ERROR_LEN, "payment link template: {%s} must be followed by a literal character",
			    fields[f]);
			return -1;
		}
		p += len - 1;
	}
	for (int f = 0; f < NFIELDS; f++)
		if (!seen[f]) {
			snprintf(err, INV_ERROR_LEN, "payment link template: {%s} is missing", fields[f]);
			return -1;
		}
	return 0;
}

/* RFC 3986 unreserved characters go as they are, all else as %XX. */
static void
put_encoded(char **out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			*(*out)++ = (char)c;
		} else {
			*(*out)++ = '%';
			*(*out)++ = hex[c >> 4];
			*(*out)++ = hex[c & 15];
		}
	}
}

char *
inv_pay_link(const char *tmpl, const char *invoice, const char *amount,
    const char *currency, const char *token)
{
	const char *values[NFIELDS] = { invoice, amount, currency, token };
	size_t room = strlen(tmpl) + 1;
	char *link, *out;

	for (int i = 0; i < NFIELDS; i++)
		room += 3 * strlen(values[i]);
	link = out = xmalloc(room);
	for (const char *p = tmpl; *p != '\0'; p++) {
		size_t len;
		int f = *p == '{' ? placeholder(p, &len) : -1;

		if (f < 0) {
			*out++ = *p;
			continue;
		}
		put_encoded(&out, values[f]);
		p += len - 1;
	}
	*out = '\0';
	return link;
}

char *
inv_pay_link_for(struct inv_signer *s, const char *tmpl, const char *invoice,
    int64_t total, int exponent, const char *currency)
{
	char amount[FSD_MONEY_LEN], token[INV_TOKEN_LEN];

	if (s == NULL || total <= 0)
		return NULL;
	fsd_money_format(total, exponent, amount);
	inv_pay_token(s, invoice, amount, currency, token);
	return inv_pay_link(tmpl, invoice, amount, currency, token);
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static char *
decode(const char *s, size_t len)
{
	char *out = xmalloc(len + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len
		    && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
			*o++ = (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

int
inv_pay_verify(struct inv_signer *s, const char *tmpl, const char *url,
    char **invoice, char **amount, char **currency, char err[INV_ERROR_LEN])
{
	char *values[NFIELDS] = { NULL, NULL, NULL, NULL };
	const char *u = url;
	char expect[INV_TOKEN_LEN];
	int ok = -1;

	for (const char *p = tmpl; *p != '\0'; p++) {
		size_t len, vlen;
		int f = *p == '{' ? placeholder(p, &len) : -1;

		if (f < 0) {
			if (*u++ != *p) {
				snprintf(err, INV_ERROR_LEN, "the link does not have the template's shape");
				goto out;
			}
			continue;
		}
		/* A value runs to the template's next literal character. */
		vlen = p[len] == '\0' ? strlen(u) : strcspn(u, (char[]){ p[len], '\0' });
		values[f] = decode(u, vlen);
		u += vlen;
		p += len - 1;
	}
	if (*u != '\0') {
		snprintf(err, INV_ERROR_LEN, "the link does not have the template's shape");
		goto out;
	}
	inv_pay_token(s, values[0], values[1], values[2], expect);
	if (strlen(values[3]) != INV_TOKEN_LEN - 1
	    || CRYPTO_memcmp(expect, values[3], INV_TOKEN_LEN - 1) != 0) {
		snprintf(err, INV_ERROR_LEN, "the token does not match: the link was altered or made with another key");
		goto out;
	}
	ok = 0;
	if (invoice != NULL) {
		*invoice = values[0];
		values[0] = NULL;
	}
	if (amount != NULL) {
		*amount = values[1];
		values[1] = NULL;
	}
	if (currency != NULL) {
		*currency = values[2];
		values[2] = NULL;
	}
out:
	for (int i = 0; i < NFIELDS; i++)
		free(values[i]);
	return ok;
}
