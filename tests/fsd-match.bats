#!/usr/bin/env bats
# fsd-match: hard constraints, exception codes, the emergency interrupt,
# locked and placed jobs, playbooks, bad input. Techs (fixtures/match):
# T01 hvac+combustion central, T02 hvac north, T03 plumbing+gasfit+backflow
# south (on call), T04 plumbing west (off 12-14), T05 electrical east.
load helper

TECHS=tests/fixtures/match/techs.ndjson
RULES=tests/fixtures/match/rules.json
D=2026-11-23

# A job at a site near a tech's home: job ID LAT LON SKILLS MINUTES [EXTRA]
job() {
	printf '{"id":"%s","site":{"lat":%s,"lon":%s},"skills":%s,"duration":%s%s}\n' \
	    "$1" "$2" "$3" "$4" "$5" "${6:+,$6}"
}

match() {
	cd "$TOP" && run fsd-match --techs "$TECHS" "$@"
}

@test "a job goes to the nearest qualified tech, with score, reasons and runner-up" {
	match <<< "$(job J1 39.84 -104.98 '["hvac"]' 60)"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .tech)" T02
	assert_eq "$(out_jq -r '.match.reasons[0]')" "has hvac"
	assert_output_has '"2 min away"'
	assert_eq "$(out_jq -r .match.runner_up.tech)" T01
	assert_eq "$(out_jq -r .match.arrival)" "${D}T07:02:10-07:00"
}

@test "skills are hard: a certification keeps the nearer tech out" {
	match <<< "$(job J1 39.84 -104.98 '["hvac","cert:combustion"]' 60)"
	assert_eq "$(out_jq -r .tech)" T01
}

@test "no_qualified_tech names the nearest tech and the skill it lacks" {
	match <<< "$(job J1 39.74 -104.99 '["hvac","cert:gasfit"]' 60)"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .exception.code)" no_qualified_tech
	assert_output_has "T01 is free but lacks cert:gasfit"
	assert_eq "$(out_jq -r '.tech // "none"')" none
}

@test "time off is hard: the off tech is passed over" {
	match <<< "$(job J1 39.74 -105.10 '["plumbing"]' 60 \
	    '"window":{"start":"'$D'T12:00:00-07:00","end":"'$D'T12:45:00-07:00"}')"
	assert_eq "$(out_jq -r .tech)" T03
}

@test "no_capacity when the day is full, naming where it fills" {
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 300)
$(job J2 39.74 -104.83 '["electrical"]' 300)"
	assert_eq "$(out_jq -r .tech | head -1)" T05
	assert_eq "$(out_jq -r .exception.code | tail -1)" no_capacity
	assert_output_has "T05 has the skills but is full from 12:00"
}

@test "a deadline nobody can meet: served as soon as any tech can, and the reason says so" {
	match <<< "$(job J1 39.95 -105.20 '["electrical"]' 30 '"sla_due":"'$D'T07:10:00-07:00"')"
	assert_eq "$(out_jq -r .tech)" T05
	assert_output_has "min after sla_due: no plan found reaches it sooner"
}
@test "parts_unavailable when the playbook allows no pickup" {
	match --rules "$RULES" <<< "$(job J1 39.62 -104.98 '["plumbing"]' 45 \
	    '"type":"backflow-test","parts":[{"sku":"BKFLOW-KIT-075","qty":1}]')"
	assert_eq "$(out_jq -r .exception.code)" parts_unavailable
	assert_output_has "no BKFLOW-KIT-075 on the truck"
}

@test "parts on the truck are used up: the second job of the day needs a pickup" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"parts":[{"sku":"WH-ELEM-4500","qty":1}]')
$(job J2 39.62 -104.98 '["cert:gasfit"]' 60 '"parts":[{"sku":"WH-ELEM-4500","qty":1}]')"
	# in the order of the day, whichever comes first
	assert_eq "$(out_jq -s -c 'sort_by(.match.arrival) | map([.tech, (.match.reasons | index("parts on truck") != null)])')" \
	    '[["T03",true],["T03",false]]'
	assert_output_has "needs a parts pickup"
}
@test "territory binds when the rules say so" {
	printf '{"default":{"territory_binds":true}}\n' > "$BATS_TEST_TMPDIR/r.json"
	match --rules "$BATS_TEST_TMPDIR/r.json" <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"territory":"north"')"
	assert_eq "$(out_jq -r .exception.code)" no_qualified_tech
	assert_output_has "works south, the job is in north"
}

