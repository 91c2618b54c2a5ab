#!/usr/bin/env bats
# The README's pipeline example is run as written, on the sample day.

load helper

# The indented block after the README's "runs in the test suite" marker.
readme_pipeline() {
	awk '/runs in the test suite/ { on = 1; next }
		on && /^    / { sub(/^    /, ""); print; seen = 1; next }
		on && seen && !/^    / { exit }' "$TOP/README.md"
}

@test "the README's pipeline runs on the sample day and plans every job" {
	script=$(readme_pipeline)
	[ -n "$script" ]
	cp "$EXAMPLES"/*.csv "$EXAMPLES"/rules.json "$BATS_TEST_TMPDIR/"
	cd "$BATS_TEST_TMPDIR"
	run bash -e -c "$script"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	calls=$(grep -c . calls.ndjson)
	visits=$(fsd-recur --on 2026-11-23 < contracts.ndjson | grep -c .)
	assert_eq "$(grep -c . plan.ndjson)" "$((calls + visits))"
	assert_eq "$(head -n 1 plan.csv)" "id,tech,seq,arrive,exception.message"
	# Every job is planned or says why not.
	assert_eq "$(jq -c 'select(.seq == null and .exception == null)' plan.ndjson)" ""
}

# The indented block after the README's live-day marker.
readme_live_day() {
	awk '/the live day below runs in the test suite/ { on = 1; next }
		on && /^    / { sub(/^    /, ""); print; seen = 1; next }
		on && seen && !/^    / { exit }' "$TOP/README.md"
}

@test "the README's live day runs on the planned day: status, re-plan, invoice, messages" {
	script=$(readme_live_day)
	[ -n "$script" ]
	cp "$EXAMPLES"/*.csv "$EXAMPLES"/rules.json "$EXAMPLES"/ratecard.json "$EXAMPLES"/pay.key \
		"$EXAMPLES"/notify.json "$BATS_TEST_TMPDIR/"
	cd "$BATS_TEST_TMPDIR"
	bash -e -c "$(readme_pipeline)"
	run bash -e -c "$script"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	assert_eq "$(jq -c 'select(.id == "J1032") | [.status, .arrived, .completed]' replan.ndjson)" \
		'["done","2026-11-23T08:02:00-07:00","2026-11-23T08:50:00-07:00"]'
	assert_eq "$(jq -r .invoice.number invoices.ndjson)" FRH-J1032
	assert_eq "$(jq -r 'select(.job == "J1032") | "\(.message) \(.channel)"' messages.ndjson | tr '\n' ,)" \
		'done email,invoice email,'
	assert_eq "$(jq -r 'select(.job == "J1025") | .message' messages.ndjson)" eta
}

@test "the README's pipeline serves what fsd-route --reassign alone serves, no emergency left out" {
	cp "$EXAMPLES"/*.csv "$EXAMPLES"/rules.json "$BATS_TEST_TMPDIR/"
	cd "$BATS_TEST_TMPDIR"
	bash -e -c "$(readme_pipeline)"
	# the same jobs, playbooks folded in, planned by the solver alone
	fsd-recur --on 2026-11-23 < contracts.ndjson | cat - calls.ndjson \
	  | fsd-match --techs techs.ndjson --rules rules.json \
	  | fsd-route --techs techs.ndjson --reassign > alone.ndjson 2>/dev/null
	served() { jq -c 'select(.seq and .kind != "pickup")' "$1" | wc -l; }
	[ "$(served plan.ndjson)" -ge "$(served alone.ndjson)" ]
	# every emergency some tech is qualified for is on a day
	assert_eq "$(jq -r 'select(.priority == 1 and .seq == null and .exception.code != "no_qualified_tech") | .id' plan.ndjson)" ""
	[ "$(jq -c 'select(.priority == 1 and .seq)' plan.ndjson | wc -l)" -ge 7 ]
}
