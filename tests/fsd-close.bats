#!/usr/bin/env bats
# fsd-close: one behaviour a test. The job is a no-heat call at a site in
# Aurora, on site 09:00-10:00 -07:00; its photos are made here by
# share/examples/gen/photo.sh (exiftool writes their EXIF). The test card
# prices it at 250.00 USD (CAP-REPLACE 200.00, central trip 30.00, tax).
load helper

FORMS=$FIXTURES/close/forms.json
CARD=$FIXTURES/invoice/ratecard.json
PHOTO=$TOP/share/examples/gen/photo.sh
SITE='39.7466 -104.7711'

setup() {
	T=$BATS_TEST_TMPDIR
	M=$T/media
	mkdir -p "$M/J1" "$M/J2"
	sh "$PHOTO" "$M/J1/before.jpg" 2026-11-23T09:05:00 -07:00 $SITE
	sh "$PHOTO" "$M/J1/after.jpg" 2026-11-23T09:55:00 -07:00 39.7467 -104.7712
	printf 'M 10 10 L 40 12' > "$M/J1/signature.svg"
	BASE='{"id":"J1","type":"no-heat","status":"completed","tech":"T01","skills":["hvac"],"territory":"central",'\
'"site":{"lat":39.7466,"lon":-104.7711,"address":"1 Main St, Aurora"},'\
'"arrived":"2026-11-23T09:00:00-07:00","completed":"2026-11-23T10:00:00-07:00","tasks":["CAP-REPLACE"],'\
'"form":{"work_performed":"replaced the run capacitor","furnace_serial":"SN-77","furnace_model":"Carrier 59SC5",'\
'"co_test":"done","filter":"n/a: no filter slot","static_pressure":"0.5","flue_draft":{"value":-0.04,"unit":"inWC"}},'\
'"photos":{"before":"J1/before.jpg","after":"J1/after.jpg"},'\
'"signature":{"name":"Pat Doe","at":"2026-11-23T10:00:00-07:00","file":"J1/signature.svg","amount":25000}}'
}

# The base job changed by a jq filter, through fsd-close with extra options.
close_job() {
	local filter=$1
	shift
	run fsd-close --forms "$FORMS" --rates "$CARD" --media "$M" "$@" \
		<<<"$(jq -c "$filter" <<<"$BASE")"
}

records() {
	printf '%s\n' "$output" | grep '^{' | jq -c "$@"
}

@test "a job whose proof holds is closed: at its completion, by its tech, for the priced total" {
	close_job .
	[ "$status" -eq 0 ]
	assert_eq "$(records .closed)" '{"at":"2026-11-23T10:00:00-07:00","by":"T01","total":25000,"currency":"USD"}'
	assert_eq "$(records '.exception, .missing, .findings')" $'null\nnull\nnull'
	assert_output_has '1 closed, 0 with proof missing'
}

@test "evidence: each photo with its SHA-256, EXIF time and distance; the signature file's hash" {
	close_job .
	assert_eq "$(records '[.evidence[] | [.role, .taken, .distance_m]]')" \
		'[["before","2026-11-23T09:05:00-07:00",0],["after","2026-11-23T09:55:00-07:00",14],["signature",null,null]]'
	assert_eq "$(records -r '.evidence[0].sha256')" "$(sha256sum "$M/J1/before.jpg" | cut -d' ' -f1)"
	assert_eq "$(records -r '.signature.sha256')" "$(sha256sum "$M/J1/signature.svg" | cut -d' ' -f1)"
}

@test "required fields: one not filled in, or empty, keeps the job open; an optional one may be left out" {
	close_job 'del(.form.work_performed)'
	assert_eq "$(records '.exception')" '{"code":"proof_missing","message":"work performed not filled in"}'
	close_job '.form.furnace_serial = ""'
	assert_eq "$(records '.missing')" '["furnace serial number not filled in"]'
	close_job 'del(.form.furnace_model)'
	assert_eq "$(records '.closed.by')" '"T01"'
}

