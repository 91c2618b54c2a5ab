#!/usr/bin/env bats
# fsd-ical: a plan's visits as iCalendar, read back by python3-icalendar
# (libical reads them back in tests/unit/test_views.c): stable UIDs,
# SEQUENCE bumped on a re-plan, cancelled visits, one calendar a tech or
# customer.
load helper

F=$FIXTURES/views
NOW=2026-11-23T06:00:00-07:00
READ=$F/read-ics.py

setup() {
	D=$BATS_TEST_TMPDIR
}

@test "one calendar: an event a placed job, read back by a second reader" {
	run bash -c "fsd-ical --techs '$F/techs.ndjson' --now $NOW '$F/plan.ndjson' > '$D/all.ics'"
	[ "$status" -eq 0 ]
	assert_output_has "2 jobs not placed: no event"
	run "$READ" "$D/all.ics"
	[ "$status" -eq 0 ]
	assert_eq "$output" "all.ics|job-J1@fsd|0|CONFIRMED|15:30|16:30|100 Elm St, Denver, CO 80202
all.ics|job-J2@fsd|0|CONFIRMED|17:00|18:00|200 Oak Ave, Denver, CO 80205
all.ics|job-J8@fsd|0|CONFIRMED|18:20|18:50|800 Ash Ct, Denver, CO 80216
all.ics|job-J3@fsd|0|CONFIRMED|16:00|17:30|300 Pine Rd, Aurora, CO 80012
all.ics|job-J4@fsd|0|CONFIRMED|18:00|19:00|400 Birch Ln, Denver, CO 80220"
}

@test "an event carries GEO, the description a tech needs, and DTSTAMP from --now" {
	fsd-ical --techs "$F/techs.ndjson" --now $NOW "$F/plan.ndjson" 2>/dev/null | tr -d '\r' > "$D/all.ics"
	grep -q '^GEO:39.680000;-104.880000$' "$D/all.ics"
	grep -q '^DTSTAMP:20261123T130000Z$' "$D/all.ics"
	# folded lines joined again (RFC 5545 3.1) before looking for the text
	sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' "$D/all.ics" > "$D/unfolded"
	grep -q 'Access: gate code 1234' "$D/unfolded"
	grep -q 'Customer: Fay Ono\\, 303-555-0103' "$D/unfolded"
	grep -q 'Notes: dog in yard' "$D/unfolded"
}

@test "split by tech: a file a tech, named by its id, with the tech's name" {
	run fsd-ical --techs "$F/techs.ndjson" --split-by tech --dir "$D/cal" --now $NOW "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(cd "$D/cal" && ls)" $'T1.ics\nT2.ics'
	grep -q '^X-WR-CALNAME:Bo Chen' "$D/cal/T2.ics"
	assert_eq "$("$READ" "$D/cal/T2.ics" | cut -d'|' -f2)" $'job-J3@fsd\njob-J4@fsd'
}

@test "split by customer: the ETA window is the event, two visits of one customer in one file" {
	run fsd-ical --techs "$F/techs.ndjson" --split-by customer --dir "$D/cal" --now $NOW "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$("$READ" "$D/cal/C1.ics" | cut -d'|' -f2,5,6)" $'job-J1@fsd|15:00|16:00\njob-J4@fsd|17:45|18:45'
	tr -d '\r' < "$D/cal/C1.ics" | grep -q '^SUMMARY:Service visit: no-heat$'
}

