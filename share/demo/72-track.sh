#!/bin/sh
# 72-track: the sample day's GPS pings replayed against the plan. The
# pings are made from $OUT/plan.ndjson by share/bench/gen-pings.sh: most
# techs keep to the plan; T01 takes a long detour, T02 stands idle on
# the road, T03's phone jumps 30 km for a moment, T04's goes silent.
# Writes $OUT/pings.ndjson and $OUT/track.ndjson (status events and
# alerts), the pings taken for noise in $OUT/pings-noisy.ndjson, and the
# re-plan that heeds the first running_late alert in $OUT/track-replan.ndjson.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
echo "== fsd-track: the day's GPS pings against the plan"
sh "$top/share/bench/gen-pings.sh" -b T01=detour -b T02=idle -b T03=jump -b T04=silent \
	"$OUT/plan.ndjson" > "$OUT/pings.ndjson"
rm -f "$OUT/pings-noisy.ndjson"
fsd-track --plan "$OUT/plan.ndjson" --noisy "$OUT/pings-noisy.ndjson" "$OUT/pings.ndjson" \
	> "$OUT/track.ndjson"
echo "$(wc -l < "$OUT/pings.ndjson") pings of $(jq -r .tech "$OUT/pings.ndjson" | sort -u | wc -l) techs: $(jq -s 'map(select(.status == "on_site")) | length' "$OUT/track.ndjson") arrivals and $(jq -s 'map(select(.status == "en_route")) | length' "$OUT/track.ndjson") departures proven, $(jq -s 'map(select(.kind == "alert")) | length' "$OUT/track.ndjson") alerts"
echo "pings taken for noise, not alerts: $(jq -r .exception.code "$OUT/pings-noisy.ndjson" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
echo "what the dispatcher saw:"
jq -r 'select(.kind == "alert") | "  \(.at[11:16]) \(.code): \(.message)"' "$OUT/track.ndjson"

# The first running_late alert, read with the plan by fsd-route --now at
# the moment it was raised: every job planned to end by then done, the
# late job on the way; its start moves to the tracker's ETA, and the
# eta_changed that fsd-notify turns into the customer's new time.
jq -c 'select(.kind == "alert" and .code == "running_late")' "$OUT/track.ndjson" | head -n 1 \
	> "$OUT/track-late.ndjson"
if [ -s "$OUT/track-late.ndjson" ]; then
	at=$(jq -r .at "$OUT/track-late.ndjson")
	jq -c --slurpfile late "$OUT/track-late.ndjson" '
		if .id == $late[0].job then .status = "en_route"
		elif .seq and .tech and .end and .end <= $late[0].at then .status = "done"
		else . end' "$OUT/plan.ndjson" \
	| cat - "$OUT/track-late.ndjson" \
	| fsd-route --techs "$OUT/techs.ndjson" --now "$at" > "$OUT/track-replan.ndjson" 2>/dev/null \
		|| echo "(some records were reported)"
	jq -r --slurpfile late "$OUT/track-late.ndjson" 'select(.id == $late[0].job)
		| "re-planned at \($late[0].at[11:16]) with it: \(.id) (\(.tech)) starts \(.start[11:16]), the tracker'"'"'s ETA \($late[0].eta[11:16])"
		+ (if .eta_changed then ", \(.eta_changed.minutes | round) min later than planned: the customer is told" else "" end)' \
		"$OUT/track-replan.ndjson"
fi
