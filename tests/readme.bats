#!/usr/bin/env bats
# The README's pipeline example is run as written, on the sample day.

load helper

# The indented block after the README's "runs in the test suite" marker
# (the first, or the one whose marker also holds $1).
readme_pipeline() {
	awk -v want="${1:-runs in the test suite}" 'index($0, "runs in the test suite") && index($0, want) { on = 1; next }
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

@test "the README's office path runs: an FSM export through a map, geocoding, the roster, sheets per tech, QuickBooks" {
	script=$(readme_pipeline "share/examples/office")
	[ -n "$script" ]
	python3 "$FIXTURES/geocode/server.py" "$BATS_TEST_TMPDIR/port" "$BATS_TEST_TMPDIR/requests.log" \
		> /dev/null 2>&1 3>&- &
	server=$!
	for _ in $(seq 100); do [ -f "$BATS_TEST_TMPDIR/port" ] && break; sleep 0.1; done
	mkdir -p "$BATS_TEST_TMPDIR/examples/office" "$BATS_TEST_TMPDIR/maps"
	cp "$EXAMPLES"/*.csv "$EXAMPLES"/*.json "$EXAMPLES"/pay.key "$BATS_TEST_TMPDIR/examples/"
	cp "$EXAMPLES"/office/* "$BATS_TEST_TMPDIR/examples/office/"
	cp "$TOP"/share/maps/*.map "$BATS_TEST_TMPDIR/maps/"
	cd "$BATS_TEST_TMPDIR/examples/office"
	GEOCODER=http://127.0.0.1:$(cat "$BATS_TEST_TMPDIR/port") run bash -e -c "$script"
	kill "$server"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	assert_eq "$(grep -c . calls.ndjson)" 150
	assert_eq "$(grep -c . plan.ndjson)" 150
	[ "$(ls sheets | wc -l)" -gt 20 ]
	assert_eq "$(head -n 1 quickbooks.csv | cut -d, -f1-3)" "Invoice no,Customer,Invoice date"
	# Every job has coordinates in this export: nothing to ask the server.
	[ ! -s "$BATS_TEST_TMPDIR/requests.log" ]
}
