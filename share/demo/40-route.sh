#!/bin/sh
# Demo: each tech's day in order, with arrival times, the customer's ETA
# window and the drive. Reads $OUT/assigned.ndjson (30-match) -- or, when
# matching has not run, routes $OUT/jobs.ndjson with --reassign -- and
# $OUT/techs.ndjson; writes $OUT/plan.ndjson and $OUT/route-summary.ndjson.
set -eu
if [ -s "$OUT/assigned.ndjson" ]; then
	echo "== fsd-route: each tech's day, in the order that drives least"
	set -- "$OUT/assigned.ndjson"
else
	echo "== fsd-route --reassign: the crew's day from scratch (no fsd-match output)"
	set -- --reassign "$OUT/jobs.ndjson"
fi
# Bad records are reported and kept in the plan; the demo goes on.
fsd-route --techs "$OUT/techs.ndjson" --summary "$OUT/route-summary.ndjson" "$@" \
	> "$OUT/plan.ndjson" || echo "(some records were reported above)"

# One block a tech: the summary line, then each stop.
hhmm() { printf '%s' "$1" | cut -c12-16; }
jq -r '[.tech, .stops, .depart // "-", .return // "-", .drive.km, .drive.min, .idle] | @tsv' \
	"$OUT/route-summary.ndjson" | while IFS='	' read -r tech stops depart back km min idle; do
	[ "$stops" -gt 0 ] || { echo "$tech: no stops"; continue; }
	echo "$tech: $stops stops, out $(hhmm "$depart") back $(hhmm "$back"), $km km, $min min driving, $idle min waiting"
	jq -r --arg t "$tech" 'select(.tech == $t and .seq != null)
		| [.seq, .id, .type // "-", .start, .eta_window.start, .eta_window.end, .drive.km, .drive.min] | @tsv' \
		"$OUT/plan.ndjson" | while IFS='	' read -r seq id type start from to km min; do
		printf '  %2s %-6s %-20s start %s  ETA %s-%s  (%s km, %s min)\n' \
			"$seq" "$id" "$type" "$(hhmm "$start")" "$(hhmm "$from")" "$(hhmm "$to")" "$km" "$min"
	done
done
# The pipeline against the solver alone: fsd-route --reassign on the same
# jobs (the playbooks fsd-match wrote in, the techs it chose ignored).
if [ -s "$OUT/assigned.ndjson" ]; then
	fsd-route --techs "$OUT/techs.ndjson" --reassign --summary "$OUT/summary-reassign.ndjson" \
		"$OUT/assigned.ndjson" > "$OUT/plan-reassign.ndjson" 2>/dev/null || true
	# served PLAN SUMMARY: jobs served, emergencies, the trucks' whole drive
	served() {
		jq -rs --slurpfile sum "$2" '[.[] | select(.kind != "pickup")] | (map(select(.seq)) | length) as $n
			| ($sum | map(.drive.min) | add // 0) as $d
			| "\($n) of \(length) jobs served (\(map(select(.seq and .priority == 1)) | length) of \(map(select(.priority == 1)) | length) emergencies), \($d | floor) min driving (home included), \(if $n > 0 then ($d / $n * 10 | floor / 10) else 0 end) per job"' "$1"
	}
	echo "fsd-match | fsd-route:  $(served "$OUT/plan.ndjson" "$OUT/route-summary.ndjson"); moved from fsd-match's tech: $(jq -r 'select(.moved_from) | .id' "$OUT/plan.ndjson" | wc -l)"
	echo "fsd-route --reassign:   $(served "$OUT/plan-reassign.ndjson" "$OUT/summary-reassign.ndjson")"
fi
# What was not routed, by reason, and a few of them to show the messages.
jq -rs '"not routed: " + ([map(select(.exception)) | group_by(.exception.code)[]
	| "\(.[0].exception.code) \(length)"] | join(", ") | if . == "" then "none" else . end)' "$OUT/plan.ndjson"
jq -r 'select(.exception != null) | "  \(.id) \(.exception.code): \(.exception.message)"' "$OUT/plan.ndjson" | head -n 3
# The same day with the stock file: parts a truck lacks are picked up on
# the way, where it costs least (a separate plan: the day's plan.ndjson
# stays the one later fragments read).
if command -v fsd-import >/dev/null 2>&1; then
	fsd-import "$EXAMPLES/locations.csv" "$EXAMPLES/stock.csv" > "$OUT/route-stock.ndjson"
	fsd-route --techs "$OUT/techs.ndjson" --stock "$OUT/route-stock.ndjson" "$@" \
		> "$OUT/plan-pickups.ndjson" 2>/dev/null || true
	echo "with --stock: $(jq -r 'select(.kind == "pickup") | .for' "$OUT/plan-pickups.ndjson" | wc -l) parts pickups on the way, $(jq -r 'select(.exception.code == "parts_unavailable") | .id' "$OUT/plan-pickups.ndjson" | wc -l) jobs whose parts are nowhere"
	jq -r 'select(.kind == "pickup") | "  \(.tech) \(.arrive[11:16]) \(.location) for \(.for): \(.skus | map("\(.qty) \(.sku)") | join(", "))"' \
		"$OUT/plan-pickups.ndjson" | head -n 4
fi
