#!/usr/bin/env bats
# fsd-recur: contracts in, visit jobs out. Fixtures in tests/fixtures/recur:
# contracts.ndjson (quarterly month-end, annual fire inspection on Nov 26,
# annual backflow in April and May, monthly extinguisher on the 2nd
# Tuesday, a floating water-heater flush every 90 days +-10), history,
# holidays, DST, month ends, spreading and bad contracts.

load helper

R=tests/fixtures/recur

setup() {
	cd "$TOP"
}

# id and window start of each visit, one "id start" a line.
visits() {
	printf '%s\n' "$output" | jq -r '"\(.id) \(.window.start)"'
}

@test "--on: the floating flush due Monday, counted from the last visit in --history" {
	run fsd-recur --on 2026-11-23 --history $R/history.ndjson $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(visits)" "PM-W1-2026-11-23 2026-11-23T08:00:00-07:00"
	assert_eq "$(out_jq '[.contract, .type, .skills, .customer.id, .territory, .due, .due_range]')" \
		'["PM-W1","water-heater",["plumbing"],"C20044","west","2026-11-23",{"start":"2026-11-13","end":"2026-12-03"}]'
	assert_eq "$(out_jq '.window.end')" '"2026-11-23T17:00:00-07:00"'
}

@test "the job carries the contract's template, customer and site, not its other fields" {
	run fsd-recur --on 2027-05-31 $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.contract == "PM-Q1") | [.id, .parts, .priority, .notes, .site.address, .billing]')" \
		'["PM-Q1-2027-05-31",[{"sku":"FLT-20X25X1","qty":2}],3,"rooftop units 1-3","7926 York St, Denver, CO 80206",null]'
	assert_eq "$(out_jq 'select(.contract == "PM-Q1") | .window')" \
		'{"start":"2027-05-31T09:00:00-06:00","end":"2027-05-31T12:00:00-06:00"}'
}

@test "rrule kinds over a year: quarterly month end, yearly in April and May, 2nd Tuesday" {
	run fsd-recur --from 2027-01-01 --to 2027-12-31 $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "PM-Q1") | .due' | tr '\n' ' ')" \
		"2027-02-28 2027-05-31 2027-08-31 2027-11-30 "
	assert_eq "$(out_jq -r 'select(.contract == "PM-B1") | .due' | tr '\n' ' ')" "2027-04-01 2027-05-01 "
	assert_eq "$(out_jq -r 'select(.contract == "PM-E1") | .due' | head -3 | tr '\n' ' ')" \
		"2027-01-12 2027-02-09 2027-03-09 "
	[ "$(out_jq 'select(.contract == "PM-E1")' | wc -l)" -eq 12 ]
}

@test "a due date on a weekend moves to the nearest weekday inside the tolerance" {
	run fsd-recur --from 2027-01-01 --to 2027-12-31 $R/contracts.ndjson
	# Sunday Feb 28 -> Monday Mar 1; Saturday May 1 -> Friday Apr 30
	assert_eq "$(out_jq -r 'select(.id == "PM-Q1-2027-02-28") | .window.start')" "2027-03-01T09:00:00-07:00"
	assert_eq "$(out_jq -r 'select(.id == "PM-B1-2027-05-01") | .window.start')" "2027-04-30T08:00:00-06:00"
}

@test "holidays: the Thanksgiving inspection moves to Wednesday" {
	run fsd-recur --from 2026-11-23 --to 2026-11-29 $R/contracts.ndjson
	assert_eq "$(out_jq -r 'select(.contract == "PM-F1") | .window.start')" "2026-11-26T08:00:00-07:00"
	run fsd-recur --from 2026-11-23 --to 2026-11-29 --holidays $R/holidays.txt $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "PM-F1") | "\(.id) \(.window.start) \(.due_range.start)"')" \
		"PM-F1-2026-11-26 2026-11-25T08:00:00-07:00 2026-11-21"
}

