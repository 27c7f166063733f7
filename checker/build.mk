# build.mk: builds one lesson's checker or plot driver against one C file.
# Called by checker/tools/workbook, which says what to build:
#   make -f checker/build.mk LESSON=01 FILE=derivatives SRC=lessons/lesson01/derivatives.c \
#        OUT=build/student/lesson01 FLAVOR=plain  build/student/lesson01/check
# FLAVOR=asan builds everything with AddressSanitizer and UBSan.
# The checker core and oracle are compiled once per flavor into a library; a lesson's suite once
# per flavor; the student's file whenever it changes. That keeps `make check` quick.

BUILD ?= build
include $(BUILD)/config.mk

CC ?= cc
FLAVOR ?= plain
CORE := $(BUILD)/core/$(FLAVOR)
SUITE := $(BUILD)/suite/$(FLAVOR)

STD := -std=c17 -D_DEFAULT_SOURCE
PROJECT_WARNINGS := -Wall -Wextra -Wpedantic -Werror
# A student's warnings are shown, not fatal; unused parameters are normal in a stub.
STUDENT_WARNINGS := -Wall -Wextra -Wno-unused-parameter
ifeq ($(FLAVOR),asan)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
OPT := -O2 -g
endif
INCLUDES := -Ilessons -Ilessons/lesson$(LESSON) -Ichecker/core -Ichecker/oracle
LIBS := $(CRITERION_LIBS) $(GSL_LIBS) -lm
# exit() and friends called by the student's code fail the test instead (core/exit_guard.c).
WRAP := -Wl,--wrap=exit,--wrap=_exit,--wrap=_Exit,--wrap=quick_exit

# libwbcheck.a: the checker core (runner, comparisons, guards); liboracle.a: the oracle and the
# stub record, which the plot drivers use too.
CORE_OBJ := $(patsubst checker/%.c,$(CORE)/%.o,$(filter-out checker/core/todo.c,$(wildcard checker/core/*.c)))
ORACLE_OBJ := $(patsubst checker/%.c,$(CORE)/%.o,$(wildcard checker/oracle/*.c) checker/core/todo.c)

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
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) $(CRITERION_CFLAGS) $(GSL_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/lesson.o: $(SRC) lessons/lesson$(LESSON)/$(FILE).h lessons/workbook.h
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(STUDENT_WARNINGS) $(INCLUDES) -c $< -o $@

$(OUT)/check: $(SUITE)/lesson$(LESSON).o $(OUT)/lesson.o $(CORE)/libwbcheck.a $(CORE)/liboracle.a
	@$(CC) $(OPT) $(LINKER) -o $@ $^ $(LIBS) $(WRAP)

$(OUT)/plot.o: plots/lesson$(LESSON)/data.c
	@mkdir -p $(@D)
	@$(CC) $(STD) $(OPT) $(PROJECT_WARNINGS) $(INCLUDES) -Iplots $(GSL_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/plotdata: $(OUT)/plot.o $(OUT)/lesson.o $(CORE)/plots/driver.o $(CORE)/liboracle.a
	@$(CC) $(OPT) $(LINKER) -o $@ $^ $(GSL_LIBS) -lm

-include $(CORE_OBJ:.o=.d) $(ORACLE_OBJ:.o=.d) $(CORE)/plots/driver.d $(SUITE)/lesson$(LESSON).d $(OUT)/plot.d
