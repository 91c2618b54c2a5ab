#!/usr/bin/env bats
# fsd-route: each tech's day in order, with times, ETAs and drive; the
# whole crew with --reassign; reasons for every job left out.
load helper

F=$FIXTURES/route
techs() { echo "--techs $F/${1:-techs}.ndjson --iterations 200"; }

@test "empty input: no jobs, no plan, exit 0 (and nothing undefined under UBSan)" {
	run fsd-route $(techs) < /dev/null
	[ "$status" -eq 0 ]
}

@test "every job comes out once, each with its tech, in order of the day" {
	run fsd-route $(techs) --keep-techs --summary "$BATS_TEST_TMPDIR/s" <"$F/assigned.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .id | sort | tr '\n' ' ')" "J1001 J1002 J1003 J1004 J1005 J1006 J1007 "
	assert_eq "$(out_jq -r 'select(.seq) | "\(.tech)\(.seq)"' | tr '\n' ' ')" "T011 T012 T013 T021 T022 T031 "
	assert_eq "$(out_jq -r 'select(.id == "J1004") | .tech')" "T02"
}

@test "arrival, start, end and drive come out, in the input's offset" {
	run fsd-route $(techs) <"$F/assigned.ndjson"
	assert_eq "$(out_jq -r 'select(.id == "J1002") | [.arrive, .start, .end] | join(" ")')" \
	    "2026-11-23T08:10:50-07:00 2026-11-23T08:10:50-07:00 2026-11-23T08:55:50-07:00"
	assert_eq "$(out_jq -c 'select(.id == "J1002") | .drive')" '{"min":10.84,"km":7.224}'
}

@test "service starts inside the window, waiting when early" {
	run fsd-route $(techs) <"$F/assigned.ndjson"
	assert_eq "$(out_jq -r 'select(.id == "J1001") | .start')" "2026-11-23T13:00:00-07:00"
	# the morning window job goes first although the afternoon one is nearer home
	assert_eq "$(out_jq -r 'select(.tech == "T01") | .id' | tr '\n' ' ')" "J1002 J1003 J1001 "
}

@test "ETA window: on the quarter hour, inside the promise, width by option" {
	run fsd-route $(techs) <"$F/assigned.ndjson"
	assert_eq "$(out_jq -c 'select(.id == "J1001") | .eta_window')" \
	    '{"start":"2026-11-23T13:00:00-07:00","end":"2026-11-23T14:00:00-07:00"}'
	run fsd-route $(techs) --eta-width 120 <"$F/assigned.ndjson"
	assert_eq "$(out_jq -c 'select(.id == "J1003") | .eta_window')" \
	    '{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T10:00:00-07:00"}'
}

@test "shift end: a job that does not fit the day is left out with the reason" {
	run fsd-route $(techs) --keep-techs <"$F/assigned.ndjson"
	assert_eq "$(out_jq -r 'select(.id == "J1007") | .exception.code')" "day_full"
	# the tech and times it came with are stale: kept under "previous"
	assert_eq "$(out_jq -r 'select(.id == "J1007") | [.tech, .previous.tech] | join(" ")')" " T03"
	assert_output_has "1 job could not be routed"
}

@test "the last job ends by the shift's end; --return-in-shift: home by then too" {
	job='{"id":"X","site":{"lat":39.66,"lon":-104.99},"tech":"T03","duration":176}'
	run fsd-route $(techs) --keep-techs --summary "$BATS_TEST_TMPDIR/s" <<<"$job"
	assert_eq "$(out_jq -r .end)" "2026-11-23T10:58:40-07:00"
	assert_eq "$(jq -r .return "$BATS_TEST_TMPDIR/s" | sed -n 3p)" "2026-11-23T11:01:20-07:00"
	run fsd-route $(techs) --keep-techs --return-in-shift <<<"$job"
	assert_eq "$(out_jq -r .exception.code)" "shift_too_short"
}

@test "fsd-match's order is the start; one that does not hold here is rebuilt" {
	m() { echo "{\"id\":\"$1\",\"site\":{\"lat\":$2,\"lon\":-104.99},\"tech\":\"T03\",\"duration\":50,\"match\":{\"arrival\":\"2026-11-23T$3:00-07:00\"}}"; }
	# a window the matched order would miss: the search reorders
	run fsd-route $(techs) <<EOF2
$(m A 39.66 08:10)
$(m B 39.64 09:05 | jq -c '.window = {start: "2026-11-23T08:00:00-07:00", end: "2026-11-23T08:30:00-07:00"}')
EOF2
	assert_eq "$(out_jq -r '"\(.id)\(.seq)"' | tr '\n' ' ')" "B1 A2 "
}

@test "--summary: one record per tech, drive home included" {
	fsd-route $(techs) --keep-techs --summary "$BATS_TEST_TMPDIR/s" <"$F/assigned.ndjson" >/dev/null
	run jq -c '[.tech, .stops, .work, .drive.min]' "$BATS_TEST_TMPDIR/s"
	assert_eq "$output" '["T01",3,195,49.15]
["T02",2,90,31.81]
["T03",1,150,8.73]'
}

@test "a job without a tech is placed; with --keep-techs it is not routed" {
	run fsd-route $(techs) <<<'{"id":"X","site":{"lat":39.7,"lon":-105}}'
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r '[.tech, .seq, .moved_from] | join(" ")')" "T01 1 "
	run fsd-route $(techs) --keep-techs <<<'{"id":"X","site":{"lat":39.7,"lon":-105}}'
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .exception.code)" "no_tech"
	run fsd-route $(techs) --keep-techs --reassign </dev/null
	[ "$status" -eq 2 ]
}

@test "a planner's exception is decided again; one from upstream stays and the job is not routed" {
	job='{"id":"X","site":{"lat":39.7,"lon":-105},"exception":{"code":"no_capacity","message":"T02 could arrive 13:05 at the earliest"}}'
	run fsd-route $(techs) --keep-techs <<<"$job"
	assert_eq "$(out_jq -c .exception)" '{"code":"no_capacity","message":"T02 could arrive 13:05 at the earliest"}'
	run fsd-route $(techs) <<<"$job"
	assert_eq "$(out_jq -r '[.tech, .exception, .previous_exception.code] | join(" ")')" "T01  no_capacity"
	# an import's bad_record (a ragged row) is not ours to clear: out as it came
	bad='{"id":"Y","tech":"T01","seq":4,"exception":{"code":"bad_record","message":"row 7 has 9 cells, the header 8"}}'
	for mode in "" --keep-techs --reassign; do
		run fsd-route $(techs) $mode <<<"$bad"
		[ "$status" -eq 0 ]
		assert_eq "${lines[0]}" "$bad"
	done
}

