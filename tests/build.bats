#!/usr/bin/env bats
# The build: objects depend on the headers they include (-MMD -MP), so
# touching an engine's header recompiles that engine and the tools that
# use it, never the shared library or another engine.
load helper

@test "touching one engine's header recompiles only that engine and its tool" {
	# relative, as the dependency files name their objects
	local build=${FSD_BIN%/bin} n=0 h engine objects stray users
	build=${build#"$TOP"/}
	for h in "$TOP"/common/*/*.h; do
		h=${h#"$TOP"/}
		engine=${h#common/}
		engine=${engine%%/*}
		objects=$(make -s -n -C "$TOP" B="$build" -W "$h" all | grep -o ' -o [^ ]*\.o' | sed 's/^ -o //')
		# engines that build on this one (fsd-status's folding reads
		# fsd-event's records) recompile too; nothing else does
		users=$(grep -l "#include \"$engine/" "$TOP"/common/*/*.[ch] | sed 's|.*/common/\([^/]*\)/.*|/obj/common/\1/|' | sort -u)
		stray=$(printf '%s\n' "$objects" | grep -v -e "/obj/common/$engine/" -e '/obj/cmd/fsd-[a-z]*\.o$' \
			$(printf -- '-e %s ' $users) || true)
		[ -z "$stray" ] || { echo "$h recompiles $stray"; return 1; }
		[[ $objects == *cmd/fsd-* ]] || [[ $objects == *"/obj/common/$engine/"* ]] \
			|| { echo "$h recompiles nothing"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -gt 20 ]
}

@test "touching a shared header recompiles the engines that use it" {
	local build=${FSD_BIN%/bin}
	build=${build#"$TOP"/}
	run make -s -n -C "$TOP" B="$build" -W common/sidefile.h all
	assert_output_has "obj/common/sidefile.o"
	assert_output_has "obj/common/invoice/records_ratecard.o"
}

@test "sources say FSD_EXIT_DATA, not 1, and guard headers as FSD_*_H" {
	cd "$TOP"
	run grep -rn -e 'fsd_die(1,' -e 'fsd_die_at(1,' cmd common --include='*.c'
	[ -z "$output" ] || { echo "$output"; return 1; }
	run sh -c "grep -h '^#ifndef' common/*.h common/*/*.h | grep -v '^#ifndef FSD\(_[A-Z0-9_]*\)\{0,1\}_H\$'"
	[ -z "$output" ] || { echo "$output"; return 1; }
}

# The layout's one rule (HACKING.md, Layout): inside an engine's folder,
# only files named records* read or write JSON; the rest of an engine is
# plain C over its own structs, which may carry a record as an opaque
# json_t * but never look inside it. common/'s top and common/csv/ are
# the shared library's records layer, not an engine.
@test "inside an engine, only files named records* read or write JSON" {
	cd "$TOP"
	local json='\b(json_[a-z_]+|fsd_field_[a-z_]+|fsd_emit|fsd_load_records|fsd_read_record[a-z_]*|fsd_scan_[a-z_]+|fsd_parse_record_line|fsd_set_exception|fsd_side_[a-z_]+|fsd_keys_read|fsd_buf_key|fsd_buf_string|fsd_buf_json)[[:space:]]*\('
	local f bad= n=0
	for f in common/*/*.[ch]; do
		case $f in common/csv/*) continue ;; esac
		case ${f##*/} in records*) n=$((n + 1)); continue ;; esac
		if grep -qE "$json" "$f"; then
			bad="$bad $f:$(grep -nE "$json" "$f" | head -1)"
		fi
	done
	[ -z "$bad" ] || { printf '%s\n' $bad; return 1; }
	# and the rule is not empty: the engines do have records layers
	[ "$n" -gt 20 ]
}
