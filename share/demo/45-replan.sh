#!/bin/sh
# 45-replan: 11:00 on the sample day. What 40-route planned has partly
# happened (jobs that should have ended are done, those under way are in
# progress) and a gas leak is called in. fsd-route --now plans the rest of
# the day again. Reads $OUT/plan.ndjson and $OUT/techs.ndjson; writes
# $OUT/replan.ndjson.
set -eu
echo "== fsd-route --now: re-plan at 11:00 after an emergency"
now=2026-11-23T11:00:00-07:00
# The plan's jobs as the day went: done, in progress, and the next job of
# a tech whose last one is done is the one they are driving to.
jq -c --arg now "$now" '
	if .start == null or .exception then .
	elif .end <= $now then .status = "done"
	elif .start <= $now then .status = "in_progress" | .started = .start
	else . end' "$OUT/plan.ndjson" |
jq -sc 'group_by(.tech // "")[] | sort_by(.seq // 1e9) | . as $day
	| to_entries[] | .value as $j
	| if $j.seq and $j.status != "done" and $j.status != "in_progress" and .key > 0
	    and $day[.key - 1].status == "done" then $j | .status = "en_route" else $j end' 	> "$OUT/noon-input.ndjson"
echo '{"id":"E9001","type":"gas-leak","priority":1,"customer":{"id":"C29001","name":"Maple Court HOA"},"site":{"lat":39.7392,"lon":-104.9903,"address":"1437 Bannock St, Denver, CO 80202"},"skills":["hvac","cert:gasfit"],"duration":60,"sla_due":"2026-11-23T13:00:00-07:00"}' \
	>> "$OUT/noon-input.ndjson"
fsd-route --techs "$OUT/techs.ndjson" --now "$now" "$OUT/noon-input.ndjson" \
	> "$OUT/replan.ndjson" 2>/dev/null || echo "(some records were reported)"

jq -r 'select(.id == "E9001") | if .tech and .seq then
	"E9001 gas-leak -> \(.tech), stop \(.seq), arrives \(.arrive[11:16]) (SLA \(.sla_due[11:16]))\(if .late then ", \(.late.minutes) min late" else "" end)"
	else "E9001 gas-leak not routed: \(.exception.code): \(.exception.message)" end' "$OUT/replan.ndjson"
jq -rs '"done \(map(select(.status == "done")) | length), in progress \(map(select(.status == "in_progress")) | length), on the way \(map(select(.status == "en_route")) | length), re-planned \(map(select(.seq and .status != "done" and .status != "in_progress" and .status != "en_route")) | length)",
	"customers to tell (start moved > 15 min): \(map(select(.eta_changed)) | length); displaced: \(map(select(.exception.code == "displaced")) | length)"' \
	"$OUT/replan.ndjson"
jq -r 'select(.eta_changed) | "  \(.id) \(.tech): \(.eta_changed.old[11:16]) -> \(.eta_changed.new[11:16]) (\(.eta_changed.minutes) min)"' \
	"$OUT/replan.ndjson" | head -n 3
jq -r 'select(.exception.code == "displaced") | "  \(.id) displaced: \(.exception.message)"' "$OUT/replan.ndjson" | head -n 3