@test "fsd-match's tech is a start: a better plan moves the job and says moved_from" {
	# T03 lives far south; the job is next to T01's home
	run fsd-route $(techs) <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"tech":"T03","match":{"arrival":"2026-11-23T08:30:00-07:00"}}'
	assert_eq "$(out_jq -r '[.tech, .moved_from] | join(" ")')" "T01 T03"
	run fsd-route $(techs) --keep-techs <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"tech":"T03"}'
	assert_eq "$(out_jq -r '[.tech, .moved_from] | join(" ")')" "T03 "
	# a locked job never moves
	run fsd-route $(techs) <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"tech":"T03","locked":true}'
	assert_eq "$(out_jq -r '[.tech, .moved_from] | join(" ")')" "T03 "
}

@test "an unknown tech is named with --keep-techs; otherwise the job finds another" {
	run fsd-route $(techs) --keep-techs <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"tech":"T99"}'
	assert_eq "$(out_jq -r .exception.message)" 'tech "T99" is not in the techs file'
	assert_eq "$(out_jq -r '[.tech, .previous.tech] | join(" ")')" " T99"
	run fsd-route $(techs) <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"tech":"T99"}'
	assert_eq "$(out_jq -r '[.tech, .moved_from] | join(" ")')" "T01 T99"
}

@test "--reassign: skills, capacity, locked jobs, no qualified tech" {
	run fsd-route $(techs) --reassign <"$F/pool.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.id == "P1") | .tech')" "T01"	# only T01 has cert:epa608
	assert_eq "$(out_jq -r 'select(.id == "P3") | .tech')" "T02"	# only T02 has cert:backflow
	assert_eq "$(out_jq -r 'select(.id == "P5") | .tech')" "T02"	# locked, far from T02's home
	assert_eq "$(out_jq -r 'select(.id == "P7") | .tech')" "T03"	# not locked: moved nearer
	assert_eq "$(out_jq -r 'select(.id == "P6") | .tech')" "T03"	# demand 12: only T03 has room
	assert_eq "$(out_jq -r 'select(.id == "P4") | .exception.code')" "no_qualified_tech"
}

@test "an overbooked day: priority decides who is left out, then VIP" {
	site='"site":{"lat":39.65,"lon":-104.99},"tech":"T03"'
	run fsd-route $(techs) --keep-techs <<EOF2
{"id":"R1",$site,"duration":80}
{"id":"R2",$site,"duration":80}
{"id":"E1",$site,"duration":120,"priority":1}
EOF2
	assert_eq "$(out_jq -r '"\(.id) \(.seq // .exception.code)"' | tr '\n' ' ')" "E1 1 R1 day_full R2 day_full "
	run fsd-route $(techs) --keep-techs <<EOF2
{"id":"R1",$site,"duration":100}
{"id":"V1",$site,"duration":100,"customer":{"vip":true}}
EOF2
	assert_eq "$(out_jq -r '"\(.id) \(.seq // .exception.code)"' | tr '\n' ' ')" "V1 1 R1 day_full "
	run fsd-route $(techs) --keep-techs <<<"{\"id\":\"X\",$site,\"priority\":0}"
	[ "$status" -eq 1 ]
	assert_output_has '"priority" must be 1, 2 or 3, not 0'
}

@test "capacity: a demand no van holds" {
	run fsd-route --techs "$F/techs.ndjson" --reassign <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"demand":5}'
	assert_eq "$(out_jq -r .tech)" "T01"
	run fsd-route --techs "$F/techs.ndjson" --reassign --iterations 10 \
	    <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"demand":5,"excluded_techs":["T01","T03"]}'
	assert_eq "$(out_jq -r .exception.code)" "capacity"
}

@test "a window nobody can reach, an SLA deadline" {
	run fsd-route $(techs) --reassign <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"window":{"start":"2026-11-23T07:00:00-07:00","end":"2026-11-23T07:30:00-07:00"}}'
	assert_eq "$(out_jq -r .exception.code)" "window_unreachable"
}

