#!/usr/bin/env bats
# fsd-import: CSV rows to records, typed by the vocabulary, nothing lost.

load helper

CSV=$FIXTURES/csv

@test "sample techs: 25 technicians, typed" {
	run fsd-import "$EXAMPLES/techs.csv"
	[ "$status" -eq 0 ]
	assert_eq "${#lines[@]}" 25
	assert_eq "$(out_jq -s 'map(.id) | first, last' | tr '\n' ' ')" '"T01" "T25" '
	assert_eq "$(out_jq -s 'map(.skills | type) | unique')" '["array"]'
	assert_eq "$(out_jq -s 'map(.home.lat | type) | unique')" '["number"]'
	assert_eq "$(out_jq -s 'map(select(.off)) | map(.id)')" '["T14"]'
	assert_eq "$(out_jq -s '.[0].stock | type')" '"object"'
}

@test "sample jobs: 150 jobs with emergencies, parts and unqualified work" {
	run fsd-import "$EXAMPLES/jobs.csv"
	[ "$status" -eq 0 ]
	assert_eq "${#lines[@]}" 150
	assert_eq "$(out_jq -s 'map(select(.priority == 1)) | length')" 7
	assert_eq "$(out_jq -s 'map(select(.priority == 1 and .sla_due == null)) | length')" 0
	assert_eq "$(out_jq -s 'map(select(.skills | index("cert:medgas"))) | length')" 2
	assert_eq "$(out_jq -s 'map(select(.locked)) | map(.tech) | sort')" '["T16","T20"]'
	assert_eq "$(out_jq -s 'map(.customer.id | type) | unique')" '["string"]'
	assert_eq "$(out_jq -s 'map(.duration) | min, max' | tr '\n' ' ')" '30 180 '
}

