#!/usr/bin/env bats
# fsd-invoice: one behaviour a test. Amounts are cents; the test card
# (fixtures/invoice/ratecard.json) has round rates so they can be worked by
# hand: hvac 120.00/h, plumbing 100.00/h, 1 h minimum then 15-min steps.
load helper

CARD=$FIXTURES/invoice/ratecard.json
setup() {
	T=$BATS_TEST_TMPDIR
	# A key only its owner reads, as it should be (git keeps no such mode).
	KEY=$T/pay.key
	install -m 600 "$FIXTURES/invoice/pay.key" "$KEY"
}

# The records of the last run, without the notes on standard error.
records() {
	printf '%s\n' "$output" | grep '^{' | jq -c "$@"
}

# One job through the tool: invoice "$1" (a JSON object) with extra options.
bill() {
	local job=$1
	shift
	run fsd-invoice --rates "$CARD" "$@" <<<"$job"
}

tm='"skills":["hvac"],"territory":"central","work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T10:01:00-07:00"}'

@test "labor: 1 h minimum, then 15-minute steps (61 min bills 75)" {
	bill '{"id":"J1",'"$tm"'}'
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '.invoice.lines[0] | [.kind, .minutes, .qty, .unit_price, .amount]')" '["labor",75,1.25,12000,15000]'
	bill '{"id":"J1","skills":["hvac"],"work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T09:20:00-07:00"}}'
	assert_eq "$(out_jq '.invoice.lines[0].minutes')" 60
}

@test "labor: per tech entries, a tech level rate, a trade without a rate is an error" {
	bill '{"id":"J1","skills":["hvac"],"labor":[{"tech":"T01","minutes":90},{"tech":"T02","level":"apprentice","minutes":60}]}' --date 2026-11-23
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "labor") | .amount]')" '[18000,6000]'
	bill '{"id":"J1","skills":["roofing"],"labor":[{"minutes":60}]}' --date 2026-11-23
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: no labor rate'
	assert_eq "$(records '.exception.code')" '"bad_record"'
}

@test "multipliers: after hours by the clock or as captured, weekend, holiday; the highest wins" {
	for c in '2026-11-23T18:00:00-07:00 null 18000 "after_hours"' \
	         '2026-11-23T09:00:00-07:00 true 18000 "after_hours"' \
	         '2026-11-28T09:00:00-07:00 null 15000 "weekend"' \
	         '2026-11-28T20:00:00-07:00 null 18000 "after_hours"' \
	         '2026-11-26T20:00:00-07:00 null 24000 "holiday"'; do
		set -- $c
		bill '{"id":"J1","skills":["hvac"],"after_hours":'"$2"',"work":{"start":"'"$1"'","end":"'"$1"'"}}'
		assert_eq "$(out_jq '[.invoice.lines[0].amount, .invoice.multiplier]')" "[$3,$4]"
	done
}

@test "after hours by the clock: a visit running past hours.end is split there; the minimum tops up its last part" {
	for c in '16:00 18:30 [[60,12000],[90,18000]]' \
	         '07:30 08:10 [[30,18000],[30,12000]]' \
	         '16:50 17:05 [[10,12000],[50,18000]]' \
	         '15:00 16:30 [[90,12000]]'; do
		set -- $c
		bill '{"id":"J1","skills":["hvac"],"work":{"start":"2026-11-23T'"$1"':00-07:00","end":"2026-11-23T'"$2"':00-07:00"}}'
		assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "labor") | [.minutes, .unit_price]]')" "$3"
	done
	# Captured after_hours bills the whole visit one way, as does time per tech.
	bill '{"id":"J1","skills":["hvac"],"after_hours":false,"work":{"start":"2026-11-23T16:00:00-07:00","end":"2026-11-23T18:30:00-07:00"}}'
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "labor") | [.minutes, .unit_price]]')" '[[150,12000]]'
	# The night before a holiday: after hours, then the holiday rate from midnight.
	bill '{"id":"J1","skills":["hvac"],"work":{"start":"2026-11-25T23:00:00-07:00","end":"2026-11-26T01:00:00-07:00"}}'
	assert_eq "$(out_jq '[.invoice.multiplier, [.invoice.lines[] | select(.kind == "labor") | [.minutes, .unit_price]]]')" '["holiday",[[60,18000],[60,24000]]]'
	# Friday night into Saturday: after hours (x1.5) beats the weekend (x1.25) on both sides.
	bill '{"id":"J1","skills":["hvac"],"work":{"start":"2026-11-27T23:00:00-07:00","end":"2026-11-28T01:00:00-07:00"}}'
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "labor") | [.minutes, .unit_price]]')" '[[120,18000]]'
}

@test "trip fee by zone, the default elsewhere" {
	bill '{"id":"J1",'"$tm"'}'
	assert_eq "$(out_jq '.invoice.lines[1] | [.kind, .code, .amount]')" '["trip","central",3000]'
	bill '{"id":"J1","skills":["hvac"],"territory":"north"}' --date 2026-11-23
	assert_eq "$(out_jq '.invoice.lines[0] | [.kind, .code, .amount]')" '["trip","default",5000]'
}

