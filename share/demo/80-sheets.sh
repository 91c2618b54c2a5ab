#!/bin/sh
# Demo: the day goes back out as sheets people use: one per tech (names,
# phones, times on Denver's clock, miles, a directions link a phone
# opens), the plan for Google Calendar, and the invoices in QuickBooks
# Online's import layout. Reads $OUT/plan.ndjson, techs.ndjson and
# invoices.ndjson; writes $OUT/sheets/, calendar.csv and quickbooks.csv.
set -eu
MAPS=$EXAMPLES/../maps
echo "== fsd-export: the plan and the invoices as the office's sheets"
mkdir -p "$OUT/sheets"
files=$(fsd-export -f tech_name,tech_phone,seq,id,type,customer.name,customer.phone,site.address,arrive,eta_window.start,eta_window.end,drive.mi,directions \
	--techs "$OUT/techs.ndjson" --tz America/Denver --time-format '%I:%M %p' --units mi --directions \
	--split-by tech --dir "$OUT/sheets" "$OUT/plan.ndjson" | wc -l)
first=$(ls "$OUT/sheets" | head -n 1)
echo "$files sheets in $OUT/sheets, one per tech (none.csv: what no tech could take); $first begins:"
head -n 3 "$OUT/sheets/$first" | cut -c1-120 | sed 's/^/  /'
jq -c 'select(.seq)' "$OUT/plan.ndjson" \
	| fsd-export --map "$MAPS/google-calendar.map" --tz America/Denver > "$OUT/calendar.csv"
echo "Google Calendar: $(($(wc -l < "$OUT/calendar.csv") - 1)) events in $OUT/calendar.csv"
fsd-export --map "$MAPS/quickbooks-invoices.map" "$OUT/invoices.ndjson" > "$OUT/quickbooks.csv"
echo "QuickBooks Online: $(($(wc -l < "$OUT/quickbooks.csv") - 1)) invoice lines in $OUT/quickbooks.csv, e.g.:"
sed -n 2p "$OUT/quickbooks.csv" | sed 's/^/  /'
