#!/bin/sh
# gen-day.sh TECHS JOBS SEED OUTDIR
#
# A synthetic but plausible service day in the Denver metro (Monday
# 2026-11-23, -07:00), for benchmarks: OUTDIR/techs.ndjson and
# OUTDIR/jobs.ndjson in the fsd(5) vocabulary. The same SEED gives the same
# files byte for byte, on any awk: the random numbers come from our own
# Park-Miller generator (x = 16807 x mod 2^31-1, exact in doubles), not
# from awk's rand(), whose sequence differs between mawk, gawk and busybox.
#
# The mix follows a November day: heating calls dominate, cooling is rare;
# sites cluster around the suburbs as real call volume does. Jobs carry no
# `tech`. Plain POSIX sh and awk; 2,000 techs x 20,000 jobs takes well
# under a second.
set -eu

usage() {
	echo "usage: sh gen-day.sh TECHS JOBS SEED OUTDIR" >&2
	exit 2
}
[ $# -eq 4 ] || usage
for n in "$1" "$2" "$3"; do
	case $n in '' | *[!0-9]*) usage ;; esac
done
techs=$1 jobs=$2 seed=$3 out=$4
mkdir -p "$out"

awk -v NT="$techs" -v NJ="$jobs" -v SEED="$seed" \
    -v TECHS="$out/techs.ndjson" -v JOBS="$out/jobs.ndjson" '
function rnd() {			# uniform in [0, 1)
	state = (state * 16807) % 2147483647
	return (state - 1) / 2147483646
}
function irand(n) { return int(rnd() * n) }	# 0 .. n-1
function pick(list,    a, n) { n = split(list, a, " "); return a[irand(n) + 1] }
function chance(p) { return rnd() < p }

# Denver metro: suburbs as cluster centres, weights roughly by households.
function place(    c, r, ang) {
	if (chance(0.35)) {		# spread over the ~40 km square
		lat = CLAT + (rnd() * 2 - 1) * 0.18
		lon = CLON + (rnd() * 2 - 1) * 0.235
		return
	}
	c = irand(NCL) + 1
	r = rnd() * rnd() * 0.06	# denser near the centre of the suburb
	ang = rnd() * 6.283185307
	lat = CLLAT[c] + r * sin(ang)
	lon = CLLON[c] + r * cos(ang) * 1.3
}
# Territory by where a place lies from downtown.
function territory(la, lo,    dy, dx) {
	dy = (la - CLAT) * 111.2
	dx = (lo - CLON) * 85.5
	if (dy * dy + dx * dx < 49)
		return "central"
	if (dy >= 0 && dy >= (dx < 0 ? -dx : dx)) return "north"
	if (dy < 0 && -dy >= (dx < 0 ? -dx : dx)) return "south"
	return dx > 0 ? "east" : "west"
}
function hhmm(min) { return sprintf("2026-11-23T%02d:%02d:00-07:00", int(min / 60), min % 60) }
function strlist(s,    a, n, i, r) {
	n = split(s, a, " ")
	r = "["
	for (i = 1; i <= n; i++)
		r = r (i > 1 ? "," : "") "\"" a[i] "\""
	return r "]"
}
function add(s, w) { return s == "" ? w : s " " w }

function stock_for(trades,    t, n, a, i, s, skus, k, seen) {
	s = ""
	n = split(trades, a, " ")
	for (i = 1; i <= n; i++) {
		k = split(TRADE_SKUS[a[i]], skus, " ")
		for (t = 1; t <= k; t++) {
			if (skus[t] in seen || !chance(0.6))
				continue
			seen[skus[t]] = 1
			s = s (s == "" ? "" : ",") "\"" skus[t] "\":" (1 + irand(4))
		}
	}
	return "{" s "}"
}

