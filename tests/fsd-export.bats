#!/usr/bin/env bats
# fsd-export: records to CSV rows that spreadsheets open safely and
# fsd-import reads back.

load helper

# Export the given NDJSON text with the given options.
export_text() {
	local text=$1
	shift
	printf '%s\n' "$text" | fsd-export "$@"
}

@test "-f picks columns in order; a missing field is an empty cell" {
	run export_text '{"id":"J1","tech":"T01","site":{"lat":39.7}}
{"id":"J2"}' -f 'tech, id,site.lat'
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(printf 'tech,id,site.lat\nT01,J1,39.7\n,J2,')"
}

@test "default columns: every field seen, in order of first appearance, nested dotted" {
	run export_text '{"id":"J1","site":{"lat":39.7,"lon":-105.0}}
{"id":"J2","tech":"T03","site":{"address":"1 Main St"}}'
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(printf 'id,site.lat,site.lon,tech,site.address\nJ1,39.7,-105.0,,\nJ2,,,T03,1 Main St')"
}

@test "lists, parts, stock and off in the forms fsd-import reads" {
	run export_text '{"skills":["hvac","lang:es"],"parts":[{"sku":"CAP-45-5","qty":1},{"sku":"WAX-RING","qty":2}],"stock":{"FLT-16X25X1":6},"off":[{"start":"2026-11-23T11:30:00-07:00","end":"2026-11-23T13:00:00-07:00"}],"vip":true,"note":null,"tags":[]}'
	assert_eq "${lines[0]}" 'skills,parts,stock,off,vip,note,tags'
	assert_eq "${lines[1]}" 'hvac;lang:es,CAP-45-5:1;WAX-RING:2,FLT-16X25X1:6,2026-11-23T11:30:00-07:00/2026-11-23T13:00:00-07:00,true,,'
}

@test "a list of other objects is JSON text, and fsd-import --json reads it back" {
	rec='{"id":"R1","stops":[{"job":"J1","eta":"08:10"},{"job":"J2"}]}'
	run export_text "$rec"
	assert_eq "${lines[1]}" 'R1,"[{""job"":""J1"",""eta"":""08:10""},{""job"":""J2""}]"'
	assert_eq "$(export_text "$rec" | fsd-import --json stops)" "$rec"
}

