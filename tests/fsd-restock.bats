#!/usr/bin/env bats
# fsd-restock: usage decrements the truck, reorders follow, the stock file
# changes whole or not at all.
load helper

F=$FIXTURES/restock
NOW=2026-11-23T18:00:00-07:00

setup() {
	cp "$F/stock.ndjson" "$BATS_TEST_TMPDIR/stock.ndjson"
	S=$BATS_TEST_TMPDIR/stock.ndjson
}

# qty of one row of a stock file
qty() {
	jq -r --arg l "$2" --arg s "$3" 'select(.location == $l and .sku == $s and .kind == null) | .qty' "$1"
}

@test "decrement: used parts leave the truck's row" {
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(qty "$S" T01 CAP-35-5)" 1
	assert_eq "$(qty "$S" T02 GFCI-20A)" 4
	assert_eq "$(jq -c 'select(.bin) | [.sku, .bin]' "$S")" '["FLAME-SENSOR","A2"]'
}

@test "discrepancy: more used than recorded goes to zero, never negative" {
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.kind == "count_discrepancy")')" \
		'{"kind":"count_discrepancy","location":"T01","sku":"FLAME-SENSOR","recorded":2,"used":3,"event":"U-0003"}'
	assert_eq "$(qty "$S" T01 FLAME-SENSOR)" 0
}

@test "pull from the nearest warehouse holding enough; what none can cover is bought" {
	run fsd-restock --stock "$S" --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.kind == "pull") | [.id, .from, .to, .tech, .site.address, .lines]')" \
		'["PULL-20261123-0001","W-NORTH","T01","T01","Commerce City",[{"sku":"CAP-35-5","qty":3},{"sku":"FLAME-SENSOR","qty":1}]]'
	assert_eq "$(out_jq 'select(.kind == "purchase_order") | [.supplier, .lines[0].location, .lines[0].qty, .total, .expected]')" \
		'["S-JOHNSTONE","W-NORTH",8,14400,"2026-11-26"]'
}

@test "supplier grouping: one purchase order per supplier, lines with cost and total" {
	run fsd-restock --stock "$S" --now "$NOW" "$F/warehouse-usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -s 'map(select(.kind == "purchase_order")) | map([.supplier, (.lines | length), .total])')" \
		'[["S-GRAINGER",1,63800],["S-JOHNSTONE",2,22050]]'
	assert_eq "$(out_jq 'select(.supplier == "S-JOHNSTONE") | .lines[] | [.location, .sku, .qty, .unit_cost, .amount, .expected]')" \
		'["W-NORTH","FLAME-SENSOR",6,1800,10800,"2026-11-26"]
["W-SOUTH","CAP-35-5",9,1250,11250,"2026-11-25"]'
}

@test "open orders: quantity already on order is not ordered again" {
	cat "$F/on-order.ndjson" >> "$S"
	run fsd-restock --stock "$S" --now "$NOW" "$F/warehouse-usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.kind == "purchase_order") | .supplier')" '"S-JOHNSTONE"'
}

@test "orders made are kept as open orders: a second run asks for nothing more" {
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/warehouse-usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -c 'select(.kind == "open_order") | [.order, .sku, .qty]' "$S" | head -1)" \
		'["PO-20261123-0001","GFCI-20A",29]'
	run fsd-restock --stock "$S" --now "$NOW"
	[ "$status" -eq 0 ]
	assert_eq "$output" ""
}

@test "idempotent rerun: the same usage again changes nothing" {
	fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson" > /dev/null
	cp "$S" "$BATS_TEST_TMPDIR/after-first"
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$output" ""
	cmp "$S" "$BATS_TEST_TMPDIR/after-first"
}

@test "overlapping batches: an event in both is applied once" {
	head -2 "$F/usage.ndjson" | fsd-restock --stock "$S" --in-place --now "$NOW" > /dev/null
	tail -2 "$F/usage.ndjson" | fsd-restock --stock "$S" --in-place --now "$NOW" > /dev/null
	assert_eq "$(qty "$S" T02 GFCI-20A)" 4
	assert_eq "$(jq -c 'select(.kind == "applied")' "$S")" \
		'{"kind":"applied","prefix":"U-","digits":4,"ranges":[[1,3]]}'
}

@test "applied ids are kept as ranges: 1000 events, one line" {
	for i in $(seq 1 1000); do
		printf '{"id":"E%06d","tech":"T02","sku":"GFCI-20A","qty":1}\n' "$i"
	done > "$BATS_TEST_TMPDIR/many.ndjson"
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$BATS_TEST_TMPDIR/many.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -c 'select(.kind == "applied")' "$S")" \
		'{"kind":"applied","prefix":"E","digits":6,"ranges":[[1,1000]]}'
}

