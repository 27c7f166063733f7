# build.mk: builds one lesson's judge, worker or plot driver.
# Called by checker/tools/workbook, which says what to build:
#   make -f checker/build.mk LESSON=01 FILE=derivatives SRC=lessons/lesson01/derivatives.c \
#        OUT=build/student/lesson01 FLAVOR=plain  build/student/lesson01/worker
# FLAVOR=asan builds everything with AddressSanitizer and UBSan.
#
# Two programs per lesson run a check (see checker/core/remote.c):
#   the judge  build/suite/FLAVOR/judgeNN: the Criterion suite, the oracle, the checker core and
#              the generated call wrappers. It never contains a student's code, so it is built
#              once per lesson and flavor, whoever's file is checked.
#   the worker OUT/worker: the student's file, the worker's loop and the generated dispatcher,
#              with the parts of GSL the student may call linked in statically: no oracle, no
#              Criterion, nothing of the judge's.
# The generated code (checker/tools/gencalls, from the lesson's header) goes to build/gen/.

BUILD ?= build
include $(BUILD)/config.mk

CC ?= cc
FLAVOR ?= plain
CORE := $(BUILD)/core/$(FLAVOR)
SUITE := $(BUILD)/suite/$(FLAVOR)
GEN := $(BUILD)/gen/lesson$(LESSON)
HEADER := lessons/lesson$(LESSON)/$(FILE).h
# The earlier lessons this one uses, from its header's `#include "lessonNN/FILE.h"` lines (see
# the worker's rule below), read by make itself: this file is read for every check and build.
USED_DIR ?= lessons
USES := $(patsubst @@%.h",%,$(filter @@lesson%.h",$(subst #include "lesson,@@lesson,$(if $(wildcard $(HEADER)),$(file <$(HEADER))))))
USED_OBJ := $(USES:%=$(OUT)/uses/%.o)

STD := -std=c17 -D_DEFAULT_SOURCE
PROJECT_WARNINGS := -Wall -Wextra -Wpedantic -Werror
# A student's warnings are shown, not fatal; unused parameters are normal in a stub.
STUDENT_WARNINGS := -Wall -Wextra -Wno-unused-parameter
ifeq ($(FLAVOR),asan)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
OPT := -O2 -g
endif
INCLUDES := -Ilessons -Ilessons/lesson$(LESSON) -Ichecker/core -Ichecker/oracle -Ichecker/worker
# The judge links GSL statically too: each test is a freshly executed process, and the shared
# library's relocations cost more at every start than the larger file does.
LIBS := $(CRITERION_LIBS) $(GSL_STATIC) -lm

# libwbcheck.a: the checker core (runner, comparisons, guards); liboracle.a: the oracle and the
# stub record, which the plot drivers use too.
# (i18n.c, the messages' language, is in liboracle.a: the plot drivers print messages too.)
CORE_OBJ := $(patsubst checker/%.c,$(CORE)/%.o,$(filter-out checker/core/todo.c checker/core/nogit.c checker/core/i18n.c,$(wildcard checker/core/*.c)) checker/worker/wire.c)
ORACLE_OBJ := $(patsubst checker/%.c,$(CORE)/%.o,$(wildcard checker/oracle/*.c) checker/core/todo.c checker/core/i18n.c)

# The messages' catalogs: po/LANG.po -> BUILD/locale/LANG/LC_MESSAGES/workbook.mo, checked by
# msgfmt (format strings whose arguments differ from the English are an error).
CATALOGS := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/workbook.mo,$(wildcard po/*.po))
.PHONY: catalogs
catalogs: $(CATALOGS)

$(BUILD)/locale/%/LC_MESSAGES/workbook.mo: po/%.po
	@mkdir -p $(@D)
	@msgfmt --check -o $@.tmp $< && mv $@.tmp $@

$(CORE)/libwbcheck.a: $(CORE_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(CORE)/liboracle.a: $(ORACLE_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(CORE)/%.o: checker/%.c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) $(CRITERION_CFLAGS) $(GSL_CFLAGS) -MMD -MP -c $< -o $@

$(CORE)/plots/driver.o: plots/driver.c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) -Iplots -MMD -MP -c $< -o $@

$(SUITE)/lesson$(LESSON).o: checker/lesson$(LESSON)/test_$(FILE).c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) $(CRITERION_CFLAGS) $(GSL_CFLAGS) \
	    -DWB_SUITE=lesson$(LESSON) -MMD -MP -c $< -o $@

# The two ends of every call, generated from the header (and workbook.h, for the callback types).
$(GEN)/judge.c $(GEN)/worker.c: $(HEADER) $(USES:%=lessons/%.h) lessons/workbook.h checker/tools/gencalls
	@checker/tools/gencalls $(HEADER) $(GEN).tmp && rm -rf $(GEN) && mv $(GEN).tmp $(GEN)

$(SUITE)/calls$(LESSON).o: $(GEN)/judge.c
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) $(GSL_CFLAGS) -MMD -MP -c $< -o $@

$(SUITE)/dispatch$(LESSON).o: $(GEN)/worker.c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) $(GSL_CFLAGS) -MMD -MP -c $< -o $@

# (relinked when config.mk changes: Criterion static or shared)
$(SUITE)/judge$(LESSON): $(BUILD)/config.mk $(SUITE)/lesson$(LESSON).o $(SUITE)/calls$(LESSON).o \
                         $(CORE)/core/nogit.o $(CORE)/libwbcheck.a $(CORE)/liboracle.a
	@$(CC) $(OPT) $(LINKER) -o $@ $(filter-out %.mk,$^) $(LIBS)

# The student's file: bounded in CPU time and memory (a macro that expands without end, an
# #include of /dev/zero), with the compiler's colours off when NO_COLOR is set.
COMPILE_CPU ?= 60
COMPILE_MEMORY ?= 4194304
DIAGNOSTICS := $(if $(NO_COLOR),-fdiagnostics-color=never,)
$(OUT)/lesson.o: $(SRC) $(HEADER) lessons/workbook.h
	@mkdir -p $(@D)
	@ulimit -t $(COMPILE_CPU) -v $(COMPILE_MEMORY) 2>/dev/null; \
	    $(CC) $(STD) $(OPT) $(STUDENT_WARNINGS) $(DIAGNOSTICS) $(INCLUDES) -c $< -o $@

# The earlier lessons a lesson uses are the lines `#include "lessonNN/FILE.h"` of its header
# (lesson 13 trains a network with the student's own ReLU, Adam, batch norm...). Their files
# come from USED_DIR (the student's lessons folder, or solutions/) and are compiled and linked
# into the worker like the lesson's own file.
$(OUT)/uses/%.o: $(USED_DIR)/%.c lessons/%.h lessons/workbook.h
	@mkdir -p $(@D)
	@ulimit -t $(COMPILE_CPU) -v $(COMPILE_MEMORY) 2>/dev/null; \
	    $(CC) $(STD) $(OPT) $(STUDENT_WARNINGS) $(DIAGNOSTICS) -Ilessons -Ilessons/$(*D) -c $< -o $@

# GSL is linked statically: only the routines the student's code calls come in, and no shared
# GSL is mapped into the worker for code to look up at run time.
$(OUT)/worker: $(OUT)/lesson.o $(USED_OBJ) $(CORE)/worker/worker.o $(CORE)/worker/wire.o $(SUITE)/dispatch$(LESSON).o
	@$(CC) $(OPT) $(LINKER) -o $@ $^ $(GSL_STATIC) -lm

$(OUT)/plot.o: plots/lesson$(LESSON)/data.c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) -Iplots $(GSL_CFLAGS) -MMD -MP -c $< -o $@

# The plot driver calls the student's functions the way the judge does, through the generated
# wrappers and a worker (OUT/worker): a crash or an endless loop costs that function's curves.
$(OUT)/plotdata: $(OUT)/plot.o $(CORE)/plots/driver.o $(SUITE)/calls$(LESSON).o $(CORE)/core/remote.o \
                 $(CORE)/worker/wire.o $(CORE)/liboracle.a
	@$(CC) $(OPT) $(LINKER) -o $@ $^ $(GSL_LIBS) -lm

-include $(CORE_OBJ:.o=.d) $(ORACLE_OBJ:.o=.d) $(CORE)/plots/driver.d $(SUITE)/lesson$(LESSON).d $(OUT)/plot.d \
    $(SUITE)/calls$(LESSON).d $(SUITE)/dispatch$(LESSON).d $(CORE)/worker/worker.d
