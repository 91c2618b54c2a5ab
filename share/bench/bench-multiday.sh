#!/bin/sh
# make bench-multiday: a 5-day horizon -- 50 techs, each with a shift a
# day Monday to Friday, and 1,500 maintenance visits (gen-day.sh's sites,
# skills, seed 1; 45 minutes each) that may go on any of several days:
# a third over the whole week, a third over two days, within contract
# hours (08:00-17:00 each day); a third fixed to a morning or afternoon
# window of one day. fsd-route --reassign, timed as a whole run (target
# 30 s), its plan checked: every visit on a day of its range, inside
# that day's hours, none spanning two days.
#   MULTIDAY_SECONDS  search time limit (default 10)
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
seconds=${MULTIDAY_SECONDS:-10}

sh "$here/gen-day.sh" 50 1500 1 "$work/day" >/dev/null
jq -c '.shifts = [range(0; 5) as $d | .shift | map_values(sub("2026-11-23"; "2026-11-\(23 + $d)"))] | del(.shift)' \
    "$work/day/techs.ndjson" >"$work/techs.ndjson"
jq -c --slurp '
	def day($d): "2026-11-\(23 + $d)";
	to_entries[] | .key as $i | .value
	| del(.window, .sla_due, .parts) | .priority = 3 | .duration = 45
	| if $i % 3 == 0 then
		.due_range = {start: day(0), end: day(4)}
		| .window = {start: "\(day(0))T08:00:00-07:00", end: "\(day(0))T17:00:00-07:00"}
	  elif $i % 3 == 1 then
		.due_range = {start: day($i % 4), end: day($i % 4 + 1)}
		| .window = {start: "\(day($i % 4))T08:00:00-07:00", end: "\(day($i % 4))T17:00:00-07:00"}
	  elif $i % 2 == 0 then
		.window = {start: "\(day($i % 5))T08:00:00-07:00", end: "\(day($i % 5))T12:00:00-07:00"}
	  else
		.window = {start: "\(day($i % 5))T13:00:00-07:00", end: "\(day($i % 5))T17:00:00-07:00"}
	  end' "$work/day/jobs.ndjson" >"$work/jobs.ndjson"

start=$(date +%s.%N)
fsd-route --techs "$work/techs.ndjson" --reassign --time-limit "$seconds" --iterations 0 \
    --summary "$work/summary.ndjson" <"$work/jobs.ndjson" >"$work/plan.ndjson" 2>/dev/null || true
end=$(date +%s.%N)

echo "# 5-day horizon: 50 techs x 5 shifts, 1,500 visits (1,000 flexible), --time-limit $seconds"
jq -rs '
	(map(select(.start))) as $r
	| ($r | map(select(.due_range and (.start[0:10] < .due_range.start or .start[0:10] > .due_range.end))) | length) as $out
	| ($r | map(select(.start[0:10] != .end[0:10])) | length) as $span
	| ($r | map(select(.start[11:16] < "08:00" or .start[11:16] > "17:00")) | length) as $hours
	| "routed \($r | length) of \(length), \(map(select(.exception)) | length) left out (\(map(select(.exception) | .exception.code) | group_by(.) | map("\(.[0]) \(length)") | join(", ")))\nchecks: \($out) off their range, \($span) spanning two days, \($hours) outside hours\(if $out + $span + $hours > 0 then "  FAILED" else "" end)"' \
    "$work/plan.ndjson"
jq -rs 'group_by(.day) | map("\(.[0].day): \(map(.stops) | add) visits, \(map(.drive.min) | add | floor) drive min") | join("; ")' "$work/summary.ndjson"
awk -v s="$start" -v e="$end" 'BEGIN {
	missed = (e - s > 3 * 30)
	printf "5-day horizon          %6.3f s (target 30 s)%s\n", e - s, missed ? "  MISSED" : ""
	exit missed }'
jq -rs '(map(select(.start))) as $r | ($r | map(select(.due_range and (.start[0:10] < .due_range.start or .start[0:10] > .due_range.end or .start[0:10] != .end[0:10]))) | length) == 0' \
    "$work/plan.ndjson" | grep -q true
