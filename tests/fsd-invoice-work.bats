#!/usr/bin/env bats
# fsd-invoice shows the work it bills: the date and time of service, the
# tech by name, the service address, the work performed, the notes and
# findings, who signed, the evidence fsd-close recorded, customer words
# for every line, and a deposit as "less deposit paid" with the balance.
load helper

CARD=$FIXTURES/invoice/ratecard.json
FORMS=$FIXTURES/close/forms.json

setup() {
	T=$BATS_TEST_TMPDIR
	printf '%s\n' '{"id":"T01","name":"Marcus Bell"}' '{"id":"T02","name":"Ana Gutierrez"}' > "$T/techs.ndjson"
	jq '.labor.descriptions = {"hvac": "Heating and cooling service", "apprentice": "Apprentice"}' "$CARD" > "$T/card.json"
	JOB='{"id":"J1","tech":"T01","skills":["hvac"],"territory":"central",'\
'"customer":{"name":"Pat Doe","billing":{"address":"PO Box 7, Denver"}},"site":{"address":"1 Main St, Aurora"},'\
'"arrived":"2026-11-23T09:00:00-07:00","completed":"2026-11-23T10:01:00-07:00","notes":"gate code 4411",'\
'"form":{"work_performed":"replaced the igniter"},"findings":[{"item":"flue_draft","message":"flue draft -0.01 inWC is outside -0.08 to -0.02 inWC"}],'\
'"signature":{"name":"Pat Doe","at":"2026-11-23T10:01:00-07:00","file":"J1/sig.svg","amount":30000},'\
'"evidence":[{"role":"before","path":"J1/before.jpg","sha256":"aa11"},{"role":"after","path":"J1/far.jpg","sha256":"bb22","flag":"taken 3.1 km from the site"},{"role":"serial_plate","path":"J1/plate.jpg","sha256":"cc33"}],'\
'"closed":{"at":"2026-11-23T10:01:00-07:00","by":"T01","total":30000,"currency":"USD"}}'
}

bill() {
	local job=$1
	shift
	run fsd-invoice --rates "$T/card.json" --techs "$T/techs.ndjson" "$@" <<<"$job"
}

@test "the invoice record carries the service: when, who by name, where, what was done, found and signed" {
	bill "$JOB"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '.invoice.service | [.date, .start, .end, .tech, .tech_name, .address, .work_performed, .notes]')" \
		'["2026-11-23","2026-11-23T09:00:00-07:00","2026-11-23T10:01:00-07:00","T01","Marcus Bell","1 Main St, Aurora","replaced the igniter","gate code 4411"]'
	assert_eq "$(out_jq '.invoice.service | [.findings, .signature]')" \
		'[["flue draft -0.01 inWC is outside -0.08 to -0.02 inWC"],{"name":"Pat Doe","at":"2026-11-23T10:01:00-07:00"}]'
}

@test "evidence: what fsd-close accepted, with its hash; a flagged photo is not shown as proof" {
	bill "$JOB"
	assert_eq "$(out_jq '[.invoice.service.evidence[] | [.role, .path, .sha256]]')" '[["before","J1/before.jpg","aa11"],["serial_plate","J1/plate.jpg","cc33"]]'
}

@test "the service address is shown only when it is not where the bill goes" {
	bill "$(jq -c '.customer.billing.address = "1 Main St, Aurora"' <<<"$JOB")"
	assert_eq "$(out_jq '.invoice.service.address')" null
	bill "$(jq -c 'del(.customer.billing)' <<<"$JOB")"
	assert_eq "$(out_jq '.invoice.service.address')" null
}

@test "labor lines say the card's words for the trade and the tech's name, never the codes" {
	bill "$JOB"
	assert_eq "$(out_jq '.invoice.lines[0].description')" '"Heating and cooling service, Marcus Bell, 1 h 15 min"'
	bill "$(jq -c '.skills = ["plumbing"] | .labor = [{"tech":"T02","minutes":60},{"tech":"T09","level":"apprentice","minutes":60}]' <<<"$JOB")"
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "labor") | .description]')" '["Labor, Ana Gutierrez, 1 h","Apprentice, T09, 1 h"]'
}

@test "a discount says what it is taken off in words" {
	bill "$(jq -c '.customer.member = true | .tasks = ["CAP-REPLACE"]' <<<"$JOB")"
	assert_eq "$(out_jq '[.invoice.lines[] | select(.kind == "discount") | .description]')" '["Trip fee waived for members","Member discount (flat-rate work)"]'
}

@test "a deposit: the record keeps its lines and adds the charges, the deposit paid and the balance due" {
	bill "$(jq -c '.deposit = 5000' <<<"$JOB")"
	assert_eq "$(out_jq '.invoice | [.charges, .deposit_paid, .balance_due, .total, .charges - .deposit_paid == .total]')" '[18000,5000,13000,13000,true]'
	bill "$JOB"
	assert_eq "$(out_jq '.invoice | [.charges, .deposit_paid, .balance_due]')" '[null,null,null]'
}

