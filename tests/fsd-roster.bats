#!/usr/bin/env bats
# fsd-roster: a standing weekly roster to the technicians of one day.

load helper

R=$FIXTURES/roster

# The roster sheet, imported, then made into the techs of day $1.
day() {
	fsd-import "$R/roster.csv" | fsd-roster --on "$@"
}

@test "a Monday: weekday hours, a split day with its gap and an hour off, a weekend-only tech off" {
	run day 2026-11-23
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -s '.[0].shift')" '{"start":"2026-11-23T07:00:00-07:00","end":"2026-11-23T15:30:00-07:00"}'
	assert_eq "$(out_jq -s '.[1].shift')" '{"start":"2026-11-23T07:00:00-07:00","end":"2026-11-23T16:00:00-07:00"}'
	assert_eq "$(out_jq -s '.[1].off')" '[{"start":"2026-11-23T11:00:00-07:00","end":"2026-11-23T12:00:00-07:00"},{"start":"2026-11-23T13:00:00-07:00","end":"2026-11-23T15:00:00-07:00"}]'
	assert_eq "$(out_jq -s '.[2] | [.shift, .not_working]')" '[null,"not rostered on that weekday"]'
}

@test "every record comes out, the roster and other fields kept" {
	run day 2026-11-23
	assert_eq "${#lines[@]}" 3
	assert_eq "$(out_jq -s 'map(.name)')" '["Ana Ruiz","Ben Ode","Cy Park"]'
	assert_eq "$(out_jq -s '.[0].roster.zone')" '"America/Denver"'
}

@test "across the November change: Saturday at -06:00, a night shift into Sunday ends at -07:00, Sunday's at -07:00" {
	run day 2026-10-31
	assert_eq "$(out_jq -s '.[0].shift')" '{"start":"2026-10-31T08:00:00-06:00","end":"2026-10-31T12:00:00-06:00"}'
	assert_eq "$(out_jq -s '.[2].shift')" '{"start":"2026-10-31T22:00:00-06:00","end":"2026-11-01T06:00:00-07:00"}'
	run day 2026-11-01
	assert_eq "$(out_jq -s '.[2].shift')" '{"start":"2026-11-01T22:00:00-07:00","end":"2026-11-02T06:00:00-07:00"}'
	assert_eq "$(out_jq -s '.[0].not_working')" '"not rostered on that weekday"'
}

@test "time off: a day, a run of days" {
	run day 2026-11-27
	assert_eq "$(out_jq -s '.[0] | [.shift, .not_working]')" '[null,"time off"]'
	run day 2026-12-25
	assert_eq "$(out_jq -s '.[2].not_working')" '"time off"'
}

@test "--holidays: nobody works Thanksgiving; a stale shift is taken away" {
	run bash -c "fsd-import '$R/roster.csv' | jq -c '.shift = {start: \"2026-11-25T07:00:00-07:00\", end: \"2026-11-25T15:30:00-07:00\"}' \
		| fsd-roster --on 2026-11-26 --holidays '$EXAMPLES/holidays.txt'"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -s 'map([.shift, .not_working])')" '[[null,"holiday"],[null,"not rostered on that weekday"],[null,"not rostered on that weekday"]]'
}

@test "--tz is the zone of a roster that names none; a shift in the skipped hour is an error" {
	run bash -c "echo '{\"id\":\"T9\",\"roster\":{\"week\":\"sun 02:30-10:00\"}}' | fsd-roster --on 2026-11-22 --tz Europe/Berlin"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq .shift)" '{"start":"2026-11-22T02:30:00+01:00","end":"2026-11-22T10:00:00+01:00"}'
	run bash -c "echo '{\"id\":\"T9\",\"roster\":{\"week\":\"sun 02:30-10:00\"}}' | fsd-roster --on 2026-03-08 --tz America/Denver"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "roster": 2026-03-08 02:30 is not a time in America/Denver (the clocks skip it)'
}

@test "bad rosters: said with the field, the record out with an exception" {
	run bash -c "printf '%s\n' '{\"id\":\"T1\",\"roster\":{\"zone\":\"America/Denver\",\"week\":\"someday 9-5\"}}' \
		'{\"id\":\"T2\",\"roster\":{\"zone\":\"America/Denver\",\"week\":\"mon 07:00-15:00\",\"days_off\":\"next tuesday\"}}' \
		'{\"id\":\"T3\",\"roster\":{\"week\":\"mon 07:00-15:00\"}}' \
		'{\"id\":\"T4\",\"roster\":{\"zone\":\"Mars/Base\",\"week\":\"mon 07:00-15:00\"}}' \
		'{\"id\":\"T5\",\"roster\":{\"zone\":\"America/Denver\"}}' | fsd-roster --on 2026-11-23"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "roster.week": "someday 9-5" does not start with days (mon-fri, sat, mon,wed,fri, daily)'
	assert_output_has 'stdin:2: "roster.days_off": "next tuesday" is not a day off (2026-11-26)'
	assert_output_has 'stdin:3: "roster.zone" is required (or --tz ZONE)'
	assert_output_has 'stdin:4: "roster.zone": "Mars/Base" is not a zone of the tz database'
	assert_output_has 'stdin:5: "roster.week" is required (mon-fri 07:00-15:30)'
	assert_eq "$(printf '%s\n' "$output" | grep -c '"exception":{"code":"bad_record"')" 5
}

@test "a record without a roster passes as it is" {
	run bash -c "echo '{\"id\":\"T1\",\"shift\":{\"start\":\"2026-11-23T08:00:00-07:00\",\"end\":\"2026-11-23T17:00:00-07:00\"}}' | fsd-roster --on 2026-11-23"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"T1","shift":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T17:00:00-07:00"}}'
}

@test "usage: --on is required and must be a date" {
	run fsd-roster < /dev/null
	[ "$status" -eq 2 ]
	assert_output_has '--on DATE is required'
	run fsd-roster --on tomorrow < /dev/null
	[ "$status" -eq 2 ]
}

@test "the day's techs go straight on to fsd-match" {
	day 2026-11-23 > "$BATS_TEST_TMPDIR/techs.ndjson"
	run bash -c "echo '{\"id\":\"J1\",\"skills\":[\"hvac\"],\"duration\":60,\"site\":{\"lat\":39.74,\"lon\":-104.99}}' | fsd-match --techs '$BATS_TEST_TMPDIR/techs.ndjson' 2>&1"
	assert_output_has '"tech":"T01"'
}
