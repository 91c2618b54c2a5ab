#!/bin/sh
# Demo: the sample day comes in from the spreadsheets a shop keeps.
# Reads share/examples/techs.csv and jobs.csv; writes $OUT/techs.ndjson
# and $OUT/jobs.ndjson, which every later fragment starts from.
set -eu
echo "== fsd-import: the Denver sample day, Monday 2026-11-23, from CSV"
fsd-import "$EXAMPLES/techs.csv" > "$OUT/techs.ndjson"
fsd-import "$EXAMPLES/jobs.csv" > "$OUT/jobs.ndjson"

# Counted through fsd-export, one column at a time: no jq needed.
column() {
	fsd-export -f "$1" "$OUT/jobs.ndjson" | tail -n +2
}
techs=$(wc -l < "$OUT/techs.ndjson")
jobs=$(wc -l < "$OUT/jobs.ndjson")
emergencies=$(column priority | grep -c '^1$' || true)
with_parts=$(column parts | grep -c . || true)
locked=$(column locked | grep -c '^true$' || true)
echo "$techs techs, $jobs jobs: $emergencies emergencies, $with_parts jobs need parts, $locked locked to a tech"
echo "jobs by territory:"
column territory | sort | uniq -c | awk '{ printf "  %-8s %3d\n", $2, $1 }'

# The way back to a spreadsheet: the dispatcher's view of the emergencies.
fsd-export -f id,type,priority,sla_due,customer.name,site.address "$OUT/jobs.ndjson" \
	| awk -F, 'NR == 1 || $3 == 1' > "$OUT/emergencies.csv"
echo "emergencies for the dispatcher's sheet: $OUT/emergencies.csv"
