#!/usr/bin/env bats
# Meta-tests: what every tool promises, checked over every tool there is
# (git's t0012-help and jq's tested manual). A tool that needs arguments
# for a minimal run lists them in tests/fixtures/meta/TOOL.args.

load helper

# The arguments a tool needs for a minimal run.
meta_args() {
	local f=$FIXTURES/meta/$1.args
	[ -f "$f" ] && cat "$f"
}

# Records for a run that puts a tool's options to work, when it has
# them (tests/fixtures/meta/TOOL.input), else nothing.
meta_input() {
	local f=$FIXTURES/meta/$1.input
	if [ -f "$f" ]; then echo "$f"; else echo /dev/null; fi
}

# The usage string: what follows the name on --help's first line.
usage_of() {
	"$1" --help | head -n 1 | sed "s/^usage: $1 //"
}

# The SYNOPSIS of a man page as plain text: macros and escapes dropped.
synopsis_of() {
	sed -n '/^\.SH SYNOPSIS/,/^\.SH/p' "$1" | sed '1d;$d' \
	| sed -e 's/^\.[A-Z][A-Z]* //' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' \
	| tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//'
}

# Tools that read NDJSON records carry the shared record options.
is_record_tool() {
	"$1" --list-options | awk -F'\t' '$1 == "--rejects" && $5 == "record" { found = 1 } END { exit !found }'
}

@test "there are tools to test" {
	[ -n "$(fsd_tools)" ]
}

@test "every tool: --help exits 0 and starts with its usage line" {
	for t in fsd $(fsd_tools); do
		run "$t" --help
		[ "$status" -eq 0 ] || { echo "$t --help: exit $status"; return 1; }
		[[ ${lines[0]} == "usage: $t "* ]] || { echo "$t: ${lines[0]}"; return 1; }
	done
}

@test "every tool: --version names the tool and the version" {
	for t in fsd $(fsd_tools); do
		run "$t" --version
		[ "$status" -eq 0 ] && [[ $output =~ ^$t\ [0-9]+\.[0-9]+ ]] \
			|| { echo "$t --version: $output"; return 1; }
	done
}

@test "every tool: an unknown option is a usage error (exit 2) naming it" {
	for t in fsd $(fsd_tools); do
		run "$t" --no-such-option
		[ "$status" -eq 2 ] || { echo "$t: exit $status"; return 1; }
		[[ $output == *"unknown option '--no-such-option'"* ]] || { echo "$t: $output"; return 1; }
	done
}

@test "every tool: an option missing its argument is a usage error" {
	for t in $(fsd_tools); do
		opt=$("$t" --list-options | awk -F'\t' '$3 != "" { print $1; exit }')
		[ -n "$opt" ] || continue
		run "$t" "$opt"
		[ "$status" -eq 2 ] || { echo "$t $opt: exit $status"; return 1; }
	done
}

@test "every tool has a man page whose SYNOPSIS is its usage line" {
	for t in fsd $(fsd_tools); do
		page=$TOP/share/man/$t.1
		[ -f "$page" ] || { echo "no page for $t"; return 1; }
		assert_eq "$(synopsis_of "$page")" "$t $(usage_of "$t")" || { echo "in $page"; return 1; }
	done
}

@test "every option of every tool is in its man page" {
	for t in fsd $(fsd_tools); do
		page=$TOP/share/man/$t.1
		for opt in $("$t" --list-options | cut -f1); do
			grep -q -- "${opt//-/\\\\-}" "$page" || { echo "$page lacks $opt"; return 1; }
		done
	done
}