@test "a visit with no allowed day in its tolerance stays on its due date, flagged" {
	printf '%s\n' '{"id":"X","job":{"type":"fire-inspection"},"rrule":"FREQ=YEARLY","dtstart":"2026-12-25","tz":"America/Denver","tolerance":0}' \
		> "$BATS_TEST_TMPDIR/x.ndjson"
	run fsd-recur --on 2026-12-25 --holidays $R/holidays.txt "$BATS_TEST_TMPDIR/x.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'x.ndjson:1: contract X: no allowed day near 2026-12-25'
	assert_output_has '"exception":{"code":"no_allowed_day"'
	assert_output_has '"window":{"start":"2026-12-25T08:00:00-07:00"'
}

@test "month ends: RFC 5545 skips short months, BYMONTHDAY=-1 and SKIP=BACKWARD take the last day" {
	run fsd-recur --from 2027-01-01 --to 2027-06-30 $R/monthend.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "ME-RFC") | .due' | tr '\n' ' ')" \
		"2027-01-31 2027-03-31 2027-05-31 "
	assert_eq "$(out_jq -r 'select(.contract == "ME-LAST") | .due' | tr '\n' ' ')" \
		"2027-01-31 2027-02-28 2027-03-31 2027-04-30 2027-05-31 2027-06-30 "
	assert_eq "$(out_jq -r 'select(.contract == "ME-SKIP") | .due' | tr '\n' ' ')" \
		"2027-01-31 2027-02-28 2027-03-31 2027-04-30 2027-05-31 2027-06-30 "
	# floating "every 1 month" from Jan 31 keeps to the month's last day too
	assert_eq "$(out_jq -r 'select(.contract == "ME-EVERY") | .due' | tr '\n' ' ')" \
		"2027-01-31 2027-02-28 2027-03-31 2027-04-30 2027-05-31 2027-06-30 "
}

@test "DST: a 09:00 visit stays 09:00 local when Denver moves to -06:00 on 2027-03-14" {
	run fsd-recur --from 2027-02-01 --to 2027-04-30 $R/dst.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "PM-DST") | .window.start' | tr '\n' ' ')" \
		"2027-02-15T09:00:00-07:00 2027-03-15T09:00:00-06:00 2027-04-15T09:00:00-06:00 "
	# a contract with only a fixed offset keeps the offset: say tz to follow DST
	assert_eq "$(out_jq -r 'select(.contract == "PM-FIX") | .window.start' | sed -n 2p)" \
		"2027-03-15T09:00:00-07:00"
}

@test "--tz gives a zone to contracts that have none" {
	printf '%s\n' '{"id":"Z","job":{"type":"leak"},"every":"30 days","start":"2027-07-01"}' \
		> "$BATS_TEST_TMPDIR/z.ndjson"
	run fsd-recur --on 2027-07-01 "$BATS_TEST_TMPDIR/z.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'z.ndjson:1: no time zone: give "tz"'
	run fsd-recur --on 2027-07-01 --tz America/Denver "$BATS_TEST_TMPDIR/z.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r '.window.start')" "2027-07-01T08:00:00-06:00"
}

@test "floating: late already at --from, the visit goes first and says how late" {
	printf '%s\n' '{"contract":"PM-W1","date":"2026-07-01"}' > "$BATS_TEST_TMPDIR/h.ndjson"
	run fsd-recur --from 2026-11-23 --to 2027-03-31 --history "$BATS_TEST_TMPDIR/h.ndjson" $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.contract == "PM-W1") | [.id, .window.start[:10], .overdue]')" \
		'["PM-W1-2026-09-29","2026-11-23",55]
["PM-W1-2027-02-21","2027-02-22",null]'
}

@test "rerun with --existing makes nothing twice" {
	fsd-recur --from 2026-11-01 --to 2027-02-28 --history $R/history.ndjson $R/contracts.ndjson \
		> "$BATS_TEST_TMPDIR/first.ndjson"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/first.ndjson")" -gt 5 ]
	run fsd-recur --from 2026-11-01 --to 2027-02-28 --history $R/history.ndjson \
		--existing "$BATS_TEST_TMPDIR/first.ndjson" $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$output" ""
	# a later, longer run makes only what is new
	run fsd-recur --from 2026-11-01 --to 2027-05-31 --history $R/history.ndjson \
		--existing "$BATS_TEST_TMPDIR/first.ndjson" $R/contracts.ndjson
	# (PM-Q1's Sunday Feb 28 visit lands on Monday Mar 1, after the first
	# run; PM-W1 counts on from its last booked visit, Monday Feb 22)
	assert_eq "$(out_jq -r '.id' | tr '\n' ' ')" \
		"PM-Q1-2027-02-28 PM-Q1-2027-05-31 PM-B1-2027-04-01 PM-B1-2027-05-01 PM-E1-2027-03-09 PM-E1-2027-04-13 PM-E1-2027-05-11 PM-W1-2027-05-23 "
}

