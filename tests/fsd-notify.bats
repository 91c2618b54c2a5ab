#!/usr/bin/env bats
# fsd-notify: the messages a job calls for, through a real SMTP exchange
# (msmtp to a server the test starts on 127.0.0.1) and an SMS command
# that records what it was given; never twice, never through a shell.
load helper

F=$FIXTURES/notify
NOON=2026-11-23T12:00:00-07:00

setup() {
	cd "$BATS_TEST_TMPDIR"
	export SMS_DIR=$BATS_TEST_TMPDIR/sms
	mkdir -p sms mail
	SMS=$F/sms-record
}

teardown() {
	if [ -n "${SMTP_PID:-}" ]; then kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; fi
	return 0
}

# Start the test SMTP server on 127.0.0.1 and point msmtp at it.
start_smtp() {
	command -v msmtp > /dev/null || skip "msmtp is not installed"
	"$TOP/tests/smtp-server" "$BATS_TEST_TMPDIR/mail" --seconds 120 "$@" 3>&- &
	SMTP_PID=$!
	for _ in $(seq 50); do [ -f mail/port ] && break; sleep 0.1; done
	[ -f mail/port ] || { echo "the SMTP server did not start"; return 1; }
	printf 'host 127.0.0.1\nport %s\nfrom office@frh.example\nauth off\ntls off\n' \
		"$(cat mail/port)" > msmtprc
	chmod 600 msmtprc
	MAIL="msmtp -C $BATS_TEST_TMPDIR/msmtprc -t"
}

# A header or the decoded body of a received mail, read back by Python's
# email package: mail_part N Header|body
mail_part() {
	python3 - "mail/$1.eml" "$2" <<-'PY'
	import email, email.header, email.policy, sys
	m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
	if sys.argv[2] == "body":
	    print(m.get_content().replace("\r\n", "\n").rstrip("\n"))
	else:
	    print(m[sys.argv[2]] or "")
	PY
}

notify() {
	fsd-notify --rules "$F/rules.json" --now "${NOW:-$NOON}" --sent sent.log \
		--sendmail "${MAIL:-false}" --sms-command "$SMS" "$@"
}

# A job in the given state; its customer is Kim Park unless NAME says
# otherwise, CUSTOMER adds fields to the customer, P is its priority
# (shell variables: a process substitution does not see a command's
# environment).
job() {
	printf '{"id":"J1","type":"no-heat","priority":%s,"customer":{"id":"C7","name":%s,"phone":"+13035550144","email":"kim@example.com"%s},"site":{"address":"77 Elm St, Denver"},"tech":"T01","start":"2026-11-23T10:05:00-07:00","eta_window":{"start":"2026-11-23T10:00:00-07:00","end":"2026-11-23T12:00:00-07:00"}%s}\n' \
		"${P:-3}" "$(jq -n --arg n "${NAME:-Kim Park}" '$n')" "${CUSTOMER:-}" "$1"
}

@test "which messages a job calls for, by where it stands" {
	while IFS='|' read -r fields now expected; do
		run fsd-notify --dry-run --now "$now" <(job "$fields")
		[ "$status" -eq 0 ] || { echo "$fields: exit $status"; return 1; }
		assert_eq "$(out_jq -r '"\(.message):\(.channel)"' | tr '\n' ' ')" "$expected" || { echo "for $fields"; return 1; }
	done <<-'TABLE'
	,"booked":"2026-11-20T10:00:00-07:00"|2026-11-20T10:05:00-07:00|confirmation:email 
	|2026-11-22T12:00:00-07:00|reminder:sms 
	|2026-11-23T07:00:00-07:00|eta:sms 
	,"eta_changed":{"old":"2026-11-23T09:00:00-07:00","new":"2026-11-23T10:05:00-07:00","minutes":65}|2026-11-23T09:00:00-07:00|new_eta:sms 
	,"status":"en_route"|2026-11-23T09:30:00-07:00|on_the_way:sms 
	,"status":"in_progress"|2026-11-23T10:30:00-07:00|arrived:sms 
	,"status":"done","invoice":{"number":"FRH-J1","total":24400,"currency":"USD","due":"2026-12-08","payment_link":"https://pay.example/J1"}|2026-11-23T11:00:00-07:00|done:email invoice:email 
	,"status":"done","invoice":{"number":"FRH-J1","total":24400}|2026-11-23T11:00:00-07:00|done:email 
	,"exception":{"code":"displaced","message":"E9 took its place"}|2026-11-23T09:00:00-07:00|apology:sms alert:sms alert:email 
	,"status":"cancelled"|2026-11-23T09:00:00-07:00|
	TABLE
}

