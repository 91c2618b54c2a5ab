#!/usr/bin/env bats
# fsd-track: a generated day of pings (share/bench/gen-pings.sh) over a
# plan of five techs -- T05 follows the plan, T01 detours, T02 stands
# idle, T03's GPS jumps, T04 goes silent -- and what each must and must
# not raise.
load helper

F=$FIXTURES/track
PLAN=$F/plan.ndjson

setup() {
	PINGS=$BATS_TEST_TMPDIR/pings.ndjson
	sh "$TOP/share/bench/gen-pings.sh" -b T01=detour -b T02=idle -b T03=jump -b T04=silent \
		"$PLAN" > "$PINGS"
}

# [code, job] of the alerts of one tech in the last run's output
alerts_of() {
	out_jq -c --arg t "$1" 'select(.kind == "alert" and .tech == $t) | [.code, .job]'
}

@test "the day's alerts, tech by tech: each behaviour raises its own and nothing else" {
	run fsd-track --plan "$PLAN" "$PINGS"
	[ "$status" -eq 0 ]
	assert_eq "$(alerts_of T05)" ""
	assert_eq "$(alerts_of T03)" ""
	assert_eq "$(alerts_of T01 | head -n 2)" '["off_route","J1038"]
["running_late","J1038"]'
	assert_eq "$(alerts_of T02)" '["idle","J1034"]
["running_late","J1034"]
["running_late","J1034"]'
	assert_eq "$(alerts_of T04)" '["no_signal","PM001-2026-11-23"]'
}

@test "a tech who follows the plan: on site at every stop within a minute of the planned arrival, en route to each" {
	run fsd-track --plan "$PLAN" "$PINGS"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.tech == "T05" and .status == "on_site") | .job' | tr '\n' ' ')" \
		'"J1046" "J1083" "J1032" "J1011" '
	assert_eq "$(out_jq -c 'select(.tech == "T05" and .status == "en_route") | .job' | tr '\n' ' ')" \
		'"J1046" "J1083" "J1032" "J1011" '
	# proven arrival within 60 s of the plan's
	planned=$(jq -r 'select(.tech == "T05") | "\(.id) \(.arrive)"' "$PLAN" | sort)
	proven=$(out_jq -r 'select(.tech == "T05" and .status == "on_site") | "\(.job) \(.at)"' | sort)
	join <(echo "$planned") <(echo "$proven") | while read -r job want got; do
		d=$(( $(date -d "$got" +%s) - $(date -d "$want" +%s) ))
		[ "${d#-}" -le 60 ] || { echo "$job: planned $want, proven $got"; exit 1; }
	done
}

@test "status events are in fsd-event's form: id, job, tech, status, at, by, position" {
	run fsd-track --plan "$PLAN" "$PINGS"
	assert_eq "$(out_jq -c 'select(.tech == "T05" and .job == "J1083") | del(.position)')" \
'{"kind":"status","id":"track:T05:J1083:en_route","job":"J1083","tech":"T05","status":"en_route","at":"2026-11-23T09:08:59-07:00","by":"fsd-track","left":{"job":"J1046","at":"2026-11-23T09:08:29-07:00"},"note":"T05 on the way to 3725 E Alameda Ave, Aurora, CO 80012"}
{"kind":"status","id":"track:T05:J1083:on_site","job":"J1083","tech":"T05","status":"on_site","at":"2026-11-23T09:26:15-07:00","by":"fsd-track"}'
	# where the arrival was proven: inside the geofence of the site
	assert_eq "$(out_jq -c 'select(.id == "track:T05:J1083:on_site") | .position | [(.lat * 100 | round), (.lon * 100 | round)]')" \
		"$(jq -c 'select(.id == "J1083") | .site | [(.lat * 100 | round), (.lon * 100 | round)]' "$PLAN")"
}

@test "off route: the detour is named with its distance, and the new ETA follows" {
	run fsd-track --plan "$PLAN" "$PINGS"
	assert_eq "$(out_jq -c 'select(.code == "off_route") | [.tech, .at, .minutes, .km]')" \
		'["T01","2026-11-23T09:05:18-07:00",10,8.9]'
	assert_eq "$(out_jq -r 'select(.tech == "T01" and .code == "running_late") | .message' | head -n 1)" \
		'T01 will reach J1038 at 09:40, 11 min after the promised 09:30: tell the customer or re-plan (fsd-route --now)'
	assert_eq "$(out_jq -r 'select(.tech == "T01" and .code == "running_late") | .eta[0:16]' | head -n 1)" \
		'2026-11-23T09:40'
}