@test "a visit done early (in --history) is not made again" {
	printf '%s\n' '{"contract":"PM-Q1","completed":"2026-11-27T10:40:00-07:00"}' > "$BATS_TEST_TMPDIR/h.ndjson"
	run fsd-recur --on 2026-11-30 $R/contracts.ndjson
	assert_eq "$(out_jq -r 'select(.contract == "PM-Q1") | .id')" "PM-Q1-2026-11-30"
	run fsd-recur --on 2026-11-30 --history "$BATS_TEST_TMPDIR/h.ndjson" $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "PM-Q1") | .id')" ""
}

@test "--spread levels eight flushes due the same Wednesday over the week" {
	# Mon..Fri counts: without --spread all eight on Wednesday
	run fsd-recur --from 2026-11-23 --to 2026-11-27 --history $R/spread-history.ndjson $R/spread.ndjson
	assert_eq "$(out_jq -r '.window.start[:10]' | sort | uniq -c | awk '{print $1}' | tr '\n' ' ')" "8 "
	run fsd-recur --from 2026-11-23 --to 2026-11-27 --history $R/spread-history.ndjson --spread $R/spread.ndjson
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 8 ]
	assert_eq "$(out_jq -r '.window.start[:10]' | sort | uniq -c | awk '{print $1}' | tr '\n' ' ')" "1 2 2 2 1 "
	# spread keeps ids (due dates) and stays inside each visit's due_range
	assert_eq "$(out_jq -r 'select(.window.start[:10] < .due_range.start or .window.start[:10] > .due_range.end)')" ""
	assert_eq "$(out_jq -r '.id' | sort -u | wc -l)" "8"
}

@test "--spread leaves calendar-fixed visits where they are" {
	run fsd-recur --from 2027-01-01 --to 2027-12-31 --spread $R/contracts.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.contract == "PM-E1") | .window.start[:10]' | head -2 | tr '\n' ' ')" \
		"2027-01-12 2027-02-09 "
}

@test "lead: a contract's jobs are made at most lead days ahead of the run" {
	sed 's/"tolerance":0/"tolerance":0,"lead":30/' $R/contracts.ndjson > "$BATS_TEST_TMPDIR/c.ndjson"
	run fsd-recur --from 2027-01-01 --to 2027-12-31 "$BATS_TEST_TMPDIR/c.ndjson"
	assert_eq "$(out_jq -r 'select(.contract == "PM-E1") | .due')" "2027-01-12"
}

@test "bad contracts: positioned errors naming the field; the rest still make their jobs" {
	run fsd-recur --on 2026-11-23 $R/bad.ndjson
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-recur: tests/fixtures/recur/bad.ndjson:1: "rrule": "FREQ=FORTNIGHTLY" is not an RFC 5545 recurrence rule'
	assert_output_has 'bad.ndjson:2: "end" must not be before "start"'
	assert_output_has 'bad.ndjson:4: "tolerance" must be a whole number, not "ten"'
	assert_output_has 'bad.ndjson:5: "tz": unknown time zone "Mars/Olympus"'
	assert_output_has 'bad.ndjson:6: "job" must be an object'
	assert_output_has 'bad.ndjson:7: a contract needs a schedule: "rrule" or "every"'
	run bash -c "fsd-recur --on 2026-11-23 $R/bad.ndjson 2>/dev/null"
	# every contract is accounted for: six come back as exceptions, one made its visit
	assert_eq "$(out_jq -r '"\(.id) \(.exception.code)"' | tr '\n' ',')" \
		"BAD-RULE bad_record,BAD-END bad_record,GOOD-2026-11-23 null,BAD-TOL bad_record,BAD-TZ bad_record,BAD-SKILLS bad_record,BAD-NONE bad_record,"
}

