#!/bin/sh
# 90-views: what people look at: the dispatcher's board (the morning's
# plan, and the day at 11:00 with its events), the techs' day sheets, the
# techs' and the customers' calendars (iCalendar, updated by the 11:00
# re-plan), the routes as GeoJSON, and the figures. Reads
# $OUT/plan.ndjson and $OUT/techs.ndjson, and when earlier fragments left
# them the 11:00 re-plan ($OUT/live-replan.ndjson from 70-live, else
# $OUT/replan.ndjson from 45-replan), the alerts of fsd-track and
# fsd-watch ($OUT/track.ndjson, $OUT/watch.ndjson) and the invoices;
# writes $OUT/views/.
set -eu
echo "== the views: the board, day sheets, calendars, a map and the figures"
V=$OUT/views
mkdir -p "$V/calendars"
now=2026-11-23T11:00:00-07:00
day=
for f in "$OUT/live-replan.ndjson" "$OUT/replan.ndjson"; do
	[ -s "$f" ] && { day=$f; break; }
done
invoices=
for f in "$OUT/live-invoices.ndjson" "$OUT/invoices.ndjson"; do
	[ -s "$f" ] && { invoices=$f; break; }
done
count() { grep -o "$1" "$2" | wc -l; }

fsd-board --techs "$OUT/techs.ndjson" --all-sheets "$V/sheets" --out "$V/board.html" \
	"$OUT/plan.ndjson" 2>/dev/null || true
echo "board of the morning's plan: $(count 'class="job st-' "$V/board.html") jobs on $(count 'class="row" data-tech=' "$V/board.html") lanes, $(count 'class="unplaced" data-job=' "$V/board.html") not placed; $(ls "$V/sheets" | wc -l) day sheets"
# What the day's other tools left: the alerts fsd-track and fsd-watch
# raised by 11:00, the invoices. The statuses are in the re-plan already,
# folded by fsd-status, which refuses the events that cannot happen;
# --events would apply the log as it is.
cat "$OUT/track.ndjson" "$OUT/watch.ndjson" 2>/dev/null \
	| jq -sc --arg now "$now" 'map(select(.kind == "alert" and .at <= $now)) | sort_by(.at)[]' \
	> "$V/alerts.ndjson" || true
set --
[ -s "$V/alerts.ndjson" ] && set -- "$@" --alerts "$V/alerts.ndjson"
[ -n "$invoices" ] && set -- "$@" --invoices "$invoices"
if [ -n "$day" ]; then
	fsd-board --techs "$OUT/techs.ndjson" --now "$now" "$@" --out "$V/board-1100.html" "$day" 2>/dev/null || true
	echo "board at 11:00 (${day##*/}): $(count 'class="job st-done\|class="job st-completed' "$V/board-1100.html") done, $(count 'class="job st-in_progress\|class="job st-on_site' "$V/board-1100.html") on site, $(count 'class="job st-en_route' "$V/board-1100.html") on the way, $(count 'class="job [^"]* moved' "$V/board-1100.html") moved, $(count 'class="alert" data-alert' "$V/board-1100.html") alerts"
fi

# The morning's plan, then the 11:00 re-plan through the same state: the
# visits that moved go up a SEQUENCE, the displaced are cancelled.
fsd-ical --techs "$OUT/techs.ndjson" --split-by tech --dir "$V/calendars/techs" \
	--state "$V/calendars/techs.state" "$OUT/plan.ndjson" 2>/dev/null || true
fsd-ical --techs "$OUT/techs.ndjson" --split-by customer --dir "$V/calendars/customers" \
	--state "$V/calendars/customers.state" "$OUT/plan.ndjson" 2>/dev/null || true
echo "calendars: $(ls "$V/calendars/techs" | wc -l) techs, $(ls "$V/calendars/customers" | wc -l) customers"
if [ -n "$day" ]; then
	fsd-ical --techs "$OUT/techs.ndjson" --split-by tech --dir "$V/calendars/techs" \
		--state "$V/calendars/techs.state" "$day" 2>/dev/null || true
	echo "after the 11:00 re-plan: $(jq -s 'map(select(.sequence > 0 and .cancelled == false)) | length' "$V/calendars/techs.state") visits updated, $(jq -s 'map(select(.cancelled)) | length' "$V/calendars/techs.state") cancelled (SEQUENCE bumped)"
fi
fsd-geojson --techs "$OUT/techs.ndjson" "$OUT/plan.ndjson" > "$V/plan.geojson" 2>/dev/null || true
echo "map: $(jq '[.features[] | select(.properties.kind == "route")] | length' "$V/plan.geojson") routes, $(jq '[.features[] | select(.properties.kind == "stop")] | length' "$V/plan.geojson") stops"

# The figures of the day as it stood at 11:00 (arrivals and completions
# folded in by fsd-status).
set --
[ -n "$invoices" ] && set -- "$@" --invoices "$invoices"
fsd-report --techs "$OUT/techs.ndjson" "$@" "${day:-$OUT/plan.ndjson}" > "$V/report.ndjson" 2>/dev/null || true
fsd-report --techs "$OUT/techs.ndjson" --html "$@" "${day:-$OUT/plan.ndjson}" > "$V/report.html" 2>/dev/null || true
jq -r 'select(.scope == "total") | "figures at 11:00: \(.jobs_planned) jobs planned, \(.jobs_done) done, \(.drive_min_per_job) min of drive a job, utilization \((.utilization // 0) * 100 | round)%, on time \(if .on_time_rate then "\(.on_time_rate * 100 | round)%" else "-" end) of \(.arrivals_timed) arrivals, \(.invoiced) invoiced for \(.revenue / 100) \(.currency // "")"' "$V/report.ndjson"
fsd-report --techs "$OUT/techs.ndjson" --table "$@" "${day:-$OUT/plan.ndjson}" 2>/dev/null | sed -n '1,4p'
echo "open in a browser: $V/board.html, $V/board-1100.html, $V/sheets/T01.html, $V/report.html"
echo "open in a calendar app: $V/calendars/techs/T01.ics; on a map (geojson.io, QGIS): $V/plan.geojson"
