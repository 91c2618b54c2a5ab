#!/bin/sh
# Demo: the day's completed jobs are invoiced minutes after they close.
# Reads the jobs 55-close closed ($OUT/closed.ndjson: proof held, with its
# evidence), the technicians ($OUT/techs.ndjson) and ratecard.json; writes $OUT/invoices.ndjson, one printable HTML invoice a
# job in $OUT/invoices/, and the ledger $OUT/invoice-ledger.ndjson; then
# the same jobs grouped per customer and month ($OUT/invoices-grouped.ndjson).
set -eu
echo "== fsd-invoice: the sample day's completed jobs, priced by the rate card"
# The jobs 55-close closed; the rest carry proof_missing and are held.
fsd-invoice --rates "$EXAMPLES/ratecard.json" --techs "$OUT/techs.ndjson" --key "$EXAMPLES/pay.key" \
	--ledger "$OUT/invoice-ledger.ndjson" --html "$OUT/invoices" --media-url ../media/ \
	"$OUT/closed.ndjson" > "$OUT/invoices.ndjson"

summary() {
	fsd-export -f invoice.total,exception.code "$1" | tail -n +2 | awk -F, '
		$1 != "" { n++; cents += $1 }
		$2 == "nte_exceeded" { nte++ }
		$2 == "already_invoiced" { skipped++ }
		$2 == "bad_record" { bad++ }
		$2 == "proof_missing" { held++ }
		END {
			printf "%d invoices, %.2f USD billed; %d held for proof; %d NTE approvals pending; %d skipped as already invoiced; %d bad records\n",
			    n, cents / 100, held, nte, skipped, bad
		}'
}
summary "$OUT/invoices.ndjson"
fsd-export -f id,type,invoice.number,invoice.total,exception.code "$OUT/invoices.ndjson" \
	| awk -F, 'NR > 1 && ($3 == "" || $1 == "J1012" || $1 == "J1071") {
		printf "  %-6s %-14s %s\n", $1, $2, $3 != "" ? $3 " " sprintf("%.2f", $4 / 100) : $5 }'
echo "an invoice that shows the work:"
jq -r 'def money: "\(. / 100 | floor).\(. % 100 + 100 | tostring | .[1:])";
	select(.id == "J1012") | .invoice | "  \(.number), \(.service.date) \(.service.start[11:16])-\(.service.end[11:16]), \(.service.tech_name): \(.service.work_performed)",
	"  signed by \(.service.signature.name), \(.service.evidence | length) pieces of evidence; total \(.charges | money), less deposit paid \(.deposit_paid | money), balance due \(.balance_due | money)"' \
	"$OUT/invoices.ndjson"
echo "HTML invoices: $(ls "$OUT/invoices" | wc -l) files in $OUT/invoices"
link=$(fsd-export -f invoice.payment_link "$OUT/invoices.ndjson" | sed -n 2p)
echo "a payment link: $link"
fsd-invoice --verify-link "$link" --key "$EXAMPLES/pay.key" --rates "$EXAMPLES/ratecard.json"
echo "the same jobs again, with the ledger: nothing is billed twice"
fsd-invoice --rates "$EXAMPLES/ratecard.json" --ledger "$OUT/invoice-ledger.ndjson" \
	"$OUT/closed.ndjson" 2>/dev/null > "$OUT/invoices-rerun.ndjson"
summary "$OUT/invoices-rerun.ndjson"
echo "the same jobs on one invoice per customer and month (--group customer,month):"
fsd-invoice --rates "$EXAMPLES/ratecard.json" --group customer,month \
	"$OUT/closed.ndjson" 2>/dev/null > "$OUT/invoices-grouped.ndjson"
fsd-export -f invoice.number,invoice.total "$OUT/invoices-grouped.ndjson" \
	| awk -F, 'NR > 1 && $1 != "" { n++; cents += $2 }
		END { printf "%d invoices, %.2f USD billed\n", n, cents / 100 }'
fsd-export -f id,invoiced_in "$OUT/invoices-grouped.ndjson" \
	| awk -F, 'NR > 1 && $2 != "" { jobs[$2] = jobs[$2] " " $1; n[$2]++ }
		END { for (i in n) if (n[i] > 1) printf "  %s covers%s\n", i, jobs[i] }'
