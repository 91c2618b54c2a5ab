#!/usr/bin/env bats
# Side files (rate card, rules files, forms) are read by one loader
# (common/sidefile.h): an unknown key and a value of the wrong type read
# the same in each, with the line the key is on, all in one run.
load helper

# side_file TOOL FILE: run TOOL with FILE as its side file.
side_file() {
	case $1 in
	fsd-invoice) run fsd-invoice --rates "$2" --date 2026-11-23 </dev/null ;;
	fsd-match) run fsd-match --techs "$FIXTURES/match/techs.ndjson" --rules "$2" </dev/null ;;
	fsd-route) run fsd-route --techs "$FIXTURES/route/techs.ndjson" --rules "$2" </dev/null ;;
	fsd-notify) run fsd-notify --dry-run --now 2026-11-23T12:00:00-07:00 --rules "$2" </dev/null ;;
	fsd-track) run fsd-track --plan "$FIXTURES/track/plan.ndjson" --rules "$2" </dev/null ;;
	fsd-watch) run fsd-watch --now 2026-11-23T12:00:00-07:00 --rules "$2" </dev/null ;;
	esac
}

# bogus_and_wrong TOOL FILE KEY: FILE with an unknown key "bogus" and
# KEY (a number) given "far"; both reported with their lines, then the
# count, in one wording whatever the tool.
bogus_and_wrong() {
	local f=$BATS_TEST_TMPDIR/side.json bogus_line key_line
	jq ". + {\"bogus\": 1, \"$3\": \"far\"}" "$2" >"$f"
	side_file "$1" "$f"
	[ "$status" -eq 1 ]
	bogus_line=$(grep -n '"bogus"' "$f" | cut -d: -f1)
	key_line=$(grep -n "\"$3\"" "$f" | cut -d: -f1)
	assert_output_has "$1: $f:$bogus_line: \"bogus\" is not a known key (known: "
	assert_output_has "$1: $f:$key_line: \"$3\" must be a"
	assert_output_has ', not "far"'
	assert_output_has "$1: $f: 2 problems in the "
	assert_output_has '; nothing done'
}

@test "rate card: an unknown key and a wrong type, each with its line" {
	bogus_and_wrong fsd-invoice "$FIXTURES/invoice/ratecard.json" terms_days
}

@test "match rules: an unknown key and a wrong type, each with its line" {
	bogus_and_wrong fsd-match "$FIXTURES/match/rules.json" on_call_minutes
}

@test "route rules: an unknown key and a wrong type, each with its line" {
	bogus_and_wrong fsd-route "$FIXTURES/route/rules-drive.json" max_km
}

@test "notify rules: an unknown key and a wrong type, each with its line" {
	bogus_and_wrong fsd-notify "$FIXTURES/notify/rules.json" quiet_hours
}

@test "track rules: an unknown key and a wrong type, each with its line" {
	echo '{"geofence_km": 0.2, "idle_min": 20}' >"$BATS_TEST_TMPDIR/track.json"
	bogus_and_wrong fsd-track "$BATS_TEST_TMPDIR/track.json" idle_min
}

@test "watch rules: an unknown key and a wrong type, each with its line" {
	bogus_and_wrong fsd-watch "$FIXTURES/watch/rules.json" overrun_min
}

@test "forms: an unknown key and a wrong type inside a form, each with its line" {
	local f=$BATS_TEST_TMPDIR/forms.json
	jq '."no-heat" += {"bogus": 1, "signature": "far"}' "$FIXTURES/close/forms.json" >"$f"
	run fsd-close --forms "$f" --rates "$FIXTURES/invoice/ratecard.json" </dev/null
	[ "$status" -eq 1 ]
	assert_output_has "fsd-close: $f:$(grep -n '"bogus"' "$f" | cut -d: -f1): \"no-heat.bogus\" is not a known key (known: "
	assert_output_has "fsd-close: $f:$(grep -n '"signature": "far"' "$f" | cut -d: -f1): \"no-heat.signature\" must be true or false, not \"far\""
	assert_output_has "fsd-close: $f: 2 problems in the forms file; nothing done"
}

@test "forms: a problem inside a list's item is on the item's own line" {
	local f=$BATS_TEST_TMPDIR/forms.json
	printf '%s\n' '{' ' "no-heat": {' '  "fields": [' '   { "id": "work_performed", "label": "w" },' \
		'   { "label": "serial" }' '  ],' '  "photos": ["before",' '   3]' ' }' '}' >"$f"
	run fsd-close --forms "$f" --rates "$FIXTURES/invoice/ratecard.json" </dev/null
	[ "$status" -eq 1 ]
	assert_output_has "forms.json:5: \"no-heat.fields[1]\" needs an \"id\""
	assert_output_has "forms.json:8: \"no-heat.photos[1]\" must be a role"
}

@test "the rules file: every problem in one run, nested keys named by their path" {
	f=$BATS_TEST_TMPDIR/r.json
	printf '%s\n' '{' '  "weights": {"drive": -1},' '  "default": {"on_call": 1},' \
		'  "types": {"no-heat": {"priority": 4, "skills": ["a", 2]}}' '}' >"$f"
	side_file fsd-match "$f"
	[ "$status" -eq 1 ]
	assert_output_has "r.json:2: \"weights.drive\" must be a number from 0 to 1000000, not -1"
	assert_output_has "r.json:3: \"default.on_call\" must be true or false, not 1"
	assert_output_has "r.json:4: \"types.no-heat.priority\" must be a whole number from 1 to 3, not 4"
	assert_output_has "r.json:4: \"types.no-heat.skills\" must be an array of strings"
	assert_output_has "r.json: 4 problems in the rules file; nothing done"
}

@test "route limits: the same rows read a tech's own fields" {
	jq -c '.max_stops = 0' "$FIXTURES/route/techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --iterations 20 </dev/null
	assert_output_has 't:1: "max_stops" must be a whole number of at least 1, not 0'
}
