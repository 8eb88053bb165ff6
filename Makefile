# fsrace - build with `make`; test with `make check` (see README.md).
#
#   make                 build/fsrace
#   make SANITIZE=1      build-san/fsrace with AddressSanitizer + UBSan
#   make CC=clang        any C11 compiler; warnings are errors (-Werror)
#   make check           build, then run the whole test suite

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

all: $(BUILD)/fsrace $(BUILD)/report_fixture $(BUILD)/cost_check

$(BUILD)/fsrace: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# A report with a made-up fix, for tests/report_tests.py (no rule has one yet).
$(BUILD)/report_fixture: tests/unit/report_fixture.c $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# cost.c's guesses, for tests/bad_input.py's schedule case.
$(BUILD)/cost_check: tests/unit/cost_check.c $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

check: $(BUILD)/fsrace $(BUILD)/report_fixture $(BUILD)/cost_check
	python3 tests/run.py --fsrace $(BUILD)/fsrace

clean:
	rm -rf build build-san

.PHONY: all check clean
-include $(DEPS)