@test "checklist: done, n/a with a reason pass; unanswered, n/a without a reason, failed, anything else do not" {
	for c in '"done"|null' '"TRUE"|null' '"N/A - gas off at the meter"|null' '{"status":"n/a","reason":"no flue"}|null' \
	         'null|"checklist: CO test at the flue not answered"' \
	         '"n/a"|"checklist: CO test at the flue marked n/a without a reason"' \
	         '"failed: 40 ppm at the flue"|"checklist: CO test at the flue failed: 40 ppm at the flue"' \
	         '"maybe"|"checklist: CO test at the flue answered \"maybe\", not done, n/a or failed"'; do
		close_job ".form.co_test = ${c%%|*}"
		assert_eq "$(records '.missing[0]')" "${c#*|}"
	done
}

@test "readings: missing or not a number or in another unit keeps the job open; out of range is a finding and the job closes" {
	close_job 'del(.form.flue_draft)'
	assert_eq "$(records -r '.exception.message')" 'flue draft reading missing'
	close_job '.form.static_pressure = "high"'
	assert_eq "$(records -r '.missing[0]')" 'static pressure reading "high" is not a number'
	close_job '.form.static_pressure = "125 Pa"'
	assert_eq "$(records -r '.missing[0]')" 'static pressure reading is in Pa, the form wants inWC'
	close_job '.form.flue_draft = -0.01 | .form.static_pressure = "0.95 inWC"'
	[ "$status" -eq 0 ]
	assert_eq "$(records '.findings')" '[{"item":"static_pressure","message":"static pressure 0.95 inWC is outside 0.1 to 0.8 inWC"},{"item":"flue_draft","message":"flue draft -0.01 inWC is outside -0.08 to -0.02 inWC"}]'
	assert_eq "$(records '.closed != null')" true
}

@test "every missing item is listed, in words a dispatcher can act on" {
	close_job 'del(.photos.after) | del(.form.flue_draft)'
	assert_eq "$(records -r '.exception.message')" 'flue draft reading missing; no after photo'
	assert_eq "$(records -c '.missing')" '["flue draft reading missing","no after photo"]'
	assert_output_has '0 closed, 1 with proof missing'
}

@test "signature: missing; without a name, time, file or amount; for another job" {
	close_job 'del(.signature)'
	assert_eq "$(records -r '.exception.message')" 'no customer signature'
	close_job '.signature = {"at":null}'
	assert_eq "$(records -r '.exception.message')" "signature has no signer's name; signature has no time; signature has no image or stroke file; signature does not say the amount shown to the signer"
	close_job '.signature.job = "J9"'
	assert_eq "$(records -r '.exception.message')" 'signature is for job J9, not J1'
}

@test "signature: one for a smaller amount does not cover the total; one for more does" {
	close_job '.signature.amount = 10000'
	assert_eq "$(records -r '.exception.message')" 'signature covers 100.00 USD but the total is 250.00 USD'
	close_job '.signature.amount = 30000'
	assert_eq "$(records .closed.total)" 25000
}

@test "not to exceed: a total over it needs a signed approval for the total" {
	close_job '.nte = 20000'
	assert_eq "$(records -r '.exception.message')" 'total 250.00 USD is over the not-to-exceed of 200.00 USD: no signed approval'
	close_job '.nte = 20000 | .nte_approval = {"name":"Pat Doe","at":"2026-11-23T09:30:00-07:00","file":"J1/signature.svg","amount":22000}'
	assert_eq "$(records -r '.exception.message')" 'NTE approval covers 220.00 USD but the total is 250.00 USD'
	close_job '.nte = 20000 | .nte_approval = {"name":"Pat Doe","at":"2026-11-23T09:30:00-07:00","file":"J1/signature.svg","amount":25000}'
	assert_eq "$(records '[.closed.total, (.evidence | map(.role) | index("nte_approval") != null)]')" '[25000,true]'
	close_job '.nte = 30000'
	assert_eq "$(records '.closed != null')" true
}

