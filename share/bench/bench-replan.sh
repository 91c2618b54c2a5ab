#!/bin/sh
# make bench-replan: fsd-route --now on a planned day of 50 techs and 400
# jobs (gen-day.sh, seed 1; the morning plan is made with --reassign and
# 5 s of search, not timed). At 11:00 the jobs that should have ended are
# done and those under way in progress; then, each timed as a whole run:
#   emergency   one priority-1 job with a 90-minute SLA added  (target 1 s)
#   ... --reassign  the same, any job free to change tech (for reference)
#   overrun     one job in progress has overrun by 45 minutes (target 0.5 s)
# The 5-day horizon target (50 techs, 1,500 visits, 30 s) is measured by
# bench-multiday.sh.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-11-23T11:00:00-07:00
here=$(cd "$(dirname "$0")" && pwd)

stamp() { date +%s.%N; }
timed() {	# name target command...
	name=$1 target=$2
	shift 2
	start=$(stamp)
	"$@" 2>/dev/null || true
	end=$(stamp)
	awk -v n="$name" -v s="$start" -v e="$end" -v t="$target" 'BEGIN {
		missed = (e - s > 3 * t)
		printf "%-22s %6.3f s (target %s s)%s\n", n, e - s, t, missed ? "  MISSED" : ""
		exit missed }'
}

sh "$here/gen-day.sh" 50 400 1 "$work/day" >/dev/null
fsd-route --techs "$work/day/techs.ndjson" --reassign --time-limit 5 --iterations 0 \
    <"$work/day/jobs.ndjson" >"$work/morning.ndjson" 2>/dev/null
jq -c --arg now "$now" '
	if .start == null or .exception then .
	elif .end <= $now then .status = "done"
	elif .start <= $now then .status = "in_progress" | .started = .start
	else . end' "$work/morning.ndjson" >"$work/at11.ndjson"
{ cat "$work/at11.ndjson"
  echo '{"id":"E1","type":"gas-leak","priority":1,"site":{"lat":39.7392,"lon":-104.9903},"skills":["plumbing"],"duration":60,"sla_due":"2026-11-23T12:30:00-07:00"}'
} >"$work/emergency.ndjson"
# The first job in progress started 45 minutes before it could end on time.
jq -c --arg now "$now" 'select(.status == "in_progress")' "$work/at11.ndjson" | head -n 1 | jq -r .id >"$work/late-id"
jq -c --arg id "$(cat "$work/late-id")" '
	if .id == $id then .started = ("2026-11-23T" + (((11 * 60 - 45 - .duration) | "\(. / 60 | floor | tostring | if length < 2 then "0" + . else . end):\(. % 60 | tostring | if length < 2 then "0" + . else . end)")) + ":00-07:00")
	else . end' "$work/at11.ndjson" >"$work/overrun.ndjson"

echo "# re-planning at 11:00, 50 techs x 400 jobs ($(jq -s 'map(select(.seq)) | length' "$work/morning.ndjson") routed in the morning plan)"
failed=0
timed emergency 1 sh -c "fsd-route --techs '$work/day/techs.ndjson' --now $now '$work/emergency.ndjson' >'$work/r1'" || failed=1
timed "emergency --reassign" 1 sh -c "fsd-route --techs '$work/day/techs.ndjson' --now $now --reassign '$work/emergency.ndjson' >'$work/r2'" || failed=1
timed overrun 0.5 sh -c "fsd-route --techs '$work/day/techs.ndjson' --now $now '$work/overrun.ndjson' >'$work/r3'" || failed=1
jq -rs '"emergency: E1 -> \(map(select(.id == "E1"))[0] | "\(.tech) stop \(.seq), starts \(.start[11:16]) (SLA 12:30)"); \(map(select(.eta_changed)) | length) ETAs moved, \(map(select(.exception.code == "displaced")) | length) displaced"' "$work/r1"
jq -rs '"emergency --reassign: \(map(select(.eta_changed)) | length) ETAs moved, \(map(select(.exception.code == "displaced")) | length) displaced"' "$work/r2"
jq -rs --arg id "$(cat "$work/late-id")" '"overrun: \($id) 45 min past its end at 11:00, now expected \(map(select(.id == $id))[0].overrun) min past; \(map(select(.eta_changed)) | length) ETAs moved, \(map(select(.exception.code == "displaced")) | length) displaced"' "$work/r3"
exit $failed
