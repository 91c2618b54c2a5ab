# Shared by every tests/*.bats file: load it with `load helper`.
# FSD_BIN picks the build under test (tests/run sets it for the plain
# and the sanitized build); fixtures live in tests/fixtures.
TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FSD_BIN=${FSD_BIN:-$TOP/build/bin}
FIXTURES=$TOP/tests/fixtures
EXAMPLES=$TOP/share/examples
PATH=$FSD_BIN:$PATH
export TOP FSD_BIN FIXTURES EXAMPLES PATH

# Every tool that exists in this build.
fsd_tools() {
	for f in "$FSD_BIN"/fsd-*; do [ -x "$f" ] && echo "${f##*/}"; done
}

# jq over the output of the last `run`: `out_jq '.tech'` prints the value.
out_jq() {
	printf '%s\n' "$output" | jq -c "$@"
}

# Fail with a readable message unless $1 == $2.
assert_eq() {
	if [ "$1" != "$2" ]; then
		printf 'expected: %s\n     got: %s\n' "$2" "$1" >&2
		return 1
	fi
}

# Fail unless the last run's output contains $1.
assert_output_has() {
	case $output in
	*"$1"*) ;;
	*) printf 'output lacks: %s\noutput was:\n%s\n' "$1" "$output" >&2; return 1 ;;
	esac
}
