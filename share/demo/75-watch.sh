#!/bin/sh
# 75-watch: the clock over the sample day at 11:00, as cron would run it.
# The plan's jobs as the day went (what should have ended is completed,
# what should have started is under way, the first job under way since
# 10:20 or before is a lone worker's, and T10 never got to its second stop), the day's invoices
# with a failed card payment twice: fsd-watch raises what is due, and a
# second run with the same state file raises nothing again. Reads
# $OUT/plan.ndjson and $OUT/invoices.ndjson; writes $OUT/watch.ndjson
# and the state $OUT/watch-raised.ndjson.
set -eu
echo "== fsd-watch: what is due at 11:00"
now=2026-11-23T11:00:00-07:00
lone=$(jq -r --arg now "$now" 'select(.arrive and .arrive <= "2026-11-23T10:20:00-07:00" and .end > $now) | .id' \
	"$OUT/plan.ndjson" | sort | head -n 1)
jq -c --arg now "$now" --arg lone "$lone" '
	if .start == null or .exception then .
	elif .tech == "T10" and .seq == 2 then .status = "en_route"
	elif .end <= $now then .status = "completed" | .arrived = .arrive | .completed = .end
	elif .arrive <= $now then .status = "on_site" | .arrived = .arrive
	else .status = "scheduled" end
	| if .id == $lone then .lone_worker = true else . end' \
	"$OUT/plan.ndjson" > "$OUT/watch-input.ndjson"
inv=$(jq -r 'select(.invoice) | .invoice.number' "$OUT/invoices.ndjson" | head -n 1)
for t in 10:20 10:40; do
	echo "{\"kind\":\"payment\",\"invoice\":\"$inv\",\"amount\":100,\"currency\":\"USD\",\"status\":\"failed\",\"at\":\"2026-11-23T$t:00-07:00\"}"
done >> "$OUT/watch-input.ndjson"
jq -c 'select(.invoice)' "$OUT/invoices.ndjson" >> "$OUT/watch-input.ndjson"
rm -f "$OUT/watch-raised.ndjson"
fsd-watch --now "$now" --state "$OUT/watch-raised.ndjson" "$OUT/watch-input.ndjson" > "$OUT/watch.ndjson"
echo "$(wc -l < "$OUT/watch.ndjson") alerts: $(jq -r .code "$OUT/watch.ndjson" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
jq -r '"  \(.at[11:16]) \(.code): \(.message)"' "$OUT/watch.ndjson" | awk '!seen[$2]++'
echo "the same run again with the state file: $(fsd-watch --now "$now" --state "$OUT/watch-raised.ndjson" "$OUT/watch-input.ndjson" | wc -l) alerts raised again"
