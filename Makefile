# fsrace - build with `make`; test with `make check` (see README.md).
#
#   make                 build/fsrace
#   make SANITIZE=1      build-san/fsrace with AddressSanitizer + UBSan
#   make CC=clang        any C11 compiler; warnings are errors (-Werror)
#   make check           build, then run the whole test suite
#   make install         the binary, the man page fsrace(1) and the docs under
#                        PREFIX (/usr/local), staged under DESTDIR if given
#   make uninstall       removes what install installed

LLVM_CONFIG ?= llvm-config-19
LLVM_INCLUDE := $(shell $(LLVM_CONFIG) --includedir 2>/dev/null || echo /usr/lib/llvm-19/include)
LLVM_LIBDIR  := $(shell $(LLVM_CONFIG) --libdir 2>/dev/null || echo /usr/lib/llvm-19/lib)

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-missing-field-initializers
CPPFLAGS += -I$(LLVM_INCLUDE)
LDLIBS  += -L$(LLVM_LIBDIR) -Wl,-rpath,$(LLVM_LIBDIR) -lclang -lpthread

ifeq ($(SANITIZE),1)
BUILD   ?= build-san
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
           -DARENA_SEPARATE_ALLOCATIONS
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build
endif

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
DEPS := $(OBJS:.o=.d)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/fsrace
DOCS    := README.md $(sort $(wildcard docs/*.md docs/*.json))

# Rule help: src/rules/help/ID.md, in rules.def's order; compiled in (for
# --explain and SARIF) as $(BUILD)/gen/rule_help.h, and joined into
# docs/rules.md by `make docs`.
RULE_IDS  := $(shell sed -n 's/^RULE.[a-z_]*, *"\([a-z-]*\)".*/\1/p' src/rules/rules.def)
RULE_HELP := $(RULE_IDS:%=src/rules/help/%.md)
CPPFLAGS  += -I$(BUILD)/gen

all: $(BUILD)/fsrace $(BUILD)/report_fixture $(BUILD)/cost_check $(BUILD)/manpage

$(BUILD)/fsrace: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# A report with a made-up fix, for tests/report_tests.py (no rule has one yet).
$(BUILD)/report_fixture: tests/unit/report_fixture.c $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# cost.c's guesses, for tests/bad_input.py's schedule case.
$(BUILD)/cost_check: tests/unit/cost_check.c $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Writes fsrace(1) from the tables --help and --list-rules are made from.
$(BUILD)/manpage: tools/manpage.c src/cli/options.def src/rules/rules.def src/version.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ tools/manpage.c

# Each help file as one string literal: RULE_HELP("id", "line\n" ...).
$(BUILD)/gen/rule_help.h: $(RULE_HELP) src/rules/rules.def
	@mkdir -p $(dir $@)
	for f in $(RULE_HELP); do \
	    printf 'RULE_HELP("%s",\n' "$$(basename $$f .md)"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    printf ')\n'; \
	done > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/rules/help.o: $(BUILD)/gen/rule_help.h

docs: docs/rules.md

# Each rule's section starts with an anchor named by its id, which SARIF's
# helpUri points at (--help-uri-base).
docs/rules.md: src/rules/help/index.md $(RULE_HELP) Makefile
	{ cat src/rules/help/index.md; for id in $(RULE_IDS); do \
	    printf '\n<a id="%s"></a>\n\n' $$id; cat src/rules/help/$$id.md; done; } > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

check: $(BUILD)/fsrace $(BUILD)/report_fixture $(BUILD)/cost_check $(BUILD)/manpage
	python3 tests/run.py --fsrace $(BUILD)/fsrace

install: $(BUILD)/fsrace $(BUILD)/manpage
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)/docs
	install -m 755 $(BUILD)/fsrace $(DESTDIR)$(BINDIR)/fsrace
	$(BUILD)/manpage $(DOCDIR) > $(DESTDIR)$(MANDIR)/man1/fsrace.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/fsrace.1
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 644 $(filter docs/%,$(DOCS)) $(DESTDIR)$(DOCDIR)/docs/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/fsrace $(DESTDIR)$(MANDIR)/man1/fsrace.1
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(DOCS))
	-rmdir $(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all check clean install uninstall docs
-include $(DEPS)

# libFuzzer targets for the parsers fsrace owns (tests/fuzz/, docs/testing.md):
# `make fuzz` builds build-fuzz/fuzz_{json,compdb,suppress,pipeline} with
# clang-19 under ASan+UBSan and runs each for FUZZ_SECONDS on its seed corpus
# (tests/fuzz/corpus/NAME, or the files NAME.seeds lists); tests/fuzz/run.sh
# SECONDS runs them longer.
FUZZ_CC      ?= clang-19
FUZZ_BUILD   := build-fuzz
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer -DARENA_SEPARATE_ALLOCATIONS
FUZZ_TARGETS := json compdb suppress pipeline
FUZZ_OBJS    := $(filter-out $(FUZZ_BUILD)/obj/main.o,$(SRCS:src/%.c=$(FUZZ_BUILD)/obj/%.o))
FUZZ_SECONDS ?= 30

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# The rule help it compiles in is generated under $(BUILD)/gen.
$(FUZZ_BUILD)/obj/rules/help.o: $(BUILD)/gen/rule_help.h

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_input.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

fuzz: fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build
-include $(FUZZ_OBJS:.o=.d)
