#!/usr/bin/env bats
# fsd-board: the day as one self-contained HTML page, rendered by a real
# browser (Debian's chromium, headless): every tech and every job not
# placed is in its DOM, and its screenshot is a page, not a blank. Day
# sheets for the tech on paper. Chromium runs are kept few (each costs a
# second or two): the rest checks the HTML itself.
load helper

F=$FIXTURES/views
NOW=2026-11-23T11:00:00-07:00

setup_file() {
	# The sample day, planned once for the whole file.
	local d=$BATS_FILE_TMPDIR
	cd "$EXAMPLES"
	fsd-import techs.csv > "$d/techs.ndjson"
	fsd-import jobs.csv | fsd-match --techs "$d/techs.ndjson" --rules rules.json 2>/dev/null \
		| fsd-route --techs "$d/techs.ndjson" --iterations 200 > "$d/plan.ndjson" 2>/dev/null
	# The morning as it went: each tech's first job done, the second on
	# site, one job that could not be completed.
	jq -c 'select(.seq == 1) | {kind: "status", job: .id, tech, status: "completed", at: .end}' \
		"$d/plan.ndjson" > "$d/events.ndjson"
	jq -c 'select(.seq == 2) | {kind: "status", job: .id, tech, status: "on_site", at: .start}' \
		"$d/plan.ndjson" >> "$d/events.ndjson"
	jq -c 'select(.seq == 3 and .tech == "T05") | {kind: "status", job: .id, tech,
		status: "cannot_complete", reason: "no access", at: .start}' "$d/plan.ndjson" >> "$d/events.ndjson"
}

# Headless Chromium as the tests run it: no network, no first-run
# chores, a fresh profile each time.
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$BATS_TEST_TMPDIR/chrome.XXXX")" "$@" 2>/dev/null
}

# Every tech of the techs file and every job the plan did not place,
# in the DOM the browser built.
assert_every_tech_and_unplaced_job() {
	local dom=$1 id
	for id in $(jq -r '.id' "$BATS_FILE_TMPDIR/techs.ndjson"); do
		grep -q "class=\"row\" data-tech=\"$id\"" "$dom" || { echo "tech $id missing"; return 1; }
	done
	for id in $(jq -r 'select(.seq == null) | .id' "$BATS_FILE_TMPDIR/plan.ndjson"); do
		grep -q "class=\"unplaced\" data-job=\"$id\"" "$dom" || { echo "job $id missing"; return 1; }
	done
	[ "$(grep -o 'class="unplaced" data-job=' "$dom" | wc -l)" -eq \
		"$(jq -r 'select(.seq == null) | .id' "$BATS_FILE_TMPDIR/plan.ndjson" | wc -l)" ]
}