@test "required_tech is hard and excluded_techs keeps a tech away" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"required_tech":"T04"')
$(job J2 39.62 -104.98 '["plumbing"]' 60 '"excluded_techs":["T03"]')"
	assert_eq "$(out_jq -r .tech | tr '\n' ' ')" "T04 T04 "
	assert_output_has "required by customer"
}

@test "preferred_tech wins a close call and says so" {
	match <<< "$(job J1 39.78 -104.98 '["hvac"]' 60 '"preferred_tech":"T01"')"
	assert_eq "$(out_jq -r .tech)" T01
	assert_output_has "preferred by customer"
}

@test "a locked job keeps its tech and fills their day" {
	match <<< "$(job J1 39.74 -104.83 '["hvac"]' 500 '"tech":"T05","locked":true')
$(job J2 39.74 -104.83 '["electrical"]' 60)"
	assert_eq "$(out_jq -r '.tech // .exception.code' | tr '\n' ' ')" "T05 no_capacity "
	assert_output_has "locked to T05"
}

@test "a locked job keeps a tech who lacks a skill, with a warning" {
	match <<< "$(job J1 39.74 -104.99 '["hvac","cert:gasfit"]' 60 '"tech":"T01","locked":true')"
	assert_eq "$(out_jq -r '[.tech, .match.warning] | join(" / ")')" "T01 / locked to T01, who lacks cert:gasfit"
	assert_output_has '"warning: locked to T01, who lacks cert:gasfit"'
}

@test "a placed job whose tech lacks a skill is matched anew, saying whom it came with" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"tech":"T01"')"
	assert_eq "$(out_jq -r '[.tech, .match.reasons[0], .match.warning // "none"] | join(" / ")')" \
	    "T03 / came placed on T01, who lacks plumbing / none"
}

@test "a placed job nobody qualified can take comes out an exception naming the tech it came with" {
	match <<< "$(job J1 39.74 -104.99 '["fire"]' 60 '"tech":"T01"')"
	assert_eq "$(out_jq -r .exception.code)" no_qualified_tech
	assert_output_has '"message":"came placed on T01, who lacks fire; no tech holds every skill'
}

@test "a broken rule reads the same whether a placed tech or a nearest miss breaks it" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 600 '"required_tech":"T04"')
$(job J2 39.62 -104.98 '["plumbing"]' 600 '"excluded_techs":["T03","T04"]')"
	assert_eq "$(out_jq -r .exception.code | tr '\n' ' ')" "no_capacity no_qualified_tech "
	assert_output_has "T03 has the skills but is not T04, whom the customer requires"
	assert_output_has "T03 has the skills but is excluded by the customer; T01 is free but lacks plumbing"
}

@test "a placed tech the customer excludes, or who is not the required one, is not kept" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"tech":"T03","excluded_techs":["T03"]')
$(job J2 39.62 -104.98 '["plumbing"]' 60 '"tech":"T03","required_tech":"T04"')"
	assert_eq "$(out_jq -r .tech | tr '\n' ' ')" "T04 T04 "
	assert_output_has "came placed on T03, who is excluded by the customer"
	assert_output_has "came placed on T03, who is not T04, whom the customer requires"
}

@test "an emergency takes the room of a routine visit placed before, which is displaced and says by whom" {
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 240 '"tech":"T05","priority":3')
$(job J2 39.74 -104.83 '["electrical"]' 240 '"tech":"T05"')
$(job J9 39.74 -104.84 '["electrical"]' 120 '"priority":1,"type":"panel-upgrade","sla_due":"'$D'T10:00:00-07:00"')"
	assert_eq "$(out_jq -r '.tech // .exception.code' | sort | tr '\n' ' ')" "T05 T05 displaced "
	assert_output_has '"message":"came placed on T05, whose day no longer holds it after J9 (more urgent) went in; T05 has the skills but is full'
	assert_eq "$(out_jq -r 'select(.id=="J9") | .tech')" T05
	assert_output_has '"took the place of J'
}

