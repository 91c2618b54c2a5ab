#!/bin/sh
# Make sure what fsd needs is here. Missing pieces are installed with
# apt-get when we run as root, or named with the exact command otherwise.
#   share/deps.sh build   compiler, pkg-config and the libraries
#   share/deps.sh demo    also jq, which the demo's summaries use, and
#                         exiftool, which writes the demo's photos' EXIF
#   share/deps.sh check   also what the test suite runs (bats, jq, groff,
#                         exiftool, msmtp and python3 for the mail test,
#                         python3-icalendar, chromium, python3-pil,
#                         clang and libFuzzer)
set -u
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

have_cmd cc || need="$need gcc"
have_cmd make || need="$need make"
have_cmd pkg-config || need="$need pkg-config"
have_pc jansson || need="$need libjansson-dev"
have_pc libical || need="$need libical-dev"
have_pc libcrypto || need="$need libssl-dev"
have_pc libexif || need="$need libexif-dev"
[ -f /usr/include/csv.h ] || need="$need libcsv-dev"
have_pc libcurl || need="$need libcurl4-openssl-dev"
case ${1:-build} in
demo)
	have_cmd jq || need="$need jq"
	have_cmd exiftool || need="$need libimage-exiftool-perl" ;;
check)
	have_cmd bats || need="$need bats"
	have_cmd jq || need="$need jq"
	have_cmd exiftool || need="$need libimage-exiftool-perl"
	have_cmd man || need="$need man-db"
	# Time zone tests read the system's tz database.
	[ -f /usr/share/zoneinfo/America/Denver ] || need="$need tzdata"
	# fsd-notify's tests send mail through msmtp to a python3 SMTP server;
	# fsd-geocode's start a python3 geocoding server.
	have_cmd msmtp || need="$need msmtp"
	[ -x /usr/bin/python3 ] || need="$need python3"
	# the second iCalendar reader of tests/fsd-ical.bats (Debian's python3)
	/usr/bin/python3 -c 'import icalendar' 2>/dev/null || need="$need python3-icalendar"
	# fsd-board's page rendered by a real browser, its screenshot checked
	have_cmd chromium || need="$need chromium"
	/usr/bin/python3 -c 'import PIL' 2>/dev/null || need="$need python3-pil"
	# libFuzzer (make check's short fuzzing run, make fuzz).
	have_cmd clang || need="$need clang"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 \
		|| need="$need libclang-rt-dev" ;;
esac
[ -z "$need" ] && exit 0

cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
	echo "fsd: installing build dependencies:$need" >&2
	# An apt cache that was never filled (a fresh container) needs an update first.
	apt-get update -qq >/dev/null 2>&1 || true
	DEBIAN_FRONTEND=noninteractive $cmd >/dev/null || {
		echo "fsd: could not install:$need" >&2
		exit 1
	}
	exit 0
fi
echo "fsd: missing:$need" >&2
echo "fsd: install them with:  sudo $cmd" >&2
exit 1
