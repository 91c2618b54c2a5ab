#!/bin/sh
# make bench-day: the dispatch day end to end -- the pipeline the README
# teaches (fsd-match | fsd-route, the tools' defaults) against
# fsd-route --reassign alone, on generated days (gen-day.sh: several
# trades and certifications, windows and SLAs, priorities 1-3, more jobs
# than the crew can do). Each plan is scored by an independent awk
# scorer under fsd's travel model (great circle x 1.3 at 40 km/h), not
# by the tools' own figures: jobs served by priority, drive minutes (each
# tech's legs from home through its jobs in seq order and back home: what
# the trucks drive, and what the solver minimises), drive per served job,
# wall-clock and CPU seconds; and the priority-1 jobs left out although a
# qualified tech could reach them and has lower-priority work as long to
# give up (a tech whose day is all emergencies cannot take another).
#
# Targets (issue 11): the pipeline serves at least as many jobs as
# --reassign alone, within 1% of its drive, on every day; no reachable
# priority 1 left out; 30 x 200 in <= 2 s and 200 x 2,000 in <= 10 s for
# the pipeline. The machine may be shared: seconds are noisy.
#   DAY_SEEDS  seeds of the 30 x 200 days (default "1 2 3")
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seeds=${DAY_SEEDS:-1 2 3}
status=0

now_ms() { date +%s%3N; }
# CPU the shell's finished children used, in ms (user + system): the
# figure that does not depend on what else the machine is doing.
tck=$(getconf CLK_TCK)
cpu_ms() { awk -v hz="$tck" '{ print int(($16 + $17) * 1000 / hz) }' /proc/$$/stat; }

# score TECHS PLAN: "served p1 p2 p3 drive p1_reachable_left_out"
score() {
	{
		jq -r '"T\t\(.id)\t\(.home.lat)\t\(.home.lon)\t\(.shift.start[11:16])\t\(.shift.end[11:16])\t\((.skills // []) | join(" "))"' "$1"
		jq -r 'select(.kind != "pickup") | "J\t\(.id)\t\(.tech // "-")\t\(.seq // 0)\t\(.site.lat)\t\(.site.lon)\t\(.priority // 3)\t\(.duration // 60)\t\((.skills // []) | join(" "))"' "$2"
	} | awk -F '\t' '
	function rad(d) { return d * 3.141592653589793 / 180 }
	function drive(la1, lo1, la2, lo2,    a) {
		a = sin(rad(la2 - la1) / 2) ^ 2 + cos(rad(la1)) * cos(rad(la2)) * sin(rad(lo2 - lo1) / 2) ^ 2
		return 2 * 6371.0088 * atan2(sqrt(a), sqrt(1 - a)) * 1.3 / 40 * 60
	}
	function mins(hm) { return substr(hm, 1, 2) * 60 + substr(hm, 4, 2) }
	$1 == "T" { hlat[$2] = $3; hlon[$2] = $4; from[$2] = mins($5); to[$2] = mins($6); sk[$2] = $7; nt++; tid[nt] = $2; next }
	$4 > 0 {
		served++; by[$7]++; stop[$3, $4] = $5 " " $6; if ($4 > last[$3]) last[$3] = $4
		if ($7 > 1) lighter[$3] += $8	# minutes a P1 could take over
		next
	}
	$7 == 1 { out1[++nout] = $0 }
	END {
		# a priority 1 left out although a qualified tech could reach it
		# alone and has at least as much lower-priority work to give up
		for (o = 1; o <= nout; o++) {
			split(out1[o], f, "\t")
			for (i = 1; i <= nt; i++) {
				t = tid[i]; n = split(f[9], need, " "); ok = 1
				for (k = 1; k <= n; k++) if (index(" " sk[t] " ", " " need[k] " ") == 0) ok = 0
				if (ok && from[t] + drive(hlat[t], hlon[t], f[5], f[6]) + f[8] <= to[t] \
				    && (last[t] == 0 || lighter[t] >= f[8])) { reach++; break }
			}
		}
	}
	END {
		for (t in last) {
			la = hlat[t]; lo = hlon[t]
			for (s = 1; s <= last[t]; s++) {
				if (!((t, s) in stop)) continue
				split(stop[t, s], p, " ")
				d += drive(la, lo, p[1], p[2]); la = p[1]; lo = p[2]
			}
			d += drive(la, lo, hlat[t], hlon[t])	# and home
		}
		printf "%d %d %d %d %.0f %d\n", served, by[1], by[2], by[3], d, reach
	}'
}

