#!/bin/sh
# Demo: the sample day's parts usage comes off the trucks; pulls and
# purchase orders follow, and tomorrow's plan is checked for parts.
# Reads share/examples/locations.csv, stock.csv, usage.csv (and
# $OUT/plan.ndjson, else assigned.ndjson, else jobs.ndjson, as the plan);
# writes $OUT/stock.ndjson (the stock after the day), $OUT/usage.ndjson,
# $OUT/restock.ndjson (discrepancies, pulls, purchase orders).
set -eu
echo "== fsd-restock: trucks that decrement themselves, reorders that trigger themselves"
if ! command -v fsd-import >/dev/null 2>&1; then
	echo "fsd-import is not built: no stock to read"
	exit 0
fi
# One stock file holds both: location records (kind truck/warehouse/supplier)
# and stock rows and open orders (kind stock/open_order).
fsd-import "$EXAMPLES/locations.csv" "$EXAMPLES/stock.csv" \
	> "$OUT/stock.ndjson"
fsd-import "$EXAMPLES/usage.csv" > "$OUT/usage.ndjson"
plan=
for f in plan assigned jobs; do
	if [ -f "$OUT/$f.ndjson" ]; then plan=$OUT/$f.ndjson; break; fi
done
status=0
fsd-restock --stock "$OUT/stock.ndjson" --in-place ${plan:+--plan "$plan"} \
	--now 2026-11-23T17:00:00-07:00 "$OUT/usage.ndjson" > "$OUT/restock.ndjson" || status=$?

echo "$(wc -l < "$OUT/usage.ndjson") usage events applied to $(jq -r 'select(.kind == "truck") | .id' "$OUT/stock.ndjson" | wc -l) trucks${plan:+; plan: ${plan##*/}} (exit $status)"
echo "count discrepancies (used more than the truck had on record): $(jq -r 'select(.kind == "count_discrepancy") | .sku' "$OUT/restock.ndjson" | wc -l)"
echo "warehouse pulls:"
jq -r 'select(.kind == "pull") | "  \(.id)  \(.from) -> \(.to)  " + ([.lines[] | "\(.qty) \(.sku)"] | join(", "))' \
	"$OUT/restock.ndjson" | head -12
echo "purchase orders:"
jq -r 'select(.kind == "purchase_order") | "  \(.id)  \(.supplier)  \(.lines | length) line(s)  $\(.total / 100 | floor).\(.total % 100 | tostring | if length < 2 then "0" + . else . end)  due \(.expected)"' \
	"$OUT/restock.ndjson"
unavailable=$(jq -r 'select(.exception.code == "parts_unavailable") | .id' "$OUT/restock.ndjson" | tr '\n' ' ')
echo "jobs whose parts cannot be had: ${unavailable:-none}"
again=$(fsd-restock --stock "$OUT/stock.ndjson" --now 2026-11-23T17:00:00-07:00 "$OUT/usage.ndjson" | wc -l)
echo "the same usage again: $again new records (applied ids are kept in the stock)"