@test "re-plan with --state: same UIDs, SEQUENCE up for what changed, cancelled where it left" {
	fsd-ical --techs "$F/techs.ndjson" --split-by tech --dir "$D/cal" --state "$D/state" --now $NOW "$F/plan.ndjson" 2>/dev/null
	run fsd-ical --techs "$F/techs.ndjson" --split-by tech --dir "$D/cal" --state "$D/state" --now 2026-11-23T09:00:00-07:00 "$F/replan.ndjson"
	[ "$status" -eq 0 ]
	run "$READ" "$D"/cal/T1.ics "$D"/cal/T2.ics
	[ "$status" -eq 0 ]
	# J1 as it was; J2 moved; J8 cancelled by status; J3 moved to T1 (and
	# is cancelled in T2); J4 displaced: cancelled; J5 placed now: new.
	assert_eq "$(printf '%s\n' "$output" | cut -d'|' -f1-6)" "T1.ics|job-J1@fsd|0|CONFIRMED|15:30|16:30
T1.ics|job-J2@fsd|1|CONFIRMED|17:30|18:30
T1.ics|job-J8@fsd|1|CANCELLED|18:20|18:50
T1.ics|job-J3@fsd|1|CONFIRMED|19:00|20:30
T2.ics|job-J3@fsd|1|CANCELLED|16:00|17:30
T2.ics|job-J4@fsd|1|CANCELLED|18:00|19:00
T2.ics|job-J5@fsd|0|CONFIRMED|16:00|20:00"
}

@test "the same plan again with --state: no SEQUENCE moves" {
	fsd-ical --split-by tech --dir "$D/cal" --state "$D/state" "$F/replan.ndjson" 2>/dev/null
	cp "$D/state" "$D/state.1"
	"$READ" "$D"/cal/*.ics > "$D/first"
	fsd-ical --split-by tech --dir "$D/cal" --state "$D/state" "$F/replan.ndjson" 2>/dev/null
	"$READ" "$D"/cal/*.ics > "$D/second"
	diff "$D/state.1" "$D/state"
	diff "$D/first" "$D/second"
}

@test "without --state every SEQUENCE is 0 and what left is not cancelled" {
	run bash -c "fsd-ical --now $NOW '$F/replan.ndjson' 2>/dev/null > '$D/all.ics' && '$READ' '$D/all.ics' | cut -d'|' -f2-4"
	[ "$status" -eq 0 ]
	assert_eq "$output" "job-J1@fsd|0|CONFIRMED
job-J2@fsd|0|CONFIRMED
job-J8@fsd|0|CANCELLED
job-J3@fsd|0|CONFIRMED
job-J5@fsd|0|CONFIRMED"
}

@test "a damaged state file stops the run and is left as it was" {
	printf '{"uid":"job-J1@fsd","sequence":"two"}\n' > "$D/state"
	run fsd-ical --split-by tech --dir "$D/cal" --state "$D/state" "$F/plan.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'state:1: "sequence" must be a whole number'
	assert_eq "$(cat "$D/state")" '{"uid":"job-J1@fsd","sequence":"two"}'
	[ ! -e "$D/cal" ]
}

@test "a job without customer.id is reported when calendars are by customer" {
	printf '%s\n' '{"id":"X1","tech":"T1","start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T09:00:00-07:00"}' > "$D/in.ndjson"
	run fsd-ical --split-by customer --dir "$D/cal" "$D/in.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'in.ndjson:1: job "X1" has no "customer.id" to name its calendar'
}

@test "a bad field is reported at its line and the rest are events" {
	printf '%s\n' '{"id":"X1","tech":"T1","start":"08:00","end":"2026-11-23T09:00:00-07:00"}' \
		'{"id":"X2","tech":"T1","start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T09:00:00-07:00"}' > "$D/in.ndjson"
	run bash -c "fsd-ical '$D/in.ndjson' 2>&1 >'$D/out.ics'"
	[ "$status" -eq 1 ]
	assert_output_has 'in.ndjson:1: "start": "08:00" is not an RFC 3339 time'
	assert_eq "$(tr -d '\r' < "$D/out.ics" | grep '^UID')" 'UID:job-X2@fsd'
}

@test "usage: --split-by needs --dir, and a kind it knows" {
	run fsd-ical --split-by tech
	[ "$status" -eq 2 ]
	run fsd-ical --split-by truck --dir "$D/x"
	[ "$status" -eq 2 ]
	assert_output_has '"truck" is not tech or customer'
	run fsd-ical --dir "$D/x"
	[ "$status" -eq 2 ]
}