@test "idle: standing still on the road is raised once, with where and how long" {
	run fsd-track --plan "$PLAN" "$PINGS"
	assert_eq "$(out_jq -c 'select(.code == "idle") | [.tech, .at, .minutes, .message]')" \
		'["T02","2026-11-23T10:02:30-07:00",15,"call T02: standing still 15 min away from any site, next job J1034 (5878 E Arapahoe Rd, Centennial, CO 80112)"]'
}

@test "no signal: raised once, at the minute it fell due, naming the last ping" {
	run fsd-track --plan "$PLAN" "$PINGS"
	assert_eq "$(out_jq -c 'select(.code == "no_signal") | [.tech, .at, .since]')" \
		'["T04","2026-11-23T09:55:17-07:00","2026-11-23T09:35:17-07:00"]'
	assert_eq "$(out_jq -c 'select(.tech == "T04" and .status == "on_site") | .job' | tr '\n' ' ')" \
		'"J1132" "J1051" '
}

@test "noise: a jump, a poor fix and a late ping raise nothing and are kept with --noisy" {
	run fsd-track --plan "$PLAN" --noisy "$BATS_TEST_TMPDIR/noisy.ndjson" "$PINGS"
	[ "$status" -eq 0 ]
	assert_eq "$(alerts_of T03)" ""
	assert_eq "$(jq -c '[.tech, .exception.code]' "$BATS_TEST_TMPDIR/noisy.ndjson")" \
		'["T03","gps_jump"]
["T03","gps_accuracy"]
["T03","out_of_order"]'
	assert_eq "$(out_jq -c 'select(.tech == "T03" and .status == "on_site") | .job' | wc -l)" 4
}

@test "a jump that the next pings agree on is believed (a cold start, not noise)" {
	{
		echo '{"tech":"T05","at":"2026-11-23T07:00:00-07:00","lat":39.40,"lon":-104.82}'
		for m in 01 02 03 04 05 06; do
			echo "{\"tech\":\"T05\",\"at\":\"2026-11-23T07:$m:00-07:00\",\"lat\":39.6711,\"lon\":-104.8200}"
		done
	} > "$BATS_TEST_TMPDIR/cold.ndjson"
	run fsd-track --plan "$PLAN" --noisy "$BATS_TEST_TMPDIR/noisy.ndjson" "$BATS_TEST_TMPDIR/cold.ndjson"
	assert_eq "$(jq -c .exception.code "$BATS_TEST_TMPDIR/noisy.ndjson" | tr '\n' ' ')" '"gps_jump" "gps_jump" '
	assert_eq "$(out_jq -c 'select(.status == "on_site") | [.job, .at]')" '["J1046","2026-11-23T07:03:00-07:00"]'
}

@test "a stream gives what the file gives, each record as soon as it is known" {
	fsd-track --plan "$PLAN" "$PINGS" > "$BATS_TEST_TMPDIR/batch.ndjson"
	mkfifo "$BATS_TEST_TMPDIR/in"
	fsd-track --plan "$PLAN" < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/stream.ndjson" &
	exec 5> "$BATS_TEST_TMPDIR/in"
	# up to the detour's alert, and the input left open
	sed -n '1,/"T01","at":"2026-11-23T09:06:/p' "$PINGS" >&5
	for i in $(seq 50); do
		grep -q off_route "$BATS_TEST_TMPDIR/stream.ndjson" && break
		sleep 0.1
	done
	grep -q off_route "$BATS_TEST_TMPDIR/stream.ndjson"
	sed '1,/"T01","at":"2026-11-23T09:06:/d' "$PINGS" >&5
	exec 5>&-
	wait
	cmp "$BATS_TEST_TMPDIR/batch.ndjson" "$BATS_TEST_TMPDIR/stream.ndjson"
}

@test "the day's status log merged in: a known arrival is not proven again, and passes on" {
	{
		echo '{"kind":"status","id":"E1","job":"J1046","tech":"T05","status":"on_site","at":"2026-11-23T07:20:00-07:00","by":"T05"}'
		cat "$PINGS"
	} > "$BATS_TEST_TMPDIR/merged.ndjson"
	run fsd-track --plan "$PLAN" "$BATS_TEST_TMPDIR/merged.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.job == "J1046") | [.id, .status]')" '["E1","on_site"]'
}

