#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "xalloc.h"
#include "close/proof.h"

static void __attribute__((format(printf, 2, 3)))
missing(struct close_report *rep, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	rep->missing = xgrow(rep->missing, &rep->missing_cap, rep->nmissing + 1,
	    sizeof *rep->missing);
	rep->missing[rep->nmissing++] = xstrdup(message);
}

static void __attribute__((format(printf, 3, 4)))
finding(struct close_report *rep, const char *item, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	rep->findings = xgrow(rep->findings, &rep->findings_cap, rep->nfindings + 1,
	    sizeof *rep->findings);
	rep->findings[rep->nfindings].item = xstrdup(item);
	rep->findings[rep->nfindings++].message = xstrdup(message);
}

static const char *
label(const struct close_item *item)
{
	return item->label ? item->label : item->id;
}

/* A range in words: "0.1 to 0.8 inWC", "at least 2 V". */
static void
range_text(const struct close_item *item, char *buf, size_t size)
{
	if (item->has_min && item->has_max)
		snprintf(buf, size, "%g to %g %s", item->min, item->max, item->unit);
	else if (item->has_min)
		snprintf(buf, size, "at least %g %s", item->min, item->unit);
	else
		snprintf(buf, size, "at most %g %s", item->max, item->unit);
}

static void
check_reading(const struct close_item *item, const struct close_answer *a,
    struct close_report *rep)
{
	char range[96];

	if (!a->present) {
		if (item->required)
			missing(rep, "%s reading missing", label(item));
		return;
	}
	if (!a->has_number) {
		missing(rep, "%s reading \"%s\" is not a number", label(item), a->text ? a->text : "");
		return;
	}
	if (a->unit != NULL && strcmp(a->unit, item->unit) != 0) {
		missing(rep, "%s reading is in %s, the form wants %s", label(item), a->unit,
		    item->unit);
		return;
	}
	if ((item->has_min && a->number < item->min) || (item->has_max && a->number > item->max)) {
		range_text(item, range, sizeof range);
		finding(rep, item->id, "%s %g %s is outside %s", label(item), a->number, item->unit,
		    range);
	}
}

static void
check_item(const struct close_item *item, const struct close_answer *a, struct close_report *rep)
{
	switch (item->kind) {
	case CLOSE_FIELD:
		if (item->required && (!a->present || (a->text != NULL && a->text[0] == '\0')))
			missing(rep, "%s not filled in", label(item));
		break;
	case CLOSE_CHECK:
		if (a->check == CLOSE_CHECK_UNANSWERED)
			missing(rep, "checklist: %s not answered", label(item));
		else if (a->check == CLOSE_CHECK_BAD)
			missing(rep, "checklist: %s answered \"%s\", not done, n/a or failed",
			    label(item), a->text ? a->text : "");
		else if (a->check == CLOSE_CHECK_NA && (a->reason == NULL || a->reason[0] == '\0'))
			missing(rep, "checklist: %s marked n/a without a reason", label(item));
		else if (a->check == CLOSE_CHECK_FAILED)
			missing(rep, "checklist: %s failed%s%s", label(item),
			    a->reason && a->reason[0] ? ": " : "", a->reason ? a->reason : "");
		break;
	case CLOSE_READING:
		check_reading(item, a, rep);
		break;
	}
}

/* Each required role needs one photo with nothing wrong with it; a
 * flagged photo is said once, as what keeps its role open, or as a
 * finding when no role needed it. */
