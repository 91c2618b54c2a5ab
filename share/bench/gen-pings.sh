#!/bin/sh
# A day of GPS pings made from a routed plan, for fsd-track's tests, demo
# and benchmark. Each tech drives straight from stop to stop at the speed
# the plan's drive implies, arrives, works the planned duration, and
# leaves when the next stop's drive must begin; a behaviour bends one
# tech's day:
#   detour  the second leg goes 15 km to the side of its way (late, off route)
#   idle    stands still 40 min on the road halfway through the second leg
#   jump    one ping in the second job 30 km away, and one with poor
#           accuracy 3 km away, and one out of order (all noise)
#   silent  no ping from five minutes after reaching the second stop
# Usage: gen-pings.sh [-n SECONDS] [-b TECH=BEHAVIOUR ...] PLAN > pings.ndjson
# Pings are in time order (ties by tech), one every SECONDS (default 30),
# with a few metres of deterministic scatter.
set -eu
interval=30
behaviours=
while getopts n:b: opt; do
	case $opt in
	n) interval=$OPTARG ;;
	b) behaviours="$behaviours $OPTARG" ;;
	*) echo "usage: gen-pings.sh [-n SECONDS] [-b TECH=BEHAVIOUR ...] PLAN" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: gen-pings.sh [-n SECONDS] [-b TECH=BEHAVIOUR ...] PLAN" >&2; exit 2; }

jq -r 'select(.kind == null and .tech and .seq and .site and .arrive)
	| [.tech, .seq, .id, .site.lat, .site.lon, .arrive, (.duration // 0), (.drive.min // 10)] | @tsv' "$1" |
sort -t '	' -k1,1 -k2,2n |
awk -F '\t' -v interval="$interval" -v behaviours="$behaviours" '
function secs(t) { return substr(t, 12, 2) * 3600 + substr(t, 15, 2) * 60 + substr(t, 18, 2) }
function stamp(s) { return sprintf("%s%02d:%02d:%02d%s", day, int(s / 3600), int(s % 3600 / 60), s % 60, zone) }
# key: where in the stream it goes (its time, unless it comes late)
function ping(tech, s, lat, lon, extra, key,   k) {
	k = ++serial
	# scatter of a few metres, the same every run
	lat += sin(k * 12.9898) * 0.00005; lon += cos(k * 78.233) * 0.00005
	printf "%d\t%s\t{\"kind\":\"ping\",\"tech\":\"%s\",\"at\":\"%s\",\"lat\":%.6f,\"lon\":%.6f%s}\n", (key == "" ? s : key), tech, tech, stamp(s), lat, lon, extra
}
# stay at (lat, lon) from s to until, pinging
function stay(tech, until) {
	while (now + interval <= until) { now += interval; emit(tech, curlat, curlon) }
}
function emit(tech, lat, lon) {
	if (silent_from != "" && now >= silent_from) return
	ping(tech, now, lat, lon, "")
	if (mode == "jump" && leg == 2 && !jumped && now >= jump_at) {
		jumped = 1
		ping(tech, now + 5, lat + 0.27, lon, "")
		ping(tech, now + 10, lat + 0.027, lon + 0.01, ",\"accuracy\":900")
		ping(tech, now - 60, lat - 0.05, lon, "", now + 15)
	}
}
# drive straight to (lat, lon) in minutes
function drive(tech, lat, lon, minutes,   steps, i, lat0, lon0) {
	lat0 = curlat; lon0 = curlon
	steps = int(minutes * 60 / interval); if (steps < 1) steps = 1
	for (i = 1; i <= steps; i++) {
		now += minutes * 60 / steps
		emit(tech, lat0 + (lat - lat0) * i / steps, lon0 + (lon - lon0) * i / steps)
	}
	curlat = lat; curlon = lon
}
function km(a1, o1, a2, o2) { return sqrt(((a2 - a1) * 111.2) ^ 2 + ((o2 - o1) * 85.6) ^ 2) }
function day_of(tech,   i, s, start, mid_lat, mid_lon, d, dx, dy) {
	mode = behaviour[tech]; silent_from = ""; jumped = 0
	for (i = 1; i <= n; i++) {
		leg = i
		start = secs(arrive[i]) - drive_min[i] * 60
		if (i == 1) {
			# the day starts where the first drive does: as far south as it takes
			now = start - 15 * 60
			curlat = lat[1] - drive_min[1] * 40 / 60 / 1.3 / 111.2; curlon = lon[1]
			emit(tech, curlat, curlon)
		}
		stay(tech, start)
		if (now < start) now = start
		if (i == 2 && mode == "detour") {
			# 15 km to the side of the midpoint of the leg
			dx = (lon[i] - curlon) * 85.6; dy = (lat[i] - curlat) * 111.2; d = sqrt(dx * dx + dy * dy)
			mid_lat = (curlat + lat[i]) / 2 + 15 * dx / d / 111.2
			mid_lon = (curlon + lon[i]) / 2 - 15 * dy / d / 85.6
			d = km(curlat, curlon, mid_lat, mid_lon)
			drive(tech, mid_lat, mid_lon, d * 1.3 / 40 * 60)
			d = km(curlat, curlon, lat[i], lon[i])
			drive(tech, lat[i], lon[i], d * 1.3 / 40 * 60)
		} else if (i == 2 && mode == "idle") {
			mid_lat = (curlat + lat[i]) / 2 - 0.01; mid_lon = (curlon + lon[i]) / 2 + 0.01
			drive(tech, mid_lat, mid_lon, drive_min[i] / 2)
			stay(tech, now + 40 * 60)
			drive(tech, lat[i], lon[i], drive_min[i] / 2)
		} else
			drive(tech, lat[i], lon[i], drive_min[i])
		if (i == 2 && mode == "silent") silent_from = now + 5 * 60
		if (i == 2) jump_at = now + duration[i] * 30
		stay(tech, now + duration[i] * 60)
	}
	# home again, then the phone is put away
	drive(tech, curlat - 0.05, curlon, 10)
}
BEGIN {
	n_b = split(behaviours, list, " ")
	for (i = 1; i <= n_b; i++) { split(list[i], kv, "="); behaviour[kv[1]] = kv[2] }
}
$1 != tech && n > 0 { day_of(tech); n = 0 }
{
	tech = $1; n++
	job[n] = $3; lat[n] = $4; lon[n] = $5; arrive[n] = $6; duration[n] = $7; drive_min[n] = $8
	if (day == "") { day = substr($6, 1, 11); zone = substr($6, 20) }
}
END { if (n > 0) day_of(tech) }' |
sort -t '	' -k1,1n -k2,2 -s | cut -f3