@test "rules: thresholds from the file; speeding only when asked" {
	echo '{"off_route_min": 60, "late_grace_min": 60}' > "$BATS_TEST_TMPDIR/rules.json"
	run fsd-track --plan "$PLAN" --rules "$BATS_TEST_TMPDIR/rules.json" "$PINGS"
	assert_eq "$(out_jq -c 'select(.code == "off_route" or .code == "running_late")')" ""
	run fsd-track --plan "$PLAN" "$PINGS"
	assert_eq "$(out_jq -c 'select(.code == "speeding")')" ""
	echo '{"speeding_kmh": 25, "speeding_min": 2}' > "$BATS_TEST_TMPDIR/rules.json"
	run fsd-track --plan "$PLAN" --rules "$BATS_TEST_TMPDIR/rules.json" "$PINGS"
	[[ $(out_jq -r 'select(.code == "speeding") | .message' | head -n 1) =~ ^call\ T05:\ 3[0-9]\ km/h\ for\ 2\ min$ ]]
}

@test "rules: an unknown rule or a value out of range is said with the file's name, exit 1" {
	printf '{"geofence_km": 0.15,\n "dwell": 3,\n "idle_min": 1.5}\n' > "$BATS_TEST_TMPDIR/rules.json"
	run fsd-track --plan "$PLAN" --rules "$BATS_TEST_TMPDIR/rules.json" "$PINGS"
	[ "$status" -eq 1 ]
	assert_output_has 'rules.json:2: "dwell" is not a known key (known: geofence_km, leave_km, dwell_min,'
	assert_output_has 'rules.json:3: "idle_min" must be a whole number of minutes from 1 to 600, not 1.5'
	assert_output_has 'rules.json: 2 problems in the rules file; nothing done'
	[[ $output != *'{"kind"'* ]]
}

@test "a bad ping comes out with its exception and the run goes on (exit 1)" {
	printf '%s\n' '{"tech":"T05","at":"2026-11-23T07:00:00-07:00","lat":39.6}' \
		'{"tech":"T05","at":"07:00","lat":39.6,"lon":-104.8}' \
		'{"kind":"note","text":"not a ping"}' > "$BATS_TEST_TMPDIR/bad.ndjson"
	run fsd-track --plan "$PLAN" "$BATS_TEST_TMPDIR/bad.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad.ndjson:1: a ping needs "lon"'
	assert_output_has 'bad.ndjson:2: "at": "07:00" is not an RFC 3339 time'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '.exception.code // .kind')" \
		'"bad_record"
"bad_record"
"note"'
}

@test "pings of a tech with no plan are said once, not watched" {
	printf '%s\n' '{"tech":"T99","at":"2026-11-23T07:00:00-07:00","lat":39.6,"lon":-104.8}' \
		'{"tech":"T99","at":"2026-11-23T08:00:00-07:00","lat":39.6,"lon":-104.8}' > "$BATS_TEST_TMPDIR/t99.ndjson"
	run fsd-track --plan "$PLAN" "$BATS_TEST_TMPDIR/t99.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(printf '%s\n' "$output" | grep -c 'T99 has no stop in the plan')" 1
}

@test "--now: techs silent since the shift began are found at the end of the input" {
	run fsd-track --plan "$PLAN" --now 2026-11-23T08:30:00-07:00 /dev/null
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.code, .tech]' | sort | tr '\n' ' ')" \
		'["no_signal","T01"] ["no_signal","T02"] ["no_signal","T04"] ["no_signal","T05"] '
	# T03 leaves for its first stop at 08:50: not silent yet
}

@test "--plan is required" {
	run fsd-track "$PINGS"
	[ "$status" -eq 2 ]
	assert_output_has "--plan FILE is required"
}

@test "--events: the day's log taken in time order -- a logged arrival is not proven again, cancelled stops are not waited for" {
	run fsd-track --plan "$PLAN" --events "$F/day.events" "$PINGS"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.job == "J1046") | [.status, .at[11:16]]')" '["en_route","07:01"]'
	assert_eq "$(alerts_of T04)" ""
	# the log's events are read, not written again
	assert_eq "$(out_jq -c 'select(.by == "ana" or .by == "T05")')" ""
	# cancelled only at 10:30: at 09:55, when the silence fell due, no one knew
	sed 's/T09:40/T10:30/' "$F/day.events" > "$BATS_TEST_TMPDIR/late.events"
	run fsd-track --plan "$PLAN" --events "$BATS_TEST_TMPDIR/late.events" "$PINGS"
	assert_eq "$(alerts_of T04)" '["no_signal","PM001-2026-11-23"]'
}
