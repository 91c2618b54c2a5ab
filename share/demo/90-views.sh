#!/bin/sh
# 90-views: what people look at, from the day's plan: the dispatcher's
# board, the techs' day sheets, the techs' and the customers' calendars
# (iCalendar) and the routes as GeoJSON. Reads $OUT/plan.ndjson,
# $OUT/replan.ndjson (45-replan) and $OUT/techs.ndjson, and the day's
# events and alerts when earlier fragments left them; writes $OUT/views/.
set -eu
echo "== the views: the board, day sheets, calendars and a map of the day"
V=$OUT/views
mkdir -p "$V/calendars"
# What the day's other tools left, when they ran: status events, alerts.
set --
[ -s "$OUT/events.ndjson" ] && set -- "$@" --events "$OUT/events.ndjson"
[ -s "$OUT/alerts.ndjson" ] && set -- "$@" --alerts "$OUT/alerts.ndjson"
[ -s "$OUT/invoices.ndjson" ] && set -- "$@" --invoices "$OUT/invoices.ndjson"
fsd-board --techs "$OUT/techs.ndjson" --all-sheets "$V/sheets" --out "$V/board.html" \
	"$OUT/plan.ndjson" 2>/dev/null || true
echo "board of the morning's plan: $(grep -o 'class="job st-' "$V/board.html" | wc -l) jobs on $(grep -o 'class="row" data-tech=' "$V/board.html" | wc -l) lanes, $(grep -o 'class="unplaced" data-job=' "$V/board.html" | wc -l) not placed; $(ls "$V/sheets" | wc -l) day sheets"
if [ -s "$OUT/replan.ndjson" ]; then
	fsd-board --techs "$OUT/techs.ndjson" --now 2026-11-23T11:00:00-07:00 "$@" \
		--out "$V/board-1100.html" "$OUT/replan.ndjson" 2>/dev/null || true
	echo "board at 11:00, after the re-plan: $(grep -o 'class="job st-done' "$V/board-1100.html" | wc -l) done, $(grep -o 'class="job st-in_progress' "$V/board-1100.html" | wc -l) on site, $(grep -o 'class="job st-en_route' "$V/board-1100.html" | wc -l) on the way, $(grep -o 'class="job [^"]* moved' "$V/board-1100.html" | wc -l) moved"
fi
# The morning's plan, then the 11:00 re-plan through the same state: the
# visits that moved go up a SEQUENCE, the displaced are cancelled.
fsd-ical --techs "$OUT/techs.ndjson" --split-by tech --dir "$V/calendars/techs" \
	--state "$V/calendars/techs.state" "$OUT/plan.ndjson" 2>/dev/null || true
fsd-ical --techs "$OUT/techs.ndjson" --split-by customer --dir "$V/calendars/customers" \
	--state "$V/calendars/customers.state" "$OUT/plan.ndjson" 2>/dev/null || true
echo "calendars: $(ls "$V/calendars/techs" | wc -l) techs, $(ls "$V/calendars/customers" | wc -l) customers"
if [ -s "$OUT/replan.ndjson" ]; then
	fsd-ical --techs "$OUT/techs.ndjson" --split-by tech --dir "$V/calendars/techs" \
		--state "$V/calendars/techs.state" "$OUT/replan.ndjson" 2>/dev/null || true
	echo "after the 11:00 re-plan: $(jq -s 'map(select(.sequence > 0 and .cancelled == false)) | length' "$V/calendars/techs.state") visits updated, $(jq -s 'map(select(.cancelled)) | length' "$V/calendars/techs.state") cancelled (SEQUENCE bumped)"
fi
fsd-geojson --techs "$OUT/techs.ndjson" "$OUT/plan.ndjson" > "$V/plan.geojson" 2>/dev/null || true
echo "map: $(jq '[.features[] | select(.properties.kind == "route")] | length' "$V/plan.geojson") routes, $(jq '[.features[] | select(.properties.kind == "stop")] | length' "$V/plan.geojson") stops"
# The numbers: the day as it stood at 11:00 (jobs done so far), with
# the invoices of the day's completed jobs.
set --
[ -s "$OUT/invoices.ndjson" ] && set -- --invoices "$OUT/invoices.ndjson"
day=$OUT/plan.ndjson
[ -s "$OUT/replan.ndjson" ] && day=$OUT/replan.ndjson
fsd-report --techs "$OUT/techs.ndjson" "$@" "$day" > "$V/report.ndjson" 2>/dev/null || true
fsd-report --techs "$OUT/techs.ndjson" --html "$@" "$day" > "$V/report.html" 2>/dev/null || true
jq -r 'select(.scope == "total") | "report: \(.jobs_planned) jobs planned, \(.jobs_done) done, \(.drive_min_per_job) min of drive a job, utilization \(.utilization * 100 | round)%, \(.invoiced) invoiced for \(.revenue / 100) \(.currency // "")"' "$V/report.ndjson"
fsd-report --techs "$OUT/techs.ndjson" --table "$@" "$day" 2>/dev/null | sed -n '1,4p'
echo "open in a browser: $V/board.html, $V/board-1100.html, $V/sheets/T01.html, $V/report.html"
echo "open in a calendar app: $V/calendars/techs/T01.ics; on a map (geojson.io, QGIS): $V/plan.geojson"