# The fixture techs and T06, a second electrician at LAT LON.
with_t06() {
	{ cat "$TOP/$TECHS"; printf '{"id":"T06","skills":["electrical"],"home":{"lat":%s,"lon":%s},"shift":{"start":"%sT07:00:00-07:00","end":"%sT16:00:00-07:00"}}\n' "$1" "$2" $D $D; } > "$BATS_TEST_TMPDIR/t6.ndjson"
	TECHS=$BATS_TEST_TMPDIR/t6.ndjson
}

@test "an emergency displaces as many routine visits as it needs, and no more" {
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 240 '"tech":"T05"')
$(job J2 39.74 -104.83 '["electrical"]' 240 '"tech":"T05"')
$(job J9 39.74 -104.84 '["electrical"]' 300 '"priority":1,"sla_due":"'$D'T08:00:00-07:00"')"
	assert_eq "$(out_jq -r '.tech // .exception.code' | tr '\n' ' ')" "displaced displaced T05 "
	assert_output_has "took the place of J1, J2"
}

@test "the lowest priority makes room first; a visit that can move to another tech moves, saying so" {
	with_t06 39.74 -104.83
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 500 '"tech":"T05","priority":2')
$(job J2 39.74 -104.83 '["electrical"]' 500 '"tech":"T06","priority":3')
$(job J9 39.74 -104.84 '["electrical"]' 120 '"priority":1,"sla_due":"'$D'T10:00:00-07:00"')"
	assert_eq "$(out_jq -r 'select(.id == "J2") | .exception.code')" displaced
	assert_eq "$(out_jq -r 'select(.id != "J2") | .tech' | sort | tr '\n' ' ')" "T05 T06 "
	assert_output_has '"moved from T05, where it came placed"'
}

@test "an emergency a free tech can reach in time displaces nobody" {
	with_t06 39.755 -105.221
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 240 '"tech":"T05"')
$(job J2 39.74 -104.83 '["electrical"]' 240 '"tech":"T05"')
$(job J9 39.74 -104.84 '["electrical"]' 120 '"priority":1,"type":"panel-upgrade"')"
	assert_eq "$(out_jq -r '.exception.code // "placed"' | tr '\n' ' ')" "placed placed placed "
}

@test "a locked job is never displaced, not even by an emergency" {
	match <<< "$(job J1 39.74 -104.83 '["electrical"]' 500 '"tech":"T05","locked":true')
$(job J9 39.74 -104.84 '["electrical"]' 120 '"priority":1,"sla_due":"'$D'T10:00:00-07:00"')"
	assert_eq "$(out_jq -r '.tech // .exception.code' | tr '\n' ' ')" "T05 no_capacity "
}

@test "playbooks add skills, priority and an SLA" {
	match --rules "$RULES" <<< "$(job J1 39.84 -104.98 '["hvac"]' 60 '"type":"no-heat"')"
	assert_eq "$(out_jq -r .tech)" T01
	assert_output_has "has hvac, cert:combustion"
	assert_output_has "before sla_due"
}

@test "playbook effects are written into the job; what it came with is in playbook.changed" {
	match --rules "$RULES" <<< '{"id":"J1","type":"no-heat","priority":3,"site":{"lat":39.84,"lon":-104.98},"skills":["hvac"]}'
	assert_eq "$(out_jq -c '[.priority, .sla_due, .skills, .duration]')" \
	    '[2,"'$D'T11:00:00-07:00",["hvac","cert:combustion"],60]'
	assert_eq "$(out_jq -c .playbook)" \
	    '{"type":"no-heat","changed":{"priority":3,"sla_due":null,"skills":["hvac"],"duration":null}}'
}

@test "a playbook that changes nothing leaves no trace; a sooner sla_due of the job's own stays" {
	match --rules "$RULES" <<< "$(job J1 39.62 -104.98 '["plumbing","cert:gasfit"]' 60 \
	    '"type":"gas-leak","priority":1,"sla_due":"'$D'T08:00:00-07:00"')"
	# the job's own sooner sla_due and priority stay; only the on-call
	# permission is the playbook's
	assert_eq "$(out_jq -c '[.priority, .sla_due, (.playbook.changed | keys)]')" \
	    '[1,"'$D'T08:00:00-07:00",["on_call","on_call_minutes"]]'
}

@test "the playbook's SLA counts from --now, and an exception carries the effects too" {
	match --rules "$RULES" --now "${D}T09:30:00-07:00" <<< "$(job J1 39.84 -104.98 '["fire"]' 60 '"type":"no-heat"')"
	assert_eq "$(out_jq -r .exception.code)" no_qualified_tech
	assert_eq "$(out_jq -c '[.sla_due, .skills, .playbook.changed.skills]')" \
	    '["'$D'T13:30:00-07:00",["fire","cert:combustion"],["fire"]]'
}