@test "photos: taken far away is flagged with the distance and does not count" {
	sh "$PHOTO" "$M/J1/far.jpg" 2026-11-23T09:50:00 -07:00 39.7392 -104.9903
	close_job '.photos.after = "J1/far.jpg"'
	assert_eq "$(records -r '.exception.message')" 'after photo J1/far.jpg taken 18.8 km from the site'
	assert_eq "$(records '.evidence[1] | [.distance_m, .flag]')" '[18760,"taken 18.8 km from the site"]'
	sh "$PHOTO" "$M/J1/street.jpg" 2026-11-23T09:50:00 -07:00 39.7490 -104.7711
	close_job '.photos.after = "J1/street.jpg"'
	assert_eq "$(records -r '.missing[0]')" 'after photo J1/street.jpg taken 267 m from the site'
	close_job '.photos.after = "J1/street.jpg"' --distance 300
	assert_eq "$(records '.closed != null')" true
}

@test "photos: taken before arrival or after completion, beyond the tolerance, is flagged with the time" {
	sh "$PHOTO" "$M/J1/early.jpg" 2026-11-23T07:40:00 -07:00 $SITE
	close_job '.photos.before = "J1/early.jpg"'
	assert_eq "$(records -r '.missing[0]')" 'before photo J1/early.jpg taken 1 h 20 min before arrival'
	sh "$PHOTO" "$M/J1/late.jpg" 2026-11-23T10:20:00 -07:00 $SITE
	close_job '.photos.after = "J1/late.jpg"'
	assert_eq "$(records -r '.missing[0]')" 'after photo J1/late.jpg taken 20 min after completion'
	close_job '.photos.after = "J1/late.jpg"' --tolerance 30
	assert_eq "$(records '.closed != null')" true
	sh "$PHOTO" "$M/J1/door.jpg" 2026-11-23T08:50:00 -07:00 $SITE
	close_job '.photos.before = "J1/door.jpg"'
	assert_eq "$(records '.closed != null')" true
}

@test "photos: the camera's offset counts; without one the tech's zone (the visit's) is taken and said" {
	sh "$PHOTO" "$M/J1/utc.jpg" 2026-11-23T16:30:00 +00:00 $SITE
	close_job '.photos.after = "J1/utc.jpg"'
	assert_eq "$(records '[.closed != null, .evidence[1].taken]')" '[true,"2026-11-23T16:30:00Z"]'
	sh "$PHOTO" "$M/J1/nozone.jpg" 2026-11-23T09:30:00 none $SITE
	close_job '.photos.after = "J1/nozone.jpg"'
	assert_eq "$(records '[.closed != null, .evidence[1].taken, .evidence[1].zone_assumed]')" '[true,"2026-11-23T09:30:00-07:00",true]'
}

@test "photos: no EXIF at all, or no GPS, is flagged, never accepted" {
	sh "$PHOTO" "$M/J1/plain.jpg"
	close_job '.photos.after = "J1/plain.jpg"'
	assert_eq "$(records -r '.missing[0]')" 'after photo J1/plain.jpg has no EXIF capture time, has no EXIF GPS position'
	sh "$PHOTO" "$M/J1/nogps.jpg" 2026-11-23T09:30:00 -07:00
	close_job '.photos.after = "J1/nogps.jpg"'
	assert_eq "$(records -r '.missing[0]')" 'after photo J1/nogps.jpg has no EXIF GPS position'
}

@test "photos: one picture used for two roles, or reused from another job, is flagged" {
	close_job '.photos.after = "J1/before.jpg"'
	assert_eq "$(records -r '.missing[0]')" "after photo J1/before.jpg is the same picture as this job's before photo"
	cp "$M/J1/after.jpg" "$M/J2/after.jpg"
	sh "$PHOTO" "$M/J2/before.jpg" 2026-11-23T09:05:00 -07:00 $SITE
	two=$(jq -c . <<<"$BASE"; jq -c '.id = "J2" | .photos = {"before": "J2/before.jpg", "after": "J2/after.jpg"}' <<<"$BASE")
	run fsd-close --forms "$FORMS" --rates "$CARD" --media "$M" <<<"$two"
	assert_eq "$(records -r '.exception.message')" $'null\nafter photo J2/after.jpg is the same picture as job J1\'s after photo'
}