@test "sla_due: met when it can be, else served as early as possible and marked late" {
	run fsd-route $(techs) --reassign <<<'{"id":"X","site":{"lat":39.7,"lon":-105},"sla_due":"2026-11-23T08:05:00-07:00"}'
	assert_eq "$(out_jq -c '[.tech, .start, .late.minutes]')" '["T01","2026-11-23T08:08:39-07:00",3.65]'
	assert_output_has '"reason":"no tech who may take it can be there by 08:05 even with nothing else to do: the soonest, T01, at 08:09'
	site='"site":{"lat":39.65,"lon":-104.99},"tech":"T03"'
	win='"window":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T08:30:00-07:00"}'
	# the emergency meets its SLA: a routine job gives way
	run fsd-route $(techs) --keep-techs <<EOF2
{"id":"R1",$site,"duration":80,$win}
{"id":"R2",$site,"duration":80}
{"id":"E1",$site,"duration":60,"priority":1,"sla_due":"2026-11-23T08:10:00-07:00"}
EOF2
	assert_eq "$(out_jq -r '"\(.id) \(.seq // .exception.code) \(.late.minutes)"' | tr '\n' ' ')" "E1 1 null R2 2 null R1 day_full null "
	# it cannot: served first all the same, late, and the routine job that
	# would have come first is left out
	run fsd-route $(techs) --keep-techs <<EOF2
{"id":"R1",$site,"duration":80,$win}
{"id":"R2",$site,"duration":80}
{"id":"E1",$site,"duration":60,"priority":1,"sla_due":"2026-11-23T07:30:00-07:00"}
EOF2
	assert_eq "$(out_jq -r '"\(.id) \(.seq // .exception.code) \(.late.minutes)"' | tr '\n' ' ')" "E1 1 30.6 R2 2 null R1 day_full null "
}

@test "--matrix: OSRM table as it is, null is no road" {
	run fsd-route --techs "$F/matrix-techs.ndjson" --matrix "$F/matrix.json" <"$F/matrix-jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.seq) | [.id, .arrive, .drive]' | tr '\n' ' ')" \
	    '["M1","2026-11-23T08:10:00-07:00",{"min":10,"km":8}] ["M2","2026-11-23T08:45:00-07:00",{"min":5,"km":4}] '
	assert_eq "$(out_jq -r 'select(.id == "M3") | .exception.code')" "no_route"
}

@test "--matrix: a bad matrix or index is named" {
	echo '{"code":"Ok","durations":[[0,1],[1]]}' >"$BATS_TEST_TMPDIR/m.json"
	run fsd-route --techs "$F/matrix-techs.ndjson" --matrix "$BATS_TEST_TMPDIR/m.json" </dev/null
	[ "$status" -eq 1 ]
	assert_output_has '"durations" row 1 must be an array of 2 entries'
	run fsd-route --techs "$F/matrix-techs.ndjson" --matrix "$F/matrix.json" <<<'{"id":"X","location_index":9,"tech":"T01"}'
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "location_index" must be from 0 to 3'
}

@test "plain minutes and planar places come back as numbers" {
	run fsd-route --techs "$F/planar-techs.ndjson" <"$F/planar-jobs.ndjson"
	assert_eq "$(out_jq -c '[.id, .arrive, .start, .end, .drive.km]' | tr '\n' ' ')" \
	    '["b",4,4,9,4] ["a",12,20,30,3] '
}

@test "bad records: positioned error, marked, nothing lost" {
	run fsd-route $(techs) <<'EOF2'
{"id":"A","site":{"lat":39.7,"lon":-105},"tech":"T01"}
{"id":"B","site":{"lat":39.7,"lon":-105},"tech":"T01","duration":"long"}
{"id":"C","site":{"lat":99,"lon":-105},"tech":"T01"}
{"id":"D","tech":"T01"}
{"id":"E","site":{"lat":39.7,"lon":-105},"tech":"T01","window":{"start":"8am"}}
EOF2
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-route: stdin:2: "duration" must be a number'
	assert_output_has 'fsd-route: stdin:3: "site" is not a place on earth'
	assert_output_has 'fsd-route: stdin:4: "site" is required'
	assert_output_has 'fsd-route: stdin:5: "window.start"'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r '"\(.id) \(.exception.code // .seq)"' | tr '\n' ' ')" \
	    "A 1 B bad_record C bad_record D bad_record E bad_record "
}

@test "a bad tech is reported with its line and left out" {
	shift='"shift":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T17:00:00-07:00"}'
	printf '%s\n' "{\"id\":\"T1\",\"home\":{\"lat\":39.7,\"lon\":-105},$shift}" "{\"id\":\"T2\",$shift}" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --keep-techs <<<'{"id":"A","site":{"lat":39.7,"lon":-105},"tech":"T2"}'
	[ "$status" -eq 1 ]
	assert_output_has "t:2: \"home\" is required"
	assert_output_has '"code":"no_qualified_tech"'
}

@test "a tech without a shift, or not working, is left out with a note, not an error (fsd(5))" {
	shift='"shift":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T17:00:00-07:00"}'
	printf '%s\n' "{\"id\":\"T1\",\"home\":{\"lat\":39.7,\"lon\":-105},$shift}" \
		'{"id":"T2","home":{"lat":39.7,"lon":-105}}' \
		"{\"id\":\"T3\",\"home\":{\"lat\":39.7,\"lon\":-105},\"not_working\":\"holiday\"}" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --keep-techs <<<'{"id":"A","site":{"lat":39.7,"lon":-105},"tech":"T1","duration":30}'
	[ "$status" -eq 0 ]
	assert_output_has "t:2: T2 is not working today (no shift): no jobs for them"
	assert_output_has "t:3: T3 is not working today (holiday): no jobs for them"
	assert_output_has '"seq":1'
}

@test "the same seed gives the same plan" {
	a=$(fsd-route $(techs) --reassign --seed 7 <"$F/pool.ndjson")
	b=$(fsd-route $(techs) --reassign --seed 7 <"$F/pool.ndjson")
	assert_eq "$a" "$b"
}

@test "usage: --techs is required, options are checked" {
	run fsd-route </dev/null
	[ "$status" -eq 2 ]
	run fsd-route $(techs) --time-limit soon </dev/null
	[ "$status" -eq 2 ]
}

@test "a Solomon instance: converted, solved with --reassign, checked independently" {
	sh "$TOP/share/bench/solomon2fsd.sh" "$F/r101-24.txt" "$BATS_TEST_TMPDIR/i"
	fsd-route --techs "$BATS_TEST_TMPDIR/i/techs.ndjson" --reassign --return-in-shift --iterations 500 \
	    <"$BATS_TEST_TMPDIR/i/jobs.ndjson" >"$BATS_TEST_TMPDIR/plan"
	run sh "$TOP/share/bench/check-route.sh" "$F/r101-24.txt" "$BATS_TEST_TMPDIR/plan"
	[ "$status" -eq 0 ]
	vehicles=${output% *} distance=${output#* }
	[ "$vehicles" -le 25 ]
	# The construction alone gives 619.4; the search finds 599.8.
	awk -v d="$distance" 'BEGIN { exit !(d < 605) }'
}

@test "the checker catches a late arrival" {
	sh "$TOP/share/bench/solomon2fsd.sh" "$F/r101-24.txt" "$BATS_TEST_TMPDIR/i"
	fsd-route --techs "$BATS_TEST_TMPDIR/i/techs.ndjson" --reassign --iterations 50 \
	    <"$BATS_TEST_TMPDIR/i/jobs.ndjson" | jq -c 'if .id == "2" then .seq = 99 else . end' \
	    >"$BATS_TEST_TMPDIR/plan"
	run sh "$TOP/share/bench/check-route.sh" "$F/r101-24.txt" "$BATS_TEST_TMPDIR/plan"
	[ "$status" -eq 1 ]
}

# Re-planning: the morning's plan, statuses set as the day went, --now.
morning() { grep -v J1010 "$F/replan-morning.ndjson" | fsd-route $(techs) --keep-techs; }

@test "re-plan after an overrun: done stays, in progress ends later, moved ETAs are marked" {
	morning | jq -c 'if .id == "J1002" or .id == "R1" then .status = "done"
		elif .id == "J1003" then .status = "in_progress" | .started = "2026-11-23T09:06:00-07:00"
		elif .id == "R2" then .status = "in_progress" | .started = "2026-11-23T09:09:00-07:00"
		else . end' >"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T10:45:00-07:00 "$BATS_TEST_TMPDIR/noon"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.id == "J1002")')" "$(morning | jq -c 'select(.id == "J1002") | .status = "done"')"
	assert_eq "$(out_jq -r 'select(.id == "J1003") | [.seq, .start, .end, .overrun] | join(" ")')" \
	    "2 2026-11-23T09:06:00-07:00 2026-11-23T11:00:00-07:00 24"
	assert_eq "$(out_jq -c 'select(.id == "J1001") | [.seq, .start, .eta_changed]')" \
	    '[3,"2026-11-23T11:21:02-07:00",{"old":"2026-11-23T11:00:00-07:00","new":"2026-11-23T11:21:02-07:00","minutes":21.04}]'
	# a move within the threshold is not told
	run fsd-route $(techs) --now 2026-11-23T10:45:00-07:00 --eta-threshold 30 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1001") | .eta_changed')" "null"
}

@test "re-plan with an emergency: it goes in by its SLA, the job it pushes out is displaced" {
	{ morning | jq -c 'if .id == "R1" then .status = "in_progress" | .started = "2026-11-23T08:03:00-07:00" else . end'
	  echo '{"id":"E1","type":"leak","priority":1,"site":{"lat":39.65,"lon":-104.98},"skills":["plumbing"],"excluded_techs":["T02"],"duration":60,"sla_due":"2026-11-23T10:00:00-07:00"}'
	} >"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --keep-techs --now 2026-11-23T08:30:00-07:00 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select((.tech // .previous.tech) == "T03") | "\(.id) \(.seq // .exception.code)"' | tr '\n' ' ')" \
	    "R1 1 E1 2 R2 displaced "
	assert_eq "$(out_jq -r 'select(.id == "E1") | .start < .sla_due')" "true"
	assert_eq "$(out_jq -r 'select(.id == "R2") | [.exception.message, .start] | join("|")')" \
	    "T03's day no longer holds it after E1 (more urgent) went in|"
	assert_output_has "1 job could not be routed"
}

@test "re-plan: the job on the way is next, reached when the plan said or from the position" {
	morning | jq -c 'if .id == "J1002" then .status = "done" elif .id == "J1003" then .status = "en_route" else . end' >"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1003") | [.seq, .arrive] | join(" ")')" "2 $(morning | jq -r 'select(.id == "J1003") | .arrive')"
	jq -c 'if .id == "T01" then .position = {lat: 39.7300, lon: -104.9000} else . end' "$F/techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1003") | [.arrive, .drive.min] | join(" ")')" "2026-11-23T09:00:00-07:00 0"
}

