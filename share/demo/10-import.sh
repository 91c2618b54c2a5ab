#!/bin/sh
# Demo: the sample day comes in from the spreadsheets the office keeps:
# its field-service software's job export (its own headers, US dates on
# Denver's clock) through a column map, and the standing weekly roster
# made into Monday's techs. Writes $OUT/techs.ndjson and $OUT/jobs.ndjson,
# which every later fragment starts from.
set -eu
OFFICE=$EXAMPLES/office
echo "== fsd-import, fsd-roster: the Denver sample day, Monday 2026-11-23, from the office's sheets"
fsd-import "$OFFICE/roster.csv" | fsd-roster --on 2026-11-23 --holidays "$EXAMPLES/holidays.txt" > "$OUT/techs.ndjson"
fsd-import --map "$OFFICE/fsm.map" --tz America/Denver "$OFFICE/jobs-export.csv" > "$OUT/jobs.ndjson"
echo "jobs-export.csv, its first row as the office wrote it:"
sed -n 2p "$OFFICE/jobs-export.csv" | cut -c1-110 | sed 's/^/  /'
echo "  ... and as a record: $(head -n 1 "$OUT/jobs.ndjson" | cut -c1-100)..."

# Counted through fsd-export, one column at a time: no jq needed.
column() {
	fsd-export -f "$1" "$OUT/jobs.ndjson" | tail -n +2
}
techs=$(wc -l < "$OUT/techs.ndjson")
working=$(fsd-export -f shift.start "$OUT/techs.ndjson" | tail -n +2 | grep -c . || true)
jobs=$(wc -l < "$OUT/jobs.ndjson")
emergencies=$(column priority | grep -c '^1$' || true)
with_parts=$(column parts | grep -c . || true)
locked=$(column locked | grep -c '^true$' || true)
echo "$techs techs on the roster, $working working today; $jobs jobs: $emergencies emergencies, $with_parts jobs need parts, $locked locked to a tech"
echo "jobs by territory:"
column territory | sort | uniq -c | awk '{ printf "  %-8s %3d\n", $2, $1 }'

# The way back to a spreadsheet: the dispatcher's view of the emergencies.
fsd-export -f id,type,priority,sla_due,customer.name,site.address "$OUT/jobs.ndjson" \
	| awk -F, 'NR == 1 || $3 == 1' > "$OUT/emergencies.csv"
echo "emergencies for the dispatcher's sheet: $OUT/emergencies.csv"
