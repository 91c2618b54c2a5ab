#!/usr/bin/env bats
# fsd-watch: each timer and its escalation at chosen --now values, and a
# rerun with --state raises nothing twice.
load helper

F=$FIXTURES/watch
D=2026-11-23T
Z=-07:00

# [code, job, at as MM-DDTHH:MM, to] of the last run's alerts
codes() {
	out_jq -c '[.code, .job, .at[5:16], .to]'
}

watch_at() {
	run fsd-watch --now "$D$1$Z" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson" \
		"$F/invoices.ndjson" "$F/payments.ndjson"
	[ "$status" -eq 0 ]
}

@test "SLA: warn at the share of the time (P1 rule: half), breach at due, escalate to the second contact" {
	watch_at 09:59:00
	assert_eq "$(codes | grep '"J1"')" ""
	watch_at 10:00:00
	assert_eq "$(codes | grep '"J1"')" '["sla_warning","J1","11-23T10:00","dispatch"]'
	watch_at 12:14:00
	assert_eq "$(codes | grep '"J1"')" '["sla_warning","J1","11-23T10:00","dispatch"]
["sla_breach","J1","11-23T12:00","dispatch"]'
	watch_at 12:15:00
	assert_eq "$(codes | grep '"J1"' | tail -n 1)" '["sla_escalation","J1","11-23T12:15","on-call manager"]'
}

@test "SLA: without the rule, the default warns at 75% and names no second contact" {
	run fsd-watch --now "${D}13:00:00$Z" "$F/jobs.ndjson"
	assert_eq "$(codes | grep '"J1"')" '["sla_warning","J1","11-23T11:00","dispatch"]
["sla_breach","J1","11-23T12:00","dispatch"]'
}

@test "SLA: a job with someone on site by due is not timed; a cancelled one never" {
	watch_at 13:00:00
	assert_eq "$(out_jq -c 'select(.job == "J9" or .job == "J8") | .code')" '"overrun"'
}

@test "late start: not on site by the end of the ETA window" {
	watch_at 09:59:59
	assert_eq "$(codes | grep late_start)" ""
	watch_at 10:00:00
	assert_eq "$(codes | grep late_start)" '["late_start","J2","11-23T10:00","dispatch"]'
	assert_eq "$(out_jq -r 'select(.code == "late_start") | .message')" \
		'T03 is not on site at J2 (1420 S Clayton St), promised by 10:00: call T03 and the customer'
}

@test "overrun: on site 30 min past the planned duration" {
	watch_at 10:29:00
	assert_eq "$(codes | grep overrun)" ""
	watch_at 10:30:00
	assert_eq "$(codes | grep overrun)" '["overrun","J3","11-23T10:30","dispatch"]'
}

@test "completed without closed proof: at once with fsd-close's reasons, else an hour after completion" {
	watch_at 11:59:00
	assert_eq "$(out_jq -r 'select(.code == "completed_unclosed") | "\(.job): \(.message)"')" \
		'J5: J5 completed without its closed proof: no after photo; no panel photo; ask T06 before invoicing'
	watch_at 12:00:00
	assert_eq "$(out_jq -c 'select(.code == "completed_unclosed") | .job' | tr '\n' ' ')" '"J5" "J4" '
}

@test "lone worker: a check-in overdue after 30 min, escalated 15 min later; the message says what to do" {
	watch_at 10:29:00
	assert_eq "$(codes | grep checkin)" ""
	watch_at 10:30:00
	assert_eq "$(out_jq -r 'select(.code == "checkin_overdue") | .message')" \
		'call T07; no check-in for 30 min at 123 Main St (lone worker, last check-in 10:00)'
	watch_at 10:45:00
	assert_eq "$(codes | grep checkin | tail -n 1)" '["checkin_escalation","J6","11-23T10:45","dispatch"]'
}

@test "lone worker: a new check-in restarts the clock" {
	echo "{\"kind\":\"check_in\",\"tech\":\"T07\",\"at\":\"${D}10:40:00$Z\"}" > "$BATS_TEST_TMPDIR/late.ndjson"
	run fsd-watch --now "${D}10:45:00$Z" "$F/jobs.ndjson" "$F/events.ndjson" "$BATS_TEST_TMPDIR/late.ndjson"
	assert_eq "$(codes | grep checkin)" ""
	run fsd-watch --now "${D}11:10:00$Z" "$F/jobs.ndjson" "$F/events.ndjson" "$BATS_TEST_TMPDIR/late.ndjson"
	assert_eq "$(codes | grep checkin)" '["checkin_overdue","J6","11-23T11:10","dispatch"]'
}