@test "receipt: a received pull moves the parts from warehouse to truck" {
	fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson" > /dev/null
	echo '{"kind":"receipt","id":"R-1","order":"PULL-20261123-0001"}' |
		fsd-restock --stock "$S" --in-place --now "$NOW" > /dev/null
	assert_eq "$(qty "$S" T01 CAP-35-5)" 4
	assert_eq "$(qty "$S" W-NORTH CAP-35-5)" 7
	assert_eq "$(jq -c 'select(.kind == "open_order") | .order' "$S")" '"PO-20261123-0002"'
}

@test "plan look-ahead: pulls for tomorrow's jobs, parts_unavailable for the rest" {
	run fsd-restock --stock "$S" --plan "$F/plan.ndjson" --now "$NOW"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.exception) | [.id, .exception.code, .exception.message]')" \
		'["J2003","parts_unavailable","not on the truck nor in any warehouse: WAX-RING"]'
	assert_eq "$(out_jq 'select(.kind == "pull") | [.from, .to, .lines]')" \
		'["W-NORTH","T02",[{"sku":"FLAME-SENSOR","qty":1,"plan_qty":1,"jobs":["J2002"]}]]
["W-SOUTH","T02",[{"sku":"CAP-35-5","qty":2,"plan_qty":2,"jobs":["J2001"]}]]'
	assert_eq "$(out_jq 'select(.kind == "purchase_order") | [.supplier, [.lines[] | [.location, .sku, .qty]]]')" \
		'["S-JOHNSTONE",[["W-NORTH","FLAME-SENSOR",6],["W-SOUTH","CAP-35-5",10]]]'
}

@test "plan look-ahead: a scarce part goes to the more urgent job" {
	printf '%s\n' \
		'{"id":"J1","priority":3,"tech":"T02","parts":[{"sku":"FLAME-SENSOR","qty":1}]}' \
		'{"id":"J2","priority":1,"tech":"T02","parts":[{"sku":"FLAME-SENSOR","qty":1}]}' \
		> "$BATS_TEST_TMPDIR/plan.ndjson"
	run fsd-restock --stock "$S" --plan "$BATS_TEST_TMPDIR/plan.ndjson" --now "$NOW"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.exception) | .id')" '"J1"'
}

@test "crash safety: killed before the rename, the old stock is byte-identical; the next run removes the temporary" {
	cp "$S" "$BATS_TEST_TMPDIR/before"
	FSD_FAULT=rename:1:kill run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 137 ]
	cmp "$S" "$BATS_TEST_TMPDIR/before"
	assert_eq "$(ls "$BATS_TEST_TMPDIR" | grep -c '^stock.ndjson.tmp')" 1
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_output_has "removed $BATS_TEST_TMPDIR/stock.ndjson.tmp"
	assert_eq "$(ls "$BATS_TEST_TMPDIR" | grep -c '^stock.ndjson.tmp')" 0
}

@test "crash safety: kill -9 in the middle of a run leaves the old stock" {
	cp "$S" "$BATS_TEST_TMPDIR/before"
	mkfifo "$BATS_TEST_TMPDIR/usage"
	fsd-restock --stock "$S" --in-place --now "$NOW" "$BATS_TEST_TMPDIR/usage" > /dev/null 2>&1 &
	pid=$!
	exec 5> "$BATS_TEST_TMPDIR/usage"
	head -2 "$F/usage.ndjson" >&5	# two events applied in memory; the run waits for more
	sleep 0.3
	kill -9 "$pid"
	exec 5>&-
	wait "$pid" || true
	cmp "$S" "$BATS_TEST_TMPDIR/before"
}

@test "bad usage: positioned errors, exceptions out, good events applied" {
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/bad-usage.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad-usage.ndjson:2: "tech": no truck "T99" in the stock file'
	assert_output_has 'bad-usage.ndjson:3: "sku": unknown SKU "NO-SUCH-SKU"'
	assert_output_has 'bad-usage.ndjson:4: "qty" must be a positive whole number, not -1'
	assert_output_has 'bad-usage.ndjson:5: "qty" must be a whole number, not 1.5'
	assert_output_has 'bad-usage.ndjson:6: "id" is missing'
	assert_output_has 'bad-usage.ndjson:7:'
	codes=$(fsd-restock --stock "$F/stock.ndjson" --now "$NOW" "$F/bad-usage.ndjson" 2>/dev/null |
		jq -c 'select(.exception) | .exception.code' | sort | uniq -c | tr -s ' ')
	assert_eq "$codes" \
		' 3 "bad_record"
 1 "unknown_location"
 1 "unknown_sku"'
	assert_eq "$(qty "$S" T01 CAP-35-5)" 2
	assert_eq "$(qty "$S" T02 GFCI-20A)" 4
}

@test "--strict: one bad event and the whole batch is refused" {
	cp "$S" "$BATS_TEST_TMPDIR/before"
	run fsd-restock --strict --stock "$S" --in-place --now "$NOW" "$F/bad-usage.ndjson"
	[ "$status" -eq 1 ]
	cmp "$S" "$BATS_TEST_TMPDIR/before"
}

