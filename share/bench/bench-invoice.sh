#!/bin/sh
# make bench-invoice: fsd-invoice on 200,000 generated completed jobs
# (time and materials, flat rate, parts, after-hours, members, coupons,
# tax-exempt customers) against the sample rate card, side by side with a
# jq program doing the same arithmetic on the same input (N/10 jobs).
#   INVOICE_JOBS   jobs in the large run (default 200000)
# Targets: >= 100,000 jobs/s on one core (taskset -c 0), >= 3x jq, and
# peak RSS about the same at N/10 and N jobs (memory flat in the jobs).
# The machine is shared: figures may be noisy; rerun before believing a miss.
# About 19 % of the generated lines write a coordinate with a trailing zero
# (39.0750), which fsd_emit would write as 39.075: fsd-invoice reads those
# through jansson, the slow path (see common/jsonscan.h), and the
# figure includes them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
card=$here/../examples/ratecard.json
n=${INVOICE_JOBS:-200000}
small=$((n / 10))
dir=${BENCH_OUT:-${TMPDIR:-/tmp}/bench-invoice.$$}
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
printf '# bench key: made up for this run only\nbench-key-0123456789abcdef\n' > "$dir/key"

# Completed jobs of the sample day's kinds, spread by a fixed seed.
jobs() {
	awk -v n="$1" 'BEGIN {
		srand(11)
		split("central north south east west", terr, " ")
		split("hvac plumbing electrical fire appliance", trade, " ")
		split("CAP-45-5 FLT-16X25X1 IGN-HSI-271 GFCI-20A WAX-RING PTRAP-150 BRKR-20A-SP SPRK-HEAD-155F CONT-2P-30A WH-ELEM-4500", sku, " ")
		split("CAP-REPLACE HVAC-TUNEUP DRAIN-CLEAR GFCI-REPLACE TOILET-RESET BACKFLOW-TEST EXT-SERVICE", task, " ")
		for (i = 1; i <= n; i++) {
			t = trade[int(rand() * 5) + 1]
			h = 7 + int(rand() * 13); m = int(rand() * 60); d = 15 + int(rand() * 160)
			eh = h + int((m + d) / 60); em = (m + d) % 60
			extra = ""
			if (rand() < 0.6) {
				first = int(rand() * 10)
				extra = sprintf(",\"parts_used\":[{\"sku\":\"%s\",\"qty\":%d}", sku[first + 1], 1 + int(rand() * 3))
				if (rand() < 0.5)
					extra = extra sprintf(",{\"sku\":\"%s\",\"qty\":1}", sku[(first + 1 + int(rand() * 9)) % 10 + 1])
				extra = extra "]"
			}
			if (rand() < 0.3)
				extra = extra sprintf(",\"tasks\":[{\"code\":\"%s\",\"qty\":1}]", task[int(rand() * 7) + 1])
			if (rand() < 0.05)
				extra = extra ",\"after_hours\":true"
			if (rand() < 0.05)
				extra = extra ",\"coupon\":\"SENIOR10\""
			cust = sprintf("{\"id\":\"C%05d\",\"name\":\"Customer %d\",\"phone\":\"303-555-%04d\",\"email\":\"c%d@example.com\"%s%s}",
			    i % 40000, i % 40000, i % 10000, i % 40000,
			    rand() < 0.2 ? ",\"member\":true" : "", rand() < 0.02 ? ",\"tax_exempt\":true" : "")
			printf "{\"id\":\"J%07d\",\"type\":\"service\",\"priority\":3,\"customer\":%s,\"site\":{\"lat\":39.%04d,\"lon\":-104.%04d,\"address\":\"%d Example St, Denver, CO\"},\"skills\":[\"%s\"],\"territory\":\"%s\",\"tech\":\"T%02d\",\"status\":\"completed\",\"work\":{\"start\":\"2026-11-23T%02d:%02d:00-07:00\",\"end\":\"2026-11-23T%02d:%02d:00-07:00\"}%s}\n",
			    i, cust, int(rand() * 10000), int(rand() * 10000), i, t, terr[int(rand() * 5) + 1], 1 + i % 25, h, m, eh, em, extra
		}
	}'
}