@test "email: a real SMTP exchange, read back whole: headers, MIME, UTF-8, Message-ID" {
	start_smtp
	NAME='Zoë Åberg'
	run notify <(job ',"status":"done","invoice":{"number":"FRH-J1","total":24400,"currency":"USD","due":"2026-12-08","payment_link":"https://pay.example/J1?t=9f"}')
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	assert_eq "$(out_jq -r '"\(.message) \(.status)"' | grep email -c)" 0
	assert_eq "$(ls mail/*.eml | wc -l)" 2
	assert_eq "$(cat mail/2.env)" $'<office@frh.example>\n<kim@example.com>'
	assert_eq "$(mail_part 2 From)" 'Front Range Heating <office@frh.example>'
	assert_eq "$(mail_part 2 To)" 'Zoë Åberg <kim@example.com>'
	assert_eq "$(mail_part 2 Subject)" 'Invoice FRH-J1 from Front Range Heating'
	assert_eq "$(mail_part 2 Content-Type)" 'text/plain; charset="UTF-8"'
	assert_eq "$(mail_part 2 Date)" 'Mon, 23 Nov 2026 12:00:00 -0700'
	assert_eq "$(mail_part 2 Message-ID)" "<$(out_jq -r 'select(.message == "invoice" and .channel == "email") | .message_id')>"
	[[ $(mail_part 2 Message-ID) =~ ^\<fsd\.[0-9a-f]{32}@frh\.example\>$ ]]
	mail_part 2 body | grep -qx 'Hello Zoë Åberg,'
	mail_part 2 body | grep -qx 'https://pay.example/J1?t=9f'
	mail_part 2 body | grep -q 'comes to USD 244.00, due 2026-12-08'
}

@test "SMS: the number as the command's argument, the text on its input, nothing else" {
	run notify <(job ',"status":"en_route"')
	[ "$status" -eq 0 ]
	assert_eq "$(cat sms/1.argv)" '+13035550144'
	assert_eq "$(cat sms/1.body)" 'Front Range Heating: your technician is on the way and arrives around 10:00.'
	assert_eq "$(out_jq -c '[.message, .status, .segments]')" '["on_the_way","sent",1]'
}

@test "a name holding \$(touch x) and backquotes is sent as text and runs nothing" {
	start_smtp
	name='Bob $(touch pwned1) `touch pwned2` ; touch pwned3'
	NAME=$name
	run notify <(job ',"status":"done"')
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	mail_part 1 body | grep -qxF "Hello $name,"
	assert_eq "$(mail_part 1 To)" "\"$name\" <kim@example.com>"
	# and a phone number that looks like a command is one argument
	printf '%s\n' '{"id":"J9","customer":{"phone":"+1303 $(touch pwned4);"},"site":{"address":"`touch pwned5`"},"status":"in_progress"}' > j9.ndjson
	run notify j9.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(cat sms/1.argv)" '+1303 $(touch pwned4);'
	assert_eq "$(cat sms/1.body)" 'Front Range Heating: your technician has arrived at `touch pwned5`.'
	# a command run would have made its file where fsd-notify runs (here)
	# or in the tree
	assert_eq "$(find "$BATS_TEST_TMPDIR" "$TOP" -name 'pwned[0-9]')" ""
}

@test "a line break in a name adds no header and no recipient" {
	start_smtp
	printf '%s\n' '{"id":"J1","customer":{"name":"Kim\r\nBcc: evil@example.com","email":"kim@example.com"},"site":{"address":"x"},"status":"done"}' > j.ndjson
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(cat mail/1.env)" $'<office@frh.example>\n<kim@example.com>'
	# the headers end at the first empty line
	! sed '/^\r*$/q' mail/1.eml | grep -qi '^bcc:'
	assert_eq "$(mail_part 1 To)" '"Kim  Bcc: evil@example.com" <kim@example.com>'
}

