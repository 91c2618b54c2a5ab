#!/bin/sh
# Make a small JPEG photo with the EXIF a phone writes, for the tests and
# the demo (exiftool, from libimage-exiftool-perl, writes the EXIF):
#   photo.sh [--args] OUT.jpg [LOCALTIME [OFFSET [LAT LON]]]
# LOCALTIME is the camera's clock, 2026-11-23T09:10:00; OFFSET its UTC
# offset, -07:00, or "none" for a camera that writes none; LAT LON in
# decimal degrees. With no LOCALTIME the photo has no EXIF at all. The
# picture is an 8x8 grey square, a baseline JPEG written byte by byte;
# the path it is written to goes into its description, so no two photos
# written to different places are the same file. With --args the EXIF is
# not written: exiftool's arguments for it are printed, one a line, ending
# with -execute, so that many photos take one exiftool run (exiftool -@).
set -eu
print_args=
if [ "$1" = --args ]; then
	print_args=1
	shift
fi
out=$1
# SOI; DQT of ones; SOF0 8x8, one component; DHT: DC and AC tables of one
# one-bit code each (category 0, end of block); SOS; one block of bits
# 00 padded with ones; EOI.
printf '\377\330\377\333\000\103\000' > "$out"
i=0
while [ $i -lt 64 ]; do printf '\001' >> "$out"; i=$((i + 1)); done
printf '\377\300\000\013\010\000\010\000\010\001\001\021\000' >> "$out"
printf '\377\304\000\024\000\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >> "$out"
printf '\377\304\000\024\020\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >> "$out"
printf '\377\332\000\010\001\001\000\000\077\000\077\377\331' >> "$out"
[ $# -ge 2 ] || exit 0
local_time=$2 offset=${3:-none} lat=${4:-} lon=${5:-}
set -- -q -overwrite_original "-ImageDescription=$out" \
	"-DateTimeOriginal=$(printf '%s' "$local_time" | sed 's/-/:/; s/-/:/; s/T/ /')"
[ "$offset" = none ] || set -- "$@" "-OffsetTimeOriginal=$offset"
if [ -n "$lon" ]; then
	latref=N lonref=E
	case $lat in -*) latref=S lat=${lat#-} ;; esac
	case $lon in -*) lonref=W lon=${lon#-} ;; esac
	set -- "$@" "-GPSLatitude=$lat" "-GPSLatitudeRef=$latref" \
		"-GPSLongitude=$lon" "-GPSLongitudeRef=$lonref"
fi
if [ -n "$print_args" ]; then
	printf '%s\n' "$@" "$out" -execute
else
	exiftool "$@" "$out"
fi