@test "flat rate replaces labor and covers its included part; the extra part is billed" {
	bill '{"id":"J3","skills":["hvac"],"territory":"central","completed_at":"2026-11-23T11:00:00-07:00","tasks":["CAP-REPLACE"],"parts_used":["CAP-45-5:2"]}'
	assert_eq "$(out_jq '[.invoice.lines[] | [.kind, .qty, .amount]]')" '[["flat_rate",1,20000],["trip",1,3000],["part",1,0],["part",1,2250]]'
}

@test "parts: markup tiers by unit cost (100 % up to 10.00, then 50 %)" {
	bill '{"id":"J2","parts_used":[{"sku":"FLT-16X25X1","qty":2},{"sku":"CAP-45-5","qty":1}]}' --date 2026-11-23
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "part") | [.unit_price, .amount]]')" '[[1000,2000],[2250,2250]]'
}

@test "tax: per jurisdiction and category, labor untaxed, per-line rounding" {
	bill '{"id":"J2","territory":"east","skills":["plumbing"],"labor":[{"minutes":60}],"parts_used":[{"sku":"CAP-45-5","qty":1}]}' --date 2026-11-23
	assert_eq "$(out_jq '[.invoice.jurisdiction, .invoice.taxes, .invoice.tax]')" '["county",[{"category":"parts","percent":"5","base":2250,"tax":113}],113]'
}

@test "rounding: half-up per line, half-even per line, per-invoice totals" {
	job='{"id":"J9","parts_used":[{"sku":"PENNY","qty":1},{"sku":"PENNY","qty":1}]}'
	bill "$job" --date 2026-11-23
	assert_eq "$(out_jq '.invoice.tax')" 2
	jq '.rounding = "half-even"' "$CARD" > "$T/even.json"
	run fsd-invoice --rates "$T/even.json" --date 2026-11-23 <<<"$job"
	assert_eq "$(out_jq '.invoice.tax')" 0
	jq '.tax_rounding = "invoice"' "$CARD" > "$T/per-invoice.json"
	run fsd-invoice --rates "$T/per-invoice.json" --date 2026-11-23 <<<"$job"
	assert_eq "$(out_jq '[.invoice.tax, (.invoice.lines[0] | has("tax"))]')" '[1,false]'
}

@test "tax-exempt customer: no tax, marked on the invoice" {
	bill '{"id":"J2","customer":{"id":"C9","tax_exempt":true},"parts_used":[{"sku":"CAP-45-5","qty":1}]}' --date 2026-11-23
	assert_eq "$(out_jq '[.invoice.tax, .invoice.tax_exempt, .invoice.taxes]')" '[0,true,[]]'
}

@test "discounts: member (trip waived, 10 % off labor), contract counts as member, coupon" {
	bill '{"id":"J1","customer":{"member":true},'"$tm"'}'
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "discount") | .amount]')" '[-3000,-1500]'
	assert_eq "$(out_jq '.invoice.total')" 13500
	bill '{"id":"J1","contract":"K-7",'"$tm"'}'
	assert_eq "$(out_jq '.invoice.total')" 13500
	bill '{"id":"J1","coupon":"TAKE20",'"$tm"'}'
	assert_eq "$(out_jq '.invoice.total')" 16000
	bill '{"id":"J1","coupon":"BOGUS",'"$tm"'}'
	[ "$status" -eq 1 ]
	assert_output_has 'unknown coupon \"BOGUS\"'
}

@test "not-to-exceed: over it, no invoice but an approval request with the overage" {
	bill '{"id":"J1","nte":15000,'"$tm"'}'
	[ "$status" -eq 0 ]
	assert_output_has 'approval requested'
	assert_eq "$(records '[.exception.code, .approval.amount, .approval.nte, .approval.overage, (.approval.lines | length), has("invoice")]')" '["nte_exceeded",18000,15000,3000,2,false]'
	bill '{"id":"J1","nte":18000,'"$tm"'}'
	assert_eq "$(out_jq '[.invoice.total, has("exception")]')" '[18000,false]'
}

@test "deposit: billed on approval, credited on the final invoice" {
	bill '{"id":"J7","status":"approved","approved_at":"2026-11-20T10:00:00-07:00","deposit":5000}'
	assert_eq "$(out_jq '.invoice | [.number, .kind, .date, .total, .lines[0].kind]')" '["TST-J7-D","deposit","2026-11-20",5000,"deposit"]'
	bill '{"id":"J7","status":"completed","deposit":5000,'"$tm"'}'
	assert_eq "$(out_jq '.invoice | [.number, .kind, .lines[-1].kind, .lines[-1].amount, .total]')" '["TST-J7","final","credit",-5000,13000]'
	assert_eq "$(out_jq '.invoice.lines[-1].description')" '"Deposit received, invoice TST-J7-D"'
}