@test "RFC 4180 quoting: commas, quotes, line breaks, edge spaces" {
	run export_text '{"a":"1420 S Clayton St, Denver","b":"dog \"Bruno\"","c":"two\nlines","d":" padded","e":"plain"}'
	assert_eq "$output" "$(printf 'a,b,c,d,e\n"1420 S Clayton St, Denver","dog ""Bruno""","two\nlines"," padded",plain')"
}

@test "formula injection: text starting = + - @ tab CR gets a quote; numbers do not" {
	run export_text '{"a":"=1+2","b":"+1","c":"-2+3","d":"@SUM(A1)","e":"\tx","f":"\rx","lon":-104.99,"credit":-2500,"g":"-5"}'
	assert_eq "${lines[1]}" "'=1+2,'+1,'-2+3,'@SUM(A1),'	x,\"'"$'\r'"x\",-104.99,-2500,'-5"
}

@test "formula injection: spaces before = + - @ do not hide a formula; the guard still comes off on import" {
	run export_text '{"a":" =1+2","b":"  +1","c":"   -2","d":" @SUM(A1)","e":" plain"}'
	assert_eq "${lines[1]}" "' =1+2,'  +1,'   -2,' @SUM(A1),\" plain\""
	assert_eq "$(echo '{"a":" =1+2"}' | fsd-export | fsd-import)" '{"a":" =1+2"}'
}

@test "--raw writes cells as they are" {
	run export_text '{"a":"=1+2"}' --raw
	assert_eq "${lines[1]}" '=1+2'
}

@test "the header is guarded too, and the guard comes off on import" {
	run bash -c "echo '{\"=cmd\":\"x\"}' | fsd-export"
	assert_eq "${lines[0]}" "'=cmd"
	assert_eq "$(echo '{"=cmd":"=x"}' | fsd-export | fsd-import)" '{"=cmd":"=x"}'
}

@test "--crlf ends rows with CR LF" {
	run bash -c "echo '{\"id\":\"J1\"}' | fsd-export --crlf | od -An -c | tr -s ' '"
	assert_eq "$output" ' i d \r \n J 1 \r \n'
}

@test "records with an exception keep it, as columns" {
	run export_text '{"id":"J1","exception":{"code":"bad_record","message":"jobs.csv:4: column \"duration\": \"abc\" is not a number"}}'
	assert_eq "$output" "$(printf 'id,exception.code,exception.message\nJ1,bad_record,"jobs.csv:4: column ""duration"": ""abc"" is not a number"')"
}

@test "a line that is not JSON is reported with its place; the others are written" {
	run bash -c "printf '{\"id\":\"J1\"}\nnot json\n{\"id\":\"J3\"}\n' | fsd-export 2>&1"
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-export: stdin:2:'
	assert_output_has "$(printf 'id\nJ1\nJ3')"
}

@test "no records: nothing without -f, the header with it" {
	run bash -c ": | fsd-export"
	[ "$status" -eq 0 ] && [ -z "$output" ]
	run bash -c ": | fsd-export -f id,tech"
	assert_eq "$output" 'id,tech'
}

@test "round trip through CSV keeps numbers, booleans and strings apart" {
	rec='{"id":"007","priority":1,"site":{"lat":39.7392,"lon":-105.0},"customer":{"vip":false},"skills":["hvac"],"note":"-5 degrees; call first"}'
	assert_eq "$(export_text "$rec" | fsd-import)" "$rec"
}

@test "usage: an empty name in -f is an error" {
	run fsd-export -f 'id,,tech'
	[ "$status" -eq 2 ]
	assert_output_has 'an empty column name'
}

# --- sheets for the office and the techs (tests/fixtures/office) ---------------

OFFICE=$FIXTURES/office

# The sample plan: three techs' days out of fsd-route.
plan() {
	fsd-route --techs "$OFFICE/techs.ndjson" --keep-techs "$OFFICE/assigned.ndjson" 2>/dev/null
}

@test "--split-by tech: a sheet per tech with names, phones, local times, miles and directions" {
	d=$BATS_TEST_TMPDIR/sheets
	mkdir "$d"
	run bash -c "fsd-route --techs '$OFFICE/techs.ndjson' --keep-techs '$OFFICE/assigned.ndjson' 2>/dev/null \
		| fsd-export -f tech_name,tech_phone,seq,id,arrive,drive.mi,directions --techs '$OFFICE/techs.ndjson' \
			--tz America/Denver --time-format '%I:%M %p' --units mi --directions --split-by tech --dir '$d'"
	[ "$status" -eq 0 ]
	# J1007 fits no day: on nobody's sheet, in none.csv
	assert_eq "$output" "$(printf '%s\n' "$d/T01.csv" "$d/T02.csv" "$d/T03.csv" "$d/none.csv")"
	assert_eq "$(cat "$d/T01.csv")" "$(printf '%s\n' \
		'tech_name,tech_phone,seq,id,arrive,drive.mi,directions' \
		'Ana Ruiz,+1 303 555 0101,1,J1002,08:10 AM,4.5,https://www.google.com/maps/dir/?api=1&destination=39.7%2C-104.95' \
		'Ana Ruiz,+1 303 555 0101,2,J1003,09:06 AM,4.4,https://www.google.com/maps/dir/?api=1&destination=39.73%2C-104.9' \
		'Ana Ruiz,+1 303 555 0101,3,J1001,10:57 AM,8.7,https://www.google.com/maps/dir/?api=1&destination=1701%20Wynkoop%20St%2C%20Denver%2C%20CO%2080202')"
	[ "$(wc -l < "$d/T02.csv")" -eq 3 ]
}

@test "a per-tech sheet in local times imports back, through a map with its format, as the same plan" {
	d=$BATS_TEST_TMPDIR/sheets
	mkdir "$d"
	plan > "$BATS_TEST_TMPDIR/plan.ndjson"
	fsd-export --tz America/Denver --time-format '%m/%d/%Y %H:%M:%S' --directions --techs "$OFFICE/techs.ndjson" \
		--split-by tech --dir "$d" "$BATS_TEST_TMPDIR/plan.ndjson" > /dev/null
	printf '%s\n' 'id = id' 'arrive = arrive | format %m/%d/%Y %H:%M:%S' 'start = start | format %m/%d/%Y %H:%M:%S' \
		'end = end | format %m/%d/%Y %H:%M:%S' > "$BATS_TEST_TMPDIR/back.map"
	run bash -c "for f in '$d'/T0*.csv '$d'/none.csv; do fsd-import --map '$BATS_TEST_TMPDIR/back.map' --tz America/Denver \"\$f\" 2>/dev/null; done | jq -c '{id, arrive, start, \"end\": .end}'"
	assert_eq "$output" "$(jq -c '{id, arrive, start, "end": .end}' "$BATS_TEST_TMPDIR/plan.ndjson")"
	assert_eq "$(cat "$d"/T0*.csv "$d"/none.csv | grep -c 'google.com/maps/dir')" 7
}

@test "round trip: the default export of a plan and of invoices imports as the same records" {
	plan > "$BATS_TEST_TMPDIR/plan.ndjson"
	diff <(jq -cS . "$BATS_TEST_TMPDIR/plan.ndjson") \
	     <(fsd-export "$BATS_TEST_TMPDIR/plan.ndjson" | fsd-import | jq -cS .)
	printf '%s\n' '{"id":"J1","skills":["hvac"],"territory":"central","work":{"start":"2026-11-23T09:00:00-07:00","end":"2026-11-23T10:01:00-07:00"}}' \
		| fsd-invoice --rates "$EXAMPLES/ratecard.json" > "$BATS_TEST_TMPDIR/inv.ndjson"
	# An empty list is an empty cell, and comes back absent.
	diff <(jq -cS 'del(.. | select(. == []))' "$BATS_TEST_TMPDIR/inv.ndjson") \
	     <(fsd-export "$BATS_TEST_TMPDIR/inv.ndjson" | fsd-import | jq -cS .)
}

@test "--map: QuickBooks Online's invoice import, one row per line, dollars, MM/DD/YYYY" {
	run fsd-export --map "$TOP/share/maps/quickbooks-invoices.map" "$OFFICE/invoice.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$output" "$(printf '%s\n' \
		'Invoice no,Customer,Invoice date,Due date,Item(Product/Service),Item description,Item quantity,Item rate,Item amount,Service date' \
		'FRH-J9,Mo Ito,11/23/2026,12/08/2026,LABOR-HVAC,HVAC labor,1.25,119.00,148.75,11/23/2026' \
		'FRH-J9,Mo Ito,11/23/2026,12/08/2026,TRIP-CENTRAL,"Trip fee, central zone",1,69.00,69.00,11/23/2026')"
}

@test "--map: Google Calendar's CSV, an event per stop on the shop's clock, constants as columns" {
	run bash -c "fsd-route --techs '$OFFICE/techs.ndjson' --keep-techs '$OFFICE/assigned.ndjson' 2>/dev/null | fsd-export --map '$TOP/share/maps/google-calendar.map' --tz America/Chicago"
	[ "$status" -eq 0 ]
	assert_eq "${lines[0]}" 'Subject,Start Date,Start Time,End Date,End Time,All Day Event,Description,Location,Private'
	assert_eq "${lines[1]}" 'hvac-maintenance,11/23/2026,09:10 AM,11/23/2026,09:55 AM,False,,,True'
	assert_output_has "no-heat,11/23/2026,02:00 PM,11/23/2026,03:00 PM,False,'=cmd|calc,\"1701 Wynkoop St, Denver, CO 80202\",True"
}

@test "--map: a field that does not fit its column's format is said and written as it is" {
	printf 'when = When | format %%m/%%d/%%Y\nid = Id\n' > "$BATS_TEST_TMPDIR/w.map"
	run bash -c "echo '{\"id\":\"J1\",\"when\":\"soon\"}' | fsd-export --map '$BATS_TEST_TMPDIR/w.map'"
	[ "$status" -eq 1 ]
	assert_output_has 'stdin:1: column "When": "when" needs an RFC 3339 time or a date for its format'
	assert_output_has 'soon,J1'
}

@test "--tz alone: times move to the zone's clock and stay RFC 3339, across the November change" {
	run export_text '{"a":"2026-11-01T07:30:00Z","b":"2026-11-01T08:30:00Z","c":"2026-11-01T09:30:00Z"}' --tz America/Denver
	assert_eq "${lines[1]}" '2026-11-01T01:30:00-06:00,2026-11-01T01:30:00-07:00,2026-11-01T02:30:00-07:00'
}

@test "-f naming a field no record has is said; the column is still written, empty" {
	run export_text '{"id":"J1"}' -f id,tehc
	[ "$status" -eq 0 ]
	assert_output_has 'fsd-export: -f: no record has a field "tehc"'
	assert_output_has "$(printf 'id,tehc\nJ1,')"
	run export_text '{"id":"J1","tech":"T01"}' -f id,tech_name
	assert_output_has 'no record has a field "tech_name" (--techs FILE adds tech_name and tech_phone)'
}

@test "a phone number in fsd(5)'s form is written as it is, not with a stray quote" {
	run export_text '{"phone":"+1 303 555 0142","other":"+1 (303) 555-0142","sum":"+1+2","cmd":"+cmd|x"}'
	assert_eq "${lines[1]}" "+1 303 555 0142,+1 (303) 555-0142,'+1+2,'+cmd|x"
}

@test "usage: -f with --map, a bad zone, bad units" {
	run fsd-export -f id --map "$TOP/share/maps/google-calendar.map" < /dev/null
	[ "$status" -eq 2 ]
	run fsd-export --tz Nowhere/Land < /dev/null
	[ "$status" -eq 2 ]
	run fsd-export --units furlongs < /dev/null
	[ "$status" -eq 2 ]
	assert_output_has '--units: "furlongs" is not km or mi'
}