@test "a rerun sends nothing new; a new ETA is new" {
	start_smtp
	job ',"status":"en_route"' > j.ndjson
	job ',"status":"done","invoice":{"number":"FRH-J1","total":100,"currency":"USD","due":"2026-12-08","payment_link":"https://p/J1"}' | sed 's/"J1"/"J2"/' >> j.ndjson
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r .status | sort | uniq -c | tr -s ' ')" ' 4 sent'
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$output" ""
	assert_eq "$(ls sms | grep -c body) $(ls mail | grep -c eml)" "2 2"
	sed -i '1s/"start":"2026-11-23T10:00:00-07:00"/"start":"2026-11-23T10:30:00-07:00"/' j.ndjson
	run notify j.ndjson
	assert_eq "$(out_jq -c '[.job, .message, .eta, .status]')" '["J1","on_the_way","2026-11-23T10:30:00-07:00","sent"]'
	assert_eq "$(jq -r .result sent.log | sort | uniq -c | tr -s ' ')" ' 5 sent'
}

@test "a sent log whose last line a crash cut short: set aside, that message sent again (at least once), no other" {
	start_smtp
	job ',"status":"en_route"' > j.ndjson
	job ',"status":"en_route"' | sed 's/"J1"/"J2"/' >> j.ndjson
	run notify j.ndjson
	assert_eq "$(out_jq -r .status | sort | uniq -c | tr -s ' ')" ' 2 sent'
	head -c -20 sent.log > torn && mv torn sent.log
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_output_has "sent.log: its last line was cut short by a run that stopped while writing it (a crash or a full disk); moved to sent.log.torn"
	assert_eq "$(printf '%s\n' "$output" | grep '"status":"sent"' | jq -r .job)" J2
	assert_eq "$(wc -l < sent.log) $(wc -l < sent.log.torn)" "2 1"
	jq -e . sent.log > /dev/null
}

@test "the same job twice in one run (a plan and its invoice) is told once" {
	job ',"status":"done"' > j.ndjson
	job ',"status":"done"' >> j.ndjson
	run notify --dry-run j.ndjson
	assert_eq "$(out_jq -r .message)" done
	start_smtp
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -r '"\(.message) \(.status)"')" 'done sent'
	assert_eq "$(ls mail/*.eml | wc -l)" 1
}

@test "a failed send: recorded with its exception, the dispatcher told, tried again next run" {
	start_smtp
	job ',"status":"en_route"' > j.ndjson
	SMS_EXIT=3 run notify j.ndjson
	[ "$status" -eq 1 ]
	assert_output_has "J1: on_the_way sms to +13035550144 not sent: "
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.message, .to, .status, .exception.code]')" \
		'["on_the_way","+13035550144","failed","send_failed"]
["alert","+13035550100","failed","send_failed"]
["alert","dispatch@frh.example","sent",null]'
	mail_part 1 body | grep -q 'on_the_way sms to +13035550144 for J1 not sent: .*exited with status 3'
	assert_eq "$(jq -c '[.message, .result]' sent.log | tr '\n' ' ')" '["on_the_way","failed"] ["alert","failed"] ["alert","sent"] '
	run notify j.ndjson
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c '[.message, .channel, .status]')" '["on_the_way","sms","sent"]'
	run notify j.ndjson
	assert_eq "$output" ""
}

@test "a recipient the mail server refuses is a failed send" {
	start_smtp --fail-rcpt kim@example.com
	run notify <(job ',"status":"done"')
	[ "$status" -eq 1 ]
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c 'select(.job and .message == "done") | [.status, .exception.code]')" '["failed","send_failed"]'
}

@test "quiet hours: a customer's SMS is held to a later run, email goes, a P1 goes" {
	job ',"status":"done","invoice":{"number":"FRH-J1","total":100,"currency":"USD","due":"2026-12-08","payment_link":"https://p/J1"}' > j.ndjson
	NOW=2026-11-23T21:30:00-07:00 run notify --dry-run j.ndjson
	assert_eq "$(out_jq -c '[.message, .channel, .status]' | tr '\n' ' ')" \
		'["done","email","dry_run"] ["invoice","sms","held"] ["invoice","email","dry_run"] '
	P=1
	NOW=2026-11-23T21:30:00-07:00 run notify --dry-run <(job ',"status":"en_route"')
	assert_eq "$(out_jq -c '.status')" '"dry_run"'
	NOW=2026-11-24T08:00:00-07:00 run notify --dry-run j.ndjson
	assert_eq "$(out_jq -c 'select(.channel == "sms") | .status')" '"dry_run"'
}

