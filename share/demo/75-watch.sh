#!/bin/sh
# 75-watch: the clock over the sample day at 11:00, as cron would run it,
# over what 70-live left: the jobs as fsd-status folded the day's log
# ($OUT/live-status.ndjson) and the log itself ($OUT/day.events, whose
# events count as the techs' check-ins). The first job under way since
# 10:20 or before is made a lone worker's; the day's invoices come in with
# a card that failed twice. fsd-watch raises what is due, and a second run
# with the same state file raises nothing again. Writes $OUT/watch.ndjson
# and the state $OUT/watch-raised.ndjson.
set -eu
echo "== fsd-watch: what is due at 11:00"
now=2026-11-23T11:00:00-07:00
lone=$(jq -r 'select(.status == "in_progress" and .arrived <= "2026-11-23T10:20:00-07:00") | .id' \
	"$OUT/live-status.ndjson" | sort | head -n 1)
jq -c --arg lone "$lone" 'if .id == $lone then .lone_worker = true else . end' \
	"$OUT/live-status.ndjson" > "$OUT/watch-input.ndjson"
jq -c 'select(.invoice)' "$OUT/invoices.ndjson" >> "$OUT/watch-input.ndjson"
inv=$(jq -r 'select(.invoice) | .invoice.number' "$OUT/invoices.ndjson" | head -n 1)
for t in 10:20 10:40; do
	echo "{\"kind\":\"payment\",\"invoice\":\"$inv\",\"amount\":100,\"currency\":\"USD\",\"status\":\"failed\",\"at\":\"2026-11-23T$t:00-07:00\"}"
done >> "$OUT/watch-input.ndjson"
rm -f "$OUT/watch-raised.ndjson"
fsd-watch --now "$now" --state "$OUT/watch-raised.ndjson" "$OUT/watch-input.ndjson" "$OUT/day.events" \
	> "$OUT/watch.ndjson"
echo "$(wc -l < "$OUT/watch.ndjson") alerts: $(jq -r .code "$OUT/watch.ndjson" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
echo "(completed_unclosed: no fsd-close proof has been checked in this demo)"
jq -r '"  \(.at[11:16]) \(.code): \(.message)"' "$OUT/watch.ndjson" | awk '!seen[$2]++'
echo "the same run again with the state file: $(fsd-watch --now "$now" --state "$OUT/watch-raised.ndjson" \
	"$OUT/watch-input.ndjson" "$OUT/day.events" | wc -l) alerts raised again"
