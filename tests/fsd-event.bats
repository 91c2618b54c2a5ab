#!/usr/bin/env bats
# fsd-event: status events appended to a day's log under a lock, sealed
# onto a SHA-256 chain that --verify checks line by line.
load helper

AT=2026-11-23T08:05:00-07:00

setup() {
	cd "$BATS_TEST_TMPDIR"
	L=$BATS_TEST_TMPDIR/day.events
}

# sha256 of a logged line up to the comma before "hash", by sha256sum:
# the obvious twin of event/chain.c.
line_hash() {
	sed -n "${1}p" "$L" | sed 's/,"hash":"[0-9a-f]*"}$//' | tr -d '\n' | sha256sum | cut -d' ' -f1
}

@test "one event from arguments: logged as it is written out, with an id and the chain's start" {
	run fsd-event --log "$L" J1003 en_route --tech T25 --at "$AT" --by ana --position 39.7047,-104.9378 --note "gate code 4411"
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(cat "$L")"
	assert_eq "$(jq -c '[.kind, .id, .job, .tech, .status, .at, .by, .position, .note]' "$L")" \
		'["status","EV-20261123-0001","J1003","T25","en_route","2026-11-23T08:05:00-07:00","ana",{"lat":39.7047,"lon":-104.9378},"gate code 4411"]'
	assert_eq "$(jq -r .prev "$L")" 0000000000000000000000000000000000000000000000000000000000000000
}

@test "hash: the SHA-256 of the line up to its hash; prev: the line before's" {
	printf '%s\n' '{"job":"J1","status":"en_route","tech":"T01","at":"2026-11-23T08:00:00-07:00"}' \
		'{"job":"J1","status":"on_site","tech":"T01","at":"2026-11-23T08:20:00-07:00"}' \
		| fsd-event --log "$L" > /dev/null
	assert_eq "$(sed -n 1p "$L" | jq -r .hash)" "$(line_hash 1)"
	assert_eq "$(sed -n 2p "$L" | jq -r .hash)" "$(line_hash 2)"
	assert_eq "$(sed -n 2p "$L" | jq -r .prev)" "$(line_hash 1)"
}

@test "events on stdin: in order, kind set, their own fields kept, options fill what they lack" {
	printf '%s\n' '{"job":"J1","status":"on_site","tech":"T01","crm_ticket":"Z-9","at":"2026-11-23T09:00:00-07:00"}' \
		'{"id":"sms-77","job":"J2","status":"en_route","by":"sms"}' \
		| run fsd-event --log "$L" --tech T02 --at "$AT" --by forms
	run fsd-event --log "$L" --verify
	[ "$status" -eq 0 ]
	assert_eq "$(jq -c '[.id, .job, .tech, .at, .by, .crm_ticket]' "$L")" \
		'["EV-20261123-0001","J1","T01","2026-11-23T09:00:00-07:00","forms","Z-9"]
["sms-77","J2","T02","2026-11-23T08:05:00-07:00","sms",null]'
}

@test "without --at, now in this machine's offset; without --by, the login name" {
	run env LOGNAME=dispatch1 fsd-event --log "$L" J9 booked
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .by)" dispatch1
	[[ $(out_jq -r .at) =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]([+-][0-9][0-9]:[0-9][0-9]|Z)$ ]]
}

@test "bad events: said where and why, out with bad_record, not logged; the good ones are" {
	while IFS='|' read -r event message; do
		printf '%s\n' "$event" '{"job":"OK","status":"booked","at":"2026-11-23T07:00:00-07:00"}' > in.ndjson
		rm -f "$L"
		run fsd-event --log "$L" in.ndjson
		[ "$status" -eq 1 ] || { echo "$event: exit $status"; return 1; }
		assert_output_has "fsd-event: in.ndjson:1: $message" || return 1
		assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r '.exception.code // .job')" $'bad_record\nOK' || return 1
		assert_eq "$(jq -r .job "$L")" OK || return 1
	done <<-'TABLE'
	{"status":"booked","at":"2026-11-23T07:00:00-07:00"}|"job" is missing
	{"job":"J1","status":"arrived","at":"2026-11-23T07:00:00-07:00"}|"status" "arrived" is none of booked, confirmed, scheduled, en_route, on_site, paused, completed, cannot_complete, cancelled
	{"job":"J1","status":"en_route","at":"2026-11-23T07:00:00-07:00"}|"status" "en_route" needs the "tech" who reports it
	{"job":"J1","status":"cannot_complete","tech":"T1","at":"2026-11-23T07:00:00-07:00"}|"status" "cannot_complete" needs a "reason"
	{"job":"J1","status":"booked","at":"2026-11-23T07:00:00"}|"at": "2026-11-23T07:00:00" is not an RFC 3339 time
	{"kind":"usage","job":"J1","status":"booked","at":"2026-11-23T07:00:00-07:00"}|"kind" of an event must be "status", not "usage"
	{"job":"J1","status":"booked","at":"2026-11-23T07:00:00-07:00","position":{"lat":99,"lon":0}}|"position" must be {"lat", "lon"} of a real place
	TABLE
}

@test "bad options are usage errors" {
	run fsd-event J1 booked
	[ "$status" -eq 2 ]
	run fsd-event --log "$L" --at 08:00 J1 booked
	[ "$status" -eq 2 ]
	assert_output_has "option '--at': \"08:00\" is not an RFC 3339 time like 2026-11-23T08:00:00-07:00"
	run fsd-event --log "$L" --position 39.7 J1 booked
	[ "$status" -eq 2 ]
	[ ! -e "$L" ]
}

@test "an id the log holds is not appended again (a webhook's retry)" {
	e='{"id":"sms-1","job":"J1","status":"en_route","tech":"T01","at":"2026-11-23T08:00:00-07:00"}'
	echo "$e" | fsd-event --log "$L" > /dev/null
	run bash -c "echo '$e' | fsd-event --log '$L' 2>&1"
	[ "$status" -eq 0 ]
	assert_output_has 'event "sms-1" is in the log already; not appended again'
	assert_output_has '"exception":{"code":"already_logged"'
	assert_eq "$(wc -l < "$L")" 1
}

@test "8 writers at once lose nothing: every event once, whole, in each writer's order, chain intact" {
	for w in 1 2 3 4 5 6 7 8; do
		for n in $(seq 1 40); do
			printf '{"job":"W%s-%s","status":"booked","at":"2026-11-23T07:00:00-07:00"}\n' "$w" "$n"
		done > "in.$w"
	done
	for w in 1 2 3 4 5 6 7 8; do fsd-event --log "$L" "in.$w" > "out.$w" & done
	wait
	assert_eq "$(wc -l < "$L")" 320
	run fsd-event --log "$L" --verify
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r .id "$L" | sort -u | wc -l)" 320
	for w in 1 2 3 4 5 6 7 8; do
		assert_eq "$(jq -r .job "$L" | grep "^W$w-" | tr '\n' ' ')" "$(jq -r .job "in.$w" | tr '\n' ' ')" || return 1
		assert_eq "$(wc -l < "out.$w")" 40 || return 1
	done
}

@test "--verify: an intact log gives its head, the last line's hash" {
	printf '%s\n' '{"job":"J1","status":"booked","at":"2026-11-23T07:00:00-07:00"}' \
		'{"job":"J2","status":"booked","at":"2026-11-23T07:01:00-07:00"}' | fsd-event --log "$L" > /dev/null
	run fsd-event --log "$L" --verify
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.intact, .verified]')" '[true,2]'
	assert_eq "$(out_jq -r .head)" "$(line_hash 2)"
}

@test "--verify names the first line that breaks the chain: changed, removed, moved, cut short" {
	for n in 1 2 3 4 5; do
		printf '{"job":"J%s","status":"booked","at":"2026-11-23T07:0%s:00-07:00"}\n' "$n" "$n"
	done | fsd-event --log "$L" > /dev/null
	cp "$L" good
	while IFS='|' read -r how line message; do
		cp good "$L"
		eval "$how"
		run fsd-event --log "$L" --verify
		[ "$status" -eq 1 ] || { echo "$how: exit $status"; return 1; }
		assert_output_has "fsd-event: $L:$line: $message" || return 1
		assert_output_has "\"broken_line\":$line" || return 1
	done <<-'TABLE'
	sed -i '3s/"J3"/"J4"/' "$L"|3|the line was changed: its "hash" is not the hash of its text
	sed -i '2d' "$L"|2|"prev" is not the hash of the line before: a line was removed, added or moved
	sed -i '4{h;d};5G' "$L"|4|"prev" is not the hash of the line before: a line was removed, added or moved
	sed -i '5s/"J5"/"J5" /' "$L"|5|the line was changed: its "hash" is not the hash of its text
	head -c -30 good > "$L"|5|the last line is not whole (no newline): a write was cut short
	sed -i '1s/,"hash":"[0-9a-f]*"}$/}/' "$L"|1|not a sealed event line (no "prev" and "hash" at its end)
	TABLE
}

@test "a log whose last line was cut short by a crash: the part line set aside, the chain goes on" {
	fsd-event --log "$L" J1 booked --at "$AT" > /dev/null
	cp "$L" whole
	printf '{"kind":"status","job":"J2"' >> "$L"
	run fsd-event --log "$L" J3 booked --at "$AT"
	[ "$status" -eq 0 ]
	assert_output_has "its last line was cut short by a run that stopped while writing it (a crash or a full disk); moved to $L.torn"
	assert_eq "$(cat "$L.torn")" '{"kind":"status","job":"J2"'
	assert_eq "$(head -1 "$L")" "$(cat whole)"
	assert_eq "$(jq -r .job "$L" | tr '\n' ' ')" "J1 J3 "
	run fsd-event --log "$L" --verify
	assert_eq "$(jq -c '[.intact, .verified]' <<< "$output")" '[true,2]'
}

@test "a log whose last line is whole but not sealed is not appended to" {
	fsd-event --log "$L" J1 booked --at "$AT" > /dev/null
	echo '{"kind":"status","job":"J2"}' >> "$L"
	cp "$L" before
	run fsd-event --log "$L" J3 booked
	[ "$status" -eq 1 ]
	assert_output_has "$L:2: "
	assert_output_has "nothing appended"
	cmp "$L" before
}

@test "a run with no good event leaves no log behind" {
	run bash -c "echo '{\"id\":\"x\"}' | fsd-event --log '$L'"
	[ "$status" -eq 1 ]
	[ ! -e "$L" ] && [ ! -e "$L.lock" ]
}