@test "matching the output again keeps the first originals" {
	match --rules "$RULES" <<< '{"id":"J1","type":"no-heat","site":{"lat":39.84,"lon":-104.98},"skills":["hvac"]}'
	first=$(out_jq -c .playbook)
	match --rules "$RULES" <<< "$output"
	assert_eq "$(out_jq -c .playbook)" "$first"
	assert_eq "$(out_jq -c .skills)" '["hvac","cert:combustion"]'
}

@test "an on-call tech may run past the shift for an on-call playbook" {
	match --rules "$RULES" --now "${D}T15:30:00-07:00" <<< "$(job J1 39.62 -104.98 '[]' 60 '"type":"gas-leak"')"
	assert_eq "$(out_jq -r .tech)" T03
	assert_output_has "on call after shift"
}

@test "an unknown key in the rules file is an error naming it" {
	printf '{"types":{"no-heat":{"sla_hour":4}}}\n' > "$BATS_TEST_TMPDIR/r.json"
	match --rules "$BATS_TEST_TMPDIR/r.json" < /dev/null
	[ "$status" -eq 1 ]
	assert_output_has '"types.no-heat.sla_hour" is not a known key (known: skills, priority,'
}

@test "an unknown tech id is a positioned error; the job still comes out" {
	match <<< "$(job J1 39.62 -104.98 '["plumbing"]' 60 '"required_tech":"T99"')"
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-match: stdin:1: "required_tech": unknown tech "T99"'
	assert_output_has '"code":"bad_record"'
}

@test "skills not an array, and a bad time, are positioned errors" {
	match <<< "$(job J1 39.62 -104.98 '"plumbing"' 60)
$(job J2 39.62 -104.98 '[]' 60 '"sla_due":"tomorrow"')"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "skills" must be an array of strings'
	assert_output_has 'stdin:2: "sla_due"'
	[ "$(printf '%s\n' "$output" | grep -c '"bad_record"')" -eq 2 ]
}

@test "a bad tech line is reported with its place; the others still work" {
	{ cat "$TOP/$TECHS"; echo '{"id":"T06","home":{"lat":39.7,"lon":-104.9},"shift":{"start":"x","end":"y"}}'; } > "$BATS_TEST_TMPDIR/t.ndjson"
	cd "$TOP" && run fsd-match --techs "$BATS_TEST_TMPDIR/t.ndjson" <<< "$(job J1 39.84 -104.98 '["hvac"]' 60)"
	[ "$status" -eq 1 ]
	assert_output_has 't.ndjson:6: "shift.start"'
	assert_output_has '"tech":"T02"'
}

@test "--techs is required" {
	run fsd-match < /dev/null
	[ "$status" -eq 2 ]
}

@test "every job comes out once, in input order, the same on every run" {
	in="$(for i in 1 2 3 4 5 6 7 8; do job J$i 39.7$i -104.9$i '["plumbing"]' 90; done)"
	match <<< "$in"
	first=$output
	assert_eq "$(out_jq -r .id | tr '\n' ' ')" "J1 J2 J3 J4 J5 J6 J7 J8 "
	match <<< "$in"
	assert_eq "$output" "$first"
}

@test "--candidates N scores only the N nearest who could take the job" {
	match --candidates 1 <<< "$(job J1 39.84 -104.98 '["hvac"]' 60)"
	assert_eq "$(out_jq -c '[.tech, .match.runner_up]')" '["T02",null]'
	match --candidates 0 <<< "$(job J1 39.84 -104.98 '["hvac"]' 60)"
	assert_eq "$(out_jq -r .match.runner_up.tech)" T01
	match --candidates -1 < /dev/null
	[ "$status" -eq 2 ]
}

@test "--naive gives the job to whoever is free next, however far" {
	match --naive <<< "$(job J1 39.84 -104.98 '["hvac"]' 60)"
	assert_eq "$(out_jq -r .tech)" T01
}

