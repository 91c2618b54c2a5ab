#!/bin/sh
# fsd-import and fsd-export throughput: a generated 100,000-row jobs sheet
# (quoted addresses with commas, lists, parts, nested columns) into
# records, and the records back into CSV, in rows per second on one core.
# The round trip must give the same file back. Then a header of 100,000
# columns. Target: 100k rows each way
# in under 2 s (50k rows/s); missed by a wide margin (3x) fails.
set -eu
rows=${ROWS:-100000}
dir=${BENCH_OUT:-${TMPDIR:-/tmp}/bench-csv.$$}
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT

awk -v n="$rows" 'BEGIN {
	srand(11)
	CONVFMT = "%.10g"	# numbers as fsd-export writes them: no trailing zeros
	split("no-heat drain-clog leak outlet-repair fire-inspection appliance-repair", types, " ")
	split("hvac plumbing electrical fire appliance", trades, " ")
	split("Washington St|S Broadway|E Colfax Ave|Wadsworth Blvd|Pearl St", streets, "|")
	print "id,type,priority,customer.id,customer.name,customer.vip,site.lat,site.lon,site.address,skills,duration,window.start,window.end,parts,notes"
	for (i = 1; i <= n; i++) {
		t = int(rand() * 6) + 1; s = int(rand() * 5) + 1
		lat = int((39.6 + rand() * 0.3) * 10000) / 10000 ""
		lon = int((-105.1 + rand() * 0.3) * 10000) / 10000 ""
		printf "J%06d,%s,%d,C%05d,Customer %d,%s,%s,%s,\"%d %s, Denver, CO 802%02d\",%s;cert:epa608,%d,2026-11-23T%02d:00:00-07:00,2026-11-23T%02d:00:00-07:00,%s,%s\n",
		    i, types[t], int(rand() * 3) + 1, i % 90000, i, (i % 17 ? "" : "true"),
		    lat, lon, 100 + i % 9000, streets[s], i % 40,
		    trades[s], 30 + 5 * int(rand() * 30), 8 + i % 6, 10 + i % 6,
		    (i % 3 ? "" : "CAP-45-5:1;FLT-16X25X1:2"), (i % 5 ? "" : "\"gate code 12#; dog, friendly\"")
	}
}' > "$dir/jobs.csv"
header=$(head -n 1 "$dir/jobs.csv")

# timed OUT CMD...: wall and CPU seconds of one run on one core, its
# standard output into OUT.
timed() {
	out=$1
	shift
	/usr/bin/time -f '%e %U %S' -o "$dir/time" taskset -c 0 "$@" > "$out"
	awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$dir/time"
}

status=0
# report WHAT WALL CPU: rows/s from the CPU time (the machine is shared:
# wall time counts the neighbours too); fails at 3x the 2 s target.
report() {
	rate=$(awk -v n="$rows" -v s="$3" 'BEGIN { printf "%d", (s > 0 ? n / s : n * 100) }')
	verdict=ok
	if awk -v s="$3" -v n="$rows" 'BEGIN { exit !(s > 3 * 2 * n / 100000) }'; then
		verdict="MISSED (over 3x the target)"
		status=1
	fi
	printf '%-30s wall %6ss  cpu %6ss  %8s rows/s  %s\n' "$1" "$2" "$3" "$rate" "$verdict"
}
echo "$rows rows, $(wc -c < "$dir/jobs.csv") bytes of CSV, one core; wall times are noisy on a shared machine"
report "fsd-import" $(timed "$dir/jobs.ndjson" fsd-import "$dir/jobs.csv")
report "fsd-export -f (streaming)" $(timed "$dir/back.csv" fsd-export -f "$header" "$dir/jobs.ndjson")
report "fsd-export (union of columns)" $(timed "$dir/union.csv" fsd-export "$dir/jobs.ndjson")

# A header 100,000 columns wide (each name checked against every other
# for a duplicate or an object clash) is read in one pass: well under a
# second; minutes when the check compared every pair. Fails past 5 s.
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%sc%d", (i > 1 ? "," : ""), i; print "";
	for (i = 1; i <= 100000; i++) printf "%s%d", (i > 1 ? "," : ""), i; print "" }' > "$dir/wide.csv"
set -- $(timed "$dir/wide.ndjson" fsd-import "$dir/wide.csv")
verdict=ok
if awk -v s="$2" 'BEGIN { exit !(s > 5) }'; then
	verdict="MISSED (over 5 s)"
	status=1
fi
printf '%-30s wall %6ss  cpu %6ss  %s\n' "fsd-import, 100,000 columns" "$1" "$2" "$verdict"

if cmp -s "$dir/jobs.csv" "$dir/back.csv"; then
	echo "round trip: identical"
else
	echo "round trip: DIFFERS"
	status=1
fi
exit $status
