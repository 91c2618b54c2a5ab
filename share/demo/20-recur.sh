#!/bin/sh
# Demo: the sample week's maintenance visits from the service contracts,
# then Monday's visits dispatched with Monday's calls.
# Reads share/examples/contracts.csv, visits-history.csv, holidays.txt
# (and $OUT/jobs.ndjson, $OUT/techs.ndjson from 10-import); writes
# $OUT/contracts.ndjson, $OUT/visits.ndjson.
set -eu
echo "== fsd-recur: maintenance contracts schedule themselves"
if ! command -v fsd-import >/dev/null 2>&1; then
	echo "fsd-import is not built: no contracts to read"
	exit 0
fi
fsd-import "$EXAMPLES/contracts.csv" > "$OUT/contracts.ndjson"
fsd-import "$EXAMPLES/visits-history.csv" > "$OUT/visits-history.ndjson"
fsd-recur --from 2026-11-23 --to 2026-11-29 --history "$OUT/visits-history.ndjson" \
	--holidays "$EXAMPLES/holidays.txt" "$OUT/contracts.ndjson" > "$OUT/visits.ndjson"

echo "$(wc -l < "$OUT/contracts.ndjson") contracts, $(wc -l < "$OUT/visits.ndjson") visits in the week 2026-11-23..29"
echo "visits per day and type:"
jq -r '"\(.window.start[:10]) \(.type)"' "$OUT/visits.ndjson" | sort | uniq -c \
	| awk '{ printf "  %s  %2d %s\n", $2, $1, $3 }'
moved=$(jq -r 'select(.window.start[:10] != .due) | .id' "$OUT/visits.ndjson" | wc -l)
overdue=$(jq -r 'select(.overdue) | .id' "$OUT/visits.ndjson" | wc -l)
echo "placed off their due date (weekend, Thanksgiving, overdue): $moved, of which overdue: $overdue"

# Rerun, given what the first run made: nothing is made twice.
again=$(fsd-recur --from 2026-11-23 --to 2026-11-29 --history "$OUT/visits-history.ndjson" \
	--holidays "$EXAMPLES/holidays.txt" --existing "$OUT/visits.ndjson" "$OUT/contracts.ndjson" | wc -l)
echo "rerun with --existing: $again new visits"

if command -v fsd-match >/dev/null 2>&1 && [ -f "$OUT/jobs.ndjson" ] && [ -f "$OUT/techs.ndjson" ]; then
	jq -c 'select(.window.start[:10] == "2026-11-23")' "$OUT/visits.ndjson" > "$OUT/visits-monday.ndjson"
	cat "$OUT/visits-monday.ndjson" "$OUT/jobs.ndjson" \
	| fsd-match --techs "$OUT/techs.ndjson" > "$OUT/recur-matched.ndjson" 2>/dev/null || true
	monday=$(wc -l < "$OUT/visits-monday.ndjson")
	got=$(jq -r 'select(.contract and .tech) | .id' "$OUT/recur-matched.ndjson" | wc -l)
	echo "Monday: $monday visits fed to fsd-match with the day's calls; $got got a technician"
else
	echo "(fsd-match, jobs.ndjson or techs.ndjson missing: Monday's visits not dispatched)"
fi