@test "photos: --evidence remembers closed jobs' pictures from one run to the next" {
	close_job . --evidence "$T/evidence.ndjson"
	assert_eq "$(jq -r '[.job, .role] | join(" ")' "$T/evidence.ndjson")" $'J1 before\nJ1 after'
	close_job . --evidence "$T/evidence.ndjson"
	assert_eq "$(records '.closed != null')" true
	assert_eq "$(wc -l < "$T/evidence.ndjson")" 2
	close_job '.id = "J2" | .signature.job = null' --evidence "$T/evidence.ndjson"
	assert_eq "$(records -r '.missing[0]')" "before photo J1/before.jpg is the same picture as job J1's before photo"
}

@test "photos: an --evidence log whose last line a crash cut short keeps the whole lines and sets the part aside" {
	close_job . --evidence "$T/evidence.ndjson"
	head -c -20 "$T/evidence.ndjson" > "$T/torn" && mv "$T/torn" "$T/evidence.ndjson"
	close_job . --evidence "$T/evidence.ndjson"
	assert_output_has "moved to $T/evidence.ndjson.torn"
	assert_eq "$(records '.closed != null')" true
	assert_eq "$(jq -r '[.job, .role] | join(" ")' "$T/evidence.ndjson")" $'J1 before\nJ1 after'
	assert_eq "$(wc -l < "$T/evidence.ndjson.torn")" 1
}

@test "media: a path outside --media (absolute, climbing, or a link out) is refused" {
	ln -s /etc/hostname "$M/J1/link.jpg"
	for c in '/etc/hostname|is outside the media folder' '../media/J1/before.jpg|is outside the media folder' \
	         'J1/../J1/after.jpg|is outside the media folder' 'J1/link.jpg|leads outside the media folder' \
	         'J1/none.jpg|cannot be read: No such file or directory'; do
		close_job ".photos.after = \"${c%%|*}\""
		assert_eq "$(records -r '.missing[0]')" "after photo ${c%%|*} ${c#*|}"
	done
	close_job '.signature.file = "../../etc/passwd"'
	assert_eq "$(records -r '.missing[0]')" 'signature file ../../etc/passwd is outside the media folder'
	run fsd-close --forms "$FORMS" --rates "$CARD" --media "$T/nowhere" </dev/null
	[ "$status" -eq 2 ]
}

@test "electrical: a panel photo and lockout/tagout confirmed before closing" {
	sh "$PHOTO" "$M/J1/panel.jpg" 2026-11-23T09:20:00 -07:00 $SITE
	close_job '.type = "panel-upgrade" | .photos = {} | del(.form)'
	assert_eq "$(records -r '.exception.message')" 'checklist: lockout/tagout confirmed not answered; no panel photo'
	close_job '.type = "panel-upgrade" | .photos = {"panel": "J1/panel.jpg"} | .form = {"lockout_tagout": true}'
	assert_eq "$(records '.closed != null')" true
}

@test "photos as a list of {role, path}, as a form app may export them" {
	close_job '.photos = [{"role":"before","path":"J1/before.jpg"},{"role":"after","path":"J1/after.jpg"},{"role":"extra","path":"J1/nowhere.jpg"}]'
	assert_eq "$(records '[.closed != null, .findings[0].message]')" '[true,"extra photo J1/nowhere.jpg cannot be read: No such file or directory"]'
}

@test "a job type with no form takes the \"*\" form; jobs not done pass through unchecked" {
	close_job '.type = "drain-clog" | .form = {"work_performed": "cleared the main"}'
	assert_eq "$(records '.closed != null')" true
	close_job '.status = "in_progress"'
	assert_eq "$(records '[.exception.code, .closed, .evidence]')" '["not_completed",null,null]'
	[ "$status" -eq 0 ]
	close_job '.status = "done"'
	assert_eq "$(records '.closed != null')" true
}