@test "deposit as a percentage of the estimate, rounded by the card; the final invoice credits the same" {
	bill '{"id":"J7","status":"approved","approved_at":"2026-11-20T10:00:00-07:00","deposit_percent":"30","estimate":123457}'
	assert_eq "$(out_jq '.invoice | [.total, .lines[0].description]')" '[37037,"Deposit on approval of job J7, 30 % of the estimate"]'
	bill '{"id":"J7","status":"completed","deposit_percent":30,"estimate":123457,"skills":["hvac"],"territory":"central","work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T13:00:00-07:00"}}'
	assert_eq "$(out_jq '.invoice.lines[-1] | [.kind, .amount]')" '["credit",-37037]'
	bill '{"id":"J7","status":"approved","approved_at":"2026-11-20T10:00:00-07:00","deposit_percent":"30"}'
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: "deposit_percent" needs the "estimate" it is a share of'
	bill '{"id":"J7","status":"approved","approved_at":"2026-11-20T10:00:00-07:00","deposit_percent":"101","estimate":5}'
	assert_output_has '"deposit_percent" must be a percentage from 0 to 100, not "101"'
}

@test "invoice: number, date, due by the terms, the same bytes on a rerun" {
	run fsd-invoice --rates "$CARD" --key "$KEY" "$FIXTURES/invoice/jobs.ndjson"
	first=$output
	assert_eq "$(out_jq -s 'map(.invoice | [.number, .date, .due])')" '[["TST-J1","2026-11-23","2026-12-08"],["TST-J2","2026-11-23","2026-12-08"],["TST-J3","2026-11-23","2026-12-08"]]'
	run fsd-invoice --rates "$CARD" --key "$KEY" "$FIXTURES/invoice/jobs.ndjson"
	assert_eq "$output" "$first"
}

@test "every invoice reconciles: lines + tax = total, tax = its breakdown" {
	run fsd-invoice --rates "$EXAMPLES/ratecard.json" --date 2026-11-23 "$FIXTURES/invoice/mixed.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -s 'map(.invoice | select(.) | ((.lines | map(.amount) | add) == .subtotal and .subtotal + .tax == .total and (.taxes | map(.tax) | add // 0) == .tax)) | all')" true
	assert_eq "$(out_jq -s 'length')" "$(wc -l < "$FIXTURES/invoice/mixed.ndjson")"
}

@test "fields the tool does not know pass through untouched" {
	run fsd-invoice --rates "$CARD" "$FIXTURES/invoice/jobs.ndjson"
	assert_eq "$(printf '%s\n' "$output" | head -1 | jq -c '.custom')" '{"kept":[1,2.5,"x"]}'
	assert_eq "$(printf '%s\n' "$output" | head -1 | jq -c 'del(.invoice)')" "$(head -1 "$FIXTURES/invoice/jobs.ndjson" | jq -c .)"
}

@test "payment link: verifies with the key, fails when tampered or with another key" {
	bill '{"id":"J1",'"$tm"'}' --key "$KEY"
	link=$(out_jq -r '.invoice.payment_link')
	case $link in https://pay.example.com/i/TST-J1\?amount=180.00\&currency=USD\&token=*) ;; *) false ;; esac
	run fsd-invoice --verify-link "$link" --key "$KEY" --rates "$CARD"
	[ "$status" -eq 0 ]
	assert_eq "$output" "valid: invoice TST-J1, 180.00 USD"
	run fsd-invoice --verify-link "${link/amount=180.00/amount=18.00}" --key "$KEY" --rates "$CARD"
	[ "$status" -eq 1 ]
	assert_output_has "token does not match"
	run fsd-invoice --verify-link "${link/TST-J1/TST-J2}" --key "$KEY" --rates "$CARD"
	[ "$status" -eq 1 ]
	run fsd-invoice --verify-link "${link%?}0" --key "$KEY" --rates "$CARD"
	[ "$status" -eq 1 ]
	run fsd-invoice --verify-link "$link" --key "$FIXTURES/invoice/other.key" --rates "$CARD"
	[ "$status" -eq 1 ]
}

@test "payment link: template from --pay-url; a bad template or no key is a usage error" {
	bill '{"id":"J1",'"$tm"'}' --key "$KEY" --pay-url 'https://p.example/{invoice}/{amount}/{currency}?t={token}'
	link=$(out_jq -r '.invoice.payment_link')
	case $link in https://p.example/TST-J1/180.00/USD\?t=*) ;; *) false ;; esac
	run fsd-invoice --verify-link "$link" --key "$KEY" --pay-url 'https://p.example/{invoice}/{amount}/{currency}?t={token}'
	[ "$status" -eq 0 ]
	bill '{"id":"J1"}' --key "$KEY" --pay-url 'https://p.example/{invoice}'
	[ "$status" -eq 2 ]
	assert_output_has '{amount} is missing'
	bill '{"id":"J1"}' --pay-url 'https://p.example/{invoice}/{amount}/{currency}/{token}'
	[ "$status" -eq 2 ]
}

@test "ledger: a rerun skips what was invoiced, reports it and issues nothing new" {
	run fsd-invoice --rates "$CARD" --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(wc -l < "$T/ledger.ndjson")" 3
	assert_eq "$(jq -s -c 'map(.invoice.number)' "$T/ledger.ndjson")" '["TST-J1","TST-J2","TST-J3"]'
	run fsd-invoice --rates "$CARD" --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has '3 jobs already invoiced'
	assert_eq "$(records -s 'map(select(.exception) | .exception.code)')" '["already_invoiced","already_invoiced","already_invoiced"]'
	assert_eq "$(wc -l < "$T/ledger.ndjson")" 3
}