@test "quiet hours are the customer's: the site's offset from the plan, not the dispatcher's clock" {
	job ',"status":"done","invoice":{"number":"FRH-J1","total":100,"currency":"USD","due":"2026-12-08","payment_link":"https://p/J1"}' > j.ndjson
	# 21:30 in Chicago is 20:30 at the Denver site (the plan's -07:00): not quiet there
	NOW=2026-11-23T21:30:00-06:00 run notify --dry-run j.ndjson
	assert_eq "$(out_jq -c 'select(.channel == "sms") | .status')" '"dry_run"'
	# 07:30 in Chicago is 06:30 in Denver: quiet there
	NOW=2026-11-24T07:30:00-06:00 run notify --dry-run <(job ',"status":"en_route"' | sed 's/2026-11-23/2026-11-24/g')
	assert_eq "$(out_jq -c 'select(.channel == "sms") | [.message, .status]')" '["on_the_way","held"]'
}

@test "opt-out: none at all, or only the channels refused" {
	CUSTOMER=',"opt_out":true'
	run notify --dry-run <(job ',"status":"en_route"')
	assert_eq "$(out_jq -c '[.message, .status]')" '["on_the_way","opted_out"]'
	CUSTOMER=',"opt_out":["sms"]'
	run notify --dry-run <(job ',"status":"done","invoice":{"number":"N","total":1,"currency":"USD","due":"2026-12-08","payment_link":"https://p"}')
	assert_eq "$(out_jq -c '[.message, .channel, .status]' | tr '\n' ' ')" \
		'["done","email","dry_run"] ["invoice","sms","opted_out"] ["invoice","email","dry_run"] '
}

@test "a message that goes nowhere (no phone, opted out) is said once, not on every run; sent once that changes" {
	job ',"status":"en_route"' | jq -c 'del(.customer.phone)' > j.ndjson
	run notify j.ndjson
	assert_eq "$(out_jq -c '[.message, .channel, .status, .reason]')" '["on_the_way","sms","skipped","the customer has no phone"]'
	assert_eq "$(jq -c '[.message, .result, .why]' sent.log)" '["on_the_way","skipped","the customer has no phone"]'
	run notify j.ndjson
	assert_eq "$output" ""
	job ',"status":"en_route"' > j.ndjson
	run notify j.ndjson
	assert_eq "$(out_jq -c '[.message, .channel, .status]')" '["on_the_way","sms","sent"]'
	rm sent.log
	CUSTOMER=',"opt_out":true'
	run notify <(job ',"status":"en_route"')
	assert_eq "$(out_jq -c '[.message, .status]')" '["on_the_way","opted_out"]'
	run notify <(job ',"status":"en_route"')
	assert_eq "$output" ""
	CUSTOMER=
	run notify <(job ',"status":"en_route"')
	assert_eq "$(out_jq -c '[.message, .status]')" '["on_the_way","sent"]'
}

@test "a field the template names with no value: not sent, said, tried again" {
	printf '%s\n' '{"id":"J1","customer":{"email":"kim@example.com"},"site":{"address":"x"},"status":"done"}' > j.ndjson
	run notify j.ndjson
	[ "$status" -eq 1 ]
	assert_output_has 'fsd-notify: J1: '
	assert_output_has 'done.email.txt: \"customer.name\" has no value'
	assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq -c '[.status, .exception.code]')" '["failed","template_field"]'
	[ ! -s sent.log ]
}

