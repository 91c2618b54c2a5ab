#!/usr/bin/env bats
# fsd-report: every figure checked against the same figure computed
# apart, by jq (tests/fixtures/views/kpi.jq), on a small span of two
# days: a plan, its status events, invoices and payments.
load helper

F=$FIXTURES/views

# The figures kpi.jq computes, as the records' fields.
FIELDS='jobs_planned, jobs_done, hours_worked, drive_min, drive_km, arrivals_timed, on_time,
	sla_jobs, sla_met, first_time_fix_rate, invoiced, days_to_invoice, invoices_paid, revenue, utilization'

expected() {
	jq -n -c --slurpfile plan "$F/report-plan.ndjson" --slurpfile events "$F/report-events.ndjson" \
		--slurpfile invoices "$F/report-invoices.ndjson" --slurpfile payments "$F/report-payments.ndjson" \
		--slurpfile techs "$F/techs.ndjson" -f "$F/kpi.jq" \
	| jq -c "select(.scope == \"$1\") | {scope, tech, day, $FIELDS}" | sort
}

report() {
	fsd-report --techs "$F/techs.ndjson" --events "$F/report-events.ndjson" \
		--invoices "$F/report-invoices.ndjson" --payments "$F/report-payments.ndjson" "$@"
}

@test "the totals: every figure as computed apart" {
	run report "$F/report-plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq "select(.scope == \"total\") | {scope, tech, day, $FIELDS}")" "$(expected total)"
}

@test "each tech and day: every figure as computed apart" {
	run report "$F/report-plan.ndjson"
	[ "$status" -eq 0 ]
	# T3 was on shift with no job: a row of its own, 0% utilized (kpi.jq
	# has no job to group it by, so it is checked here)
	assert_eq "$(out_jq 'select(.scope == "tech_day" and .tech == "T3") | [.day, .jobs_planned, .utilization]')" \
		'["2026-11-23",0,0]'
	assert_eq "$(out_jq "select(.scope == \"tech_day\" and .tech != \"T3\") | {scope, tech, day, $FIELDS}" | sort)" \
		"$(expected tech_day)"
}

@test "the figures by hand, for the reader: on time, SLA, first-time fix, paid" {
	run report "$F/report-plan.ndjson"
	# J1 arrived 08:25 in 08:00-09:00, J2 10:50 after 09:45-10:45, J3
	# 09:20 in 08:45-09:45 but after its sla_due 09:15, J4 11:05 in
	# 10:45-11:45, J9 on time, J10 09:50 after 09:45: 4 of 6 on time.
	# J2 has a return visit (J9, same asset A-77): 4 of 5 fixed first time.
	# INV-J1 paid whole, INV-J3 in part, INV-J9's card failed: 1 paid.
	assert_eq "$(out_jq 'select(.scope == "total") | [.on_time_rate, .sla_rate, .first_time_fix_rate, .invoices_paid, .revenue_per_tech, .currency]')" \
		'[0.667,0.5,0.8,1,33000,"USD"]'
}

@test "the tech and day rows add up to the totals" {
	run report "$F/report-plan.ndjson"
	assert_eq "$(out_jq -s '[.[] | select(.scope == "tech_day")] | [(map(.jobs_done) | add), (map(.revenue) | add), (map(.drive_km) | add)]')" \
		"$(out_jq -s '.[] | select(.scope == "total") | [.jobs_done, .revenue, .drive_km]')"
	assert_eq "$(out_jq -s '[.[] | select(.scope == "tech")] | map(.jobs_done) | add')" 5
	assert_eq "$(out_jq -s '[.[] | select(.scope == "day")] | map([.day, .jobs_done])')" '[["2026-11-23",3],["2026-11-25",2]]'
}

@test "through fsd-status: the same figures from jobs with arrival and completion folded in" {
	fsd-status --events "$F/report-events.ndjson" "$F/report-plan.ndjson" > "$BATS_TEST_TMPDIR/jobs.ndjson" 2>/dev/null || true
	run fsd-report --techs "$F/techs.ndjson" --invoices "$F/report-invoices.ndjson" \
		--payments "$F/report-payments.ndjson" "$BATS_TEST_TMPDIR/jobs.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.scope == "total") | [.jobs_done, .on_time, .arrivals_timed, .sla_met, .hours_worked]')" \
		"$(report "$F/report-plan.ndjson" | jq -c 'select(.scope == "total") | [.jobs_done, .on_time, .arrivals_timed, .sla_met, .hours_worked]')"
}

@test "a plan and the same jobs closed later: each job counted once" {
	run report "$F/report-plan.ndjson" "$F/report-plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq 'select(.scope == "total") | .jobs_planned')" 7
}

@test "no events, invoices or techs: what can be counted is, the rest is null" {
	run fsd-report "$F/plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "$(out_jq -c 'select(.scope == "total") | [.jobs_planned, .jobs_done, .utilization, .on_time_rate, .first_time_fix_rate, .currency]')" \
		'[5,0,null,null,null,null]'
}

@test "--table: a row a tech and day, then techs, days and the total" {
	run report --table "$F/report-plan.ndjson"
	[ "$status" -eq 0 ]
	assert_eq "${lines[0]}" 'tech       day        planned done  hours  drive     km min/job  util on-time   sla   ftf  inv  days paid      revenue'
	assert_eq "${lines[1]}" 'T1         2026-11-23       3    2   2.00     70   40.0    23.3   31%     50%  100%   50%    1   0.0    1       150.00'
	assert_eq "${lines[${#lines[@]}-1]}" 'all        all              7    5   5.08    140   77.0    20.0   25%     67%   50%   80%    3   1.0    1       660.00'
}

@test "--html: one page, a bar a tech in each chart, the figures' table" {
	run report --html "$F/report-plan.ndjson"
	[ "$status" -eq 0 ]
	[[ $output == '<!doctype html>'* && $output != *"<script"* ]]
	[ "$(grep -o '<figure>' <<<"$output" | wc -l)" -eq 5 ]
	[ "$(grep -o '<g data-tech="T1">' <<<"$output" | wc -l)" -eq 5 ]
	assert_output_has '<li><b>5</b> jobs done</li>'
	assert_output_has '<tr class="kpi-total"><td>all techs</td><td>all days</td>'
}

@test "--ftf-days: a return visit after the window does not count" {
	run report --ftf-days 1 "$F/report-plan.ndjson"
	assert_eq "$(out_jq 'select(.scope == "total") | .first_time_fix_rate')" 1
	run report --ftf-days 0x "$F/report-plan.ndjson"
	[ "$status" -eq 2 ]
}

@test "a record of another kind in --payments is reported at its line" {
	printf '%s\n' '{"invoice":"INV-J1","amount":1}' > "$BATS_TEST_TMPDIR/pay.ndjson"
	run fsd-report --payments "$BATS_TEST_TMPDIR/pay.ndjson" "$F/plan.ndjson"
	[ "$status" -eq 1 ]
	assert_output_has 'pay.ndjson:1: not a "payment" record'
}

@test "usage: --table or --html, not both" {
	run fsd-report --table --html
	[ "$status" -eq 2 ]
}

@test "no jobs: no rows, and a clean exit" {
	run fsd-report < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}
