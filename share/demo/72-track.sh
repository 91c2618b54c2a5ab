#!/bin/sh
# 72-track: the sample day's GPS pings replayed against the plan. The
# pings are made from $OUT/plan.ndjson by share/bench/gen-pings.sh: most
# techs keep to the plan; T01 takes a long detour, T02 stands idle on
# the road, T03's phone jumps 30 km for a moment, T04's goes silent.
# Writes $OUT/pings.ndjson and $OUT/track.ndjson (status events and
# alerts), and the pings taken for noise in $OUT/pings-noisy.ndjson.
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
