#!/bin/sh
# Demo: the day's completed jobs are closed against their job type's form
# before they are billed. Reads share/examples/completed.csv (the jobs),
# closeout.csv (what the form app captured: answers, photo paths,
# signatures), forms.json and media.csv (the phones' camera rolls: each
# photo's EXIF time and place, made here with exiftool; signature
# strokes). Writes the photos under $OUT/media, the closed jobs to
# $OUT/closed.ndjson (which 60-invoice bills), the equipment with its
# readings to $OUT/assets.ndjson and the pictures used to
# $OUT/evidence.ndjson.
set -eu
echo "== fsd-close: the sample day's completed jobs, checked against their forms"
fsd-import "$EXAMPLES/completed.csv" > "$OUT/completed.ndjson"
fsd-import "$EXAMPLES/closeout.csv" > "$OUT/closeout.ndjson"
media=$OUT/media
# Every photo's EXIF in one exiftool run: one a photo takes a second.
: > "$OUT/exif.args"
tail -n +2 "$EXAMPLES/media.csv" | while IFS=, read -r path taken offset lat lon; do
	mkdir -p "$media/${path%/*}"
	case $path in
	*.svg)
		printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><title>%s</title>' "$path" > "$media/$path"
		printf '<path d="M10 40 C 40 5, 60 70, 90 30 S 150 10, 190 40" fill="none" stroke="#000"/></svg>\n' >> "$media/$path" ;;
	*)
		if [ -n "$taken" ]; then
			sh "$EXAMPLES/gen/photo.sh" --args "$media/$path" "$taken" "$offset" "$lat" "$lon" >> "$OUT/exif.args"
		else
			sh "$EXAMPLES/gen/photo.sh" "$media/$path"
		fi ;;
	esac
done
exiftool -@ "$OUT/exif.args" > /dev/null
rm "$OUT/exif.args"
echo "$(find "$media" -name '*.jpg' | wc -l) photos and $(find "$media" -name '*.svg' | wc -l) signatures from the techs' phones"
fsd-close --forms "$EXAMPLES/forms.json" --rates "$EXAMPLES/ratecard.json" \
	--capture "$OUT/closeout.ndjson" --media "$media" \
	--assets "$OUT/assets.ndjson" --evidence "$OUT/evidence.ndjson" \
	"$OUT/completed.ndjson" > "$OUT/closed.ndjson" 2> "$OUT/close.log" || true
tail -n 1 "$OUT/close.log" | sed 's/^fsd-close: //'
echo "proof missing (not billed until it is mended):"
jq -r 'select(.exception.code == "proof_missing") | "  \(.id) \(.type): \(.exception.message)"' "$OUT/closed.ndjson"
echo "findings on closed jobs (on their invoices):"
jq -r 'select(.closed) | .id as $id | .findings[]? | "  \($id): \(.message)"' "$OUT/closed.ndjson"
echo "$(wc -l < "$OUT/assets.ndjson") pieces of equipment with their readings in $OUT/assets.ndjson"