# A running_late alert as fsd-track writes it: ALERT ID TECH JOB ETA
late_alert() {
	printf '{"kind":"alert","id":"%s","code":"running_late","tech":"%s","job":"%s","at":"2026-11-23T09:00:00-07:00","eta":"%s","minutes":30}\n' "$@"
}

@test "re-plan: a running_late alert's ETA is heeded, told as a new ETA, and the alert goes on as it came" {
	morning | jq -c 'if .id == "J1002" then .status = "done" elif .id == "J1003" then .status = "en_route" else . end' >"$BATS_TEST_TMPDIR/noon"
	late_alert AL-1 T01 J1003 2026-11-23T09:50:00-07:00 >>"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.id == "J1003") | [.arrive, .start, .eta_changed.new] | join(" ")')" \
	    "2026-11-23T09:50:00-07:00 2026-11-23T09:50:00-07:00 2026-11-23T09:50:00-07:00"
	assert_eq "$(out_jq -r 'select(.id == "J1001") | .start > "2026-11-23T11:20:00-07:00"')" true
	assert_eq "$(printf '%s\n' "$output" | grep '"kind":"alert"')" "$(late_alert AL-1 T01 J1003 2026-11-23T09:50:00-07:00)"
}

@test "re-plan: running late for a job not set out for yet (the one before overran): the tech is free that much later" {
	morning | jq -c 'if .id == "J1002" then .status = "in_progress" | .started = "2026-11-23T08:10:00-07:00" else . end' >"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1003") | .start < "2026-11-23T09:30:00-07:00"')" true
	late_alert AL-2 T01 J1003 2026-11-23T10:00:00-07:00 >>"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1003") | [.tech, .start] | join(" ")')" "T01 2026-11-23T10:00:00-07:00"
}

@test "re-plan: an alert about a tech the job has left is not heeded; one without its ETA is a bad record" {
	morning | jq -c 'if .id == "J1002" then .status = "done" elif .id == "J1003" then .status = "en_route" else . end' >"$BATS_TEST_TMPDIR/noon"
	late_alert AL-1 T02 J1003 2026-11-23T11:50:00-07:00 >>"$BATS_TEST_TMPDIR/noon"
	echo '{"kind":"alert","id":"AL-3","code":"running_late","tech":"T01","job":"J1003"}' >>"$BATS_TEST_TMPDIR/noon"
	run fsd-route $(techs) --now 2026-11-23T09:00:00-07:00 "$BATS_TEST_TMPDIR/noon"
	[ "$status" -eq 1 ]
	assert_output_has 'noon:7: a running_late alert needs "job", "tech" and "eta" for --now to heed it'
	output=$(printf '%s\n' "$output" | grep '^{')
	assert_eq "$(out_jq -r 'select(.id == "J1003") | .arrive')" "$(morning | jq -r 'select(.id == "J1003") | .arrive')"
	assert_eq "$(out_jq -r 'select(.kind == "alert") | "\(.id) \(.exception.code)"' | tr '\n' ' ')" "AL-1 null AL-3 bad_record "
}