@test "invoices: unpaid past due (part paid), repeated failed payments; a failure before a success is forgiven" {
	watch_at 10:04:00
	assert_eq "$(out_jq -c 'select(.code == "invoice_overdue" or .code == "payment_failed") | [.code, .job]')" \
		'["invoice_overdue","J1003"]'
	assert_eq "$(out_jq -r 'select(.code == "invoice_overdue") | .message')" \
		'invoice INV-1 to Ada Lopez unpaid past its due date 2026-11-20: 11900 of 21900 USD minor units outstanding; send a reminder'
	watch_at 10:05:00
	assert_eq "$(out_jq -c 'select(.code == "payment_failed") | [.job, .message]')" \
		'["J1004","invoice INV-2: 2 payments in a row failed; call the customer Ben Ng"]'
}

@test "--state: a rerun raises nothing twice, a later run only what fell due since" {
	S=$BATS_TEST_TMPDIR/raised.ndjson
	run fsd-watch --now "${D}10:30:00$Z" --state "$S" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson"
	[ "$status" -eq 0 ]
	first=$(printf '%s\n' "$output" | wc -l)
	[ "$first" -eq 4 ]
	assert_eq "$(wc -l < "$S")" 4
	run fsd-watch --now "${D}10:30:00$Z" --state "$S" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson"
	assert_eq "$output" ""
	run fsd-watch --now "${D}10:45:00$Z" --state "$S" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson"
	assert_eq "$(codes)" '["checkin_escalation","J6","11-23T10:45","dispatch"]'
	assert_eq "$(jq -r .raised "$S" | uniq -c | awk '{ print $1 }' | tr '\n' ' ')" '4 1 '
}

@test "--state whose last line a crash cut short: set aside, that alert raised again, the rest not" {
	S=$BATS_TEST_TMPDIR/raised.ndjson
	fsd-watch --now "${D}10:30:00$Z" --state "$S" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson" \
		> "$BATS_TEST_TMPDIR/first"
	head -c -20 "$S" > "$BATS_TEST_TMPDIR/torn" && mv "$BATS_TEST_TMPDIR/torn" "$S"
	run fsd-watch --now "${D}10:30:00$Z" --state "$S" --rules "$F/rules.json" "$F/jobs.ndjson" "$F/events.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has "its last line was cut short by a run that stopped while writing it (a crash or a full disk); moved to $S.torn"
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r .id)" "$(tail -1 "$BATS_TEST_TMPDIR/first" | jq -r .id)"
	assert_eq "$(wc -l < "$S") $(wc -l < "$S.torn")" "4 1"
	jq -e . "$S" > /dev/null
}

@test "a bad record comes out with its exception and the rest are timed (exit 1)" {
	printf '%s\n' "{\"id\":\"B1\",\"arrived\":\"09:00\"}" > "$BATS_TEST_TMPDIR/bad.ndjson"
	run fsd-watch --now "${D}13:00:00$Z" "$BATS_TEST_TMPDIR/bad.ndjson" "$F/jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad.ndjson:1: "arrived": "09:00" is not an RFC 3339 time'
	assert_output_has '"id":"B1","arrived":"09:00","exception":{"code":"bad_record"'
	assert_output_has '"code":"overrun","job":"J3"'
}

@test "rules: an unknown key or a bad value is said with the file's name (exit 1)" {
	printf '{"overrun": 30,\n "sla": [{"priority": 1}, {"warn_share": 2}, 7]}\n' > "$BATS_TEST_TMPDIR/rules.json"
	run fsd-watch --now "${D}13:00:00$Z" --rules "$BATS_TEST_TMPDIR/rules.json" "$F/jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'rules.json:1: "overrun" is not a known key (known: late_start_grace_min, overrun_min,'
	assert_output_has '"sla.1.warn_share" must be a number from 0.01 to 0.99, not 2'
	assert_output_has '"sla.2" must be an object'
	assert_output_has 'rules.json: 3 problems in the rules file; nothing done'
}

@test "fsd-status's jobs feed it: done ones are checked for their proof, one under way for overrun, one not begun for its start" {
	fsd-status --events "$FIXTURES/status/day.events" "$FIXTURES/status/plan.ndjson" \
		> "$BATS_TEST_TMPDIR/jobs.ndjson" 2>/dev/null || true
	run fsd-watch --now "${D}18:00:00$Z" "$BATS_TEST_TMPDIR/jobs.ndjson" "$FIXTURES/status/day.events"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.code, .job, .at[11:16]]')" '["completed_unclosed","R1","10:02"]
["completed_unclosed","J1003","10:46"]
["overrun","R2","10:55"]
["completed_unclosed","J1002","12:00"]
["late_start","J1010","14:00"]'
}

@test "--now is required" {
	run fsd-watch "$F/jobs.ndjson"
	[ "$status" -eq 2 ]
	assert_output_has "--now TIME is required"
}