# run_day NAME TECHS JOBS
run_day() {
	name=$1 techs=$2 jobs=$3
	a=$(now_ms) ca=$(cpu_ms)
	fsd-match --techs "$techs" <"$jobs" 2>/dev/null | fsd-route --techs "$techs" >"$work/pipe" 2>/dev/null || true
	b=$(now_ms) cb=$(cpu_ms)
	fsd-route --reassign --techs "$techs" <"$jobs" >"$work/alone" 2>/dev/null || true
	c=$(now_ms) cc=$(cpu_ms)
	set -- $(score "$techs" "$work/pipe") $(score "$techs" "$work/alone")
	awk -v name="$name" -v s="$1" -v p1="$2" -v p2="$3" -v p3="$4" -v d="$5" -v r="$6" \
	    -v S="$7" -v P1="$8" -v P2="$9" -v P3="${10}" -v D="${11}" -v R="${12}" \
	    -v ts="$(( b - a ))" -v TS="$(( c - b ))" -v cs="$(( cb - ca ))" -v CS="$(( cc - cb ))" \
	    -v jobs="$(wc -l <"$jobs")" 'BEGIN {
		printf "| %-9s | %-20s | %4d/%d | %3d | %3d | %3d | %6.0f | %5.1f | %5.1f | %5.1f | %d |\n", name, "match \\| route", s, jobs, p1, p2, p3, d, s ? d / s : 0, ts / 1000, cs / 1000, r
		printf "| %-9s | %-20s | %4d/%d | %3d | %3d | %3d | %6.0f | %5.1f | %5.1f | %5.1f | %d |\n", "", "route --reassign", S, jobs, P1, P2, P3, D, S ? D / S : 0, TS / 1000, CS / 1000, R
		ok = s >= S && d <= D * 1.01 && r == 0
		if (!ok) printf "  %s: TARGET MISSED (served %d vs %d, drive %.0f vs %.0f, P1 reachable left out %d)\n", name, s, S, d, D, r
		exit !ok
	}' || status=1
	echo "$name $(( b - a )) $(( cb - ca ))" >>"$work/times"
}

echo "| day       | method               | served   | P1  | P2  | P3  | drive  | /job  | s     | cpu s | P1 out, reachable |"
echo "|-----------|----------------------|----------|-----|-----|-----|--------|-------|-------|-------|----|"
for seed in $seeds; do
	sh "$here/gen-day.sh" 30 200 "$seed" "$work/d$seed" >/dev/null
	run_day "30x200/$seed" "$work/d$seed/techs.ndjson" "$work/d$seed/jobs.ndjson"
done
sh "$here/gen-day.sh" 60 420 1 "$work/d60" >/dev/null
run_day "60x420/1" "$work/d60/techs.ndjson" "$work/d60/jobs.ndjson"
sh "$here/gen-day.sh" 200 2000 1 "$work/d200" >/dev/null
run_day "200x2000" "$work/d200/techs.ndjson" "$work/d200/jobs.ndjson"

# Wall clock on a shared machine is what a user waits for, but noisy: a
# target counts as missed when the CPU time misses it too.
awk '$1 ~ /^30x200/ && $2 > 2000 { printf "  %s: %.1f s wall, %.1f s CPU, target 2 s\n", $1, $2 / 1000, $3 / 1000; if ($3 > 2000) slow = 1 }
     $1 == "200x2000" && $2 > 10000 { printf "  200x2000: %.1f s wall, %.1f s CPU, target 10 s\n", $2 / 1000, $3 / 1000; if ($3 > 10000) slow = 1 }
     END { print slow ? "timing target MISSED" : "timing targets met (30 x 200 <= 2 s, 200 x 2,000 <= 10 s)"; exit slow }' "$work/times" || status=1
exit $status