@test "schedule fields with the wrong shape are named" {
	while IFS='|' read -r fields message; do
		printf '{"id":"X","job":{"type":"leak"},"tz":"America/Denver",%s}\n' "$fields" > "$BATS_TEST_TMPDIR/x.ndjson"
		run fsd-recur --on 2026-11-23 "$BATS_TEST_TMPDIR/x.ndjson"
		[ "$status" -eq 1 ] || { echo "$fields: exit $status"; return 1; }
		assert_output_has "$message" || return 1
	done <<'EOF'
"every":"fortnightly"|"every" must be like "90 days"
"every":"90 days","rrule":"FREQ=DAILY"|give "rrule" or "every", not both
"every":30,"weekdays":"someday"|"weekdays" must name days
"every":30,"hours":{"start":"8am"}|"hours.start" must be a time of day like 08:00
"every":30,"preferred":{"start":"06:00","end":"09:00"}|"preferred" must lie inside the allowed hours
"every":30,"start":"2026-13-01"|"start" must be a date like 2026-11-23
"rrule":"FREQ=HOURLY","dtstart":"2026-11-01"|must recur daily or less often
"rrule":"FREQ=MONTHLY"|"rrule" needs a "dtstart" or a "start"
"rrule":"FREQ=MONTHLY","dtstart":"Nov 1"|"dtstart" must be a date or a local time
EOF
}

@test "numbers written as text, as spreadsheets leave them, are taken" {
	printf '%s\n' '{"id":"T","job":{"type":"leak","duration":"45"},"every":"90","tolerance":"10","lead":"30","start":"2026-11-23","tz":"America/Denver"}' \
		> "$BATS_TEST_TMPDIR/t.ndjson"
	run fsd-recur --on 2026-11-23 "$BATS_TEST_TMPDIR/t.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.id, .due_range]')" '["T-2026-11-23",{"start":"2026-11-23","end":"2026-12-03"}]'
}

@test "usage errors: which days, and bad options, exit 2" {
	while IFS='|' read -r args message; do
		run fsd-recur $args < /dev/null
		[ "$status" -eq 2 ] || { echo "$args: exit $status"; return 1; }
		assert_output_has "$message" || return 1
	done <<'EOF'
|give --on DATE, or --from DATE and --to DATE
--from 2026-11-23|give --on DATE, or --from DATE and --to DATE
--on 2026-11-23 --from 2026-11-23|give --on DATE or --from and --to, not both
--on 23/11/2026|option '--on': "23/11/2026" is not a date like 2026-11-23
--from 2026-11-23 --to 2026-11-01|--to 2026-11-01 is before --from 2026-11-23
--on 2026-11-23 --tz Mars/Olympus|--tz: unknown time zone "Mars/Olympus"
EOF
}

@test "a bad holidays line is reported with its place; the good ones count" {
	printf '# test\n2026-11-26 Thanksgiving\n26/12/2026 Boxing Day\n' > "$BATS_TEST_TMPDIR/h.txt"
	run fsd-recur --from 2026-11-23 --to 2026-11-29 --holidays "$BATS_TEST_TMPDIR/h.txt" $R/contracts.ndjson
	[ "$status" -eq 1 ]
	assert_output_has 'h.txt:3: holiday must start with a date YYYY-MM-DD, not "26/12/2026"'
	assert_output_has '"id":"PM-F1-2026-11-26","contract":"PM-F1"'
	assert_output_has '"start":"2026-11-25T08:00:00-07:00"'
}

@test "the output is the same run after run" {
	a=$(fsd-recur --from 2026-01-01 --to 2027-12-31 --spread --holidays $EXAMPLES/holidays.txt $R/contracts.ndjson $R/spread.ndjson)
	b=$(fsd-recur --from 2026-01-01 --to 2027-12-31 --spread --holidays $EXAMPLES/holidays.txt $R/contracts.ndjson $R/spread.ndjson)
	[ -n "$a" ] && [ "$a" = "$b" ]
}