function tech(i,    id, trade, second, skills, off, name, t) {
	id = sprintf(TFMT, i)
	trade = pick(TRADES)
	skills = trade
	if (chance(0.2)) {
		second = pick(TRADES)
		if (second != trade)
			skills = add(skills, second)
	}
	t = " " skills " "
	if (index(t, " hvac ")) {
		if (chance(0.9)) skills = add(skills, "cert:epa608")
		if (chance(0.55)) skills = add(skills, "cert:combustion")
		if (chance(0.3)) skills = add(skills, "equip:carrier")
		if (chance(0.3)) skills = add(skills, "equip:trane")
	}
	if (index(t, " plumbing ") || (index(t, " hvac ") && chance(0.3)))
		if (chance(0.5)) skills = add(skills, "cert:gasfit")
	if (index(t, " plumbing ")) {
		if (chance(0.4)) skills = add(skills, "cert:backflow")
		if (chance(0.4)) skills = add(skills, "equip:navien")
	}
	if (index(t, " electrical ")) {
		if (chance(0.8)) skills = add(skills, "cert:journeyman-electrician")
		if (chance(0.25)) skills = add(skills, "cert:master-electrician")
	}
	if (index(t, " fire ")) {
		if (chance(0.6)) skills = add(skills, "cert:nicet2")
		if (chance(0.3) && !index(" " skills " ", " cert:backflow "))
			skills = add(skills, "cert:backflow")
	}
	if (chance(0.2)) skills = add(skills, "lang:es")
	place()
	name = pick(FIRST) " " pick(LAST)
	off = ""
	if (chance(0.06)) {		# a dentist, a school run: two hours out
		t = 600 + 30 * irand(8)
		off = ",\"off\":[{\"start\":\"" hhmm(t) "\",\"end\":\"" hhmm(t + 120) "\"}]"
	}
	printf "{\"id\":\"%s\",\"name\":\"%s\",\"skills\":%s,\"home\":{\"lat\":%.5f,\"lon\":%.5f}," \
	    "\"shift\":{\"start\":\"%s\",\"end\":\"%s\"}%s,\"territory\":\"%s\",\"stock\":%s," \
	    "\"phone\":\"+1-303-555-%04d\",\"email\":\"%s@example.com\"}\n",
	    id, name, strlist(skills), lat, lon, hhmm(420), hhmm(960), off,
	    territory(lat, lon), stock_for(trade), i % 10000, tolower(id) > TECHS
}

# Names with a space are stored with "-" so pick() can split on spaces.
function spaced(s) { gsub(/-/, " ", s); return s }

function job(i,    id, type, p, a, n, skills, dur, prio, win, start, sla, parts, extra, cust, vip) {
	id = sprintf(JFMT, 1000 + i)
	# Draw a type by weight.
	p = rnd() * TOTALW
	for (n = 1; n < NTYPES; n++) {
		if (p < W[n]) break
		p -= W[n]
	}
	type = TYPE[n]
	skills = SKILLS[type]
	if (type == "water-heater" && chance(0.5)) skills = add(skills, "cert:gasfit")
	if (type == "no-cool" && chance(0.3)) skills = add(skills, pick("equip:carrier equip:trane"))
	if (type == "water-heater" && chance(0.3)) skills = add(skills, "equip:navien")
	if (chance(0.04)) skills = add(skills, "lang:es")
	dur = DUR[type] + 15 * (irand(3) - 1)
	prio = PRIO[type]
	if (prio == 3 && chance(0.1)) prio = 2
	place()
	extra = ""
	win = ""
	sla = ""
	if (prio == 1) {			# called in this morning: 3 h to arrive
		start = 480 + 15 * irand(28)
		sla = hhmm(start + 180)
	} else if (chance(0.75)) {		# promised window
		if (chance(0.5)) { start = 480 + 240 * irand(2); win = 240 }
		else { start = 480 + 120 * irand(4); win = 120 }
		extra = extra ",\"window\":{\"start\":\"" hhmm(start) "\",\"end\":\"" hhmm(start + win) "\"}"
		if (prio == 2 || chance(0.3))
			sla = hhmm(start + win)
	} else if (prio == 2) {
		sla = hhmm(960)
	}
	if (sla != "")
		extra = extra ",\"sla_due\":\"" sla "\""
	parts = ""
	if (PARTS[type] != "" && chance(0.55)) {
		n = split(PARTS[type], a, " ")
		parts = "[{\"sku\":\"" a[irand(n) + 1] "\",\"qty\":" (1 + (chance(0.2) ? 1 : 0)) "}]"
		extra = extra ",\"parts\":" parts
	}
	if (chance(0.05))
		extra = extra ",\"preferred_tech\":\"" sprintf(TFMT, 1 + irand(NT)) "\""
	if (chance(0.02))
		extra = extra ",\"excluded_techs\":[\"" sprintf(TFMT, 1 + irand(NT)) "\"]"
	cust = 1 + irand(NJ * 0.8 + 1)
	vip = chance(0.05) ? "true" : "false"
	printf "{\"id\":\"%s\",\"type\":\"%s\",\"priority\":%d,\"customer\":{\"id\":\"C%05d\"," \
	    "\"name\":\"%s\",\"phone\":\"+1-720-555-%04d\",\"vip\":%s}," \
	    "\"site\":{\"lat\":%.5f,\"lon\":%.5f,\"address\":\"%d %s, %s, CO\"}," \
	    "\"skills\":%s,\"duration\":%d%s,\"territory\":\"%s\",\"status\":\"open\"}\n",
	    id, type, prio, cust, pick(FIRST) " " pick(LAST), cust % 10000, vip,
	    lat, lon, 100 + irand(9800), spaced(pick(STREETS)), spaced(pick(CITIES)),
	    strlist(skills), dur, extra, territory(lat, lon) > JOBS
}

function digits(n) { return length(sprintf("%d", n)) }