@test "records that are not jobs (an alert, a status event) pass through untouched, with or without --now" {
	{ late_alert AL-1 T01 J1003 2026-11-23T09:50:00-07:00
	  echo '{"kind":"status","job":"J1","status":"en_route"}'; } >"$BATS_TEST_TMPDIR/other"
	run fsd-route $(techs) "$BATS_TEST_TMPDIR/other"
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(cat "$BATS_TEST_TMPDIR/other")"
}

@test "re-plan: a status without what it needs, an unknown status, a bad --now" {
	run fsd-route $(techs) --now 2026-11-23T10:00:00-07:00 <<'EOF2'
{"id":"A","site":{"lat":39.7,"lon":-105},"tech":"T01","status":"in_progress"}
{"id":"B","site":{"lat":39.7,"lon":-105},"status":"en_route"}
{"id":"C","site":{"lat":39.7,"lon":-105},"tech":"T01","status":"paused"}
{"id":"D","site":{"lat":39.7,"lon":-105},"tech":"T01","status":"in_progress","started":"2026-11-23T11:00:00-07:00"}
{"id":"E","site":{"lat":39.7,"lon":-105},"tech":"T01"}
EOF2
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "status" "in_progress" needs "started"'
	assert_output_has 'stdin:2: "status" "en_route" needs a "tech"'
	assert_output_has 'stdin:3: "status" "paused" is none of open, assigned, en_route, in_progress, done, cancelled'
	assert_output_has 'stdin:4: "started" is after --now'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r '"\(.id) \(.exception.code // .seq)"' | tr '\n' ' ')" \
	    "E 1 A bad_record B bad_record C bad_record D bad_record "
	run fsd-route $(techs) --now noon </dev/null
	[ "$status" -eq 2 ]
}

# The day as it really runs: breaks, time off, several windows, limits, overtime.
day() { fsd-route --techs "$F/day-techs.ndjson" --keep-techs --iterations 200 --summary "$BATS_TEST_TMPDIR/s" "$@" <"$F/day-jobs.ndjson"; }

@test "a break is placed inside its window, clear of work, in waiting time when there is some" {
	run day
	# J1004 opens at 15:00: the lunch break goes into the wait before it
	assert_eq "$(out_jq -c 'select(.id == "J1004") | [.arrive[11:16], .start[11:16], .break.start[11:16], .break.end[11:16]]')" \
	    '["12:03","15:00","12:03","12:33"]'
	assert_eq "$(jq -c 'select(.tech == "T01") | .breaks | map(.before)' "$BATS_TEST_TMPDIR/s")" '["J1004"]'
	# no job of T01's overlaps the break
	b=$(jq -r 'select(.tech == "T01") | .breaks[0] | "\(.start) \(.end)"' "$BATS_TEST_TMPDIR/s")
	assert_eq "$(out_jq -r --arg bs "${b% *}" --arg be "${b#* }" \
	    'select(.tech == "T01" and .start != null and .start < $be and .end > $bs) | .id')" ""
}

@test "a break that cannot go into a wait is taken between stops, as late as its window allows" {
	jq -c 'select(.id != "J1004")' "$F/day-jobs.ndjson" >"$BATS_TEST_TMPDIR/jobs"
	jq -c 'del(.off)' "$F/day-techs.ndjson" >"$BATS_TEST_TMPDIR/techs"
	run fsd-route --techs "$BATS_TEST_TMPDIR/techs" --iterations 200 --summary "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/jobs"
	br=$(jq -c 'select(.tech == "T01") | .breaks[0]' "$BATS_TEST_TMPDIR/s")
	[ "$(jq -r .start <<<"$br")" \> "2026-11-23T11:29:59-07:00" ]
	[ "$(jq -r .end <<<"$br")" \< "2026-11-23T13:30:01-07:00" ]
	# it starts when the stop before it ends
	before=$(jq -r .before <<<"$br")
	seq=$(out_jq -r --arg id "$before" 'select(.id == $id) | .seq')
	assert_eq "$(out_jq -r --argjson s "$((seq - 1))" 'select(.tech == "T01" and .seq == $s) | .end')" "$(jq -r .start <<<"$br")"
}

@test "re-plan: a break the plan put before now was taken; one under way keeps the tech" {
	day 2>/dev/null | jq -c 'if .start == null then . elif .end <= "2026-11-23T12:45:00-07:00" then .status = "done" else . end' \
	    >"$BATS_TEST_TMPDIR/noon"
	run fsd-route --techs "$F/day-techs.ndjson" --keep-techs --now 2026-11-23T12:45:00-07:00 --summary "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(out_jq -r 'select(.id == "J1004") | .break.start[11:16]')" "12:03"
	assert_eq "$(jq -c 'select(.tech == "T01") | .breaks' "$BATS_TEST_TMPDIR/s")" "null"
	# at 12:10 the break is under way: the tech leaves after it
	run fsd-route --techs "$F/day-techs.ndjson" --keep-techs --now 2026-11-23T12:10:00-07:00 --summary "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/noon"
	assert_eq "$(jq -r 'select(.tech == "T01") | .depart[11:16]' "$BATS_TEST_TMPDIR/s")" "12:33"
}

@test "time off blocks drive and work: the dentist 14:00-15:00" {
	run day
	assert_eq "$(out_jq -r 'select(.tech == "T01" and .start != null and .start < "2026-11-23T15:00:00-07:00" and .end > "2026-11-23T14:00:00-07:00") | .id')" ""
	# nor is anyone driving then: each arrival is before 14:00 or after 15:00
	assert_eq "$(out_jq -r 'select(.tech == "T01" and .arrive > "2026-11-23T14:00:00-07:00" and .arrive < "2026-11-23T15:00:00-07:00") | .id')" ""
}

@test "several windows: the arrival falls in one, waiting for the next when early" {
	run day
	assert_eq "$(out_jq -c 'select(.id == "J1004") | [.start, .eta_window.start, .eta_window.end]')" \
	    '["2026-11-23T15:00:00-07:00","2026-11-23T15:00:00-07:00","2026-11-23T16:00:00-07:00"]'
	jq -c 'if .id == "J1004" then .windows = [{"start":"2026-11-23T06:00:00-07:00","end":"2026-11-23T07:00:00-07:00"}] else . end' \
	    "$F/day-jobs.ndjson" | fsd-route --techs "$F/day-techs.ndjson" --keep-techs --iterations 50 >"$BATS_TEST_TMPDIR/out" || true
	assert_eq "$(jq -r 'select(.id == "J1004") | .exception.code' "$BATS_TEST_TMPDIR/out")" "window_unreachable"
}

