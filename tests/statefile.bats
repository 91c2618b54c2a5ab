#!/usr/bin/env bats
# State files under faults, as SQLite tests its pager: every write,
# fsync, rename and allocation of a ledger append (fsd-invoice --ledger)
# and a stock update (fsd-restock --in-place, --out) is made to fail in
# turn, or to kill the run there (common/fault.h). After each, the file
# is the old state or the new one, byte for byte, and a rerun without
# the fault ends at the state a run without faults gives: no job billed
# twice, no usage applied twice.
load helper

CARD=$FIXTURES/invoice/ratecard.json
R=$FIXTURES/restock
NOW=2026-11-23T18:00:00-07:00

setup() {
	T=$BATS_TEST_TMPDIR
}

# How many calls of kind $1 the command after it makes (FSD_FAULT=count).
count_calls() {
	local op=$1
	shift
	FSD_FAULT=count "$@" 2>&1 >/dev/null | sed -n "s/.*fsd-fault:.* $op \([0-9]*\).*/\1/p" | tail -1
}

# fail_walk OP STATE OLD NEW CMD...: for N = 1.. every OP call of CMD
# (run with STATE reset to OLD each time), fail that call and then kill
# at it; STATE must be OLD or NEW after the fault and NEW after a rerun.
# STATE_CHECK, when set, is run after each rerun too.
fail_walk() {
	local op=$1 state=$2 old=$3 new=$4 n total mode
	shift 4
	cp "$old" "$state"
	total=$(count_calls "$op" "$@")
	[ "$total" -gt 0 ] || { echo "no $op calls to walk"; return 1; }
	for n in $(seq "$total"); do
		for mode in "" ":kill"; do
			[ "$op" = malloc ] && [ -n "$mode" ] && continue
			cp "$old" "$state"
			rm -f "$state".tmp* "$state.torn"
			FSD_FAULT=$op:$n$mode "$@" > "$T/faulted.out" 2> "$T/faulted.err" || true
			if ! cmp -s "$state" "$old" && ! cmp -s "$state" "$new"; then
				# A kill in the middle of an append may leave a torn
				# line; the next run must set it aside.
				if [ "$op:$mode" != "write::kill" ] || [ "$(head -c "$(wc -c < "$old")" "$state" | cmp - "$old" && echo same)" != same ]; then
					echo "$op:$n$mode left a state that is neither old nor new:"
					diff "$old" "$state" | head -5
					return 1
				fi
			fi
			"$@" > "$T/rerun.out" 2> "$T/rerun.err" || true
			cmp -s "$state" "$new" || {
				echo "$op:$n$mode: the rerun did not converge:"
				diff "$new" "$state" | head -5
				cat "$T/rerun.err"
				return 1
			}
			[ -z "${STATE_CHECK:-}" ] || $STATE_CHECK || { echo "after $op:$n$mode"; return 1; }
		done
	done
	echo "# $op: $total steps walked" >&3
}

# The ledger: three invoices in it, three new jobs to bill.
ledger_setup() {
	L=$T/ledger.ndjson
	fsd-invoice --rates "$CARD" --ledger "$T/old" "$FIXTURES/invoice/jobs.ndjson" > /dev/null
	for i in 1 2 3; do
		printf '{"id":"K%d","skills":["hvac"],"territory":"central","work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T10:01:00-07:00"}}\n' "$i"
	done > "$T/jobs"
	cp "$T/old" "$T/new"
	fsd-invoice --rates "$CARD" --ledger "$T/new" "$T/jobs" > /dev/null
	rm -f "$T"/*.lock
}

# No invoice number twice in the ledger, every job on it once.
ledger_once() {
	[ -z "$(jq -r .invoice.number "$L" | sort | uniq -d)" ] \
	&& assert_eq "$(jq -r .invoice.number "$L" | tr '\n' ' ')" 'TST-J1 TST-J2 TST-J3 TST-K1 TST-K2 TST-K3 '
}

@test "ledger append: every write fails in turn (a full disk), or the run dies there; old or new, then converges" {
	ledger_setup
	STATE_CHECK=ledger_once fail_walk write "$L" "$T/old" "$T/new" fsd-invoice --rates "$CARD" --ledger "$L" "$T/jobs"
}

@test "ledger append: every fsync fails in turn, or the run dies there; old or new, then converges" {
	ledger_setup
	STATE_CHECK=ledger_once fail_walk fsync "$L" "$T/old" "$T/new" fsd-invoice --rates "$CARD" --ledger "$L" "$T/jobs"
}

@test "ledger append: every allocation fails in turn; old or new, then converges" {
	ledger_setup
	STATE_CHECK=ledger_once fail_walk malloc "$L" "$T/old" "$T/new" fsd-invoice --rates "$CARD" --ledger "$L" "$T/jobs"
}

# The stock: the fixture, and the usage of the day applied once.
stock_setup() {
	S=$T/stock.ndjson
	cp "$R/stock.ndjson" "$T/old"
	cp "$R/stock.ndjson" "$T/new"
	fsd-restock --stock "$T/new" --in-place --now "$NOW" "$R/usage.ndjson" > /dev/null
	rm -f "$T"/*.lock
}

@test "stock update (--in-place): every write, fsync and rename fails in turn, or the run dies there; old or new, then converges" {
	stock_setup
	for op in write fsync rename; do
		fail_walk "$op" "$S" "$T/old" "$T/new" fsd-restock --stock "$S" --in-place --now "$NOW" "$R/usage.ndjson"
	done
	# Nothing a killed run left behind survives the rerun.
	assert_eq "$(ls "$T" | grep -c '^stock.ndjson.tmp')" 0
}

@test "stock update (--in-place): every allocation fails in turn; old or new, then converges" {
	stock_setup
	fail_walk malloc "$S" "$T/old" "$T/new" fsd-restock --stock "$S" --in-place --now "$NOW" "$R/usage.ndjson"
}

@test "stock update (--out over an older copy): every write, fsync and rename fails in turn; old or new, then converges" {
	stock_setup
	O=$T/out.ndjson
	cp "$R/stock.ndjson" "$T/today.ndjson"	# locked beside it: not in the tree
	for op in write fsync rename; do
		fail_walk "$op" "$O" "$T/old" "$T/new" fsd-restock --stock "$T/today.ndjson" --out "$O" --now "$NOW" "$R/usage.ndjson"
	done
}