@test "the visit: fsd-status's arrived and completed, else on-site capture's work span; none is missing" {
	close_job 'del(.arrived, .completed) | .work = {"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T10:00:00-07:00"}'
	assert_eq "$(records .closed.at)" '"2026-11-23T10:00:00-07:00"'
	close_job 'del(.arrived, .completed)'
	assert_eq "$(records -r '.missing[0]')" 'no completion time ("completed")'
	close_job '.completed = "yesterday"'
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "completed": "yesterday" is not an RFC 3339 time'
	assert_eq "$(records .exception.code)" '"bad_record"'
}

@test "--capture joins a form app's export by id; a capture for no job is reported" {
	printf '%s\n' '{"id":"J1","form":{"flue_draft":"-0.05"},"signature":{"amount":26000}}' \
		'{"id":"J7","form":{}}' > "$T/capture.ndjson"
	close_job 'del(.form.flue_draft)' --capture "$T/capture.ndjson"
	[ "$status" -eq 1 ]
	assert_eq "$(records '[.closed != null, .form.flue_draft, .signature.amount, .signature.name]')" '[true,"-0.05",26000,"Pat Doe"]'
	assert_output_has 'capture.ndjson:2: no job J7 among the records read'
}

@test "--assets: a closed job's equipment keeps its readings history for the next visit" {
	close_job . --assets "$T/assets.ndjson" --by dispatch
	assert_eq "$(records '[.closed.by, .asset.id, .asset.model, (.asset.readings | length)]')" '["dispatch","SN-77","Carrier 59SC5",2]'
	close_job '.id = "J2" | .completed = "2026-11-23T10:00:00-07:00" | .form.static_pressure = 0.6 | .signature.job = null' --assets "$T/assets.ndjson"
	assert_eq "$(records '[.asset.readings[] | select(.reading == "static_pressure") | [.job, .value]]')" '[["J1",0.5],["J2",0.6]]'
	assert_eq "$(jq -c '[.id, (.readings | length)]' "$T/assets.ndjson")" '["SN-77",4]'
	close_job '.id = "J2" | .signature.job = null' --assets "$T/assets.ndjson"
	assert_eq "$(jq -c '[.id, (.readings | length)]' "$T/assets.ndjson")" '["SN-77",4]'
}

@test "forms file: problems are reported with their line, and nothing is closed" {
	printf '{\n  "no-heat": {\n    "readings": [{"id": "x", "min": "low"}],\n    "photo": ["before"]\n  }\n}\n' > "$T/forms.json"
	run fsd-close --forms "$T/forms.json" --rates "$CARD" <<<"$BASE"
	[ "$status" -eq 1 ]
	assert_output_has 'forms.json:4: "no-heat.photo" is not a known key (known: title, fields, checklist, readings, photos, signature, asset)'
	assert_output_has 'forms.json:3: "no-heat.readings[0]" needs a "unit"'
	assert_output_has 'forms.json:3: "no-heat.readings[0].min" must be a number, not "low"'
	assert_output_has 'forms.json: 3 problems in the forms file; nothing done'
	[[ $output != *'{"id"'* ]]
	run fsd-close --rates "$CARD" <<<"$BASE"
	[ "$status" -eq 2 ]
}

@test "fsd-status's jobs done, a form app's capture, fsd-close, fsd-invoice: the closed job is billed, the others held" {
	printf '%s\n' '{"id":"R1","form":{"work_performed":"cleared the main"}}' > "$T/capture.ndjson"
	fsd-status --events "$FIXTURES/status/day.events" --done "$T/done.ndjson" "$FIXTURES/status/plan.ndjson" >/dev/null 2>&1 || true
	run bash -c "fsd-close --forms '$FORMS' --rates '$EXAMPLES/ratecard.json' --capture '$T/capture.ndjson' '$T/done.ndjson' 2>/dev/null \
		| fsd-invoice --rates '$EXAMPLES/ratecard.json'"
	assert_eq "$(records -c '[.id, .closed.at, .invoice.number, .exception.message]')" \
		$'["J1003",null,null,"work performed not filled in"]\n["J1002",null,null,"work performed not filled in"]\n["R1","2026-11-23T09:02:00-07:00","FRH-R1",null]'
}