@test "an SLA counts from received, else the window's start; a rule never makes a job due before anyone could be there" {
	leak() { job J1 39.62 -104.98 '[]' 60 '"type":"gas-leak","window":{"start":"'$D'T13:05:00-07:00","end":"'$D'T15:00:00-07:00"}'"$1"; }
	# no received time: two hours from the window's start, not the plan's
	match --rules "$RULES" <<< "$(leak '')"
	assert_eq "$(out_jq -r '[.tech, .sla_due] | join(" ")')" "T03 ${D}T15:05:00-07:00"
	# received at 07:10: due 09:10, before the customer lets anyone in:
	# the rule is not applied, the job is still placed, and it says why
	match --rules "$RULES" <<< "$(leak ',"received":"'$D'T07:10:00-07:00"')"
	assert_eq "$(out_jq -r '[.tech, .sla_due // "none"] | join(" ")')" "T03 none"
	assert_eq "$(out_jq -r .match.warning)" \
	    "the gas-leak playbook's SLA would make it due 09:10, before any qualified tech could be there (13:05): it keeps no sla_due"
	# received, no window: due received + 2 h
	match --rules "$RULES" <<< "$(job J1 39.62 -104.98 '[]' 60 '"type":"gas-leak","received":"'$D'T08:00:00-07:00"')"
	assert_eq "$(out_jq -r .sla_due)" "${D}T10:00:00-07:00"
}

@test "no usable technician: every job still comes out, each saying so" {
	echo '{"id":"T1","home":{"lat":"north"}}' > "$BATS_TEST_TMPDIR/t"
	TECHS=$BATS_TEST_TMPDIR/t match <<< "$(job J1 39.62 -104.98 '[]' 60)
$(job J2 39.62 -104.98 '[]' 60)"
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r '"\(.id) \(.exception.code)"' | tr '\n' ' ')" "J1 no_techs J2 no_techs "
	assert_output_has "has no usable technician"
}

@test "records that are not jobs (an alert, a plan's pickup stop) pass through untouched, in their place" {
	alert='{"kind":"alert","id":"AL-1","code":"running_late","tech":"T01","job":"J1","eta":"2026-11-23T09:50:00-07:00"}'
	pickup='{"kind":"pickup","tech":"T01","location":"Supply House"}'
	match <<< "$alert
$(job J1 39.62 -104.98 '["plumbing"]' 60)
$pickup"
	[ "$status" -eq 0 ]
	assert_eq "$(printf '%s\n' "$output" | sed -n 1p)" "$alert"
	assert_eq "$(printf '%s\n' "$output" | sed -n 3p)" "$pickup"
	assert_eq "$(printf '%s\n' "$output" | sed -n 2p | jq -r .tech)" T03
}

@test "an exception from upstream stays: the job is not matched until it is fixed" {
	bad='{"id":"J1","tech":"T01","exception":{"code":"bad_record","message":"row 7 has 9 cells, the header 8"}}'
	match <<< "$bad"
	[ "$status" -eq 0 ]
	assert_eq "$output" "$bad"
	# one of the planners' own is decided again
	match <<< '{"id":"J2","site":{"lat":39.84,"lon":-104.98},"skills":["hvac"],"exception":{"code":"no_capacity","message":"full"}}'
	assert_eq "$(out_jq -r '[.tech, .exception] | join(" ")')" "T02 "
}

@test "one model of a day: what fsd-match assigns, fsd-route routes on the tech it was given" {
	cd "$TOP"
	sh share/bench/gen-day.sh 30 200 5 "$BATS_TEST_TMPDIR/day" >/dev/null
	fsd-match --techs "$BATS_TEST_TMPDIR/day/techs.ndjson" --rules share/examples/rules.json \
	    --iterations 300 <"$BATS_TEST_TMPDIR/day/jobs.ndjson" >"$BATS_TEST_TMPDIR/m" 2>/dev/null
	assigned=$(jq -c 'select(.tech)' "$BATS_TEST_TMPDIR/m" | wc -l)
	[ "$assigned" -gt 100 ]
	fsd-route --techs "$BATS_TEST_TMPDIR/day/techs.ndjson" --keep-techs --iterations 50 \
	    "$BATS_TEST_TMPDIR/m" >"$BATS_TEST_TMPDIR/r" 2>/dev/null
	assert_eq "$(jq -c 'select(.seq and .kind != "pickup")' "$BATS_TEST_TMPDIR/r" | wc -l)" "$assigned"
	# and each on the tech fsd-match gave it
	assert_eq "$(jq -r 'select(.seq) | "\(.id) \(.tech)"' "$BATS_TEST_TMPDIR/r" | sort)" \
	    "$(jq -r 'select(.tech) | "\(.id) \(.tech)"' "$BATS_TEST_TMPDIR/m" | sort)"
}

