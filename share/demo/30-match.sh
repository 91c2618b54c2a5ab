#!/bin/sh
# 30-match: the day's dispatch. Reads techs.ndjson and jobs.ndjson (from
# 10-import) and visits-monday.ndjson (20-recur) if there, writes
# assigned.ndjson, and prints what a dispatcher looks at first: how much
# is assigned, the exceptions to review, and the load.
set -eu
echo "== fsd-match: who takes which job"
if [ ! -f "$OUT/techs.ndjson" ] || [ ! -f "$OUT/jobs.ndjson" ]; then
	# 10-import not there yet: import the sample day here.
	fsd-import "$EXAMPLES/techs.csv" > "$OUT/techs.ndjson"
	fsd-import "$EXAMPLES/jobs.csv" > "$OUT/jobs.ndjson"
fi
# The day's calls, and Monday's maintenance visits when 20-recur made them.
set -- "$OUT/jobs.ndjson"
[ -f "$OUT/visits-monday.ndjson" ] && set -- "$@" "$OUT/visits-monday.ndjson"
fsd-match --techs "$OUT/techs.ndjson" --rules "$EXAMPLES/rules.json" \
    --now 2026-11-23T07:00:00-07:00 "$@" > "$OUT/assigned.ndjson"

jq -rs '
	(map(select(.tech and .match)) | length) as $n |
	"assigned \($n) of \(length) jobs; mean drive \(map(select(.match) | .match.drive) | add / ($n | if . == 0 then 1 else . end) | floor) min per job",
	"exceptions to review: " + ([map(select(.exception)) | group_by(.exception.code)[] | "\(.[0].exception.code) \(length)"] | join(", "))
' "$OUT/assigned.ndjson"
jq -rs '
	map(select(.playbook)) |
	"playbooks wrote into \(length) jobs: priority raised on \(map(select(.playbook.changed | has("priority"))) | length),"
	+ " sla_due set on \(map(select(.playbook.changed | has("sla_due"))) | length),"
	+ " skills added to \(map(select(.playbook.changed | has("skills"))) | length)"
' "$OUT/assigned.ndjson"
jq -r 'select(.match.warning) | "  warning: \(.id): \(.match.warning)"' "$OUT/assigned.ndjson"
echo "for example:"
jq -r 'select(.exception) | "  \(.id) \(.type // "job") [\(.exception.code)]: \(.exception.message)"' \
    "$OUT/assigned.ndjson" | awk '!seen[$3]++' | head -n 4
echo "an assignment, with its reasons:"
jq -r 'select(.match and (.locked | not)) | "  \(.id) \(.type // "job") -> \(.tech) (score \(.match.score)): \(.match.reasons | join("; "))"' \
    "$OUT/assigned.ndjson" | head -n 2
echo "jobs per tech:"
jq -r 'select(.tech and .match) | .tech' "$OUT/assigned.ndjson" | sort | uniq -c \
    | awk '{ printf "  %s %-2d", $2, $1; if (++n % 8 == 0) printf "\n" } END { if (n % 8) printf "\n" }'