@test "HTML: the service, the findings, who signed, evidence links under --media-url; a deposit as less deposit paid" {
	bill "$(jq -c '.deposit = 5000' <<<"$JOB")" --html "$T/html" --media-url '../media/'
	[ "$status" -eq 0 ]
	html=$(cat "$T/html/TST-J1.html")
	for want in '<span class="muted">Date of service:</span> 2026-11-23, 09:00&ndash;10:01' \
	            '<span class="muted">Technician:</span> Marcus Bell' \
	            '<span class="muted">Service address:</span> 1 Main St, Aurora' \
	            '<span class="muted">Work performed:</span> replaced the igniter' \
	            '<span class="muted">Notes:</span> gate code 4411' \
	            '<li>flue draft -0.01 inWC is outside -0.08 to -0.02 inWC</li>' \
	            '<span class="muted">Signed by</span> Pat Doe, 2026-11-23 10:01' \
	            '<a href="../media/J1/before.jpg">before photo</a>' \
	            '<a href="../media/J1/plate.jpg">serial plate photo</a>' \
	            'Total (USD)</td><td class="n">180.00' \
	            'Less deposit paid <span class="muted">(Deposit received, invoice TST-J1-D)</span></td><td class="n">-50.00' \
	            'Balance due (USD)</td><td class="n">130.00'; do
		[[ $html == *"$want"* ]] || { echo "lacks: $want"; return 1; }
	done
	[[ $html != *far.jpg* ]]
	[[ $html != *'<td>Deposit received'* ]]
	[[ $html == *'<p>PO Box 7, Denver</p>'* ]]
}

@test "HTML: every text from the record is escaped; a link without --media-url starts ./" {
	bill "$(jq -c '.form.work_performed = "<script>x</script>" | .evidence[0].path = "javascript:alert(1)"' <<<"$JOB")" --html "$T/html"
	html=$(cat "$T/html/TST-J1.html")
	[[ $html == *'&lt;script&gt;x&lt;/script&gt;'* ]]
	[[ $html == *'<a href="./javascript:alert(1)">'* ]]
	[[ $html != *'<script>'* ]]
}

@test "jobs fsd-close left open are not billed, their exception kept; closed jobs and jobs captured without it are" {
	open='{"id":"J2","skills":["hvac"],"arrived":"2026-11-23T09:00:00-07:00","completed":"2026-11-23T10:00:00-07:00","exception":{"code":"proof_missing","message":"no after photo"}}'
	plain='{"id":"J3","skills":["hvac"],"work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T10:00:00-07:00"}}'
	run fsd-invoice --rates "$CARD" <<<"$JOB"$'\n'"$open"$'\n'"$plain"
	[ "$status" -eq 0 ]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.id, .invoice.number, .exception]')" \
		$'["J1","TST-J1",null]\n["J2",null,{"code":"proof_missing","message":"no after photo"}]\n["J3","TST-J3",null]'
}

@test "fsd-close then fsd-invoice: the closed job is billed with its evidence, the open one is held" {
	M=$T/media
	mkdir -p "$M/J1"
	sh "$TOP/share/examples/gen/photo.sh" "$M/J1/plate.jpg" 2026-11-23T09:10:00 -07:00 39.7466 -104.7711
	printf 'strokes' > "$M/J1/sig.svg"
	job='{"id":"J1","type":"drain-clog","tech":"T01","skills":["hvac"],"territory":"central","site":{"lat":39.7466,"lon":-104.7711},'\
'"arrived":"2026-11-23T09:00:00-07:00","completed":"2026-11-23T10:00:00-07:00","form":{"work_performed":"cleared the line"},'\
'"photos":{"extra":"J1/plate.jpg"},"signature":{"name":"Pat Doe","at":"2026-11-23T10:00:00-07:00","file":"J1/sig.svg","amount":15000}}'
	run bash -c "printf '%s\n' '$job' '$(jq -c '.id = "J2" | del(.form)' <<<"$job")' \
		| fsd-close --forms '$FORMS' --rates '$CARD' --media '$M' 2>/dev/null \
		| fsd-invoice --rates '$CARD' --techs '$T/techs.ndjson'"
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.id, .invoice.total, .invoice.service.tech_name, (.invoice.service.evidence // [] | map(.role)), .exception.code]')" \
		$'["J1",15000,"Marcus Bell",["extra","signature"],null]\n["J2",null,null,[],"proof_missing"]'
}

@test "--techs: a technician without a name is reported at its line; --media-url needs --html" {
	printf '%s\n' '{"id":"T01","name":"Marcus Bell"}' '{"id":"T02"}' > "$T/techs.ndjson"
	bill "$JOB"
	[ "$status" -eq 1 ]
	assert_output_has 'techs.ndjson:2: a technician needs a string "id" and "name"'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -r .invoice.service.tech_name)" 'Marcus Bell'
	run fsd-invoice --rates "$CARD" --media-url x </dev/null
	[ "$status" -eq 2 ]
}

@test "a signed NTE approval for more raises the not-to-exceed: the job is billed, not held" {
	bill "$(jq -c '.nte = 10000' <<<"$JOB")"
	assert_eq "$(out_jq '[.exception.code, .invoice.total]')" '["nte_exceeded",null]'
	bill "$(jq -c '.nte = 10000 | .nte_approval = {"name":"Pat Doe","amount":20000}' <<<"$JOB")"
	assert_eq "$(out_jq '[.exception.code, .invoice.total]')" '[null,18000]'
}

@test "HTML: a grouped invoice takes several deposits off as one, the balance under it" {
	two=$(jq -c '.customer.id = "C1" | .deposit = 5000' <<<"$JOB"; jq -c '.id = "J2" | .customer.id = "C1" | .deposit = 2000' <<<"$JOB")
	run fsd-invoice --rates "$T/card.json" --group customer --html "$T/html" <<<"$two"
	[ "$status" -eq 0 ]
	html=$(cat "$T/html/TST-C1.html")
	[[ $html == *'Less deposit paid</td><td class="n">-70.00'* ]]
	[[ $html == *'Balance due (USD)</td><td class="n">290.00'* ]]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c 'select(.invoice) | .invoice | [.charges, .deposit_paid, .balance_due]')" '[36000,7000,29000]'
}
