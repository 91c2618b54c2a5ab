#!/bin/sh
# 70-live: the sample day as it happens. The techs' status events up to
# 11:00 (on the way, on site, complete; one job running over; one bogus
# "complete" from a tech who never arrived) go into the day's log through
# fsd-event, which seals them onto a hash chain; fsd-status folds them
# into the plan; the 11:00 gas leak is added and fsd-route --now plans
# the rest of the day; fsd-notify shows the messages customers and the
# dispatcher would get, and the invoice mail of a job done. Reads
# $OUT/plan.ndjson and $OUT/techs.ndjson; writes $OUT/day.events,
# $OUT/live-*.ndjson and $OUT/messages.ndjson.
set -eu
echo "== fsd-event, fsd-status, fsd-notify: the day as it happens, to 11:00"
now=2026-11-23T11:00:00-07:00
rm -f "$OUT/day.events"

# The events the plan implies by 11:00, in the order they happened: a
# tech leaves 10 minutes before arriving, finishes at the planned end.
# The first job that should have ended by 10:00 on T05's day runs over
# (no "completed"); the next job of a tech whose last is done is the one
# they are driving to.
jq -sc --arg now "$now" '
	def minus10: .[0:19] + "Z" | fromdateiso8601 - 600 | todate | .[0:19] + "-07:00";
	map(select(.seq and .tech and (.exception | not)))
	| (map(select(.tech == "T05" and .end < "2026-11-23T10:00:00-07:00")) | .[0].id) as $overrun
	| group_by(.tech)[] | sort_by(.seq) as $day
	| $day | to_entries[] | .value as $j | .key as $k
	| if $j.arrive <= $now then
		{job: $j.id, tech: $j.tech, status: "en_route", at: ($j.arrive | minus10), by: "tracker"},
		{job: $j.id, tech: $j.tech, status: "on_site", at: $j.arrive, by: "sms",
		 position: {lat: $j.site.lat, lon: $j.site.lon}},
		(if $j.end <= $now and $j.id != $overrun then
			{job: $j.id, tech: $j.tech, status: "completed", at: $j.end, by: "sms"} else empty end)
	  elif $k > 0 and $day[$k - 1].end <= $now and $day[$k - 1].id != $overrun then
		{job: $j.id, tech: $j.tech, status: "en_route", at: "2026-11-23T10:55:00-07:00", by: "tracker"}
	  else empty end' "$OUT/plan.ndjson" \
| jq -sc 'sort_by(.at)[]' > "$OUT/live-events.ndjson"
# A tech sends "complete" for a job they never reached: T02's last.
jq -sc 'map(select(.seq and .tech == "T02")) | max_by(.seq) | {job: .id, tech: .tech,
	status: "completed", at: "2026-11-23T10:58:00-07:00", by: "sms"}' "$OUT/plan.ndjson" \
	>> "$OUT/live-events.ndjson"
fsd-event --log "$OUT/day.events" "$OUT/live-events.ndjson" > /dev/null
jq -r '.status' "$OUT/day.events" | sort | uniq -c \
	| awk '{ printf "%s%s %s", n++ ? ", " : "events logged: ", $1, $2 } END { print "" }'
fsd-event --log "$OUT/day.events" --verify | jq -r '"the log verifies: \(.verified) lines, head \(.head[0:16])..."'

# Fold the log into the plan; keep the refused events and the jobs done.
fsd-status --events "$OUT/day.events" --done "$OUT/live-done.ndjson" \
	--exceptions "$OUT/live-refused.ndjson" "$OUT/plan.ndjson" \
	> "$OUT/live-status.ndjson" 2>/dev/null || true
jq -rs '"jobs: \(map(select(.status == "done")) | length) done, \(map(select(.status == "in_progress")) | length) on site, \(map(select(.status == "en_route")) | length) on the way"' \
	"$OUT/live-status.ndjson"
jq -r '"refused, log line \(.line): \(.exception.message)"' "$OUT/live-refused.ndjson"

# 11:00: the gas leak comes in; the rest of the day is planned again.
echo '{"id":"E9001","type":"gas-leak","priority":1,"customer":{"id":"C29001","name":"Maple Court HOA","phone":"303-555-0198","email":"board@maplecourt.example"},"site":{"lat":39.7392,"lon":-104.9903,"address":"1437 Bannock St, Denver, CO 80202"},"skills":["hvac","cert:gasfit"],"duration":60,"sla_due":"2026-11-23T13:00:00-07:00"}' \
	| cat "$OUT/live-status.ndjson" - \
	| fsd-route --techs "$OUT/techs.ndjson" --now "$now" > "$OUT/live-replan.ndjson" 2>/dev/null \
	|| echo "(some records were reported)"
jq -r 'select(.overrun) | "\(.id) (\(.tech)) is running over: \(.overrun) min past its planned end"' \
	"$OUT/live-replan.ndjson" | head -n 1
jq -r 'select(.id == "E9001") | if .seq then "E9001 gas-leak -> \(.tech), arrives \(.arrive[11:16])"
	else "E9001 gas-leak not placed: \(.exception.code)" end' "$OUT/live-replan.ndjson"

# What everyone would be told now (dry run: nothing is sent).
fsd-notify --dry-run --rules "$EXAMPLES/notify.json" --now "$now" "$OUT/live-replan.ndjson" \
	> "$OUT/messages.ndjson"
jq -rs 'group_by(.message) | map("\(length) \(.[0].message)") | "messages due at 11:00: " + join(", ")' \
	"$OUT/messages.ndjson"
for kind in on_the_way arrived new_eta apology alert; do
	jq -r --arg k "$kind" 'select(.message == $k and .channel == "sms") | "  \(.message) SMS to \(.to): \(.body)"' \
		"$OUT/messages.ndjson" | head -n 1
done
jq -r 'select(.status == "held" or .status == "skipped") | .reason' "$OUT/messages.ndjson" \
	| sort | uniq -c | awk '{ $1 = $1 " not sent:"; print "  " $0 }'

# The jobs done by 11:00, invoiced, and the mail that carries the link.
fsd-invoice --rates "$EXAMPLES/ratecard.json" --key "$EXAMPLES/pay.key" \
	"$OUT/live-done.ndjson" > "$OUT/live-invoices.ndjson" 2>/dev/null || true
fsd-notify --dry-run --rules "$EXAMPLES/notify.json" --now "$now" "$OUT/live-invoices.ndjson" \
	| jq -r 'select(.message == "invoice")' > "$OUT/live-invoice-mail.ndjson"
echo "invoices of the jobs done: $(jq -s length "$OUT/live-invoice-mail.ndjson"); the first, as mailed:"
jq -rs 'map(select(.body)) | .[0] | "  To: \(.to)\n  Subject: \(.subject)\n  Message-ID: <\(.message_id)>\n", (.body | split("\n") | map("  | " + .) | join("\n"))' \
	"$OUT/live-invoice-mail.ndjson"
