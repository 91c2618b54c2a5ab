/* fsd-close's rules without JSON: a form's items over answers, the photo
 * roles, a signature's amount, the not-to-exceed, and --media paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "close/media.h"
#include "close/proof.h"
#include "unit.h"

static struct close_item items[] = {
	{ CLOSE_FIELD, "work_performed", "work performed", 1 },
	{ CLOSE_CHECK, "lockout_tagout", "lockout/tagout", 1 },
	{ CLOSE_READING, "voltage", "service voltage", 1, "V", 1, 1, 228, 252 },
};
static char *roles[] = { "panel" };
static const struct close_form form = {
	.type = "panel-upgrade", .items = items, .nitems = 3, .photos = roles, .nphotos = 1,
	.signature = 1
};

/* A job whose proof holds: the starting point every case changes. */
static void
good_job(struct close_job *job, struct close_answer answers[3], struct close_photo *photo)
{
	memset(job, 0, sizeof *job);
	memset(answers, 0, 3 * sizeof *answers);
	memset(photo, 0, sizeof *photo);
	answers[0] = (struct close_answer){ .present = 1, .text = "new 200 A panel" };
	answers[1] = (struct close_answer){ .present = 1, .check = CLOSE_CHECK_DONE };
	answers[2] = (struct close_answer){ .present = 1, .has_number = 1, .number = 240 };
	photo->role = "panel";
	photo->path = "J1/panel.jpg";
	job->id = "J1";
	job->form = &form;
	job->answers = answers;
	job->photos = photo;
	job->nphotos = 1;
	job->visit.has_completed = 1;
	job->signature = (struct close_signoff){ .present = 1, .name = "Pat", .file = "J1/s.svg",
	    .has_at = 1, .has_amount = 1, .amount = 90000 };
	job->total = 90000;
	job->exponent = 2;
	job->currency = "USD";
}

static void
test_proof(void)
{
	struct close_job job;
	struct close_answer answers[3];
	struct close_photo photo;
	struct close_report rep = { 0 };
	char *text;

	good_job(&job, answers, &photo);
	close_check(&job, &rep);
	CHECK(rep.nmissing == 0 && rep.nfindings == 0, "a job whose proof holds has nothing missing");

	answers[2].number = 260;
	close_check(&job, &rep);
	CHECK(rep.nmissing == 0 && rep.nfindings == 1, "a reading out of range is a finding, not missing");
	CHECK_STR(rep.findings[0].message, "service voltage 260 V is outside 228 to 252 V",
	    "the finding says the value and the range");

	good_job(&job, answers, &photo);
	answers[1] = (struct close_answer){ .present = 1, .check = CLOSE_CHECK_NA };
	strcpy(photo.flag, "taken 2.1 km from the site");
	job.signature.amount = 25000;
	close_check(&job, &rep);
	text = close_report_text(&rep);
	CHECK_STR(text, "checklist: lockout/tagout marked n/a without a reason; "
	    "panel photo J1/panel.jpg taken 2.1 km from the site; "
	    "signature covers 250.00 USD but the total is 900.00 USD",
	    "every missing item, in order, in words");
	free(text);

	good_job(&job, answers, &photo);
	job.has_nte = 1;
	job.nte = 50000;
	close_check(&job, &rep);
	CHECK(rep.nmissing == 1 && strstr(rep.missing[0], "no signed approval") != NULL,
	    "over the not-to-exceed without an approval");
	job.approval = job.signature;
	close_check(&job, &rep);
	CHECK(rep.nmissing == 0, "an approval signed for the total covers it");

	good_job(&job, answers, &photo);
	job.signature.present = 0;
	job.nphotos = 0;
	close_check(&job, &rep);
	text = close_report_text(&rep);
	CHECK_STR(text, "no panel photo; no customer signature", "no photo, no signature");
	free(text);
	close_report_free(&rep);
}

static void
test_media(void)
{
	char dir[] = "/tmp/fsd-close-unit-XXXXXX", err[CLOSE_MEDIA_ERROR_LEN];
	char *root, *real, *path;
	FILE *f;

	if (mkdtemp(dir) == NULL) {
		CHECK(0, "a temporary folder");
		return;
	}
	path = malloc(strlen(dir) + 16);
	sprintf(path, "%s/a.jpg", dir);
	f = fopen(path, "w");
	if (f != NULL)
		fclose(f);
	root = close_media_root(dir, err);
	CHECK(root != NULL, "the media folder resolves");
	real = close_media_resolve(root, "a.jpg", err);
	CHECK(real != NULL && strcmp(real + strlen(real) - 6, "/a.jpg") == 0, "a file inside is found");
	free(real);
	CHECK(close_media_resolve(root, "/etc/passwd", err) == NULL
	    && strcmp(err, "is outside the media folder") == 0, "an absolute path is refused");
	CHECK(close_media_resolve(root, "x/../a.jpg", err) == NULL, "a path that climbs is refused");
	CHECK(close_media_resolve(root, "..", err) == NULL, "the parent itself is refused");
	CHECK(close_media_resolve(root, "a..jpg", err) == NULL
	    && strncmp(err, "cannot be read", 14) == 0, "two dots inside a name are a name");
	CHECK(close_media_root("/nonexistent/fsd", err) == NULL, "a missing folder is said");
	unlink(path);
	rmdir(dir);
	free(path);
	free(root);
}

int
main(void)
{
	test_proof();
	test_media();
	return UNIT_DONE();
}