@test "SMS size: one GSM-7 segment is 160 characters; beyond, a warning with the count" {
	mkdir t && cp "$TOP"/share/templates/* t/
	echo '{{site.address}}' > t/arrived.sms.txt
	while IFS='|' read -r address segments warning; do
		printf '{"id":"J1","customer":{"phone":"+1"},"site":{"address":"%s"},"status":"in_progress"}\n' "$address" > j.ndjson
		run fsd-notify --dry-run --templates t j.ndjson
		[ "$status" -eq 0 ]
		assert_eq "$(printf '%s\n' "$output" | grep '^{' | jq .segments)" "$segments" || { echo "$address"; return 1; }
		if [ -n "$warning" ]; then assert_output_has "$warning" || return 1; else [[ $output != *"SMS segments"* ]]; fi
	done <<-TABLE
	$(printf 'a%.0s' $(seq 160))|1|
	$(printf 'a%.0s' $(seq 161))|2|J1: the arrived text is 2 SMS segments (161 GSM-7 characters); one is 160
	$(printf '[%.0s' $(seq 80))|1|
	$(printf '[%.0s' $(seq 81))|2|(162 GSM-7 characters)
	Zoë $(printf 'a%.0s' $(seq 66))|1|
	Zoë $(printf 'a%.0s' $(seq 67))|2|(71 UCS-2 characters); one is 70
	TABLE
}

@test "rules: a type's own channels; a bad rules file stops the run naming the key" {
	P=1
	run fsd-notify --dry-run --rules "$F/rules.json" <(job ',"status":"en_route","type":"gas-leak"' | sed 's/"type":"no-heat",//')
	assert_eq "$(out_jq -r .channel | tr '\n' ' ')" 'sms email '
	printf '{\n"messages": {"on_the_way": ["fax"]},\n"quiet": {},\n"quiet_hours": {"start": "25:00", "end": "07:00"}\n}\n' > bad.json
	run fsd-notify --dry-run --rules bad.json <(job '')
	[ "$status" -eq 1 ]
	assert_output_has 'bad.json:2: "messages.on_the_way" has a channel that is not "sms" or "email"'
	assert_output_has 'bad.json:3: "quiet" is not a known key (known: from, company, quiet_hours, messages, types, dispatch, contacts)'
	assert_output_has 'bad.json:4: "quiet_hours.start" must be a time of day HH:MM'
	assert_output_has 'bad.json: 3 problems in the rules file; nothing done'
	[ "$(printf '%s\n' "$output" | grep -c '^fsd-notify:')" -eq 4 ]
}

@test "rules: quiet hours are times of day, H:MM or HH:MM: 24:00 is midnight; 24:30, a sign, a space, one minute digit are refused" {
	printf '{"quiet_hours": {"start": "21:00", "end": "24:00"}}\n' > midnight.json
	run fsd-notify --dry-run --rules midnight.json <(job '')
	[ "$status" -eq 0 ]
	for t in 24:30 +8:05 ' 8:05' 8:5 08:005 8h00; do
		printf '{"quiet_hours": {"start": "%s", "end": "08:00"}}\n' "$t" > late.json
		run fsd-notify --dry-run --rules late.json <(job '')
		[ "$status" -eq 1 ] || { echo "\"$t\" was taken"; return 1; }
		assert_output_has 'late.json:1: "quiet_hours.start" must be a time of day HH:MM'
	done
	printf '{"quiet_hours": {"start": "9:30", "end": "08:00"}}\n' > late.json
	run fsd-notify --dry-run --rules late.json <(job '')
	[ "$status" -eq 0 ]
}

@test "records that are no jobs get no message" {
	run fsd-notify --dry-run <(echo '{"kind":"pickup","tech":"T01","status":"done","customer":{"email":"a@b.c"}}')
	[ "$status" -eq 0 ]
	assert_eq "$output" ""
}

@test "alert records (fsd-track's, fsd-watch's): to the dispatcher or the contact named, once each" {
	start_smtp
	printf '%s\n' '{"kind":"alert","id":"track-T07-no_signal-1012","code":"no_signal","tech":"T07","job":"J1042","at":"2026-11-23T10:32:00-07:00","message":"call T07: no ping since 10:12 (20 min)","to":"dispatch"}' \
		'{"kind":"alert","id":"watch-J9-sla_escalate","code":"sla_escalate","job":"J9","at":"2026-11-23T10:40:00-07:00","message":"J9 breached its SLA","to":"ops-manager"}' \
		'{"kind":"alert","id":"watch-T3-checkin","code":"lone_worker","tech":"T3","at":"2026-11-23T10:41:00-07:00","message":"T3 missed a check-in"}' > alerts.ndjson
	run notify alerts.ndjson
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	assert_eq "$(out_jq -c '[.job, .channel, .to, .status, .reason]' | tr '\n' ' ')" \
		'["J1042","sms","+13035550100","sent",null] ["J1042","email","dispatch@frh.example","sent",null] ["J9","sms","+13035550101","sent",null] ["J9","email",null,"skipped","no email for ops-manager in the rules"] ["T3","sms","+13035550100","sent",null] ["T3","email","dispatch@frh.example","sent",null] '
	assert_eq "$(cat sms/1.body)" 'fsd: call T07: no ping since 10:12 (20 min)'
	assert_eq "$(mail_part 1 Subject)" 'fsd alert: J1042'
	run notify alerts.ndjson
	assert_eq "$(out_jq -c 'select(.status != "skipped")')" ""
	echo '{"kind":"alert","id":"x"}' > bad.ndjson
	run notify bad.ndjson
	[ "$status" -eq 1 ]
	assert_output_has 'an alert needs its \"id\" and \"message\"'
}

@test "the tracker and the watch: their status events logged and folded, their alerts to the dispatcher" {
	fsd-track --plan "$FIXTURES/track/small-plan.ndjson" "$FIXTURES/track/small-pings.ndjson" > track.ndjson
	jq -c 'select(.kind == "status")' track.ndjson | fsd-event --log day.events > /dev/null
	fsd-event --log day.events --verify > /dev/null
	assert_eq "$(fsd-status --events day.events "$FIXTURES/track/small-plan.ndjson" | jq -c 'select(.id == "J1") | [.status, .arrived]')" \
		'["in_progress","2026-11-23T07:59:00-07:00"]'
	fsd-watch --now 2026-11-23T10:45:00-07:00 "$FIXTURES/watch/jobs.ndjson" "$FIXTURES/watch/events.ndjson" > watch.ndjson
	start_smtp
	run notify track.ndjson watch.ndjson
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	alerts=$(jq -c 'select(.kind == "alert")' track.ndjson watch.ndjson | wc -l)
	assert_eq "$(out_jq -c 'select(.channel == "sms" and .status == "sent")' | wc -l)" "$alerts"
	assert_eq "$(ls mail/*.eml | wc -l)" "$alerts"
	assert_eq "$(cat sms/1.argv)" '+13035550100'
	assert_eq "$(cat sms/1.body)" "fsd: $(jq -r 'select(.kind == "alert") | .message' track.ndjson | head -n 1)"
	run notify track.ndjson watch.ndjson
	assert_eq "$(out_jq -c 'select(.status != "skipped")')" ""
}

@test "usage: --sent is needed to send" {
	run fsd-notify <(job '')
	[ "$status" -eq 2 ]
	assert_output_has '--sent FILE is required to send (or --dry-run)'
}

@test "the live day: events through fsd-event, fsd-status, fsd-route --now, fsd-notify" {
	start_smtp
	# the morning plan, each job with its customer
	jq -c '.customer = {"name": ("Customer of " + .id), "phone": "+1303555\(.seq)\(.tech[2:])", "email": "\(.id | ascii_downcase)@example.com"}
		| .site.address = ("Site of " + .id)' "$FIXTURES/status/plan.ndjson" > plan.ndjson
	fsd-event --log day.events --by sms J1003 en_route --tech T01 --at 2026-11-23T07:55:00-07:00 > /dev/null
	fsd-event --log day.events --by sms J1003 on_site --tech T01 --at 2026-11-23T08:16:00-07:00 > /dev/null
	fsd-event --log day.events --by sms J1003 completed --tech T01 --at 2026-11-23T09:46:00-07:00 > /dev/null
	fsd-event --log day.events --by sms J1002 en_route --tech T01 --at 2026-11-23T09:47:00-07:00 > /dev/null
	fsd-event --log day.events --by sms R1 on_site --tech T03 --at 2026-11-23T08:04:00-07:00 > /dev/null
	fsd-event --log day.events --verify > /dev/null
	fsd-status --events day.events plan.ndjson > folded.ndjson
	fsd-route --techs "$FIXTURES/route/techs.ndjson" --keep-techs --now 2026-11-23T09:50:00-07:00 folded.ndjson > replan.ndjson
	NOW=2026-11-23T09:50:00-07:00 run notify replan.ndjson
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	assert_eq "$(out_jq -r '"\(.job) \(.message) \(.channel) \(.status)"' | sort | tr '\n' ',')" \
		'J1001 eta sms sent,J1002 on_the_way sms sent,J1003 done email sent,J1010 eta sms sent,R1 arrived sms sent,R2 alert email sent,R2 alert sms sent,R2 apology sms sent,'
	mail_part 1 body | grep -q 'The work at Site of J1003 is done'
	grep -q 'arrives around' sms/*.body
	NOW=2026-11-23T09:55:00-07:00 run notify replan.ndjson
	assert_eq "$output" ""
}
