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
