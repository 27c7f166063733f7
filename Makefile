# The workbook's commands. `make help` lists them; checker/tools/workbook does the work, and
# checker/build.mk builds a lesson's checker and plot driver.
WB := checker/tools/workbook
COMMANDS := check plots watch hint test bench help clean deps stubs grade release bench-grade
# Lesson names (lesson3, lesson03) are arguments of the command before them, not targets.
LESSON_ARGS := $(filter-out $(COMMANDS),$(MAKECMDGOALS))

# An unknown lesson name is one line from make itself, before anything runs.
# (make hint lesson3 softmax: the second word is a function, which the hint command checks.)
ifneq ($(strip $(LESSON_ARGS)),)
LESSON_ERROR := $(shell $(WB) resolve $(if $(filter hint,$(MAKECMDGOALS)),$(firstword $(LESSON_ARGS)),$(LESSON_ARGS)) 2>&1 >/dev/null)
ifneq ($(LESSON_ERROR),)
$(error $(LESSON_ERROR))
endif
endif

# The students' copy (make release) has no solutions, self-test, benchmarks or grader: those
# commands say so in one line there.
IN_RELEASE := $(wildcard .workbook-release)
maintainers_only = $(if $(IN_RELEASE),@echo "make $(1) is for the workbook's maintainers and instructors; this students' copy has no $(2). See make help." >&2; exit 2)

.DEFAULT_GOAL := help
.PHONY: $(COMMANDS) $(LESSON_ARGS)

check:
	@$(WB) check $(LESSON_ARGS)

plots:
	@$(WB) plots $(LESSON_ARGS)

watch:
	@$(WB) watch $(LESSON_ARGS)

hint:
	@$(WB) hint $(LESSON_ARGS)

deps:
	@$(WB) deps --plots

test:
	$(call maintainers_only,test,solutions or self-test)
	@checker/tools/selftest $(LESSON_ARGS)

bench:
	$(call maintainers_only,bench,benchmarks)
	@checker/tools/bench

# make grade SUBMISSIONS=dir [LESSONS=3,5] [GRADES=dir] [JOBS=n]: see checker/grade/grade.
grade:
	$(call maintainers_only,grade,grader)
	@$(if $(LESSON_ARGS),LESSONS="$(LESSON_ARGS)") checker/grade/grade

release:
	$(call maintainers_only,release,solutions)
	@checker/grade/release

bench-grade:
	$(call maintainers_only,bench-grade,grader)
	@checker/grade/bench

stubs:
	$(call maintainers_only,stubs,solutions)
	@$(WB) stubs $(LESSON_ARGS)

help:
	@$(WB) help

clean:
	rm -rf build

$(LESSON_ARGS):
	@:
