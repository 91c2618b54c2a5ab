#!/usr/bin/env bats
# fsd-status: a day's status events folded into its jobs; events that
# cannot happen refused at their log line; the output feeds fsd-route
# --now and fsd-invoice.
load helper

F=$FIXTURES/status
LOG=$F/day.events

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Log events given as lines (fsd-event fills by and seals them).
log_events() {
	printf '%s\n' "$@" | fsd-event --log events --by test > /dev/null
}

job() {
	printf '{"id":"J1","tech":"T01","duration":60,"sla_due":"2026-11-23T10:00:00-07:00"%s}\n' "${1:-}"
}

ev() {	# ev STATUS TIME [extra fields]
	printf '{"job":"J1","status":"%s","tech":"T01","at":"2026-11-23T%s:00-07:00"%s}' "$1" "$2" "${3:-}"
}

@test "the day folded: status, departure, arrival, completion, position, the last event" {
	run fsd-status --events "$LOG" "$F/plan.ndjson"
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c 'select(.id == "J1003") | [.status, .departed, .arrived, .started, .completed, .completed_at, .work, .last_position, .status_event]')" \
		'["done","2026-11-23T07:55:00-07:00","2026-11-23T08:16:00-07:00","2026-11-23T08:16:00-07:00","2026-11-23T09:46:00-07:00","2026-11-23T09:46:00-07:00",{"start":"2026-11-23T08:16:00-07:00","end":"2026-11-23T09:46:00-07:00"},{"lat":39.7047,"lon":-104.9378,"at":"2026-11-23T08:16:00-07:00"},"E06"]'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.id, .status]' | tr '\n' ' ')" \
		'["J1003","done"] ["J1002","done"] ["J1010",null] ["J1001","cancelled"] ["R1","done"] ["R2","in_progress"] '
}

@test "refused events: said at their log line, the job unchanged, kept with --exceptions" {
	run fsd-status --events "$LOG" --exceptions exc.ndjson "$F/plan.ndjson"
	[ "$status" -eq 1 ]
	while IFS='|' read -r line message; do
		assert_output_has "fsd-status: $LOG:$line: $message" || return 1
	done <<-'TABLE'
	14|event "E14" for J1010: completed cannot follow: the job is not started
	15|event "E15" for J1001: en_route from T03, but the job is T01's
	16|event "E16": no job "J9999" in the input
	17|event "E17" for R1: on_site is earlier than the job's last event
	TABLE
	assert_eq "$(jq -c '[.line, .id, .exception.code]' exc.ndjson | tr '\n' ' ')" \
		'[14,"E14","impossible_transition"] [15,"E15","wrong_tech"] [16,"E16","unknown_job"] [17,"E17","time_backwards"] '
	assert_eq "$(printf '%s\n' "$output" | grep '^{"id":"J1010"')" "$(grep '"J1010"' "$F/plan.ndjson")"
}

@test "transitions: which status may follow which" {
	while IFS='|' read -r events verdict; do
		rm -f events events.lock
		eval "log_events $events"
		run fsd-status --events events <(job)
		if [ "$verdict" = ok ]; then
			[ "$status" -eq 0 ] || { echo "$events: $output"; return 1; }
		else
			[ "$status" -eq 1 ] && assert_output_has "$verdict" || { echo "$events"; return 1; }
		fi
	done <<-'TABLE'
	"$(ev en_route 08:00)" "$(ev on_site 08:20)" "$(ev completed 09:00)"|ok
	"$(ev on_site 08:20)" "$(ev completed 09:00)"|ok
	"$(ev en_route 08:00)" "$(ev en_route 08:05)" "$(ev on_site 08:20)"|ok
	"$(ev on_site 08:20)" "$(ev paused 08:40)" "$(ev en_route 08:45)" "$(ev on_site 09:10)" "$(ev completed 09:30)"|ok
	"$(ev en_route 08:00)" "$(ev cannot_complete 08:20 ',"reason":"no access"')"|ok
	'{"job":"J1","status":"booked","at":"2026-11-22T10:00:00-07:00"}' '{"job":"J1","status":"confirmed","at":"2026-11-22T11:00:00-07:00"}' "$(ev scheduled 07:00)"|ok
	"$(ev en_route 08:00)" "$(ev completed 09:00)"|completed cannot follow: the job is on the way
	"$(ev completed 09:00)"|completed cannot follow: the job is not started
	"$(ev on_site 08:20)" "$(ev completed 09:00)" "$(ev on_site 09:10)"|on_site cannot follow: the job is done
	"$(ev on_site 08:20)" "$(ev en_route 08:30)"|en_route cannot follow: the job is on site
	"$(ev en_route 08:00)" "$(ev paused 08:10)"|paused cannot follow: the job is on the way
	"$(ev on_site 08:20)" "$(ev completed 09:00)" '{"job":"J1","status":"cancelled","at":"2026-11-23T09:30:00-07:00"}'|cancelled cannot follow: the job is done
	"$(ev on_site 08:20)" '{"job":"J1","status":"booked","at":"2026-11-23T08:30:00-07:00"}'|booked cannot follow: the job is on site
	"$(ev on_site 08:20)" "$(ev completed 08:10)"|completed is earlier than the job's last event
	'{"job":"J1","status":"on_site","tech":"T02","at":"2026-11-23T08:00:00-07:00"}'|on_site from T02, but the job is T01's
	TABLE
}

@test "a job with no tech: a tech's event is refused until a scheduled event assigns one" {
	log_events '{"job":"J2","status":"en_route","tech":"T05","at":"2026-11-23T08:00:00-07:00"}' \
		'{"job":"J2","status":"scheduled","tech":"T05","at":"2026-11-23T08:01:00-07:00"}' \
		'{"job":"J2","status":"en_route","tech":"T05","at":"2026-11-23T08:02:00-07:00"}'
	run fsd-status --events events <(echo '{"id":"J2","duration":30}')
	[ "$status" -eq 1 ]
	assert_output_has 'events:1: event "EV-20261123-0001" for J2: en_route from T05, but the job has no tech'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.status, .tech, .scheduled, .departed]')" \
		'["en_route","T05","2026-11-23T08:01:00-07:00","2026-11-23T08:02:00-07:00"]'
}

@test "pauses: taken off the labor billed; a pause going on is in_progress with paused_since" {
	log_events "$(ev on_site 08:00)" "$(ev paused 08:30 ',"reason":"parts run"')" "$(ev on_site 09:00)" "$(ev completed 09:31)"
	run fsd-status --events events <(job)
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.status, .paused_min, .labor, .work]')" '["done",30,[{"tech":"T01","minutes":61}],null]'
	rm -f events events.lock
	log_events "$(ev on_site 08:00)" "$(ev paused 08:30)"
	run fsd-status --events events <(job)
	assert_eq "$(out_jq -c '[.status, .paused_since]')" '["in_progress","2026-11-23T08:30:00-07:00"]'
}

@test "captured on site wins: work or labor the job has are kept" {
	log_events "$(ev on_site 08:00)" "$(ev completed 09:00)"
	run fsd-status --events events <(job ',"work":{"start":"2026-11-23T08:10:00-07:00","end":"2026-11-23T08:50:00-07:00"}')
	assert_eq "$(out_jq -c '.work')" '{"start":"2026-11-23T08:10:00-07:00","end":"2026-11-23T08:50:00-07:00"}'
}

@test "cannot_complete and cancelled: out of today's plan, with the reason" {
	log_events "$(ev on_site 08:00)" "$(ev cannot_complete 08:15 ',"reason":"needs parts"')"
	run fsd-status --events events <(job)
	assert_eq "$(out_jq -c '[.status, .cannot_complete, .status_reason]')" '["cancelled","2026-11-23T08:15:00-07:00","needs parts"]'
}

@test "sla_met: the arrival against sla_due" {
	log_events "$(ev on_site 10:01)"
	run fsd-status --events events <(job)
	assert_eq "$(out_jq -c '.sla_met')" false
	rm -f events events.lock
	log_events "$(ev on_site 10:00)"
	run fsd-status --events events <(job)
	assert_eq "$(out_jq -c '.sla_met')" true
}

@test "folding its own output again applies nothing twice" {
	fsd-status --events "$LOG" "$F/plan.ndjson" > once.ndjson 2>/dev/null || true
	run fsd-status --events "$LOG" once.ndjson
	assert_eq "$(printf '%s\n' "$output" | grep '^{')" "$(cat once.ndjson)"
	[[ $output != *"completed cannot follow: the job is done"* ]]
}

@test "bad jobs: out with bad_record; a second job with an id gets no events" {
	log_events "$(ev on_site 08:00)"
	run fsd-status --events events <(printf '%s\n' '{"id":"J1","tech":"T01"}' '{"id":"J1","tech":"T01"}' '{"id":"J3","status":"started"}')
	[ "$status" -eq 1 ]
	assert_output_has ':2: "id" "J1" is on line 1 already'
	assert_output_has ':3: "status" "started" is none of open, assigned, en_route, in_progress, done, cancelled'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.status, .exception.code]' | tr '\n' ' ')" \
		'["in_progress",null] [null,"bad_record"] ["started","bad_record"] '
}

@test "the output feeds fsd-route --now: done stays done, the job on site runs over" {
	fsd-status --events "$LOG" "$F/plan.ndjson" 2>/dev/null > folded.ndjson || true
	run fsd-route --techs "$FIXTURES/route/techs.ndjson" --now 2026-11-23T11:10:00-07:00 folded.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.id) | [.id, .status, .overrun]' | tr '\n' ' ')" \
		'["J1003","done",null] ["J1002","done",null] ["J1001","cancelled",null] ["J1010",null,null] ["R1","done",null] ["R2","in_progress",60] '
}

@test "--done feeds fsd-invoice: the jobs done, billed by their time on site" {
	fsd-status --events "$LOG" --done done.ndjson "$F/plan.ndjson" > /dev/null 2>&1 || true
	assert_eq "$(jq -r .id done.ndjson | tr '\n' ' ')" 'J1003 J1002 R1 '
	run fsd-invoice --rates "$EXAMPLES/ratecard.json" done.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.id, .invoice.date, (.invoice.lines[] | select(.kind == "labor") | .minutes)]' | tr '\n' ' ')" \
		'["J1003","2026-11-23",90] ["J1002","2026-11-23",60] ["R1","2026-11-23",60] '
}

@test "records that are no jobs (a pickup stop) pass as they came" {
	log_events "$(ev on_site 08:00)"
	run fsd-status --events events <(echo '{"kind":"pickup","tech":"T01","location":"W-NORTH"}'; job)
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.kind, .status]' | tr '\n' ' ')" '["pickup",null] [null,"in_progress"] '
}

@test "--events is required" {
	run fsd-status "$F/plan.ndjson"
	[ "$status" -eq 2 ]
}