@test "ledger: concurrent runs over the same jobs bill each job exactly once" {
	for i in 1 2 3 4; do
		fsd-invoice --rates "$CARD" --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/mixed.ndjson" \
			--date 2026-11-23 > "$T/out$i" 2>/dev/null &
	done
	wait
	assert_eq "$(jq -r '.invoice.number' "$T/ledger.ndjson" | sort | uniq -d)" ""
	assert_eq "$(cat "$T"/out[1-4] | jq -r 'select(.invoice) | .invoice.number' | sort | uniq -d)" ""
	assert_eq "$(jq -r '.invoice.number' "$T/ledger.ndjson" | sort)" "$(cat "$T"/out[1-4] | jq -r 'select(.invoice) | .invoice.number' | sort)"
	[ "$(wc -l < "$T/ledger.ndjson")" -gt 0 ]
}

@test "html: one printable file per invoice, customer text escaped, link and total shown" {
	bill '{"id":"J1","customer":{"name":"<script>alert(1)</script> & Co"},'"$tm"'}' --key "$KEY" --html "$T/html"
	[ "$status" -eq 0 ]
	[ -f "$T/html/TST-J1.html" ]
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co' "$T/html/TST-J1.html"
	! grep -q '<script>' "$T/html/TST-J1.html"
	grep -q 'Test &amp; Sons &lt;HVAC&gt;' "$T/html/TST-J1.html"
	grep -q '180.00' "$T/html/TST-J1.html"
	grep -q 'href="https://pay.example.com/i/TST-J1?amount=180.00&amp;currency=USD&amp;token=' "$T/html/TST-J1.html"
}

@test "bad input: positioned error, exception on that job, the others still invoiced" {
	run fsd-invoice --rates "$CARD" "$FIXTURES/invoice/bad.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad.ndjson:1: "tasks": unknown flat-rate code "NOPE"'
	assert_output_has 'bad.ndjson:2: "parts_used": unknown SKU "WIDGET"'
	assert_output_has 'bad.ndjson:3: "parts_used": qty of "CAP-45-5" must be from 1 to 1000000, not -2'
	assert_output_has 'bad.ndjson:4: "work.end" is before "work.start"'
	assert_output_has 'bad.ndjson:5: "nte" must be a whole number'
	assert_output_has 'bad.ndjson:7: no invoice date'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -s -c 'map(.exception.code // .invoice.number)')" \
		'["bad_record","bad_record","bad_record","bad_record","bad_record","TST-OK","bad_record"]'
}

@test "bad rate card: every problem with its line, exit 1, nothing invoiced" {
	run fsd-invoice --rates "$FIXTURES/invoice/bad-ratecard.json" "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad-ratecard.json:4: "rounding" must be "half-up" or "half-even"'
	assert_output_has 'bad-ratecard.json:7: "labor.rates.hvac" must be a whole number of minor units'
	assert_output_has 'bad-ratecard.json:9: "labor.minimun_minutes" is not a known key (known: minimum_minutes, increment_minutes, rates, levels, descriptions)'
	assert_output_has 'bad-ratecard.json:12: "parts.X.markup" must be a decimal number'
	assert_output_has '4 problems in the rate card; nothing done'
	run fsd-invoice --rates /nonexistent.json "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 1 ]
}

@test "usage: --rates is required" {
	run fsd-invoice "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 2 ]
	assert_output_has '--rates FILE is required'
}

@test "--strict: the invoices before the bad line are out when the run stops" {
	run bash -c "printf '%s\n' '{\"id\":\"A\",\"completed_at\":\"2026-11-23T10:00:00-07:00\"}' '{bad' '{\"id\":\"C\"}' | fsd-invoice --rates '$CARD' --strict 2>/dev/null"
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | jq -r '.invoice.number')" "TST-A"
}

# Grouped invoices. group.ndjson: Ann (C1) has A1 and A2 in November, A3
# in December, A4 over its NTE, A5 a deposit; Bob (C2) has B1; X1 has no
# customer id.
group() {
	run fsd-invoice --rates "$CARD" "$@"
}

@test "--group customer,month: one invoice per customer and month, each job marked invoiced_in" {
	group --group customer,month "$FIXTURES/invoice/group.ndjson"
	[ "$status" -eq 1 ]
	assert_eq "$(records -s 'map(select(.invoice.jobs) | [.invoice.number, .invoice.period, .invoice.jobs, .invoice.date, .customer.name])')" \
		'[["TST-C1-2026-11","2026-11",["A1","A2"],"2026-11-30","Ann"],["TST-C2-2026-11","2026-11",["B1"],"2026-11-23","Bob"],["TST-C1-2026-12","2026-12",["A3"],"2026-12-01","Ann"]]'
	assert_eq "$(records -s 'map(select(.invoiced_in) | [.id, .invoiced_in, has("invoice")])')" \
		'[["A1","TST-C1-2026-11",false],["A2","TST-C1-2026-11",false],["B1","TST-C2-2026-11",false],["A3","TST-C1-2026-12",false]]'
	# The lines are the jobs', each under its job: a trip fee per visit.
	assert_eq "$(records -s 'map(select(.invoice.number == "TST-C1-2026-11") | .invoice.lines[] | [.n, .job, .kind]) ')" \
		'[[1,"A1","labor"],[2,"A1","trip"],[3,"A2","trip"],[4,"A2","part"]]'
	assert_eq "$(records -s 'map(select(.invoice.number == "TST-C1-2026-11") | .invoice.taxes)[0]')" \
		'[{"jurisdiction":"county","category":"parts","percent":"5","base":2250,"tax":113}]'
	assert_output_has '4 jobs on 3 grouped invoices'
}

