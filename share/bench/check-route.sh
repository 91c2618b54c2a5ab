#!/bin/sh
# check-route.sh INSTANCE.txt PLAN.ndjson: check fsd-route's plan of a
# Solomon instance against the instance file alone, trusting nothing the
# solver wrote but each job's tech and seq: every customer served exactly
# once, service starting within its window (waiting when early), every
# vehicle back at the depot before it closes, no vehicle over capacity,
# no more vehicles than the fleet. Distances and times are recomputed
# here (exact Euclidean, unrounded). Prints "vehicles distance" and exits
# 0, or names each violation and exits 1.
set -eu
[ $# -eq 2 ] || { echo "usage: check-route.sh INSTANCE.txt PLAN.ndjson" >&2; exit 2; }
stops=$(mktemp)
trap 'rm -f "$stops"' EXIT
jq -r '[.tech // "-", .seq // 0, .id, .exception.code // "-"] | @tsv' "$2" \
    | sort -t '	' -k1,1 -k2,2n > "$stops"
tr -d '\r' < "$1" | awk -F '\t' -v stops="$stops" '
	function dist(a, b) { return sqrt((X[a] - X[b]) ^ 2 + (Y[a] - Y[b]) ^ 2) }
	function bad(msg) { print "check-route: " msg > "/dev/stderr"; errors++ }
	function close_route() {
		if (tech == "") return
		t += dist(at, 0); total += dist(at, 0)
		if (t > DUE[0] + 1e-6) bad(sprintf("%s returns at %.4f, depot closes at %s", tech, t, DUE[0]))
		if (load > capacity + 1e-9) bad(sprintf("%s carries %s, capacity %s", tech, load, capacity))
	}
	BEGIN { FS = " " }
	/^ *NUMBER +CAPACITY/ { getline; fleet = $1; capacity = $2; next }
	NF == 7 && $1 ~ /^[0-9]+$/ {
		X[$1] = $2; Y[$1] = $3; DEM[$1] = $4; READY[$1] = $5; DUE[$1] = $6; SVC[$1] = $7
		if ($1 > 0) n++
	}
	END {
		FS = "\t"
		while ((getline line < stops) > 0) {
			split(line, f, "\t")
			id = f[3]
			if (!(id in X) || id == 0) { bad("unknown customer " id); continue }
			if (f[4] != "-") { bad("customer " id " not routed: " f[4]); continue }
			seen[id]++
			if (f[1] != tech) {
				close_route()
				tech = f[1]; vehicles++; t = READY[0]; at = 0; load = 0; seq = 0
			}
			if (f[2] != ++seq) bad(sprintf("%s: seq %s where %d was due", tech, f[2], seq))
			t += dist(at, id); total += dist(at, id)
			if (t < READY[id]) t = READY[id]
			if (t > DUE[id] + 1e-6) bad(sprintf("%s: customer %s served at %.4f, due %s", tech, id, t, DUE[id]))
			t += SVC[id]; load += DEM[id]; at = id
		}
		close_route()
		for (c = 1; c <= n; c++)
			if (seen[c] != 1) bad(sprintf("customer %d served %d times", c, seen[c]))
		if (vehicles > fleet) bad(sprintf("%d vehicles, the fleet has %d", vehicles, fleet))
		if (errors) exit 1
		printf "%d %.4f\n", vehicles, total
	}'
