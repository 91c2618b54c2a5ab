/* Payment links that cannot be forged or altered. A link is a template
 *     https://pay.example.com/i/{invoice}?amount={amount}&currency={currency}&token={token}
 * filled in; the token is the hex HMAC-SHA256, by OpenSSL's libcrypto,
 * of the canonical string
 *     "fsd-pay-v1\n" invoice "\n" amount "\n" currency
 * under the shop's key, with amount in major units as on the invoice
 * ("412.50"). Changing the invoice, the amount or the currency in the
 * link breaks the token; only the key's holder can make a new one. */
#ifndef FSD_INVOICE_PAYLINK_H
#define FSD_INVOICE_PAYLINK_H

#include <stddef.h>
#include <stdint.h>

#include "invoice/error.h"

struct inv_signer;

#define INV_TOKEN_LEN 65	/* 64 hex digits and a NUL */

/* The key: the first line of the file that is neither empty nor starts
 * with '#', without surrounding blanks. NULL, with a reason in err, when
 * there is none or it is shorter than 16 bytes. */
char *inv_pay_key_read(const char *path, char err[INV_ERROR_LEN]);

struct inv_signer *inv_signer_new(const char *key);
void inv_signer_free(struct inv_signer *s);

void inv_pay_token(struct inv_signer *s, const char *invoice, const char *amount,
    const char *currency, char token[INV_TOKEN_LEN]);

/* 0 when the template has {invoice}, {amount}, {currency} and {token}
 * each once and nothing else in braces; -1 with a reason otherwise. */
int inv_pay_template_check(const char *tmpl, char err[INV_ERROR_LEN]);

/* The template filled in; the invoice number percent-encoded. Caller frees. */
char *inv_pay_link(const char *tmpl, const char *invoice, const char *amount,
    const char *currency, const char *token);

/* The link for an invoice whose total is in minor units at exponent,
 * or NULL when there is no signer (no --key) or nothing to pay. Caller
 * frees. */
char *inv_pay_link_for(struct inv_signer *s, const char *tmpl, const char *invoice,
    int64_t total, int exponent, const char *currency);

/* 0 when url is tmpl filled in with a token that matches; -1 with the
 * reason in err otherwise. The invoice, amount and currency read from
 * the link are copied out when the pointers are not NULL (caller frees). */
int inv_pay_verify(struct inv_signer *s, const char *tmpl, const char *url,
    char **invoice, char **amount, char **currency, char err[INV_ERROR_LEN]);

#endif