@test "--group: every job comes out once; NTE judged per job, deposit billed alone, no customer id is an error" {
	group --group customer "$FIXTURES/invoice/group.ndjson"
	assert_eq "$(records -s 'map(select(.id) | [.id, (.invoiced_in // .invoice.number // .exception.code)]) | sort')" \
		'[["A1","TST-C1"],["A2","TST-C1"],["A3","TST-C1"],["A4","nte_exceeded"],["A5","TST-A5-D"],["B1","TST-C2"],["X1","bad_record"]]'
	assert_output_has 'group.ndjson:7: "customer.id" is required to group invoices (--group)'
	assert_eq "$(records -s 'map(select(.invoice.number == "TST-C1") | [.invoice.jobs, .invoice.date, .invoice.due, .invoice.total])[0]')" \
		'[["A1","A2","A3"],"2026-12-01","2026-12-16",28369]'
}

@test "--group customer,week: ISO weeks; per-invoice tax rounding sums the whole group before rounding" {
	printf '%s\n' '{"id":"P1","customer":{"id":"C9"},"completed_at":"2026-12-31T10:00:00-07:00","parts_used":["PENNY:1"]}' \
		'{"id":"P2","customer":{"id":"C9"},"completed_at":"2027-01-01T10:00:00-07:00","parts_used":["PENNY:1"]}' > "$T/pennies.ndjson"
	jq '.tax_rounding = "invoice" | .trip_fee = {}' "$CARD" > "$T/per-invoice.json"
	run fsd-invoice --rates "$T/per-invoice.json" --group customer,week "$T/pennies.ndjson"
	[ "$status" -eq 0 ]
	# 2026-12-31 and 2027-01-01 are both in ISO week 2026-W53; 10 cents at 10 % is 1 cent.
	assert_eq "$(records -s 'map(select(.invoice) | [.invoice.number, .invoice.subtotal, .invoice.tax])')" '[["TST-C9-2026-W53",10,1]]'
	run fsd-invoice --rates "$T/per-invoice.json" "$T/pennies.ndjson"
	assert_eq "$(records -s 'map(.invoice.tax) | add')" 2
	run fsd-invoice --rates "$CARD" --group customer,week "$T/pennies.ndjson"
	assert_eq "$(records -s 'map(select(.invoice.jobs) | [.invoice.tax, (.invoice.lines | map(.tax) | add)])')" '[[2,2]]'
}

@test "--group with the ledger: covered jobs are never billed again, alone or grouped; a later invoice gets -2" {
	group --group customer,month --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/group.ndjson"
	assert_eq "$(jq -c '[.invoice.number, .invoice.jobs]' "$T/ledger.ndjson" | sort | tr '\n' ' ')" \
		'["TST-A5-D",null] ["TST-C1-2026-11",["A1","A2"]] ["TST-C1-2026-12",["A3"]] ["TST-C2-2026-11",["B1"]] '
	group --group customer,month --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/group.ndjson"
	assert_eq "$(records -s 'map(select(.exception.code == "already_invoiced") | .id)')" '["A1","B1","A2","A3","A5"]'
	assert_output_has 'already invoiced as TST-C1-2026-11'
	assert_eq "$(records -s 'map(select(.invoice)) | length')" 0
	group --ledger "$T/ledger.ndjson" "$FIXTURES/invoice/group.ndjson"
	assert_eq "$(records -s 'map([.id, (.invoice.number // .exception.code)])')" \
		'[["A1","already_invoiced"],["B1","already_invoiced"],["A2","already_invoiced"],["A3","already_invoiced"],["A4","nte_exceeded"],["A5","already_invoiced"],["X1","TST-X1"]]'
	printf '%s\n' '{"id":"A9","customer":{"id":"C1"},"completed_at":"2026-11-29T10:00:00-07:00","parts_used":["PENNY:1"]}' > "$T/late.ndjson"
	group --group customer,month --ledger "$T/ledger.ndjson" "$T/late.ndjson"
	assert_eq "$(records -s 'map(select(.invoice) | .invoice.number)')" '["TST-C1-2026-11-2"]'
}