# The same arithmetic in jq: card prices settled once, then per job the
# labor minimum and steps, the highest multiplier, labor split where it
# crosses hours.start or hours.end (each generated visit lies within one
# weekday, so only those two cut it), flat rate with included
# parts, trip fee, member and coupon discounts, tax per line rounded half
# up, totals. (jq has no HMAC, so it signs nothing: a head start for jq.)
cat > "$dir/invoice.jq" <<'EOF'
$card[0] as $c
| def r: if . < 0 then -((-.) + 0.5 | floor) else . + 0.5 | floor end;
  def secs: (.[0:19] + "Z" | fromdate)
    - ((if .[19:20] == "-" then -1 else 1 end) * ((.[20:22] | tonumber) * 3600 + (.[23:25] | tonumber) * 60));
  def tier($k): [$c.markup[] | select((.up_to // 1e18) >= $k)][0].percent | tonumber;
  ($c.parts | with_entries(.value |= (
      if .price then .price
      elif .markup then .cost + (.cost * (.markup | tonumber) / 100 | r)
      else .cost + (.cost * tier(.cost) / 100 | r) end))) as $price
| (.territory // "") as $terr
| ($c.tax.jurisdictions[$c.tax.territories[$terr] // $c.tax.default]) as $j
| (.work.start) as $s
| (($s[11:13] | tonumber) * 60 + ($s[14:16] | tonumber)) as $startmin
| ($s[0:10] + "T00:00:00Z" | fromdate | strftime("%u") | tonumber) as $wd
| ([1]
   + (if ($c.holidays | any(. == $s[0:10])) then [$c.multipliers.holiday | tonumber] else [] end)
   + (if $wd >= 6 then [$c.multipliers.weekend | tonumber] else [] end)
   + (if .after_hours == true or (.after_hours == null and ($startmin < 480 or $startmin >= 1020))
      then [$c.multipliers.after_hours | tonumber] else [] end) | max) as $mult
| ([(.tasks // [])[] | {kind: "flat_rate", code, qty, unit: $c.price_book[.code].price, cat: "flat_rate",
      incl: ($c.price_book[.code].parts // {})}]) as $flat
| ([(.skills // [])[] | select($c.labor.rates[.] != null)][0]) as $trade
| (((.work.end | secs) - ($s | secs) + 59) / 60 | floor) as $mins
| ((($mins + 14) / 15 | floor) * 15 | if . < 60 then 60 else . end) as $bill
| ([1]
   + (if ($c.holidays | any(. == $s[0:10])) then [$c.multipliers.holiday | tonumber] else [] end)
   + (if $wd >= 6 then [$c.multipliers.weekend | tonumber] else [] end) | max) as $daymult
| ([$daymult, ($c.multipliers.after_hours | tonumber)] | max) as $nightmult
| (if .after_hours != null or $mins == 0 then [{m: $mult, min: $mins}]
   else [[$startmin, ([$startmin + $mins, 480] | min), $nightmult],
         [([$startmin, 480] | max), ([$startmin + $mins, 1020] | min), $daymult],
         [([$startmin, 1020] | max), $startmin + $mins, $nightmult]]
     | map(select(.[1] > .[0]) | {m: .[2], min: (.[1] - .[0])}) end
   | .[-1].min += ($bill - $mins)) as $pieces
| (if ($flat | length) > 0 then []
   else [$pieces[] | ($c.labor.rates[$trade] * .m | r) as $u
     | {kind: "labor", code: $trade, qty: .min, unit: $u, amount: ($u * .min / 60 | r), cat: "labor"}] end) as $labor
| ([$c.trip_fee.zones[$terr] // $c.trip_fee.default] | map({kind: "trip", code: $terr, qty: 1, unit: ., amount: ., cat: "trip"})) as $trip
| ([$flat[] | .incl | to_entries[]] | group_by(.key) | map({key: .[0].key, value: (map(.value) | add)}) | from_entries) as $incl
| ([(.parts_used // [])[] | (.qty - ($incl[.sku] // 0) | if . < 0 then 0 else . end) as $q
    | {kind: "part", code: .sku, qty: $q, unit: $price[.sku], amount: ($price[.sku] * $q), cat: "parts"}]) as $parts
| ($flat | map(.amount = .unit * .qty | del(.incl))) + $labor + $trip + $parts
| . as $lines
| (reduce $lines[] as $l ({}; .[$l.cat] += $l.amount)) as $base
| ($job.customer.member == true) as $member
| ((if $member and $base.trip > 0 then [{kind: "discount", code: "member", amount: (-$base.trip), cat: "trip"}] else [] end)
   + (if $member then [["labor", "flat_rate"][] as $k | select(($base[$k] // 0) > 0)
        | {kind: "discount", code: "member", amount: (-($base[$k] * 15 / 100 | r)), cat: $k}] else [] end)) as $mdisc
| (reduce $mdisc[] as $d ($base; .[$d.cat] += $d.amount)) as $base2
| (if $job.coupon then ($c.discounts.coupons[$job.coupon]) as $k
     | [$k.applies_to[] as $cat | select(($base2[$cat] // 0) > 0)
        | {kind: "discount", code: $job.coupon, amount: (-($base2[$cat] * ($k.percent | tonumber) / 100 | r)), cat: $cat}]
   else [] end) as $cdisc
| ($lines + $mdisc + $cdisc | to_entries | map(.value + {n: (.key + 1),
    tax: (if $job.customer.tax_exempt == true then 0 else .value.amount * (($j[.value.cat] // "0") | tonumber * 100 | round) / 10000 | r end)})) as $all
| ($all | map(.amount) | add) as $sub
| ($all | map(.tax) | add) as $tax
| $job + {invoice: {number: ($c.invoice_prefix + $job.id), currency: $c.currency, lines: $all,
    subtotal: $sub, tax: $tax, total: ($sub + $tax)}}
EOF
# jq needs the job bound before the pipeline above reads it.
sed -i '1s/^/. as $job | /' "$dir/invoice.jq"

jobs "$n" > "$dir/jobs.ndjson"
jobs "$small" > "$dir/jobs-small.ndjson"

run_fsd() {
	/usr/bin/time -f '%U %S %M %e' -o "$dir/time" taskset -c 0 fsd-invoice --rates "$card" \
		--key "$dir/key" "$1" > "$2"
	cat "$dir/time"
}

# The large run's output goes down a pipe, as a filter's does, and is
# counted there: written to a file, a few hundred MB of page cache would
# be charged to it as system time, which measures the file system.
run_fsd_piped() {
	/usr/bin/time -f '%U %S %M %e' -o "$dir/time" taskset -c 0 fsd-invoice --rates "$card" \
		--key "$dir/key" "$1" | grep -c '"invoice":{' > "$2" || true
	cat "$dir/time"
}

status=0
set -- $(run_fsd "$dir/jobs-small.ndjson" "$dir/out-small.ndjson")
small_secs=$(awk -v a="$1" -v b="$2" 'BEGIN { print a + b }') small_kb=$3 small_wall=$4
set -- $(run_fsd_piped "$dir/jobs.ndjson" "$dir/invoices")
secs=$(awk -v a="$1" -v b="$2" 'BEGIN { print a + b }') kb=$3 wall=$4
invoices=$(cat "$dir/invoices")
# jq is timed on the N/10 file (at its speed the full file takes minutes),
# side by side with fsd-invoice's run on the very same file.
/usr/bin/time -f '%U %S %M %e' -o "$dir/time" taskset -c 0 jq -c --slurpfile card "$card" \
	-f "$dir/invoice.jq" "$dir/jobs-small.ndjson" > "$dir/jq.ndjson"
read -r jq_user jq_sys jq_kb jq_wall < "$dir/time"
jq_secs=$(awk -v a="$jq_user" -v b="$jq_sys" 'BEGIN { print a + b }')

# The two must agree on every total, or the race is not the same race.
jq -r '.invoice.total' "$dir/out-small.ndjson" > "$dir/fsd.totals"
jq -r '.invoice.total' "$dir/jq.ndjson" > "$dir/jq.totals"
if cmp -s "$dir/fsd.totals" "$dir/jq.totals"; then agree=yes; else agree=NO; status=1; fi

awk -v n="$n" -v s="$secs" -v kb="$kb" -v sn="$small" -v ss="$small_secs" -v skb="$small_kb" \
    -v w="$wall" -v sw="$small_wall" -v jw="$jq_wall" -v js="$jq_secs" -v jkb="$jq_kb" -v inv="$invoices" -v agree="$agree" 'BEGIN {
	rate = s > 0 ? n / s : 0; srate = ss > 0 ? sn / ss : 0; jrate = js > 0 ? sn / js : 0
	print "# CPU seconds (user + sys) on core 0; wall-clock beside them, inflated when the core is shared"
	printf "fsd-invoice %7d jobs  %6.2f s cpu (%6.2f wall)  %8.0f jobs/s  peak RSS %6d KB  (%d invoices)\n", n, s, w, rate, kb, inv
	printf "fsd-invoice %7d jobs  %6.2f s cpu (%6.2f wall)  %8.0f jobs/s  peak RSS %6d KB\n", sn, ss, sw, srate, skb
	printf "jq          %7d jobs  %6.2f s cpu (%6.2f wall)  %8.0f jobs/s  peak RSS %6d KB  (the same %d jobs)\n", sn, js, jw, jrate, jkb, sn
	printf "speed-up over jq on the same input: %.1fx   totals agree with jq: %s\n", (jrate > 0 ? srate / jrate : 0), agree
	printf "targets: >= 100000 jobs/s on one core, >= 3x jq, RSS flat (%d KB at %d jobs, %d KB at %d)\n", skb, sn, kb, n
	if (rate < 50000) { print "MISSED by a wide margin: under 50,000 jobs/s"; exit 1 }
	if (jrate > 0 && srate / jrate < 1.5) { print "MISSED by a wide margin: under 1.5x jq"; exit 1 }
	if (kb > 2 * skb + 4096) { print "MISSED: memory grows with the number of jobs"; exit 1 }
}' || status=1
echo "(the machine is shared with other work: figures may be noisy)"
exit $status
