# fsd -- field-service dispatch as Unix filters.
# Lists drive everything: every cmd/fsd-*.c is a tool, every common/**.c is
# in libfsd.a that all tools link, every tests/unit/test_*.c is a unit test.

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
DATADIR = $(PREFIX)/share/fsd
# fsd-notify finds its templates here, beside bin/ (../share/fsd/templates).
TEMPLATEDIR = $(DATADIR)/templates

# B is the build directory; `make B=build/asan SAN=...` builds a sanitized copy.
B ?= build
CC ?= cc
CFLAGS ?= -O2 -g
SAN ?=
PKGS = jansson libical libcrypto libcurl libexif

# Recursive (=) so pkg-config runs after the deps step has installed it.
# Tables (options, rules) leave trailing fields out on purpose, so the one
# -Wextra warning about that is off.
FSD_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wno-missing-field-initializers -Icommon \
	-DFSD_VERSION='"$(VERSION)"' $(shell pkg-config --cflags $(PKGS)) $(CFLAGS) $(SAN)
FSD_LDLIBS = $(shell pkg-config --libs $(PKGS)) -lcsv -lm

TOOLS = $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/fsd-*.c)))
PROGS = fsd $(TOOLS)
COMMON_SRC = $(sort $(wildcard common/*.c common/*/*.c))
COMMON_OBJ = $(COMMON_SRC:%.c=$(B)/obj/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
MAN1 = $(sort $(wildcard share/man/*.1))
MAN5 = $(sort $(wildcard share/man/*.5))
# Installed for people to start from: column maps and the sample day
# (its generator is for the tree only).
MAPS = $(sort $(wildcard share/maps/*.map))
EXAMPLE_FILES = $(sort $(filter-out share/examples/gen share/examples/office, $(wildcard share/examples/*)))
OFFICE_FILES = $(sort $(wildcard share/examples/office/*))
TEMPLATES = $(sort $(wildcard share/templates/*.txt))
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

all: $(PROGS:%=$(B)/bin/%)

# A missing build dependency is installed (root) or named (others) first.
$(B)/.deps: share/deps.sh
	@sh share/deps.sh build
	@mkdir -p $(@D) && touch $@

# Each object depends on the headers it includes, as the compiler found
# them (-MMD; -MP so a header deleted is no error): touching one engine's
# header recompiles that engine and its tool, not everything. An object
# without its .d (built before, or the .d lost) is built again to get one
# (Paul Smith's "Auto-Dependency Generation").
$(B)/obj/%.o: %.c $(B)/obj/%.d | $(B)/.deps
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) -MMD -MP -c -o $@ $<

DEPS = $(COMMON_OBJ:.o=.d) $(PROGS:%=$(B)/obj/cmd/%.d) $(UNIT_SRC:%.c=$(B)/obj/%.d)
$(DEPS):
-include $(DEPS)

$(B)/libfsd.a: $(COMMON_OBJ)
	rm -f $@
	ar rcs $@ $(COMMON_OBJ)

$(B)/bin/%: $(B)/obj/cmd/%.o $(B)/libfsd.a
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) -o $@ $< $(B)/libfsd.a $(FSD_LDLIBS)

$(B)/unit/%: $(B)/obj/tests/unit/%.o $(B)/libfsd.a
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) -o $@ $< $(B)/libfsd.a $(FSD_LDLIBS)

units: $(UNIT_BIN)

# Fuzzing (tests/fuzz/): libFuzzer harnesses, built with clang in
# build/fuzz, one a parser (fuzz_X.c) and one a record tool (fsd-X, its
# main run on each input). make fuzz runs each for FUZZ_SECONDS from the
# seed corpus in tests/fuzz/corpus/TARGET; make check runs each briefly.
FUZZ_B = build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_PARSERS = $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out tests/fuzz/fuzz_tool.c,$(wildcard tests/fuzz/fuzz_*.c))))
# fsd-match keeps its day in a file-scope struct that main frees and does
# not clear, so its main cannot run twice in one process: its parsers
# (techs, rules) are fuzzed instead. The others keep nothing at file
# scope but their options, set again by each run (fsd-notify's --now is
# always given: without it main points now_text at its own stack).
FUZZ_TOOLS = fsd-invoice fsd-restock fsd-import fsd-export fsd-recur fsd-route \
	fsd-status fsd-track fsd-watch fsd-close fsd-notify fsd-roster fsd-geojson fsd-report
FUZZ_BIN = $(FUZZ_PARSERS:%=$(B)/fuzz/%) $(FUZZ_TOOLS:%=$(B)/fuzz/%)
# The harnesses' header dependencies, as DEPS above: listed here, after
# the lists they are made from, so a clean tree has a rule for each.
FUZZ_DEPS = $(FUZZ_PARSERS:%=$(B)/obj/tests/fuzz/fuzz_%.d) $(B)/obj/tests/fuzz/fuzz.d
$(FUZZ_DEPS):
-include $(FUZZ_DEPS)
FUZZ_SAN = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# exit(3) and fclose(stdout) are wrapped so one process runs every input.
FUZZ_LINK = -fsanitize=fuzzer -Wl,--wrap=exit,--wrap=fclose

$(B)/fuzz/%: $(B)/obj/tests/fuzz/fuzz_%.o $(B)/obj/tests/fuzz/fuzz.o $(B)/libfsd.a
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) $(FUZZ_LINK) -o $@ $^ $(FSD_LDLIBS)

$(B)/fuzz/fsd-%: $(B)/obj/tests/fuzz/tool-fsd-%.o $(B)/obj/tests/fuzz/main-fsd-%.o $(B)/obj/tests/fuzz/fuzz.o $(B)/libfsd.a
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) $(FUZZ_LINK) -o $@ $^ $(FSD_LDLIBS)

$(B)/obj/tests/fuzz/main-%.o: cmd/%.c $(wildcard common/*.h common/*/*.h) | $(B)/.deps
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) -Dmain=fsd_tool_main -c -o $@ $<

$(B)/obj/tests/fuzz/tool-%.o: tests/fuzz/fuzz_tool.c tests/fuzz/fuzz.h | $(B)/.deps
	@mkdir -p $(@D)
	$(CC) $(FSD_CFLAGS) -DFUZZ_TOOL='"$*"' -c -o $@ $<

fuzzers: $(FUZZ_BIN)

fuzz:
	@sh share/deps.sh check
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang CFLAGS="-O1 -g" SAN="$(FUZZ_SAN)" fuzzers
	@sh tests/fuzz/run $(FUZZ_B) $(FUZZ_SECONDS) $(FUZZ_PARSERS) $(FUZZ_TOOLS)

# The test suite, plain and under AddressSanitizer + UBSan; ends with
# "N passed, N failed".
check: all units
	@sh share/deps.sh check
	@$(MAKE) --no-print-directory B=build/asan CFLAGS="-O1 -g" SAN="$(SANITIZE)" all units
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang CFLAGS="-O1 -g" SAN="$(FUZZ_SAN)" fuzzers
	@FUZZ_RUN="$(FUZZ_B) 2 $(FUZZ_PARSERS) $(FUZZ_TOOLS)" sh tests/run $(B) build/asan

bench: all
	@sh share/bench/run

# One benchmark: make bench-route runs share/bench/bench-route.sh.
bench-%: all
	@PATH="$(CURDIR)/$(B)/bin:$$PATH" SHARED_BENCH="$${SHARED_BENCH:-$(CURDIR)/../shared/bench}" \
		sh share/bench/bench-$*.sh

demo: all
	@sh share/deps.sh demo
	@sh share/demo/run

completions: all
	@sh share/gen-completions $(B)/bin $(TOOLS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
		$(DESTDIR)$(TEMPLATEDIR)
	for p in $(PROGS); do install -m 755 $(B)/bin/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MAN1); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done
	for m in $(MAN5); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man5/; done
	for t in $(TEMPLATES); do install -m 644 $$t $(DESTDIR)$(TEMPLATEDIR)/; done
	install -m 644 completions/fsd.bash $(DESTDIR)$(BASHCOMPDIR)/fsd
	for p in $(TOOLS); do ln -sf fsd $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	install -m 644 completions/_fsd $(DESTDIR)$(ZSHCOMPDIR)/_fsd
	for p in $(PROGS); do install -m 644 completions/fsd.fish $(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done
	mkdir -p $(DESTDIR)$(DATADIR)/maps $(DESTDIR)$(DATADIR)/examples/office
	for f in $(MAPS); do install -m 644 $$f $(DESTDIR)$(DATADIR)/maps/; done
	for f in $(EXAMPLE_FILES); do install -m 644 $$f $(DESTDIR)$(DATADIR)/examples/; done
	for f in $(OFFICE_FILES); do install -m 644 $$f $(DESTDIR)$(DATADIR)/examples/office/; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p \
		$(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${m##*/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$${m##*/}; done
	for t in $(TEMPLATES); do rm -f $(DESTDIR)$(TEMPLATEDIR)/$${t##*/}; done
	-rmdir $(DESTDIR)$(TEMPLATEDIR) 2>/dev/null
	rm -f $(DESTDIR)$(BASHCOMPDIR)/fsd $(DESTDIR)$(ZSHCOMPDIR)/_fsd
	for f in $(MAPS); do rm -f $(DESTDIR)$(DATADIR)/maps/$${f##*/}; done
	for f in $(EXAMPLE_FILES); do rm -f $(DESTDIR)$(DATADIR)/examples/$${f##*/}; done
	for f in $(OFFICE_FILES); do rm -f $(DESTDIR)$(DATADIR)/examples/office/$${f##*/}; done
	-rmdir $(DESTDIR)$(DATADIR)/maps $(DESTDIR)$(DATADIR)/examples/office \
		$(DESTDIR)$(DATADIR)/examples $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build demo-out bench-out

.PHONY: all units fuzzers fuzz check bench demo completions install uninstall clean
# The objects of tools, unit tests and fuzzers are kept, not removed as a
# pattern chain's intermediates.
.SECONDARY: $(PROGS:%=$(B)/obj/cmd/%.o) $(UNIT_SRC:%.c=$(B)/obj/%.o) \
	$(FUZZ_PARSERS:%=$(B)/obj/tests/fuzz/fuzz_%.o) $(B)/obj/tests/fuzz/fuzz.o \
	$(FUZZ_TOOLS:%=$(B)/obj/tests/fuzz/tool-%.o) $(FUZZ_TOOLS:%=$(B)/obj/tests/fuzz/main-%.o)