@test "--group with the ledger: concurrent grouped runs bill each job exactly once" {
	for i in 1 2 3 4; do
		fsd-invoice --rates "$CARD" --ledger "$T/ledger.ndjson" --group customer,month \
			"$FIXTURES/invoice/group.ndjson" > "$T/out$i" 2>/dev/null &
	done
	wait
	assert_eq "$(jq -r '.invoice.jobs // [.id] | .[]' "$T/ledger.ndjson" | sort | tr '\n' ' ')" 'A1 A2 A3 A5 B1 '
	assert_eq "$(cat "$T"/out[1-4] | jq -r 'select(.invoiced_in) | .id' | sort | tr '\n' ' ')" 'A1 A2 A3 B1 '
	assert_eq "$(jq -r '.invoice.number' "$T/ledger.ndjson" | sort | uniq -d)" ""
}

@test "--group: a job twice in the input is billed once" {
	cat "$FIXTURES/invoice/group.ndjson" "$FIXTURES/invoice/group.ndjson" > "$T/twice.ndjson"
	group --group customer,month "$T/twice.ndjson"
	assert_eq "$(records -s 'map(select(.invoice.jobs) | .invoice.jobs)')" '[["A1","A2"],["B1"],["A3"]]'
	assert_eq "$(records -s 'map(select(.exception.code == "already_invoiced") | .id)')" '["A1","B1","A2","A3"]'
	assert_output_has 'already invoiced as TST-C1-2026-11 (earlier in the input)'
}

@test "--group: grouped invoices reconcile, and their jobs are exactly the jobs marked invoiced_in" {
	jq -c '.customer = ((.customer // {}) + {id: ("C" + (.id[-1:] | tonumber % 3 | tostring))})' \
		"$FIXTURES/invoice/mixed.ndjson" > "$T/mixed.ndjson"
	for how in line invoice; do
		jq --arg how "$how" '.tax_rounding = $how' "$EXAMPLES/ratecard.json" > "$T/card.json"
		run fsd-invoice --rates "$T/card.json" --date 2026-11-23 --group customer "$T/mixed.ndjson"
		[ "$status" -eq 0 ]
		assert_eq "$(records -s 'map(select(.invoice.jobs) | .invoice | ((.lines | map(.amount) | add) == .subtotal and .subtotal + .tax == .total and (.taxes | map(.tax) | add // 0) == .tax)) | (length > 0 and all)')" true
		assert_eq "$(records -s '(map(select(.invoice.jobs) | .invoice.jobs[]) | sort) == (map(select(.invoiced_in) | .id) | sort)')" true
		assert_eq "$(records -s 'map(select(.id)) | length')" 13
	done
}

@test "--group: one printable HTML file per grouped invoice, listing its jobs; a bad --group is a usage error" {
	group --group customer,month --html "$T/html" --key "$KEY" "$FIXTURES/invoice/group.ndjson"
	[ -f "$T/html/TST-C1-2026-11.html" ]
	grep -q 'Jobs: A1, A2' "$T/html/TST-C1-2026-11.html"
	grep -q 'Job A2: Capacitor 45/5' "$T/html/TST-C1-2026-11.html"
	grep -q '>Ann<' "$T/html/TST-C1-2026-11.html"
	group --group month "$FIXTURES/invoice/group.ndjson"
	[ "$status" -eq 2 ]
}

@test "--group --strict: the groups read before the bad line are issued, then the run stops" {
	run bash -c "printf '%s\n' '{\"id\":\"A\",\"customer\":{\"id\":\"C1\"},\"completed_at\":\"2026-11-23T10:00:00-07:00\"}' '{bad' '{\"id\":\"C\",\"customer\":{\"id\":\"C1\"}}' | fsd-invoice --rates '$CARD' --group customer --strict 2>/dev/null"
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | jq -c '[.invoice.number, .invoice.jobs, .invoiced_in]')" '["TST-C1",["A"],null]
[null,null,"TST-C1"]'
}

@test "a bad field inside labor is named with its place in the list" {
	run bash -c "echo '{\"id\":\"J1\",\"labor\":[{\"tech\":5,\"minutes\":30}]}' | fsd-invoice --rates '$EXAMPLES/ratecard.json' 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	assert_eq "$output" 'fsd-invoice: stdin:1: "labor[0]": "tech" must be a string, not 5'
}

@test "a job from fsd-status, with arrived and completed and no work span, bills the visit as its time on the tools" {
	bill '{"id":"J1","skills":["hvac"],"territory":"central","arrived":"2026-11-23T09:00:00-07:00","completed":"2026-11-23T10:31:00-07:00"}'
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '[.invoice.date, .invoice.lines[0].minutes]')" '["2026-11-23",105]'
	bill '{"id":"J1","skills":["hvac"],"arrived":"2026-11-23T09:00:00-07:00"}'
	[ "$status" -eq 1 ]
	assert_output_has 'the visit needs both "arrived" and "completed"'
}

# State that holds under faults (issue 17). The fault shim is
# common/fault.h: FSD_FAULT=write:N makes the N-th write a full disk.

# n good jobs, K1..Kn, one a line.
many_jobs() {
	for i in $(seq "$1"); do printf '{"id":"K%d",%s}\n' "$i" "$tm"; done
}

teardown() {
	if mountpoint -q "$BATS_TEST_TMPDIR/m" 2>/dev/null; then umount "$BATS_TEST_TMPDIR/m"; fi
}