@test "bad stock file: every problem at its line, nothing applied" {
	cp "$F/bad-stock.ndjson" "$BATS_TEST_TMPDIR/bad"
	run fsd-restock --stock "$BATS_TEST_TMPDIR/bad" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'bad:4: duplicate stock row for location "T01" sku "CAP-35-5" (first at line 3)'
	assert_output_has 'bad:5: "location": unknown location "T07"'
	assert_output_has 'bad:6: "qty" must be zero or more, not -2'
	assert_output_has 'bad:7: "qty" must be a whole number, not 2.5'
	assert_output_has 'bad:8: "supplier": unknown location "S-NOBODY"'
	assert_output_has 'nothing applied'
	cmp "$BATS_TEST_TMPDIR/bad" "$F/bad-stock.ndjson"
}

@test "--out writes the new stock and leaves --stock alone" {
	run fsd-restock --stock "$S" --out "$BATS_TEST_TMPDIR/new" --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	cmp "$S" "$F/stock.ndjson"
	assert_eq "$(qty "$BATS_TEST_TMPDIR/new" T01 CAP-35-5)" 1
}

@test "usage errors: no --stock, or both --out and --in-place" {
	run fsd-restock < /dev/null
	[ "$status" -eq 2 ]
	run fsd-restock --stock "$S" --out x --in-place < /dev/null
	[ "$status" -eq 2 ]
	run fsd-restock --stock "$S" --now yesterday < /dev/null
	[ "$status" -eq 2 ]
}

@test "the updated stock goes to a spreadsheet and back unchanged (fsd-export, fsd-import)" {
	fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson" >/dev/null
	jq -c 'select(.sku and (.kind == null or .kind == "stock"))' "$S" > "$BATS_TEST_TMPDIR/rows.ndjson"
	fsd-export -f location,sku,qty,min,max,unit_cost,supplier,lead_days "$BATS_TEST_TMPDIR/rows.ndjson" \
		> "$BATS_TEST_TMPDIR/stock.csv"
	assert_eq "$(sed -n 1p "$BATS_TEST_TMPDIR/stock.csv")" "location,sku,qty,min,max,unit_cost,supplier,lead_days"
	run fsd-import "$BATS_TEST_TMPDIR/stock.csv"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -S '[.location, .sku, .qty]' | sort)" \
		"$(jq -c -S '[.location, .sku, .qty]' "$BATS_TEST_TMPDIR/rows.ndjson" | sort)"
	assert_eq "$(out_jq -S 'select(.location == "T01" and .sku == "CAP-35-5") | .qty')" 1
}

# --out and --in-place write only regular files, through links, keeping
# mode and owner (issue 17).

@test "--out onto a device node or a fifo is refused before any work (usage, exit 2); the node is untouched" {
	mkfifo "$BATS_TEST_TMPDIR/fifo"
	run fsd-restock --stock "$S" --out "$BATS_TEST_TMPDIR/fifo" --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 2 ]
	assert_output_has "fifo: not a regular file; not replaced"
	[ -p "$BATS_TEST_TMPDIR/fifo" ]
	if mknod "$BATS_TEST_TMPDIR/null" c 1 3 2>/dev/null; then
		run fsd-restock --stock "$S" --out "$BATS_TEST_TMPDIR/null" --now "$NOW" "$F/usage.ndjson"
		[ "$status" -eq 2 ]
		assert_output_has "null: not a regular file; not replaced"
		[ -c "$BATS_TEST_TMPDIR/null" ]
	fi
	[ ! -e "$BATS_TEST_TMPDIR/null.lock" ] || [ -c "$BATS_TEST_TMPDIR/null" ]
}

@test "--in-place on a symbolic link updates the file it names and keeps the link" {
	mkdir "$BATS_TEST_TMPDIR/real"
	mv "$S" "$BATS_TEST_TMPDIR/real/stock.ndjson"
	ln -s real/stock.ndjson "$S"
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	[ -L "$S" ]
	assert_eq "$(qty "$BATS_TEST_TMPDIR/real/stock.ndjson" T01 CAP-35-5)" 1
	# Applied once: the rerun through the link changes nothing.
	cp "$BATS_TEST_TMPDIR/real/stock.ndjson" "$BATS_TEST_TMPDIR/after"
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	cmp "$BATS_TEST_TMPDIR/real/stock.ndjson" "$BATS_TEST_TMPDIR/after"
}

@test "the new stock keeps the old file's mode and owner; a new --out file gets the umask's" {
	chmod 640 "$S"
	chown 1234:5678 "$S" 2>/dev/null || true
	owner=$(stat -c %u:%g "$S")
	run fsd-restock --stock "$S" --in-place --now "$NOW" "$F/usage.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(stat -c %a "$S")" 640
	assert_eq "$(stat -c %u:%g "$S")" "$owner"
	(umask 027 && fsd-restock --stock "$S" --out "$BATS_TEST_TMPDIR/new.ndjson" --now "$NOW" "$F/usage.ndjson" > /dev/null)
	assert_eq "$(stat -c %a "$BATS_TEST_TMPDIR/new.ndjson")" 640
}