static void
check_photos(const struct close_job *job, struct close_report *rep)
{
	const struct close_form *form = job->form;
	char *said = xcalloc(job->nphotos + 1, 1);

	for (size_t r = 0; r < form->nphotos; r++) {
		const char *role = form->photos[r];
		int good = 0, any = 0;

		for (size_t i = 0; i < job->nphotos; i++)
			if (strcmp(job->photos[i].role, role) == 0) {
				any = 1;
				good |= job->photos[i].flag[0] == '\0';
			}
		if (!any) {
			missing(rep, "no %s photo", role);
			continue;
		}
		for (size_t i = 0; !good && i < job->nphotos; i++)
			if (strcmp(job->photos[i].role, role) == 0) {
				missing(rep, "%s photo %s %s", role, job->photos[i].path,
				    job->photos[i].flag);
				said[i] = 1;
			}
	}
	for (size_t i = 0; i < job->nphotos; i++)
		if (!said[i] && job->photos[i].flag[0] != '\0')
			finding(rep, job->photos[i].role, "%s photo %s %s", job->photos[i].role,
			    job->photos[i].path, job->photos[i].flag);
	free(said);
}

/* A signature is for one job and one amount: one given for less than
 * the total the customer is shown does not cover it. */
static void
check_signoff(const struct close_job *job, const struct close_signoff *s, const char *what,
    struct close_report *rep)
{
	char amount[FSD_MONEY_LEN], total[FSD_MONEY_LEN];

	if (s->name == NULL || s->name[0] == '\0')
		missing(rep, "%s has no signer's name", what);
	if (!s->has_at)
		missing(rep, "%s has no time", what);
	if (s->file == NULL)
		missing(rep, "%s has no image or stroke file", what);
	else if (s->file_problem[0] != '\0')
		missing(rep, "%s file %s %s", what, s->file, s->file_problem);
	if (s->job != NULL && strcmp(s->job, job->id) != 0)
		missing(rep, "%s is for job %s, not %s", what, s->job, job->id);
	if (!s->has_amount) {
		missing(rep, "%s does not say the amount shown to the signer", what);
	} else if (s->amount < job->total) {
		missing(rep, "%s covers %s %s but the total is %s %s", what,
		    fsd_money_format(s->amount, job->exponent, amount), job->currency,
		    fsd_money_format(job->total, job->exponent, total), job->currency);
	}
}

static void
check_nte(const struct close_job *job, struct close_report *rep)
{
	char total[FSD_MONEY_LEN], nte[FSD_MONEY_LEN];

	if (!job->has_nte || job->total <= job->nte)
		return;
	if (!job->approval.present) {
		missing(rep, "total %s %s is over the not-to-exceed of %s %s: no signed approval",
		    fsd_money_format(job->total, job->exponent, total), job->currency,
		    fsd_money_format(job->nte, job->exponent, nte), job->currency);
		return;
	}
	check_signoff(job, &job->approval, "NTE approval", rep);
}

void
close_check(const struct close_job *job, struct close_report *rep)
{
	const struct close_form *form = job->form;

	close_report_clear(rep);
	if (!job->visit.has_completed)
		missing(rep, "no completion time (\"completed\")");
	for (size_t i = 0; i < form->nitems; i++)
		check_item(&form->items[i], &job->answers[i], rep);
	check_photos(job, rep);
	if (job->signature.present)
		check_signoff(job, &job->signature, "signature", rep);
	else if (form->signature)
		missing(rep, "no customer signature");
	check_nte(job, rep);
}

char *
close_report_text(const struct close_report *rep)
{
	size_t len = 1;
	char *text;

	for (size_t i = 0; i < rep->nmissing; i++)
		len += strlen(rep->missing[i]) + 2;
	text = xmalloc(len);
	text[0] = '\0';
	for (size_t i = 0; i < rep->nmissing; i++) {
		if (i > 0)
			strcat(text, "; ");
		strcat(text, rep->missing[i]);
	}
	return text;
}

void
close_report_clear(struct close_report *rep)
{
	for (size_t i = 0; i < rep->nmissing; i++)
		free(rep->missing[i]);
	for (size_t i = 0; i < rep->nfindings; i++) {
		free(rep->findings[i].item);
		free(rep->findings[i].message);
	}
	rep->nmissing = rep->nfindings = 0;
}

void
close_report_free(struct close_report *rep)
{
	close_report_clear(rep);
	free(rep->missing);
	free(rep->findings);
	memset(rep, 0, sizeof *rep);
}
