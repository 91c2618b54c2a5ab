#!/bin/sh
# 90-views: what people look at, from the day's plan: the techs' and the
# customers' calendars (iCalendar) and the routes as GeoJSON. Reads
# $OUT/plan.ndjson, $OUT/replan.ndjson (45-replan) and $OUT/techs.ndjson;
# writes $OUT/views/.
set -eu
echo "== the views: calendars and a map of the day"
V=$OUT/views
mkdir -p "$V/calendars"
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
echo "open: $V/calendars/techs/T01.ics in a calendar app; $V/plan.geojson in geojson.io or QGIS"