@test "ledger: a full disk in the middle of the append leaves the ledger as it was; the rerun bills each job once" {
	L=$T/ledger.ndjson
	run fsd-invoice --rates "$CARD" --ledger "$L" "$FIXTURES/invoice/jobs.ndjson"
	cp "$L" "$T/before"
	many_jobs 20 > "$T/more"
	FSD_FAULT=write:1 run fsd-invoice --rates "$CARD" --ledger "$L" "$T/more"
	[ "$status" -eq 1 ]
	assert_output_has 'write error: No space left on device; nothing of this run'"'"'s last batch was added'
	cmp "$L" "$T/before"
	run fsd-invoice --rates "$CARD" --ledger "$L" "$T/more"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r .invoice.number "$L" | sort | uniq -d)" ""
	assert_eq "$(jq -r .invoice.number "$L" | sort)" "$(jq -r .invoice.number "$T/before" | sort; records -r 'select(.invoice) | .invoice.number' | sort)"
}

@test "ledger: a real full disk (a small tmpfs) is rolled back too, and a rerun with space converges" {
	mkdir "$T/m"
	mount -t tmpfs -o size=64k tmpfs "$T/m" 2>/dev/null || skip "cannot mount a tmpfs here"
	L=$T/m/ledger.ndjson
	fsd-invoice --rates "$CARD" --ledger "$L" "$FIXTURES/invoice/jobs.ndjson" > /dev/null
	cp "$L" "$T/before"
	dd if=/dev/zero of="$T/m/fill" bs=1k 2>/dev/null || true
	many_jobs 40 > "$T/more"
	run fsd-invoice --rates "$CARD" --ledger "$L" "$T/more"
	[ "$status" -eq 1 ]
	assert_output_has 'No space left on device'
	cmp "$L" "$T/before"
	rm "$T/m/fill"
	run fsd-invoice --rates "$CARD" --ledger "$L" "$T/more"
	cp "$L" "$T/after"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r .invoice.number "$T/after" | sort | uniq -d)" ""
	[ "$(wc -l < "$T/after")" -gt "$(wc -l < "$T/before")" ]
}

@test "ledger: a torn last line (a crash while writing) is set aside with a note; the job on it is billed once" {
	L=$T/ledger.ndjson
	run fsd-invoice --rates "$CARD" --ledger "$L" "$FIXTURES/invoice/jobs.ndjson"
	head -2 "$L" > "$T/torn"
	tail -1 "$L" | head -c 40 >> "$T/torn"
	mv "$T/torn" "$L"
	run fsd-invoice --rates "$CARD" --ledger "$L" "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has "ledger.ndjson: its last line was cut short by a run that stopped while writing it (a crash or a full disk); moved to $L.torn"
	assert_eq "$(records -r 'select(.invoice) | .invoice.number')" 'TST-J3'
	assert_eq "$(jq -r .invoice.number "$L" | tr '\n' ' ')" 'TST-J1 TST-J2 TST-J3 '
	assert_eq "$(wc -l < "$L.torn")" 1
	run fsd-invoice --rates "$CARD" --ledger "$L" "$FIXTURES/invoice/jobs.ndjson"
	assert_output_has '3 jobs already invoiced'
}

@test "ledger: one ledger through two symbolic links shares one lock; each job is billed once" {
	mkdir "$T/a" "$T/b"
	: > "$T/ledger.ndjson"
	ln -s ../ledger.ndjson "$T/a/ledger"
	ln -s "$T/ledger.ndjson" "$T/b/ledger"
	mkfifo "$T/in"
	fsd-invoice --rates "$CARD" --ledger "$T/a/ledger" "$T/in" > "$T/out1" 2>/dev/null &
	pid=$!
	# The run has the lock before it opens its input: once this open
	# returns, it holds the ledger and waits for jobs.
	exec 5> "$T/in"
	cat "$FIXTURES/invoice/jobs.ndjson" >&5
	run timeout 2 fsd-invoice --rates "$CARD" --ledger "$T/b/ledger" "$FIXTURES/invoice/jobs.ndjson"
	exec 5>&-
	wait "$pid"
	[ "$status" -eq 124 ]	# it waited for the other run's lock
	run fsd-invoice --rates "$CARD" --ledger "$T/b/ledger" "$FIXTURES/invoice/jobs.ndjson"
	assert_output_has '3 jobs already invoiced'
	assert_eq "$(jq -r '.invoice.number' "$T/ledger.ndjson" | tr '\n' ' ')" 'TST-J1 TST-J2 TST-J3 '
	[ -L "$T/a/ledger" ] && [ -L "$T/b/ledger" ]
}