@test "limits from --rules: max_stops, max_drive_min, max_km; the jobs left out say why" {
	run day --rules "$F/rules-stops.json"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r '.stops' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" "2 2 "
	assert_eq "$(out_jq -r 'select(.exception) | .exception.code' | sort -u)" "day_full"
	run day --rules "$F/rules-drive.json"
	assert_eq "$(jq -c 'select(.drive.min > 30 or .drive.km > 15)' "$BATS_TEST_TMPDIR/s")" ""
	assert_eq "$(jq -r '.stops' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" "2 2 "
	assert_eq "$(out_jq -r 'select(.id == "J1003") | .exception.code')" "tech_unavailable"
	# a tech's own field wins over the rules file
	jq -c 'if .id == "T01" then .max_stops = 3 else . end' "$F/day-techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	fsd-route --techs "$BATS_TEST_TMPDIR/t" --rules "$F/rules-stops.json" --iterations 100 \
	    --summary "$BATS_TEST_TMPDIR/s" <"$F/day-jobs.ndjson" >/dev/null
	assert_eq "$(jq -r '.stops' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" "3 2 "
}

@test "overtime: allowed up to overtime_max_min, reported per tech when used" {
	run day
	assert_eq "$(jq -c 'select(.tech == "T02") | [.stops, .overtime_min]' "$BATS_TEST_TMPDIR/s")" '[3,19.53]'
	assert_eq "$(jq -c 'select(.tech == "T01") | .overtime_min' "$BATS_TEST_TMPDIR/s")" "null"
	# without the allowance the third job does not fit T02's morning
	jq -c 'del(.overtime_max_min)' "$F/day-techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --keep-techs --iterations 100 --summary "$BATS_TEST_TMPDIR/s" <"$F/day-jobs.ndjson"
	assert_eq "$(jq -c 'select(.tech == "T02") | [.stops, .overtime_min]' "$BATS_TEST_TMPDIR/s")" '[2,null]'
}

