#!/bin/sh
# solomon2fsd.sh INSTANCE.txt OUTDIR: a Solomon (or Gehring-Homberger)
# VRPTW instance as fsd records, so fsd-route runs it as it runs a day:
#   OUTDIR/techs.ndjson  one tech a vehicle: home = the depot (planar
#                        {x, y}), shift = the depot's window, capacity
#   OUTDIR/jobs.ndjson   one job a customer: id = its number as a string,
#                        site {x, y}, demand, window {start, end} in plain
#                        minutes, duration = its service time
# Planar places make fsd-route use the exact, unrounded Euclidean
# distance as both distance and drive time: the published convention.
set -eu
[ $# -eq 2 ] || { echo "usage: solomon2fsd.sh INSTANCE.txt OUTDIR" >&2; exit 2; }
mkdir -p "$2"
tr -d '\r' < "$1" | awk -v techs="$2/techs.ndjson" -v jobs="$2/jobs.ndjson" '
	/^ *NUMBER +CAPACITY/ { getline; vehicles = $1; capacity = $2; next }
	# Node lines: seven numbers; node 0 is the depot.
	NF == 7 && $1 ~ /^[0-9]+$/ {
		if ($1 == 0) {
			x = $2; y = $3; depot_open = $5; depot_close = $6
			next
		}
		printf "{\"id\":\"%s\",\"site\":{\"x\":%s,\"y\":%s},\"demand\":%s,\"window\":{\"start\":%s,\"end\":%s},\"duration\":%s}\n", \
		    $1, $2, $3, $4, $5, $6, $7 > jobs
		n++
	}
	END {
		if (vehicles == "" || x == "" || n == 0) {
			print "solomon2fsd.sh: not a Solomon instance" > "/dev/stderr"
			exit 1
		}
		for (v = 1; v <= vehicles; v++)
			printf "{\"id\":\"V%d\",\"home\":{\"x\":%s,\"y\":%s},\"shift\":{\"start\":%s,\"end\":%s},\"capacity\":%s}\n", \
			    v, x, y, depot_open, depot_close, capacity > techs
	}'