@test "output fails after the ledger is written: the invoices are named, --reissue prints them again and bills nothing" {
	L=$T/ledger.ndjson
	run bash -c 'fsd-invoice --rates "$1" --ledger "$2" "$3" > /dev/full' _ "$CARD" "$L" "$FIXTURES/invoice/jobs.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has "write error: No space left on device; in the ledger $L but perhaps not delivered: TST-J1 TST-J2 TST-J3"
	assert_output_has "fsd-invoice --ledger $L --reissue TST-J1 TST-J2 TST-J3"
	cp "$L" "$T/before"
	run fsd-invoice --ledger "$L" --reissue TST-J3 TST-J1
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(sed -n '1p;3p' "$L")"
	cmp "$L" "$T/before"
	run fsd-invoice --ledger "$L" --reissue TST-J9
	[ "$status" -eq 1 ]
	assert_output_has 'no invoice "TST-J9" in it'
	run fsd-invoice --reissue TST-J1
	[ "$status" -eq 2 ]
}

@test "output that goes away (a closed pipe) after the ledger is written is reported too" {
	L=$T/ledger.ndjson
	run bash -c 'fsd-invoice --rates "$1" --ledger "$2" "$3" | true' _ "$CARD" "$L" "$FIXTURES/invoice/jobs.ndjson"
	run fsd-invoice --ledger "$L" --reissue TST-J1 TST-J2 TST-J3
	[ "$status" -eq 0 ]
	assert_eq "$(printf '%s\n' "$output" | jq -r .invoice.number | tr '\n' ' ')" 'TST-J1 TST-J2 TST-J3 '
}

@test "--html: a 300-character id and ids a/b and a_b each get their own file; one failing copy stops nothing" {
	long=$(printf 'x%.0s' $(seq 300))
	printf '%s\n' '{"id":"a/b",'"$tm"'}' '{"id":"a_b",'"$tm"'}' '{"id":"'"$long"'",'"$tm"'}' '{"id":"J2",'"$tm"'}' > "$T/jobs"
	run fsd-invoice --rates "$CARD" --html "$T/html" "$T/jobs"
	[ "$status" -eq 0 ]
	[ -f "$T/html/TST-a_2Fb.html" ] && [ -f "$T/html/TST-a_5Fb.html" ] && [ -f "$T/html/TST-J2.html" ]
	grep -q 'TST-a/b' "$T/html/TST-a_2Fb.html"
	grep -q 'TST-a_b' "$T/html/TST-a_5Fb.html"
	assert_eq "$(ls "$T/html" | wc -l)" 4
	assert_eq "$(records -s 'map(.invoice.number | length)')" '[7,7,304,6]'
	# A copy that cannot be written: said, on the record, the run goes on.
	mkdir -p "$T/html2/TST-J2.html"
	run fsd-invoice --rates "$CARD" --html "$T/html2" "$T/jobs"
	[ "$status" -eq 1 ]
	assert_output_has 'invoice TST-J2: no HTML copy:'
	assert_eq "$(records -s 'map([.invoice.number, .exception.code])')" '[["TST-a/b",null],["TST-a_b",null],["TST-'"$long"'",null],["TST-J2","html_not_written"]]'
}

@test "--html: files get the mode the umask gives, and a replaced copy keeps its mode" {
	bill '{"id":"J1",'"$tm"'}' --html "$T/html"
	assert_eq "$(stat -c %a "$T/html/TST-J1.html")" "$(printf '%o' $((0666 & ~0$(umask))))"
	chmod 640 "$T/html/TST-J1.html"
	bill '{"id":"J1",'"$tm"'}' --html "$T/html"
	assert_eq "$(stat -c %a "$T/html/TST-J1.html")" 640
}

@test "a deposit larger than the total is an exception, not a negative invoice" {
	bill '{"id":"J7","status":"completed","deposit":50000,'"$tm"'}'
	[ "$status" -eq 1 ]
	assert_eq "$(records '[.invoice, .exception.code]')" '[null,"bad_record"]'
	assert_output_has "stdin:1: the deposit of 500.00 is more than the invoice's total of 180.00: no invoice (refund the difference)"
}

@test "a record with nothing in it comes out with its exception and no made-up id" {
	bill '{}'
	[ "$status" -eq 1 ]
	assert_eq "$(records -c .)" '{"exception":{"code":"bad_record","message":"\"id\" is required to number the invoice"}}'
}

@test "payment key: readable by everyone is warned about; a NUL byte in it is refused" {
	chmod 644 "$KEY"
	bill '{"id":"J1",'"$tm"'}' --key "$KEY"
	[ "$status" -eq 0 ]
	assert_output_has "$KEY: the payment key is readable by every user of this machine (chmod 600 it)"
	printf 'abcdefgh\0ijklmnopqrstuvwxyz\n' > "$T/nul.key"
	chmod 600 "$T/nul.key"
	bill '{"id":"J1",'"$tm"'}' --key "$T/nul.key"
	[ "$status" -eq 2 ]
	assert_output_has "nul.key: the key holds a NUL byte"
}

@test "a part quantity over the limit is reported as it was given" {
	bill '{"id":"J1","parts_used":[{"sku":"CAP-45-5","qty":5000000000}],'"$tm"'}'
	assert_output_has '"parts_used": qty of "CAP-45-5" must be from 1 to 1000000, not 5000000000'
	bill '{"id":"J1","parts_used":["CAP-45-5:99999999999999999999"],'"$tm"'}'
	assert_output_has '"parts_used": qty of "CAP-45-5" must be from 1 to 1000000, not 99999999999999999999'
}