@test "chromium: the sample day's plan -- every tech and unplaced job in the DOM, a screenshot that is not blank" {
	local d=$BATS_FILE_TMPDIR
	run fsd-board --techs "$d/techs.ndjson" --out "$BATS_TEST_TMPDIR/board.html" "$d/plan.ndjson"
	[ "$status" -eq 0 ]
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/board.html" > "$BATS_TEST_TMPDIR/dom.html"
	assert_every_tech_and_unplaced_job "$BATS_TEST_TMPDIR/dom.html"
	# every placed job is a block on its tech's lane
	[ "$(grep -o 'class="job st-' "$BATS_TEST_TMPDIR/dom.html" | wc -l)" -eq \
		"$(jq -r 'select(.seq != null) | .id' "$d/plan.ndjson" | wc -l)" ]
	chrome --window-size=1280,1600 --screenshot="$BATS_TEST_TMPDIR/board.png" "file://$BATS_TEST_TMPDIR/board.html"
	run "$F/not-blank.py" "$BATS_TEST_TMPDIR/board.png"
	[ "$status" -eq 0 ]
}

@test "chromium: with events and alerts -- status colours, the alerts, the now-line" {
	local d=$BATS_FILE_TMPDIR
	run fsd-board --techs "$d/techs.ndjson" --events "$d/events.ndjson" --alerts "$F/alerts.ndjson" \
		--now $NOW --out "$BATS_TEST_TMPDIR/board.html" "$d/plan.ndjson"
	[ "$status" -eq 0 ]
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/board.html" > "$BATS_TEST_TMPDIR/dom.html"
	assert_every_tech_and_unplaced_job "$BATS_TEST_TMPDIR/dom.html"
	dom=$BATS_TEST_TMPDIR/dom.html
	[ "$(grep -o 'class="job st-completed' "$dom" | wc -l)" -eq "$(jq -c 'select(.status == "completed")' "$d/events.ndjson" | wc -l)" ]
	[ "$(grep -o 'class="job st-on_site' "$dom" | wc -l)" -eq "$(jq -c 'select(.status == "on_site")' "$d/events.ndjson" | wc -l)" ]
	[ "$(grep -o 'class="job st-cannot_complete' "$dom" | wc -l)" -eq 1 ]
	[ "$(grep -o 'class="alert" data-alert=' "$dom" | wc -l)" -eq 3 ]
	grep -q 'running_late' "$dom"
	[ "$(grep -o 'class="now" style="left' "$dom" | wc -l)" -eq "$(jq -r '.id' "$d/techs.ndjson" | wc -l)" ]
	chrome --window-size=390,844 --screenshot="$BATS_TEST_TMPDIR/phone.png" "file://$BATS_TEST_TMPDIR/board.html"
	run "$F/not-blank.py" "$BATS_TEST_TMPDIR/phone.png"
	[ "$status" -eq 0 ]
}

@test "chromium: a day sheet prints to PDF" {
	local d=$BATS_FILE_TMPDIR
	fsd-board --techs "$d/techs.ndjson" --tech T05 --sheet --out "$BATS_TEST_TMPDIR/T05.html" "$d/plan.ndjson"
	chrome --no-pdf-header-footer --print-to-pdf="$BATS_TEST_TMPDIR/T05.pdf" "file://$BATS_TEST_TMPDIR/T05.html"
	assert_eq "$(head -c 5 "$BATS_TEST_TMPDIR/T05.pdf")" "%PDF-"
	[ "$(stat -c %s "$BATS_TEST_TMPDIR/T05.pdf")" -gt 10000 ]
}

@test "self-contained: no script, no external style, font or image" {
	run fsd-board --techs "$F/techs.ndjson" "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	[[ $output != *"<script"* && $output != *"<link"* && $output != *"@import"* && $output != *"url("* ]]
	[[ $output != *"src=\""* ]]
	assert_output_has '<svg class="map"'
}

@test "the small day: a lane a tech (with no stops too), pickups and jobs not placed by code" {
	run fsd-board --techs "$F/techs.ndjson" "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has 'data-tech="T3"><div class="who"><b><span class="sw" style="background:#e15759"></span>Cy Diaz</b><small>T3 · no stops</small>'
	assert_output_has 'Ana Ruiz</b><small>T1 · 3 stops · 40 km</small>'
	assert_output_has 'title="parts pickup at W1 for J4"'
	assert_output_has '<h3 class="code">day_full <span class="muted">(1)</span></h3>'
	assert_output_has '<h3 class="code">no_qualified_tech <span class="muted">(1)</span></h3>'
	assert_output_has 'no tech has skill cert:backflow'
	assert_output_has 'Monday 23 November 2026 · times in UTC-07:00'
}

@test "timeline: times are placed on the day's span, whole hours of the plan's zone" {
	run fsd-board --techs "$F/techs.ndjson" "$F/plan.ndjson"
	# shifts 08:00-16:00, first drive from 08:10: the span is 08:00 to 16:00,
	# so J1 (08:30-09:30) starts at 1/16 of it and is 1/8 wide
	assert_output_has 'data-job="J1" style="left:6.250%;width:12.500%;background:#4e79a7"'
	assert_output_has '<span class="tick" style="left:0.000%">08:00</span>'
	assert_output_has '<span class="tick" style="left:100.000%">16:00</span>'
}

@test "events: the last status of a job wins, whatever the order of the log; one with an exception is not applied" {
	printf '%s\n' '{"kind":"status","job":"J1","status":"completed","at":"2026-11-23T09:30:00-07:00"}' \
		'{"kind":"status","job":"J1","status":"on_site","at":"2026-11-23T08:30:00-07:00"}' \
		'{"kind":"status","job":"J2","status":"cancelled","at":"2026-11-23T09:00:00-07:00","exception":{"code":"bad_record","message":"x"}}' \
		'{"kind":"status","job":"NOPE","status":"on_site","at":"2026-11-23T09:00:00-07:00"}' > "$BATS_TEST_TMPDIR/ev.ndjson"
	run fsd-board --events "$BATS_TEST_TMPDIR/ev.ndjson" "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has 'class="job st-completed" data-job="J1"'
	assert_output_has 'class="job st-scheduled" data-job="J2"'
	assert_output_has '2 status events for no job of the plan'
}

@test "status events and alerts may come in the plan's own stream" {
	run bash -c "cat '$F/plan.ndjson' '$F/alerts.ndjson' | fsd-board --now $NOW"
	[ "$status" -eq 0 ]
	[ "$(grep -o 'class="alert" data-alert=' <<<"$output" | wc -l)" -eq 3 ]
	assert_output_has ' · now 11:00</p>'
}

@test "late and moved jobs are marked; invoices are totalled" {
	jq -c 'if .id == "J3" then .late = {"minutes": 20, "reason": "sla"} elif .id == "J2" then .eta_changed = {"minutes": 30} else . end' \
		"$F/plan.ndjson" > "$BATS_TEST_TMPDIR/plan.ndjson"
	printf '%s\n' '{"id":"J1","invoice":{"number":"INV-1","total":29729,"currency":"USD","date":"2026-11-23"}}' > "$BATS_TEST_TMPDIR/inv.ndjson"
	run fsd-board --invoices "$BATS_TEST_TMPDIR/inv.ndjson" "$BATS_TEST_TMPDIR/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has 'class="job st-scheduled late" data-job="J3"'
	assert_output_has 'class="job st-scheduled moved" data-job="J2"'
	assert_output_has '<li class="bad"><b>1</b> late for SLA</li>'
	assert_output_has '<li><b>297.29</b> USD invoiced</li>'
}

@test "text from records is escaped" {
	printf '%s\n' '{"id":"J<1>","tech":"T1","start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T09:00:00-07:00","customer":{"name":"<script>alert(1)</script>"}}' > "$BATS_TEST_TMPDIR/x.ndjson"
	run fsd-board "$BATS_TEST_TMPDIR/x.ndjson"
	[ "$status" -eq 0 ]
	[[ $output != *"<script>"* ]]
	assert_output_has 'J&lt;1&gt;'
}

@test "a day sheet: stops in order with times, customer, phone, address, map link, access, notes, parts, pickups" {
	run fsd-board --techs "$F/techs.ndjson" --tech T2 --sheet "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has '<h1>Bo Chen (T2)</h1><p>Monday 23 November 2026 · times in UTC-07:00 · shift 08:00–16:00</p>'
	assert_output_has '<h2>3 stops</h2>'
	# J3 first, then the pickup, then J4
	[[ $output == *'data-job="J3"'*'<b>Pick up</b> at W1'*'data-job="J4"'* ]]
	assert_output_has '<td class="t">1</td><td class="t">09:00–10:30<br><small class="muted">told 08:45–09:45</small></td><td><b>Fay Ono</b><br><a href="tel:303-555-0103">303-555-0103</a>'
	assert_output_has '300 Pine Rd, Aurora, CO 80012 <a href="https://www.openstreetmap.org/?mlat=39.680000&amp;mlon=-104.880000#map=17/39.680000/-104.880000">map</a><br><b>Access:</b> gate code 1234'
	assert_output_has '<b>Take:</b> 1 &times; VALVE-1'
	assert_output_has '1 Depot Way, Denver, CO 80231'
	assert_output_has '<span class="badge p1">EMERGENCY</span>'
}

@test "--all-sheets: a sheet a tech, written whole, beside the board" {
	run fsd-board --techs "$F/techs.ndjson" --all-sheets "$BATS_TEST_TMPDIR/sheets" --out "$BATS_TEST_TMPDIR/board.html" "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(cd "$BATS_TEST_TMPDIR/sheets" && ls)" $'T1.html\nT2.html\nT3.html'
	grep -q 'No stops today.' "$BATS_TEST_TMPDIR/sheets/T3.html"
	grep -q 'Dora Park' "$BATS_TEST_TMPDIR/sheets/T1.html"
	[ -s "$BATS_TEST_TMPDIR/board.html" ]
}

@test "usage: --sheet needs --tech, --tech needs --sheet, an unknown tech is an error" {
	run fsd-board --sheet "$F/plan.ndjson"
	[ "$status" -eq 2 ]
	run fsd-board --tech T1 "$F/plan.ndjson"
	[ "$status" -eq 2 ]
	run fsd-board --tech T9 --sheet "$F/plan.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'no tech "T9"'
}

@test "a bad record: reported at its line, shown among the jobs not placed" {
	printf '%s\n' '{"id":"X1","tech":"T1","start":"soon","end":"2026-11-23T09:00:00-07:00"}' > "$BATS_TEST_TMPDIR/bad.ndjson"
	run fsd-board "$BATS_TEST_TMPDIR/bad.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad.ndjson:1: "start": "soon" is not an RFC 3339 time'
	assert_output_has 'class="unplaced" data-job="X1"'
}