@test "every man page renders without warnings (but for line breaks, a matter of width)" {
	command -v groff >/dev/null || skip "groff is not installed"
	for page in "$TOP"/share/man/*.[15]; do
		run sh -c "groff -man -Tutf8 -ww -Wbreak -z '$page' 2>&1"
		[ -z "$output" ] || { echo "$page: $output"; return 1; }
	done
}

@test "every man page's EXAMPLES run and print what the page says" {
	for t in fsd $(fsd_tools); do
		"$TOP"/tests/man-examples "$TOP/share/man/$t.1" || { echo "in $t.1"; return 1; }
	done
}

@test "every record tool: broken JSON on line 2 is reported as stdin:2:col and exits non-zero" {
	cd "$TOP"
	for t in $(fsd_tools); do
		is_record_tool "$t" || continue
		run bash -c "printf '{\"id\":\"m1\"}\n{\"id\": oops}\n{\"id\":\"m3\"}\n' | $t $(meta_args "$t") 2>&1 >/dev/null"
		[ "$status" -ne 0 ] || { echo "$t: exit 0"; return 1; }
		[[ $output =~ "$t: stdin:2:"[0-9]+": " ]] || { echo "$t: $output"; return 1; }
	done
}

@test "every record tool: a line holding a NUL byte is refused, even right after a number (jansson takes it)" {
	cd "$TOP"
	for t in $(fsd_tools); do
		is_record_tool "$t" || continue
		run bash -c "printf '{\"id\":\"m1\",\"n\":12\\0}\n' | $t $(meta_args "$t") 2>&1 >/dev/null"
		[ "$status" -ne 0 ] || { echo "$t: exit 0"; return 1; }
		[[ $output == *"$t: stdin:1:18: a NUL byte is not allowed in a record"* ]] || { echo "$t: $output"; return 1; }
	done
}

@test "every record tool: a named file's errors carry its name" {
	cd "$TOP"
	printf '{"id":"m1"}\n\n[1]\n' > "$BATS_TEST_TMPDIR/in.ndjson"
	for t in $(fsd_tools); do
		is_record_tool "$t" || continue
		run bash -c "$t $(meta_args "$t") '$BATS_TEST_TMPDIR/in.ndjson' 2>&1 >/dev/null"
		[ "$status" -ne 0 ] || { echo "$t: exit 0"; return 1; }
		[[ $output == *"in.ndjson:3:1: a record must be a JSON object, not an array"* ]] \
			|| { echo "$t: $output"; return 1; }
	done
}

@test "every record tool: --rejects keeps the bad lines as they were" {
	cd "$TOP"
	for t in $(fsd_tools); do
		is_record_tool "$t" || continue
		rm -f "$BATS_TEST_TMPDIR/rejects"
		printf '{"id":"m1"}\n{"id": oops}\n\xef\xbb\xbfnot json\n' \
		| "$t" $(meta_args "$t") --rejects "$BATS_TEST_TMPDIR/rejects" >/dev/null 2>&1 || true
		assert_eq "$(cat "$BATS_TEST_TMPDIR/rejects")" $'{"id": oops}\n\xef\xbb\xbfnot json' \
			|| { echo "$t"; return 1; }
	done
}

@test "every record tool: --strict stops at the first bad line with exit 1" {
	cd "$TOP"
	for t in $(fsd_tools); do
		is_record_tool "$t" || continue
		run bash -c "printf '{\"id\": oops}\n{\"id\": oops}\n' | $t $(meta_args "$t") --strict 2>&1 >/dev/null"
		[ "$status" -eq 1 ] || { echo "$t: exit $status"; return 1; }
		[[ $output == *"stdin:1:"* && $output != *"stdin:2:"* ]] || { echo "$t: $output"; return 1; }
	done
}

@test "fsd lists every tool with its summary" {
	run fsd
	[ "$status" -eq 0 ]
	for t in $(fsd_tools); do
		summary=$("$t" --describe)
		assert_output_has "${t#fsd-}" && assert_output_has "$summary" || return 1
	done
}

@test "fsd X runs fsd-X with its arguments" {
	for t in $(fsd_tools); do
		run fsd "${t#fsd-}" --version
		[ "$status" -eq 0 ] && [[ $output == "$t "* ]] || { echo "fsd ${t#fsd-}: $output"; return 1; }
	done
}

@test "fsd with an unknown tool is a usage error" {
	run fsd no-such-tool
	[ "$status" -eq 2 ]
	assert_output_has "'no-such-tool' is not an fsd tool"
}

@test "completions are generated from the current option tables" {
	COMPLETIONS_DIR=$BATS_TEST_TMPDIR/c sh "$TOP/share/gen-completions" "$FSD_BIN" $(fsd_tools)
	for f in fsd.bash _fsd fsd.fish; do
		diff -u "$TOP/completions/$f" "$BATS_TEST_TMPDIR/c/$f" \
			|| { echo "completions/$f is stale: run make completions"; return 1; }
	done
}

@test "bash completion offers a tool's options and files after a FILE option" {
	source "$TOP/completions/fsd.bash"
	cd "$TOP"
	for t in $(fsd_tools); do
		COMP_WORDS=("$t" --); COMP_CWORD=1; _fsd_complete
		[[ " ${COMPREPLY[*]} " == *" --help "* ]] || { echo "$t: ${COMPREPLY[*]}"; return 1; }
		file_opt=$("$t" --list-options | awk -F'\t' '$3 == "FILE" { print $1; exit }')
		[ -n "$file_opt" ] || continue
		COMP_WORDS=("$t" "$file_opt" READ); COMP_CWORD=2; _fsd_complete
		assert_eq "${COMPREPLY[*]}" "README.md" || { echo "$t $file_opt"; return 1; }
	done
	COMP_WORDS=(fsd ""); COMP_CWORD=1; _fsd_complete
	[ "${#COMPREPLY[@]}" -eq "$(fsd_tools | wc -l)" ]
	COMP_WORDS=(fsd match --); COMP_CWORD=2; _fsd_complete
	[[ " ${COMPREPLY[*]} " == *" --techs "* ]]
}

@test "zsh and fish completions parse" {
	if command -v zsh >/dev/null; then zsh -n "$TOP/completions/_fsd"; fi
	if command -v fish >/dev/null; then fish --no-execute "$TOP/completions/fsd.fish"; fi
}

@test "the record vocabulary page names every field the tools share" {
	page=$TOP/share/man/fsd.5
	for field in id name skills home shift off territory stock capacity phone email \
		type priority customer site duration window sla_due parts preferred_tech \
		required_tech excluded_techs tech locked demand status exception currency; do
		grep -q "^\.B $field\$\|^\.BR $field " "$page" || { echo "fsd.5 lacks $field"; return 1; }
	done
}

@test "the README lists every tool, and its first two commands are the setup" {
	for t in $(fsd_tools); do
		grep -q "^| \`$t\` |" "$TOP/README.md" || { echo "README lacks $t"; return 1; }
	done
	run sed -n '3,4p' "$TOP/README.md"
	[[ ${lines[0]} == *"apt-get install"*"make gcc"*"pkg-config"*"&& make demo" ]]
	[[ ${lines[1]} == "    make check" ]]
}

@test "every typed option: the default --help gives is what the tool does without it" {
	cd "$TOP"
	local n=0 t args input plain given opt def
	for t in $(fsd_tools); do
		args=$(meta_args "$t" || true)
		input=$(meta_input "$t")
		plain=$("$t" $args <"$input" 2>&1)
		while IFS=$'\t' read -r opt def; do
			# an option the minimal run sets already is not at its default
			case " $args " in *" $opt "*) continue ;; esac
			given=$("$t" $args "$opt" "$def" <"$input" 2>&1)
			[ "$given" = "$plain" ] || { echo "$t $opt $def differs from no $opt"; return 1; }
			n=$((n + 1))
		done < <("$t" --list-options | sed -n 's/^\(--[^	]*\)	.*(default \([^)]*\))	.*$/\1	\2/p')
	done
	[ "$n" -ge 10 ] || { echo "only $n options with a default"; return 1; }
}

@test "every --now: one parser, one message" {
	cd "$TOP"
	local n=0 t
	for t in $(fsd_tools); do
		"$t" --list-options | grep -q '^--now'$'\t' || continue
		run "$t" $(meta_args "$t") --now noon </dev/null
		[ "$status" -eq 2 ] || { echo "$t: exit $status"; return 1; }
		assert_output_has "$t: option '--now': \"noon\" is not an RFC 3339 time like 2026-11-23T08:00:00-07:00" || return 1
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
}