@test "bad input: a break longer than the shift, an unknown rule, bad windows" {
	jq -c 'if .id == "T01" then .breaks[0].duration = 600 else . end' "$F/day-techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --iterations 50 <"$F/day-jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 't:1: "breaks[0].duration" is 600 minutes, longer than the shift (540)'
	[ "$(grep -c '"id":"J100' <<<"$output")" -eq 7 ]	# every job still comes out
	echo '{"max_stop":2}' >"$BATS_TEST_TMPDIR/r.json"
	run fsd-route --techs "$F/day-techs.ndjson" --rules "$BATS_TEST_TMPDIR/r.json" </dev/null
	[ "$status" -eq 1 ]
	assert_output_has '"max_stop" is not a known key (known: max_stops,'
	printf '%s\n' '{"id":"J1","site":{"lat":39.7,"lon":-104.9},"tech":"T01","windows":[{"start":"2026-11-23T08:00:00-07:00"}]}' \
	    '{"id":"J2","site":{"lat":39.7,"lon":-104.9},"tech":"T01","windows":[{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T10:00:00-07:00"},{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T11:00:00-07:00"}]}' \
	    >"$BATS_TEST_TMPDIR/j"
	run fsd-route --techs "$F/day-techs.ndjson" --iterations 10 "$BATS_TEST_TMPDIR/j"
	[ "$status" -eq 1 ]
	assert_output_has 'j:1: "windows[0]" needs both start and end'
	assert_output_has 'j:2: "windows" overlap'
	[ "$(grep -c '"code":"bad_record"' <<<"$output")" -eq 2 ]
}

@test "locked with seq: the job keeps its tech and its place; one that cannot be kept says so" {
	jq -c 'if .id == "J1003" then .locked = true | .seq = 3 else . end' "$F/assigned.ndjson" >"$BATS_TEST_TMPDIR/j"
	run fsd-route $(techs) "$BATS_TEST_TMPDIR/j"
	# unlocked it goes second (see above); locked at 3 it is third
	assert_eq "$(out_jq -r 'select(.tech == "T01") | "\(.seq)\(.id)"' | tr '\n' ' ')" "1J1002 2J1001 3J1003 "
	jq -c 'if .id == "J1003" then .locked = true | .seq = 1 else . end' "$F/assigned.ndjson" >"$BATS_TEST_TMPDIR/j"
	run fsd-route $(techs) "$BATS_TEST_TMPDIR/j"
	assert_eq "$(out_jq -r 'select(.tech == "T01") | "\(.seq)\(.id)"' | tr '\n' ' ')" "1J1003 2J1002 3J1001 "
	jq -c 'if .id == "J1001" then .locked = true | .seq = 1 | .window.start = "2026-11-23T07:00:00-07:00" | .window.end = "2026-11-23T07:10:00-07:00" else . end' \
	    "$F/assigned.ndjson" >"$BATS_TEST_TMPDIR/j"
	run fsd-route $(techs) "$BATS_TEST_TMPDIR/j"
	assert_eq "$(out_jq -r 'select(.id == "J1001") | .exception.code')" "locked_unreachable"
	assert_eq "$(out_jq -r 'select(.tech == "T01" and .start) | .id' | tr '\n' ' ')" "J1003 J1002 "
	echo '{"id":"J9","site":{"lat":39.7,"lon":-104.9},"tech":"T01","locked":true,"seq":0}' >"$BATS_TEST_TMPDIR/j"
	run fsd-route $(techs) "$BATS_TEST_TMPDIR/j"
	[ "$status" -eq 1 ]
	assert_output_has 'j:1: "seq" must be a place in the day from 1, not 0'
}

# Parts: picked up on the way where it costs least; nowhere: parts_unavailable.
parts() { fsd-route $(techs) --keep-techs --stock "$F/stock.ndjson" --summary "$BATS_TEST_TMPDIR/s" "$@" "$F/parts-jobs.ndjson" 2>"$BATS_TEST_TMPDIR/err"; }

@test "parts pickup: a stop before the job at the place that costs least, none when the truck has them" {
	run parts
	# J1's GFCI-20A: not on T01's truck; S-GRAINGER sells it, nearer than W-NORTH's shelf
	assert_eq "$(out_jq -c 'select(.kind == "pickup" and .for == "J1") | [.tech, .location, .skus, .site.lat]')" \
	    '["T01","S-GRAINGER",[{"sku":"GFCI-20A","qty":2}],39.74]'
	# the pickup record comes just before its job, and the job's drive starts there
	assert_eq "$(out_jq -r '.kind // .id' | tr '\n' ' ' | grep -o 'pickup J1 ')" "pickup J1 "
	dep=$(out_jq -r 'select(.kind == "pickup" and .for == "J1") | .depart')
	[ "$(out_jq -r 'select(.id == "J1") | .arrive')" \> "$dep" ]
	# J2's CAP-35-5 is on T01's truck (the stock file's rows): no pickup
	assert_eq "$(out_jq -r 'select(.kind == "pickup") | .for' | tr '\n' ' ')" "J1 J4 "
	assert_eq "$(jq -r 'select(.pickups) | "\(.tech):\(.pickups)"' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" "T01:1 T02:1 "
	# a tech's own stock counts as the truck's
	jq -c 'if .id == "T01" then .stock = {"GFCI-20A": 2} else . end' "$F/techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --keep-techs --iterations 100 --stock "$F/stock.ndjson" "$F/parts-jobs.ndjson"
	assert_eq "$(out_jq -r 'select(.kind == "pickup") | .for' | tr '\n' ' ')" "J2 J4 "
}

@test "parts: the truck is drawn down along the day; the job after its last unit has a pickup" {
	jq -c 'if .id == "T01" then .stock = {"CAP-35-5": 1} else . end' "$F/techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	printf '%s\n' '{"id":"J1","site":{"lat":39.76,"lon":-105.02},"duration":60,"tech":"T01","parts":[{"sku":"CAP-35-5","qty":1}]}' \
	    '{"id":"J2","site":{"lat":39.70,"lon":-104.95},"duration":60,"tech":"T01","parts":[{"sku":"CAP-35-5","qty":2}]}' >"$BATS_TEST_TMPDIR/j"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --stock "$F/stock.ndjson" --iterations 100 "$BATS_TEST_TMPDIR/j"
	[ "$status" -eq 0 ]
	# J1 takes the one on the truck; J2 needs two more, picked up on the way
	assert_eq "$(out_jq -c '[.kind // .id, .skus]' | tr '\n' ' ')" '["J1",null] ["pickup",[{"sku":"CAP-35-5","qty":2}]] ["J2",null] '
}

@test "parts: a plan fed back has its pickups replaced, not doubled" {
	parts >"$BATS_TEST_TMPDIR/plan"
	run fsd-route $(techs) --keep-techs --stock "$F/stock.ndjson" "$BATS_TEST_TMPDIR/plan"
	assert_output_has "2 pickup records of the plan read replaced by this plan's"
	assert_eq "$(grep -c '"kind":"pickup"' <<<"$output")" 2
}

@test "parts nowhere to be had: parts_unavailable; without --stock parts are not looked at" {
	run parts
	assert_eq "$(out_jq -r 'select(.id == "J3") | .exception.code')" "parts_unavailable"
	run fsd-route $(techs) "$F/parts-jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r 'select(.kind == "pickup" or .exception) | .id' | tr '\n' ' ')" ""
}

@test "bad stock: a row at an unknown location, bad parts; the jobs still come out" {
	{ cat "$F/stock.ndjson"; echo '{"location":"W-EAST","sku":"GFCI-20A","qty":3}'; } >"$BATS_TEST_TMPDIR/st"
	run fsd-route $(techs) --stock "$BATS_TEST_TMPDIR/st" "$F/parts-jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'st:16: "location" "W-EAST" is not a location of the file'
	[ "$(grep -c '"id":"J' <<<"$output")" -eq 4 ]
	echo '{"id":"J9","site":{"lat":39.7,"lon":-104.9},"tech":"T01","parts":[{"qty":1}]}' >"$BATS_TEST_TMPDIR/j"
	run fsd-route $(techs) --stock "$F/stock.ndjson" "$BATS_TEST_TMPDIR/j"
	[ "$status" -eq 1 ]
	assert_output_has 'j:1: "parts[0].sku" must be a string'
}

# Several days: "shifts" a tech, "due_range" a visit.
week() { fsd-route --techs "$F/week-techs.ndjson" --reassign --iterations 300 --summary "$BATS_TEST_TMPDIR/s" "$@" "$F/week-jobs.ndjson"; }

@test "multi-day: a visit goes on the best day of its due_range, fixed windows keep their day" {
	run week
	[ "$status" -eq 0 ]
	# T01's Monday is full; J2003 rides along on Wednesday rather than a trip of its own Tuesday
	assert_eq "$(out_jq -r '"\(.id) \(.tech) \(.start[0:10])"' | tr '\n' ',')" \
	    "J2001 T01 2026-11-23,J2002 T01 2026-11-23,J2003 T01 2026-11-25,J2004 T01 2026-11-25,J2005 T02 2026-11-25,J2006 T02 2026-11-25,"
	# inside the window's hours on that day
	assert_eq "$(out_jq -r 'select(.id == "J2003") | .start[11:] >= "08:00" and .start[11:] <= "17:00"')" "true"
	# one summary a tech and day
	assert_eq "$(jq -r '"\(.tech)@\(.day):\(.stops)"' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" \
	    "T01@2026-11-23:2 T01@2026-11-24:0 T01@2026-11-25:2 T02@2026-11-23:0 T02@2026-11-25:2 "
}

@test "multi-day: no job spans two days, and a range with no shift of a tech who may take it is reported" {
	run week
	assert_eq "$(out_jq -r 'select(.start and .start[0:10] != .end[0:10]) | .id')" ""
	jq -c 'if .id == "J2006" then .due_range = {"start":"2026-11-24","end":"2026-11-24"} else . end' "$F/week-jobs.ndjson" \
	    | fsd-route --techs "$F/week-techs.ndjson" --reassign --iterations 100 >"$BATS_TEST_TMPDIR/out" 2>/dev/null
	assert_eq "$(jq -r 'select(.id == "J2006") | .exception.code' "$BATS_TEST_TMPDIR/out")" "window_unreachable"
}

@test "multi-day re-plan: done jobs stay on their day, the rest is planned from --now on" {
	week 2>/dev/null | jq -c 'if .start != null and .end <= "2026-11-25T10:00:00-07:00" then .status = "done" else . end' \
	    >"$BATS_TEST_TMPDIR/wed"
	run fsd-route --techs "$F/week-techs.ndjson" --now 2026-11-25T10:00:00-07:00 --summary "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/wed"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r 'select(.tech == "T01") | "\(.day):\(.stops)"' "$BATS_TEST_TMPDIR/s" | tr '\n' ' ')" \
	    "2026-11-23:0 2026-11-24:0 2026-11-25:1 "
	assert_eq "$(out_jq -r 'select(.status == "done") | "\(.id)@\(.start[0:10])"' | tr '\n' ' ')" \
	    "J2001@2026-11-23 J2002@2026-11-23 J2003@2026-11-25 "
	assert_eq "$(out_jq -r 'select(.status == null) | select(.start < "2026-11-25T10:00:00-07:00") | .id')" ""
}

@test "multi-day bad input: overlapping shifts, a due_range backwards, with windows" {
	jq -c 'if .id == "T01" then .shifts[1].start = "2026-11-23T16:00:00-07:00" else . end' "$F/week-techs.ndjson" >"$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" --reassign --iterations 10 "$F/week-jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 't:1: "shifts[1]" starts before the shift before it ends'
	printf '%s\n' '{"id":"J1","site":{"lat":39.7,"lon":-104.9},"due_range":{"start":"2026-11-25","end":"2026-11-23"}}' \
	    '{"id":"J2","site":{"lat":39.7,"lon":-104.9},"due_range":{"start":"2026-11-23","end":"Friday"}}' >"$BATS_TEST_TMPDIR/j"
	run fsd-route --techs "$F/week-techs.ndjson" --reassign --iterations 10 "$BATS_TEST_TMPDIR/j"
	[ "$status" -eq 1 ]
	assert_output_has 'j:1: "due_range" ends before it starts'
	assert_output_has 'j:2: "due_range.end" must be a date YYYY-MM-DD, not "Friday"'
}

# One tech (hvac) at home 39.7392,-104.9903, 08:00-17:00.
one_tech() {
	head -1 "$F/techs.ndjson" > "$BATS_TEST_TMPDIR/one.ndjson"
	echo "--techs $BATS_TEST_TMPDIR/one.ndjson --iterations 200"
}

@test "late: the reason names the jobs that took the room, or the clock and the drive" {
	at='"site":{"lat":39.74,"lon":-104.99},"duration":120,"sla_due":"2026-11-23T08:30:00-07:00"'
	run fsd-route $(one_tech) <<EOF2
{"id":"A",$at,"priority":1}
{"id":"B",$at,"priority":2}
EOF2
	assert_eq "$(out_jq -r 'select(.id == "A") | .late')" "null"
	assert_eq "$(out_jq -r 'select(.id == "B") | .late.reason')" \
	    "1 tech who may take it could be there by 08:30 with nothing else to do (T01 at 08:00), but their days hold jobs as urgent or more (A on theirs): this is the earliest start found"
}

@test "the ETA window never opens before the tech's day; idle counts the wait at home" {
	run fsd-route $(one_tech) --summary "$BATS_TEST_TMPDIR/s" <<<'{"id":"X","site":{"lat":39.74,"lon":-104.99},"duration":60}'
	assert_eq "$(out_jq -r .eta_window.start)" "2026-11-23T08:00:00-07:00"
	# a window at 11:00 next door: the tech leaves late, idle since 08:00
	run fsd-route $(one_tech) --summary "$BATS_TEST_TMPDIR/s" <<<'{"id":"X","site":{"lat":39.74,"lon":-104.99},"duration":60,"window":{"start":"2026-11-23T11:00:00-07:00","end":"2026-11-23T12:00:00-07:00"}}'
	assert_eq "$(jq -r '.idle | floor' "$BATS_TEST_TMPDIR/s")" "179"
}

@test "re-plan: a job planned to end before --now with no status is said, and not called displaced" {
	printf '%s\n' '{"id":"D","site":{"lat":39.74,"lon":-104.99},"duration":60,"tech":"T01","seq":1,"arrive":"2026-11-23T08:00:00-07:00","start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T09:00:00-07:00","window":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T08:30:00-07:00"}}' > "$BATS_TEST_TMPDIR/p"
	run fsd-route $(one_tech) --now 2026-11-23T12:00:00-07:00 "$BATS_TEST_TMPDIR/p"
	assert_output_has '1 job planned to end before --now carries no "status"'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r .exception.code)" "window_unreachable"
}

@test "jobs dated a day no shift is on: one warning naming both dates" {
	run fsd-route $(techs) <<<'{"id":"X","site":{"lat":39.74,"lon":-104.99},"window":{"start":"2026-11-24T09:00:00-07:00","end":"2026-11-24T11:00:00-07:00"}}'
	[ "$status" -eq 1 ]
	assert_output_has "1 job is dated 2026-11-24 (the first: X), a day no tech's shift is on: the shifts are on 2026-11-23"
	[ "$(printf '%s\n' "$output" | grep -c 'no tech.s shift')" -eq 1 ]
}

@test "no usable tech: every job still comes out, each with why" {
	# A shift but no home: a bad tech (one without a shift is off, fsd(5)).
	echo '{"id":"T1","shift":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T17:00:00-07:00"}}' > "$BATS_TEST_TMPDIR/t"
	run fsd-route --techs "$BATS_TEST_TMPDIR/t" <<<'{"id":"X","site":{"lat":39.74,"lon":-104.99}}
{"id":"Y","site":{"lat":39.74,"lon":-104.99}}'
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r '"\(.id) \(.exception.code)"' | tr '\n' ' ')" "X no_qualified_tech Y no_qualified_tech "
}
