#!/bin/sh
# make bench-route: fsd-route --reassign on the public VRPTW instances,
# every plan checked by check-route.sh, against the best-known distances
# and VROOM 1.14's (its most thorough setting, -x 5, one thread).
#   ROUTE_SECONDS  search time per instance (default 1)
#   ROUTE_SET      solomon (default), homberger or all
#   ROUTE_ONLY     a grep -E pattern to run some instances only
#   ROUTE_SEED     the search's seed (default 1)
#   ROUTE_SCALE    1: also the real-day scale run, 200 techs x 2,000 jobs
# Gaps: Solomon against the least known total distance with any number of
# vehicles ("distance-only-real"); Gehring-Homberger has only the
# hierarchical figures (fewest vehicles first), so its gap is against
# those -- a distance-only optimum can be below them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=${SHARED_BENCH:?SHARED_BENCH must name the shared benchmark folder}
seconds=${ROUTE_SECONDS:-1}
set_name=${ROUTE_SET:-solomon}
only=${ROUTE_ONLY:-.}
seed=${ROUTE_SEED:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $set_name in
solomon) dirs=solomon ;;
homberger) dirs=homberger200 ;;
all) dirs="solomon homberger200" ;;
*) echo "bench-route: ROUTE_SET must be solomon, homberger or all" >&2; exit 2 ;;
esac

now() { date +%s.%N; }

failed=0
for dir in $dirs; do
	case $dir in
	solomon) vroom=$bench/vroom-1.14-solomon.csv; objective=distance-only-real ;;
	*) vroom=$bench/vroom-1.14-homberger200.csv; objective=hierarchical ;;
	esac
	echo "# $dir, $seconds s per instance, seed $seed; gap to $objective best-known"
	printf '%-10s %4s %10s %10s %7s %10s %7s\n' instance veh distance best gap% vroom-x5 seconds
	for f in "$bench/$dir"/*.txt; do
		name=$(basename "$f" .txt)
		echo "$name" | grep -Eq "$only" || continue
		sh "$here/solomon2fsd.sh" "$f" "$work/$name"
		start=$(now)
		fsd-route --techs "$work/$name/techs.ndjson" --reassign --return-in-shift --iterations 0 \
		    --time-limit "$seconds" --seed "$seed" <"$work/$name/jobs.ndjson" >"$work/$name/plan.ndjson"
		end=$(now)
		if result=$(sh "$here/check-route.sh" "$f" "$work/$name/plan.ndjson"); then :; else
			echo "$name INFEASIBLE"; failed=1; continue
		fi
		best=$(awk -F, -v n="$name" -v o="$objective" '$1 == n && $4 == o { print $3 }' "$bench/solomon-bks.csv")
		theirs=$(awk -F, -v n="$name" '$1 == n && $2 == "5" { print $4 }' "$vroom")
		echo "$name $result ${best:--} ${theirs:--} $start $end"
	done | awk '
		NF == 2 { print; next }
		{
			name = $1; veh = $2; dist = $3; best = $4; vroom = $5; secs = $7 - $6
			gap = best == "-" ? "-" : sprintf("%.2f", 100 * (dist - best) / best + 0)
			if (gap == "-0.00") gap = "0.00"
			printf "%-10s %4d %10.2f %10s %7s %10s %7.2f\n", name, veh, dist, best, gap, vroom, secs
			# C101 -> C1, rc2_2_4 -> RC2
			class = toupper(name ~ /_/ ? substr(name, 1, index(name, "_") - 1) : substr(name, 1, length(name) - 2))
			if (gap != "-") { sum[class] += gap; n[class]++; all += gap; count++ }
			if (vroom != "-") { vs++; if (dist < vroom - 0.005) wins++ }
		}
		END {
			for (c in n) printf "mean gap %-4s %6.2f%% (%d instances)\n", c, sum[c] / n[c], n[c] | "sort"
			close("sort")
			if (count) printf "mean gap all  %6.2f%% (%d instances)\n", all / count, count
			if (vs) printf "shorter than VROOM -x 5 on %d of %d\n", wins, vs
		}'
	echo
done

# The real-day scale: 200 techs, 2,000 jobs, every job free to move; the
# target is 10 s for the whole run, so the search gets 9.5.
if [ "${ROUTE_SCALE:-0}" = 1 ] && [ -f "$here/gen-day.sh" ]; then
	sh "$here/gen-day.sh" 200 2000 1 "$work/day" >/dev/null
	start=$(now)
	fsd-route --techs "$work/day/techs.ndjson" --reassign --time-limit 9.5 --iterations 0 \
	    --summary "$work/day/summary.ndjson" <"$work/day/jobs.ndjson" >"$work/day/plan.ndjson"
	end=$(now)
	jq -s --arg s "$start" --arg e "$end" '"scale 200 techs x 2000 jobs: \(map(select(.exception == null)) | length) routed, \(map(select(.exception)) | length) left out, \(($e | tonumber) - ($s | tonumber) | . * 100 | round / 100) s"' -r "$work/day/plan.ndjson"
fi
exit $failed
