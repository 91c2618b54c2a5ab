#!/usr/bin/env bats
# fsd-geojson: a plan as RFC 7946 GeoJSON, checked by a reader written
# apart from it (tests/fixtures/views/check-geojson.py): [lon, lat],
# LineStrings of two positions or more, every job present.
load helper

F=$FIXTURES/views
CHECK=$F/check-geojson.py

setup() {
	D=$BATS_TEST_TMPDIR
}

@test "the small day: valid RFC 7946, a feature a route, home, stop, pickup and unplaced job" {
	fsd-geojson --techs "$F/techs.ndjson" "$F/plan.ndjson" > "$D/plan.geojson"
	run "$CHECK" "$D/plan.geojson"
	[ "$status" -eq 0 ]
	assert_eq "$output" "home=3 pickup=1 route=2 stop=5 unplaced=2"
}

@test "a route runs home, the stops in driving order with the pickup before its job, home" {
	run fsd-geojson --techs "$F/techs.ndjson" "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '.features[] | select(.properties.tech == "T2" and .properties.kind == "route") | .geometry.coordinates')" \
		'[[-104.9,39.7],[-104.88,39.68],[-104.93,39.69],[-104.92,39.72],[-104.9,39.7]]'
	assert_eq "$(out_jq '.features[] | select(.properties.kind == "route") | [.properties.name, .properties.stops, .properties.drive_km, .properties.stroke]')" \
		'["Ana Ruiz",3,40,"#4e79a7"]
["Bo Chen",2,15,"#f28e2b"]'
}

@test "stops keep the plan's fields; unplaced jobs their exception" {
	run fsd-geojson "$F/plan.ndjson"
	assert_eq "$(out_jq '.features[] | select(.properties.id == "J3") | .properties | [.kind, .seq, .start, .customer.name, .address]')" \
		'["stop",1,"2026-11-23T09:00:00-07:00","Fay Ono","300 Pine Rd, Aurora, CO 80012"]'
	assert_eq "$(out_jq '.features[] | select(.properties.kind == "unplaced") | [.properties.id, .properties.exception.code, .properties["marker-color"]]')" \
		'["J5","day_full","#777777"]
["J6","no_qualified_tech","#777777"]'
}

@test "without --techs there are no homes, and a one-stop day without a home has no line" {
	printf '%s\n' '{"id":"X1","tech":"T9","start":"2026-11-23T08:00:00-07:00","end":"2026-11-23T09:00:00-07:00","site":{"lat":39.7,"lon":-105}}' > "$D/one.ndjson"
	run fsd-geojson "$D/one.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '[.features[].properties.kind]')" '["stop"]'
}

@test "a job without a site is a Feature with a null geometry: none is left out" {
	printf '%s\n' '{"id":"X1","exception":{"code":"no_tech","message":"no tech"}}' > "$D/nosite.ndjson"
	run fsd-geojson "$D/nosite.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq '.features[] | [.geometry, .properties.id, .properties.kind]')" '[null,"X1","unplaced"]'
}

@test "the sample day: every job of the plan is a feature, and the GeoJSON is valid" {
	cd "$EXAMPLES"
	fsd-import techs.csv > "$D/techs.ndjson"
	fsd-import jobs.csv | fsd-match --techs "$D/techs.ndjson" --rules rules.json 2>/dev/null \
		| fsd-route --techs "$D/techs.ndjson" --iterations 200 > "$D/plan.ndjson" 2>/dev/null
	fsd-geojson --techs "$D/techs.ndjson" "$D/plan.ndjson" > "$D/plan.geojson"
	run "$CHECK" "$D/plan.geojson"
	[ "$status" -eq 0 ]
	assert_eq "$(jq -r '.id' "$D/plan.ndjson" | sort)" \
		"$(jq -r '.features[].properties | select(.kind == "stop" or .kind == "unplaced") | .id' "$D/plan.geojson" | sort)"
}

@test "a field of the wrong shape: reported, and the job shown as bad_record" {
	printf '%s\n' '{"id":"X1","tech":"T1","seq":"one","site":{"lat":39.7,"lon":-105}}' > "$D/bad.ndjson"
	run bash -c "fsd-geojson '$D/bad.ndjson' 2>&1 >'$D/out'"
	[ "$status" -eq 1 ]
	assert_output_has 'bad.ndjson:1: "seq"'
	assert_eq "$(jq -c '.features[0].properties.exception.code' "$D/out")" '"bad_record"'
}