@test "a tech without a shift, or not working, is left out with a note, not an error (fsd(5))" {
	head -n 1 "$FIXTURES/match/techs.ndjson" > "$BATS_TEST_TMPDIR/t"
	head -n 1 "$FIXTURES/match/techs.ndjson" | jq -c '.id = "TX" | del(.shift)' >> "$BATS_TEST_TMPDIR/t"
	head -n 1 "$FIXTURES/match/techs.ndjson" | jq -c '.id = "TY" | .not_working = "time off"' >> "$BATS_TEST_TMPDIR/t"
	run fsd-match --techs "$BATS_TEST_TMPDIR/t" < /dev/null
	[ "$status" -eq 0 ]
	assert_output_has "t:2: TX is not working today (no shift): no jobs for them"
	assert_output_has "t:3: TY is not working today (time off): no jobs for them"
}

@test "mistakes: a skill a letter off says \"did you mean\"; skills run together with a comma are said" {
	run bash -c "printf '%s\n' '{\"id\":\"J1\",\"skills\":[\"plumbng\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":-104.9}}' \
		'{\"id\":\"J2\",\"skills\":[\"hvac, plumbing\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":-104.9}}' \
		| fsd-match --techs '$FIXTURES/match/techs.ndjson'"
	[ "$status" -eq 0 ]
	assert_output_has 'fsd-match: stdin:1: no tech has the skill "plumbng": did you mean plumbing?'
	assert_output_has 'fsd-match: stdin:2: skill "hvac, plumbing" holds a comma: skills are separated by ";"'
	assert_output_has '"code":"no_qualified_tech"'
}

@test "mistakes: a site far from every tech's home, a lost minus sign named; a duplicate id names both lines" {
	run bash -c "printf '%s\n' '{\"id\":\"J1\",\"skills\":[\"hvac\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":104.95}}' \
		'{\"id\":\"J1\",\"skills\":[\"hvac\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":-104.95}}' \
		| fsd-match --techs '$FIXTURES/match/techs.ndjson'"
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-match: stdin:1: the site 39.7,104.95 is '
	assert_output_has "km from the nearest tech's home: a lost minus sign? (with it, 6 km)"
	assert_output_has 'fsd-match: stdin:2: duplicate job id "J1" (first on line 1): both are matched'
}

@test "mistakes: a row imported with --source is named by its spreadsheet row" {
	printf 'id,skills,duration,site.lat,site.lon\nJ1,plumbng,30,39.7,-104.9\n' > "$BATS_TEST_TMPDIR/j.csv"
	run bash -c "fsd-import --source '$BATS_TEST_TMPDIR/j.csv' | fsd-match --techs '$FIXTURES/match/techs.ndjson' > /dev/null"
	assert_output_has "fsd-match: stdin:1 ($BATS_TEST_TMPDIR/j.csv:2): no tech has the skill \"plumbng\": did you mean plumbing?"
}

@test "mistakes: a job on another day than the shifts is said, with the fsd-roster line that makes that day" {
	run bash -c "echo '{\"id\":\"J1\",\"skills\":[\"hvac\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":-104.95},\"window\":{\"start\":\"2026-11-24T08:00:00-07:00\",\"end\":\"2026-11-24T12:00:00-07:00\"}}' \
		| fsd-match --techs '$FIXTURES/match/techs.ndjson'"
	# one warning for the run, from the model of a day fsd-route shares
	assert_output_has 'fsd-match: 1 job is dated 2026-11-24 (the first: J1), a day no tech'"'"'s shift is on: the shifts are on 2026-11-23; fsd-roster --on 2026-11-24 makes that day'"'"'s techs'
	run bash -c "echo '{\"id\":\"J1\",\"skills\":[\"hvac\"],\"duration\":30,\"site\":{\"lat\":39.7,\"lon\":-104.95},\"window\":{\"start\":\"2026-11-23T08:00:00-07:00\",\"end\":\"2026-11-23T12:00:00-07:00\"}}' \
		| fsd-match --techs '$FIXTURES/match/techs.ndjson'"
	[[ $output != *"no tech's shift is on"* ]]
}