@test "round trip: every sample CSV comes back as the same records" {
	for f in "$EXAMPLES"/*.csv; do
		diff <(fsd-import "$f" | jq -cS .) \
		     <(fsd-import "$f" | fsd-export | fsd-import | jq -cS .) \
			|| { echo "round trip changed $f"; return 1; }
	done
}

@test "round trip: the sample day's CSVs come back byte for byte" {
	for f in "$EXAMPLES/techs.csv" "$EXAMPLES/jobs.csv"; do
		fsd-import "$f" | fsd-export -f "$(head -n 1 "$f")" | cmp - "$f"
	done
}

@test "dotted headers nest; an empty cell is an absent field" {
	run bash -c "printf 'id,site.lat,site.address,customer.phone\nJ1,39.7,,303-555-0101\n' | fsd-import"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"J1","site":{"lat":39.7},"customer":{"phone":"303-555-0101"}}'
}

@test "types: ids and zips stay strings, vocabulary numbers, booleans, lists, parts, stock, off" {
	run fsd-import "$CSV/types.csv"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"007","customer":{"id":"00042","vip":true},"site":{"zip":"00742","lat":39.7392},"priority":1,"locked":false,"skills":["hvac","lang:es"],"excluded_techs":["T07","T09"],"parts":[{"sku":"WAX-RING","qty":1},{"sku":"FLT-16X25X1","qty":2}],"stock":{"CAP-45-5":3,"FLT-16X25X1":0},"off":[{"start":"2026-11-23T11:30:00-07:00","end":"2026-11-23T13:00:00-07:00"}],"rrule":"FREQ=MONTHLY;INTERVAL=3","crew":"2","travel_min":25}'
}

@test "Excel's CSV: BOM, CRLF, quoted commas, quotes and line breaks, TRUE/FALSE, empty rows" {
	run fsd-import "$CSV/excel.csv"
	[ "$status" -eq 0 ]
	assert_eq "${#lines[@]}" 2
	assert_eq "$(out_jq -s '.[0].customer')" '{"name":"Lopez, Maria","vip":true}'
	assert_eq "$(out_jq -s '.[0].site.address')" '"1420 S Clayton St\r\nApt 2"'
	assert_eq "$(out_jq -s '.[1].notes')" '"says \"hi\""'
	assert_eq "$(out_jq -s '.[1].customer.vip')" 'false'
}

@test "type options force a column's type, by full name or last part" {
	run bash -c "printf 'id,site.lat,crew,tags,extra.flag,stops,skills\nJ1,39.7,2,a;b,yes,[{\"id\":1}],x;y\n' \
		| fsd-import --string site.lat --number crew --bool flag --json stops --list crew,tags --string skills"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"J1","site":{"lat":"39.7"},"crew":2,"tags":["a","b"],"extra":{"flag":true},"stops":[{"id":1}],"skills":"x;y"}'
}

@test "a bad cell: positioned error, exit 1, the row kept as text with an exception" {
	run fsd-import "$CSV/bad-rows.csv"
	[ "$status" -eq 1 ]
	assert_output_has "fsd-import: $CSV/bad-rows.csv:4: column \"duration\": \"abc\" is not a number"
	assert_eq "$(fsd-import "$CSV/bad-rows.csv" 2>/dev/null | jq -c 'select(.id == "J2")')" \
		"{\"id\":\"J2\",\"duration\":\"abc\",\"notes\":\"fine\",\"site\":{\"lat\":39.8},\"exception\":{\"code\":\"bad_record\",\"message\":\"$CSV/bad-rows.csv:4: column \\\"duration\\\": \\\"abc\\\" is not a number\"}}"
}

@test "every row comes out: 6 rows in, 6 records out, 4 of them exceptions" {
	run bash -c "fsd-import '$CSV/bad-rows.csv' 2>/dev/null"
	assert_eq "${#lines[@]}" 6
	assert_eq "$(out_jq -s 'map(select(.exception)) | map(.id)')" '["J2","J3","J4","J5"]'
}

@test "ragged rows: extra cells kept in extra_cells, short rows reported" {
	run fsd-import "$CSV/bad-rows.csv"
	assert_output_has "bad-rows.csv:5: the row has 5 cells but the header has 4 columns"
	assert_output_has "bad-rows.csv:6: the row has 2 cells but the header has 4 columns"
	assert_eq "$(fsd-import "$CSV/bad-rows.csv" 2>/dev/null | jq -c 'select(.id == "J3") | .extra_cells')" '["cells"]'
}

@test "a trailing comma is not a ragged row" {
	run bash -c "printf 'id,duration\nJ1,30,,\n' | fsd-import"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"J1","duration":30}'
}

@test "--rejects: bad rows go to FILE as CSV after their header, good rows out" {
	rej=$BATS_TEST_TMPDIR/rejects.csv
	run bash -c "fsd-import --rejects '$rej' '$CSV/bad-rows.csv' 2>/dev/null"
	[ "$status" -eq 1 ]
	assert_eq "$(out_jq -r .id | tr '\n' ' ')" 'J1 J6 '
	assert_eq "$(cat "$rej")" "$(printf 'id,duration,notes,site.lat\nJ2,abc,fine,39.8\nJ3,30,too,many,cells\nJ4,45\nJ5,30,,north')"
}

@test "--strict stops at the first bad row, rows before it written" {
	run bash -c "fsd-import --strict '$CSV/bad-rows.csv'"
	[ "$status" -eq 1 ]
	assert_output_has "stopped at the first bad row"
	[[ $output != *"bad-rows.csv:5:"* ]]
	run bash -c "fsd-import --strict '$CSV/bad-rows.csv' 2>/dev/null | jq -r .id"
	assert_eq "$output" "$(printf 'J1\nJ2')"
}

@test "a bad header: named, line 1, no records from that file, other files go on" {
	printf 'id,site,site.lat\nJ1,x,1\n' > "$BATS_TEST_TMPDIR/clash.csv"
	run fsd-import "$BATS_TEST_TMPDIR/clash.csv" "$CSV/two-jobs.csv"
	[ "$status" -eq 1 ]
	assert_output_has 'clash.csv:1: column "site.lat" makes "site" an object, but "site" is a column of its own; no rows read from this file'
	assert_eq "$(fsd-import "$BATS_TEST_TMPDIR/clash.csv" "$CSV/two-jobs.csv" 2>/dev/null | wc -l)" 2
	run bash -c "printf 'id,name,id\n' | fsd-import"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: column "id" is in the header twice (columns 1 and 3)'
}

@test "text that is not UTF-8: reported, kept with U+FFFD" {
	run bash -c "printf 'id,name\nJ1,caf\xe9\n' | fsd-import"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:2: column "name": the cell is not UTF-8 text (save the sheet as "CSV UTF-8", or read it with --encoding windows-1252)'
	assert_output_has '"name":"caf�"'
}

@test "--encoding windows-1252: Excel's plain CSV, accents, curly quotes, dashes and the euro come in as UTF-8" {
	printf 'id,name,notes\r\nJ1,Caf\xe9 Mon\xe9t,\x93quote\x94 \x80 50 \x96 done \x81\r\n' > "$BATS_TEST_TMPDIR/cp.csv"
	run fsd-import --encoding windows-1252 "$BATS_TEST_TMPDIR/cp.csv"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.name, .notes == "“quote” € 50 – done \u0081"]')" '["Café Monét",true]'
	run fsd-import -e LATIN1 "$BATS_TEST_TMPDIR/cp.csv"
	assert_eq "$(out_jq -r .name)" "Café Monét"
	run fsd-import --encoding ebcdic "$BATS_TEST_TMPDIR/cp.csv"
	[ "$status" -eq 2 ]
	assert_output_has '--encoding: "ebcdic" is not utf-8, windows-1252 or latin1'
}

@test "a NUL byte in a cell: reported at import in plain words, kept as U+FFFD, the record still good JSON" {
	run bash -c "printf 'id,name\nJ1,ab\\0cd\n' | fsd-import"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:2: column "name": the cell holds a NUL byte, which is no text (kept as U+FFFD)'
	assert_output_has '"name":"ab�cd"'
	run bash -c "printf 'id,name\nJ1,ab\\0cd\n' | fsd-import 2>/dev/null | fsd-export"
	[ "$status" -eq 0 ]
}

@test "a quoted cell left open at the end of the file is reported at its row" {
	run bash -c "printf 'id,notes\nJ1,ok\nJ2,\"never closed\nJ3,x\n' | fsd-import"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:3: a quoted cell is not closed before the end of the file'
	assert_output_has '"notes":"never closed\nJ3,x\n"'
}

@test "the formula guard fsd-export adds comes off; --raw keeps it" {
	run bash -c "printf \"id,name\nJ1,'=1+2\nJ2,'tis\n\" | fsd-import"
	assert_eq "$output" "$(printf '{"id":"J1","name":"=1+2"}\n{"id":"J2","name":"'"'"'tis"}')"
	run bash -c "printf \"id,name\nJ1,'=1+2\n\" | fsd-import --raw"
	assert_eq "$output" "{\"id\":\"J1\",\"name\":\"'=1+2\"}"
}

@test "several files, each with its header; - is stdin; a missing file is reported" {
	run bash -c "printf 'id,tech\nJ9,T01\n' | fsd-import '$CSV/two-jobs.csv' - /no/such.csv"
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-import: /no/such.csv: No such file or directory'
	assert_output_has '{"id":"J9","tech":"T01"}'
	assert_output_has '"id":"J1043"'
}

@test "numbers as JSON writes them: no thousands separators, no hex" {
	run bash -c "printf 'id,qty\nA,1,234\nB,0x10\nC,-2.5e1\n' | fsd-import 2>&1"
	assert_output_has 'stdin:3: column "qty": "0x10" is not a number'
	assert_output_has '{"id":"C","qty":-25.0}'
	assert_output_has 'stdin:2: the row has 3 cells but the header has 2 columns'
}

@test "usage errors exit 2" {
	run fsd-import --string
	[ "$status" -eq 2 ]
}

# --- the office's own sheets (tests/fixtures/office) ---------------------------

OFFICE=$FIXTURES/office

@test "--map: a Jobber-like export with its own headers, US dates, a zone and dollars" {
	run bash -c "fsd-import --map '$OFFICE/jobber.map' --tz America/Denver '$OFFICE/jobber.csv' 2>/dev/null"
	[ "$status" -eq 0 ]
	assert_eq "${lines[0]}" '{"id":"1042","customer":{"name":"Maria Lopez","phone":"+1 303 555 0142"},"site":{"address":"1420 S Clayton St, Denver, CO 80210"},"skills":["plumbing","hvac"],"window":{"start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T10:00:00-07:00"},"duration":90,"nte":15000,"Internal note":"back door","currency":"USD","status":"open"}'
	assert_eq "$(out_jq -s '.[1] | [.nte, .window.start]')" '[125050,"2026-11-23T13:30:00-07:00"]'
}

@test "--map: a column the map does not name is kept and said; a mapped column the sheet lacks is said" {
	printf 'id = Job #\nsite.address = Address\n' > "$BATS_TEST_TMPDIR/m.map"
	run fsd-import --map "$BATS_TEST_TMPDIR/m.map" "$OFFICE/jobber.csv"
	[ "$status" -eq 0 ]
	assert_output_has "jobber.csv:1: not in $BATS_TEST_TMPDIR/m.map, kept under their own names: \"Client name\", \"Phone\""
	assert_output_has "jobber.csv:1: no column \"Address\" ($BATS_TEST_TMPDIR/m.map:2 maps it to site.address)"
}

@test "no map, someone else's headers: a note naming them and the fields missing" {
	run fsd-import "$OFFICE/jobber.csv"
	[ "$status" -eq 0 ]
	assert_output_has "jobber.csv:1: \"Job #\", \"Client name\", \"Phone\""
	assert_output_has "are not fsd's field names (kept as they are); no id, site.lat or site.address, duration column; a --map FILE says which field each column holds"
}

@test "a ';' file: the separator is taken from the header and said; --delimiter says it" {
	run fsd-import "$OFFICE/semicolon.csv"
	[ "$status" -eq 0 ]
	assert_output_has 'semicolon.csv: cells are separated by ";" (as in the header; --delimiter to say otherwise)'
	assert_output_has '{"id":"J7","customer":{"name":"Müller GmbH"},"site":{"address":"Hauptstr. 5; Hof"},"duration":45,"skills":["plumbing"]}'
	run fsd-import --delimiter ';' "$OFFICE/semicolon.csv"
	assert_eq "$output" '{"id":"J7","customer":{"name":"Müller GmbH"},"site":{"address":"Hauptstr. 5; Hof"},"duration":45,"skills":["plumbing"]}'
}

@test "Excel's Unicode text: UTF-16 with a BOM, tabs, CRLF, characters beyond the BMP" {
	run bash -c "fsd-import '$OFFICE/unicode-text.txt' 2>/dev/null"
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(printf '%s\n' '{"id":"J8","customer":{"name":"Zoë Ñúñez 🔧"},"site":{"address":"12 Elm St"},"duration":30}' '{"id":"J9","customer":{"name":"Bob"},"site":{"address":"3 Oak, Apt 1"},"duration":60}')"
}

@test "--tz across the November change: 1:30 AM twice is the first, after it -07:00; a skipped time is an error" {
	run bash -c "fsd-import --tz America/Denver --map '$OFFICE/dst.map' '$OFFICE/dst.csv' 2>&1"
	[ "$status" -eq 1 ]
	assert_output_has '{"id":"fall-first","window":{"start":"2026-11-01T01:30:00-06:00"}}'
	assert_output_has '{"id":"fall-after","window":{"start":"2026-11-01T03:00:00-07:00"}}'
	assert_output_has '{"id":"before","window":{"start":"2026-10-31T08:00:00-06:00"}}'
	assert_output_has 'dst.csv:5: column "start": 2026-03-08 02:30 is not a time in America/Denver (the clocks skip it)'
}

@test "a local time with no zone is an error that says --tz; an unknown zone is a usage error" {
	run fsd-import --map "$OFFICE/dst.map" "$OFFICE/dst.csv"
	[ "$status" -eq 1 ]
	assert_output_has 'dst.csv:2: column "start": "11/01/2026 1:30 AM" is a local time: say its zone (--tz ZONE)'
	run fsd-import --tz Mars/Olympus "$OFFICE/dst.csv"
	[ "$status" -eq 2 ]
	assert_output_has '--tz: "Mars/Olympus" is not a zone of the tz database'
}

@test "money: dollars in a cents column are refused with what to write; a dollars map reads them" {
	run bash -c "printf 'id,nte\nJ1,150.00\nJ2,15000\n' | fsd-import"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:2: column "nte": "150.00": money is in cents here: write 15000, or map the column as dollars'
	assert_output_has '{"id":"J2","nte":15000}'
	printf 'id = id\nnte = nte | dollars\n' > "$BATS_TEST_TMPDIR/d.map"
	run bash -c "printf 'id,nte\nJ1,150.00\nJ2,\"\$1,250.5\"\nJ3,\"150,00\"\n' | fsd-import --map '$BATS_TEST_TMPDIR/d.map'"
	[ "$status" -eq 1 ]
	assert_output_has '{"id":"J1","nte":15000}'
	assert_output_has '{"id":"J2","nte":125050}'
	assert_output_has 'stdin:4: column "nte": "150,00" is not an amount like 150.00 (at most 2 decimals)'
	printf 'id = id\nnte = nte | cents\n' > "$BATS_TEST_TMPDIR/c.map"
	run bash -c "printf 'id,nte\nJ1,150.00\n' | fsd-import --map '$BATS_TEST_TMPDIR/c.map'"
	assert_output_has 'money is in cents here: write 15000, or map the column as dollars'
}

@test "--map: dates only, list separators, kinds and constants" {
	printf 'id = Ref\ndue = Due | format %%d.%%m.%%Y\nskills = Trades | list /\nfloor = Floor | number\nvip = VIP | bool\ncurrency := EUR\nnte = NTE | dollars\n' > "$BATS_TEST_TMPDIR/e.map"
	run bash -c "printf 'Ref,Due,Trades,Floor,VIP,NTE\nA1,05.12.2026,hvac / plumbing,3,yes,12.5\n' | fsd-import --map '$BATS_TEST_TMPDIR/e.map'"
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"A1","due":"2026-12-05","skills":["hvac","plumbing"],"floor":3,"vip":true,"nte":1250,"currency":"EUR"}'
}

@test "a bad map: the line and what is wrong, exit 1" {
	printf 'id = Ref\n\nnte = NTE | dolars\n' > "$BATS_TEST_TMPDIR/bad.map"
	run fsd-import --map "$BATS_TEST_TMPDIR/bad.map" "$OFFICE/jobber.csv"
	[ "$status" -eq 1 ]
	assert_output_has "bad.map:3: \"dolars\" is not a map option (format FMT, tz ZONE, dollars, cents, list SEP, text, number, bool, json)"
	printf 'id = Ref\nname = ref\n' > "$BATS_TEST_TMPDIR/twice.map"
	run fsd-import --map "$BATS_TEST_TMPDIR/twice.map" "$OFFICE/jobber.csv"
	assert_output_has 'twice.map:2: column "ref" is mapped twice (lines 1 and 2)'
	printf 'start = Start | tz Mars/Olympus\n' > "$BATS_TEST_TMPDIR/zone.map"
	run fsd-import --map "$BATS_TEST_TMPDIR/zone.map" "$OFFICE/jobber.csv"
	assert_output_has 'zone.map:1: tz "Mars/Olympus" is not a zone of the tz database'
}

@test "--source: each record says the file and line of its row, for later messages" {
	run fsd-import --source "$CSV/two-jobs.csv"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .source | tr '\n' ' ')" "$CSV/two-jobs.csv:2 $CSV/two-jobs.csv:3 "
}

@test "a guarded cell comes back without its guard; a phone number keeps its +" {
	run bash -c "printf 'id,customer.phone,notes\nJ1,+1 303 555 0142,\"'\''=HYPERLINK(1)\"\n' | fsd-import"
	assert_eq "$output" '{"id":"J1","customer":{"phone":"+1 303 555 0142"},"notes":"=HYPERLINK(1)"}'
}

@test "--source: a tool later in the pipeline names the spreadsheet row of a bad record" {
	printf 'id,duration,site.lat,site.lon,skills\nJ1,abc,39.7,-104.9,hvac\n' > "$BATS_TEST_TMPDIR/j.csv"
	run bash -c "fsd-import --source --string duration '$BATS_TEST_TMPDIR/j.csv' | fsd-match --techs '$FIXTURES/match/techs.ndjson' >/dev/null"
	[ "$status" -eq 1 ]
	assert_output_has "fsd-match: stdin:1 ($BATS_TEST_TMPDIR/j.csv:2): \"duration\" must be a number"
}

@test "--check (and any --map): an id twice names both rows; skills run together with a comma are said" {
	printf 'id,skills\nJ1,hvac\nJ2,"hvac,plumbing"\nJ1,plumbing\n' > "$BATS_TEST_TMPDIR/j.csv"
	run fsd-import --check "$BATS_TEST_TMPDIR/j.csv"
	[ "$status" -eq 0 ]
	assert_output_has "j.csv:4: id \"J1\" is on $BATS_TEST_TMPDIR/j.csv:2 too"
	assert_output_has 'j.csv:3: skill "hvac,plumbing" holds a comma: skills are separated by ";"'
	run fsd-import "$BATS_TEST_TMPDIR/j.csv"
	[[ $output != *"is on"* ]]
}