BEGIN {
	state = (SEED * 7919 + 12345) % 2147483647
	if (state == 0) state = 1
	for (i = 0; i < 5; i++) rnd()

	CLAT = 39.7392; CLON = -104.9903
	NCL = split("39.7392,-104.9903 39.7294,-104.8319 39.7047,-105.0814 " \
	    "39.8367,-105.0372 39.6133,-105.0166 39.5807,-104.8772 " \
	    "39.8680,-104.9719 39.6478,-104.9878 39.8083,-104.9339", cl, " ")
	for (i = 1; i <= NCL; i++) {
		split(cl[i], ll, ",")
		CLLAT[i] = ll[1] + 0; CLLON[i] = ll[2] + 0
	}

	TRADES = "hvac hvac hvac hvac hvac hvac hvac plumbing plumbing plumbing plumbing plumbing " \
	    "electrical electrical electrical electrical fire fire appliance appliance"
	TRADE_SKUS["hvac"] = "CAP-35-5 CAP-45-5 IGN-HSI-271 FLAME-SENSOR GASVALVE-WR36 CONT-2P-30A " \
	    "MOTOR-CF-025 TSTAT-T6PRO FLT-16X25X1 FLT-20X25X1 CONDENSATE-PUMP"
	TRADE_SKUS["plumbing"] = "WH-ELEM-4500 WH-TSTAT-UPPER PRV-075 FLUSH-VALVE-KIT WAX-RING PTRAP-150 BKFLOW-KIT-075"
	TRADE_SKUS["electrical"] = "GFCI-20A BRKR-20A-SP BRKR-50A-DP SMOKE-DET-10Y"
	TRADE_SKUS["fire"] = "SMOKE-DET-10Y SPRK-HEAD-155F EXT-ABC-10LB BKFLOW-KIT-075"
	TRADE_SKUS["appliance"] = "MOTOR-CF-025"

	# type; weight; skills; minutes; priority; parts
	NTYPES = split("no-heat;22;hvac;90;2;IGN-HSI-271 FLAME-SENSOR GASVALVE-WR36 MOTOR-CF-025|" \
	    "no-cool;2;hvac cert:epa608;90;2;CAP-35-5 CAP-45-5 CONT-2P-30A|" \
	    "hvac-maintenance;16;hvac;60;3;FLT-16X25X1 FLT-20X25X1 TSTAT-T6PRO|" \
	    "water-heater;9;plumbing;120;2;WH-ELEM-4500 WH-TSTAT-UPPER|" \
	    "drain-clog;9;plumbing;60;3;PTRAP-150 WAX-RING|" \
	    "leak;6;plumbing;75;2;PRV-075 FLUSH-VALVE-KIT|" \
	    "gas-leak;2;plumbing cert:gasfit;60;1;|" \
	    "panel-upgrade;2;electrical cert:master-electrician;240;3;BRKR-50A-DP|" \
	    "outlet-repair;9;electrical;45;3;GFCI-20A BRKR-20A-SP|" \
	    "fire-inspection;4;fire cert:nicet2;90;3;SMOKE-DET-10Y|" \
	    "sprinkler-repair;2;fire;120;2;SPRK-HEAD-155F|" \
	    "backflow-test;4;cert:backflow;45;3;BKFLOW-KIT-075|" \
	    "extinguisher-service;4;fire;30;3;EXT-ABC-10LB|" \
	    "appliance-repair;9;appliance;60;3;MOTOR-CF-025", rows, "|")
	TOTALW = 0
	for (i = 1; i <= NTYPES; i++) {
		split(rows[i], f, ";")
		TYPE[i] = f[1]; W[i] = f[2] + 0; TOTALW += W[i]
		SKILLS[f[1]] = f[3]; DUR[f[1]] = f[4] + 0; PRIO[f[1]] = f[5] + 0
		PARTS[f[1]] = f[6]
	}

	FIRST = "Ana Ben Carlos Dana Eli Fatima Gus Hana Ivan Jade Kofi Lena Marco Nia Omar " \
	    "Paula Quinn Rosa Sam Tia Uma Victor Wes Xena Yusuf Zoe"
	LAST = "Garcia Smith Nguyen Johnson Martinez Lee Brown Lopez Davis Kim Wilson Chavez " \
	    "Taylor Romero Clark Patel Hernandez Young"
	STREETS = "Colfax-Ave Broadway Federal-Blvd Colorado-Blvd Alameda-Ave Evans-Ave " \
	    "Hampden-Ave Sheridan-Blvd Wadsworth-Blvd Havana-St Peoria-St Quebec-St " \
	    "Downing-St York-St Speer-Blvd 38th-Ave 72nd-Ave Belleview-Ave"
	CITIES = "Denver Denver Denver Aurora Lakewood Westminster Littleton Centennial " \
	    "Thornton Englewood Arvada Commerce-City"

	TFMT = "T%0" (digits(NT) < 2 ? 2 : digits(NT)) "d"
	JFMT = "J%0" digits(1000 + NJ) "d"
	printf "" > TECHS
	printf "" > JOBS
	for (i = 1; i <= NT; i++) tech(i)
	for (i = 1; i <= NJ; i++) job(i)
}'
