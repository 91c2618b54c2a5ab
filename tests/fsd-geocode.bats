#!/usr/bin/env bats
# fsd-geocode: addresses to lat/lon through a Nominatim-compatible server,
# here a small one this file starts on 127.0.0.1 (fixtures/geocode/server.py).

load helper

setup_file() {
	python3 "$FIXTURES/geocode/server.py" "$BATS_FILE_TMPDIR/port" "$BATS_FILE_TMPDIR/requests.log" \
		> /dev/null 2>&1 3>&- &
	echo $! > "$BATS_FILE_TMPDIR/server.pid"
	for _ in $(seq 100); do
		[ -f "$BATS_FILE_TMPDIR/port" ] && break
		sleep 0.1
	done
	touch "$BATS_FILE_TMPDIR/requests.log"
}

teardown_file() {
	kill "$(cat "$BATS_FILE_TMPDIR/server.pid")"
}

setup() {
	SERVER=http://127.0.0.1:$(cat "$BATS_FILE_TMPDIR/port")
	CACHE=$BATS_TEST_TMPDIR/geocache.ndjson
	LOG=$BATS_FILE_TMPDIR/requests.log
}

requests() {
	wc -l < "$LOG"
}

# A job at an address, through fsd-geocode with the given options.
geocode() {
	local address=$1
	shift
	printf '{"id":"J1","site":{"address":"%s"}}\n' "$address" | fsd-geocode "$@"
}

@test "a hit: site.lat and site.lon filled from the address, the answer cached" {
	run geocode "1420 S Clayton St, Denver, CO 80210" --server "$SERVER" --cache "$CACHE" --interval 0
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"J1","site":{"address":"1420 S Clayton St, Denver, CO 80210","lat":39.6897,"lon":-104.94}}'
	assert_eq "$(cat "$CACHE")" '{"address":"1420 S Clayton St, Denver, CO 80210","lat":39.6897,"lon":-104.94}'
}

@test "the cache is used: an address asked once is never asked again, whatever its case and spaces" {
	geocode "1420 S Clayton St, Denver, CO 80210" --server "$SERVER" --cache "$CACHE" --interval 0 > /dev/null
	before=$(requests)
	run geocode "1420 s clayton st,  Denver, CO 80210" --server "$SERVER" --cache "$CACHE" --interval 0
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.site.lat, .site.lon]')" '[39.6897,-104.94]'
	assert_eq "$(requests)" "$before"
}

@test "a miss is an exception, not a guess, and is cached too" {
	run geocode "Nowhere Lane 0" --server "$SERVER" --cache "$CACHE" --interval 0
	[ "$status" -eq 0 ]
	assert_eq "$output" '{"id":"J1","site":{"address":"Nowhere Lane 0"},"exception":{"code":"geocode_miss","message":"no place found for \"Nowhere Lane 0\" (site.address)"}}'
	assert_eq "$(cat "$CACHE")" '{"address":"Nowhere Lane 0","found":false}'
	before=$(requests)
	geocode "Nowhere Lane 0" --server "$SERVER" --cache "$CACHE" --interval 0 > /dev/null
	assert_eq "$(requests)" "$before"
}

@test "--offline: the cache only, no request; an address not in it is an exception" {
	geocode "7926 York St, Denver, CO 80206" --server "$SERVER" --cache "$CACHE" --interval 0 > /dev/null
	before=$(requests)
	run geocode "7926 York St, Denver, CO 80206" --offline --cache "$CACHE"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.site.lat, .site.lon]')" '[39.841,-104.959]'
	run geocode "1420 S Clayton St, Denver, CO 80210" --offline --cache "$CACHE"
	assert_eq "$(out_jq -r .exception.code)" geocode_offline
	assert_output_has 'is not in '
	assert_eq "$(requests)" "$before"
}

@test "--near/--within: a match far from the service area is an exception" {
	run geocode "123 Main St, Denver" --server "$SERVER" --cache "$CACHE" --interval 0 --near 39.7392,-104.9903 --within 80
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .exception.code)" geocode_far
	assert_output_has '\"123 Main St, Denver\" was found at 40.23340,-76.13740, 2448 km from the service area (--near 39.7392,-104.9903 --within 80): not used'
	assert_eq "$(out_jq .site.lat)" null
}

@test "a server error: said with its place, an exception, exit 1, nothing cached" {
	run geocode "boom" --server "$SERVER" --cache "$CACHE" --interval 0
	[ "$status" -eq 1 ]
	assert_output_has "fsd-geocode: stdin:1: $SERVER: the server answered HTTP 500"
	assert_output_has '"exception":{"code":"geocode_failed"'
	[ ! -s "$CACHE" ]
	run geocode "1420 S Clayton St, Denver, CO 80210" --server http://127.0.0.1:1 --cache "$CACHE" --interval 0
	[ "$status" -eq 1 ]
	assert_output_has '"code":"geocode_failed"'
}

@test "places with lat/lon are left alone; a tech's home is filled too; others pass" {
	before=$(requests)
	run bash -c "printf '%s\n' '{\"id\":\"J2\",\"site\":{\"address\":\"x\",\"lat\":1,\"lon\":2}}' \
		'{\"id\":\"T1\",\"home\":{\"address\":\"7926 York St, Denver, CO 80206\"}}' '{\"id\":\"J3\"}' \
		| fsd-geocode --server '$SERVER' --cache '$CACHE' --interval 0"
	[ "$status" -eq 0 ]
	assert_eq "${lines[0]}" '{"id":"J2","site":{"address":"x","lat":1,"lon":2}}'
	assert_eq "${lines[1]}" '{"id":"T1","home":{"address":"7926 York St, Denver, CO 80206","lat":39.841,"lon":-104.959}}'
	assert_eq "${lines[2]}" '{"id":"J3"}'
	assert_eq "$(requests)" "$((before + 1))"
}

@test "a cache file that is not one: its line named, exit 1, the file untouched" {
	echo '{"address":"a","lat":"north"}' > "$CACHE"
	run geocode "a" --offline --cache "$CACHE"
	[ "$status" -eq 1 ]
	assert_output_has "geocache.ndjson:1:"
	assert_eq "$(cat "$CACHE")" '{"address":"a","lat":"north"}'
}

@test "usage: --cache and a server (or --offline) are required; --near goes with --within" {
	run fsd-geocode --server "$SERVER" < /dev/null
	[ "$status" -eq 2 ]
	run fsd-geocode --cache "$CACHE" < /dev/null
	[ "$status" -eq 2 ]
	assert_output_has '--server URL is required'
	run fsd-geocode --offline --cache "$CACHE" --near 39.7,-105 < /dev/null
	[ "$status" -eq 2 ]
}
