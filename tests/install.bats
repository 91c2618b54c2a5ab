#!/usr/bin/env bats
# make install and uninstall, into a DESTDIR, with a PREFIX.

load helper

setup() {
	BUILD=${FSD_BIN%/bin}
	DEST=$BATS_TEST_TMPDIR/dest
}

@test "make install puts programs, man pages and completions under DESTDIR/PREFIX" {
	run make -s -C "$TOP" install B="$BUILD" DESTDIR="$DEST" PREFIX=/opt/fsd
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	for t in fsd $(fsd_tools); do
		[ -x "$DEST/opt/fsd/bin/$t" ] || { echo "no $t"; return 1; }
		[ -f "$DEST/opt/fsd/share/man/man1/$t.1" ] || { echo "no $t.1"; return 1; }
		[ -f "$DEST/opt/fsd/share/fish/vendor_completions.d/$t.fish" ] || return 1
	done
	[ -f "$DEST/opt/fsd/share/man/man5/fsd.5" ]
	[ -f "$DEST/opt/fsd/share/bash-completion/completions/fsd" ]
	[ -f "$DEST/opt/fsd/share/zsh/site-functions/_fsd" ]
	for m in quickbooks-invoices google-calendar fsm-jobs; do
		[ -f "$DEST/opt/fsd/share/fsd/maps/$m.map" ] || { echo "no $m.map"; return 1; }
	done
	for f in techs.csv jobs.csv rules.json ratecard.json; do
		[ -f "$DEST/opt/fsd/share/fsd/examples/$f" ] || { echo "no example $f"; return 1; }
	done
	run "$DEST/opt/fsd/bin/fsd" match --version
	[ "$status" -eq 0 ]
	[[ $output == "fsd-match "* ]]
	# fsd-notify finds the templates installed beside it
	[ -f "$DEST/opt/fsd/share/fsd/templates/on_the_way.sms.txt" ]
	run "$DEST/opt/fsd/bin/fsd-notify" --dry-run <<< '{"id":"J1","status":"in_progress","customer":{"phone":"+1"},"site":{"address":"1 Main St"}}'
	[ "$status" -eq 0 ] && [[ $output == *'"body":"Your service team: your technician has arrived at 1 Main St."'* ]] || { echo "$output"; return 1; }
}

@test "make uninstall removes what install put there" {
	make -s -C "$TOP" install B="$BUILD" DESTDIR="$DEST" PREFIX=/usr
	make -s -C "$TOP" uninstall B="$BUILD" DESTDIR="$DEST" PREFIX=/usr
	run find "$DEST" -type f
	[ -z "$output" ] || { echo "left: $output"; return 1; }
	run find "$DEST" -type l
	[ -z "$output" ] || { echo "left: $output"; return 1; }
}

@test "the installed maps and examples work from any directory" {
	make -s -C "$TOP" install B="$BUILD" DESTDIR="$DEST" PREFIX=/opt/fsd
	share=$DEST/opt/fsd/share/fsd
	cd "$BATS_TEST_TMPDIR"
	run bash -c "'$DEST/opt/fsd/bin/fsd-import' '$share/examples/techs.csv' | wc -l"
	assert_eq "$output" 25
	run bash -c "'$DEST/opt/fsd/bin/fsd-export' --map '$share/maps/quickbooks-invoices.map' '$FIXTURES/office/invoice.ndjson' | wc -l"
	assert_eq "$output" 3
}
