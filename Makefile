# The workbook's commands. `make help` lists them; checker/tools/workbook does the work, and
# checker/build.mk builds a lesson's checker and plot driver.
WB := checker/tools/workbook
COMMANDS := check plots watch hint report test bench help clean deps stubs po grade release bench-grade mutation
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
ifneq ($(wildcard .workbook-release),)
MAINTAINER_GOALS := $(filter test bench grade release bench-grade stubs mutation,$(MAKECMDGOALS))
ifneq ($(MAINTAINER_GOALS),)
$(error make $(firstword $(MAINTAINER_GOALS)) is for the workbook's maintainers and instructors: this students' copy has no solutions, self-test or grader (see make help))
endif
endif

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

report:
	@$(WB) report $(LESSON_ARGS)

deps:
	@$(WB) deps --plots

test:
	@checker/tools/selftest $(LESSON_ARGS)

bench:
	@checker/tools/bench

mutation:
	@checker/tools/mutation $(LESSON_ARGS)

# make grade SUBMISSIONS=dir [LESSONS=3,5] [GRADES=dir] [JOBS=n]: see checker/grade/grade.
grade:
	@$(if $(LESSON_ARGS),LESSONS="$(LESSON_ARGS)") checker/grade/grade

release:
	@checker/grade/release

bench-grade:
	@checker/grade/bench

stubs:
	@$(WB) stubs $(LESSON_ARGS)

# (translators) po/workbook.pot from the sources, merged into po/ko.po: see README, Languages.
po:
	@$(WB) po

help:
	@$(WB) help

clean:
	rm -rf build

$(LESSON_ARGS):
	@:
