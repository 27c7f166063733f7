"""labels.py: every human-readable string of the report pages, in one table, for translation.

A label is a str.format template; label("key", n=3) fills it. WB_LANG (or the locale) will
choose a translated table once the workbook's messages have one; until then every page is in
English.
"""
import os

EN = {
    # both pages
    "lesson": "Lesson {n}",
    "lesson_title": "Lesson {n}: {title}",
    "passed": "passed",
    "failed": "failed",
    "tests_passed": "{passed} of {total} tests pass",
    "generated": "Written {date} by make {command}, from the results already recorded: nothing was run again.",
    "pass": "PASS",
    "fail": "FAIL",
    "figure_missing_alt": "figure {name}",
    # the student's page
    "student_title": "Your progress in the workbook",
    "student_heading": "Your progress",
    "student_total": "{passed} of {total} tests pass in the lessons checked.",
    "col_lesson": "Lesson",
    "col_title": "Title",
    "col_progress": "Progress",
    "col_passed": "Passed",
    "not_checked": "not checked yet",
    "not_checked_long": "Not checked yet: run make check lesson{n}, then make report again.",
    "checked_on": "Checked {date} with seed {seed} (SEED={seed} make check lesson{n} replays it); file {file}.",
    "checked_on_noseed": "Checked {date}; file {file}.",
    "file_changed": "Your file changed after this check: run make check lesson{n} again to see the results of the new one.",
    "all_pass": "Every test passes.",
    "failures": "What still fails",
    "unwritten": "{fn}: not written yet ({k} tests wait for it)",
    "unwritten_one": "{fn}: not written yet (1 test waits for it)",
    "passing_tests": "Tests that pass ({k})",
    "compile_log": "What the compiler said",
    "figures": "Figures",
    "no_figures": "No figures yet: make plots lesson{n} draws them (your curves over the reference).",
    "figures_other_file": "These figures were drawn from {file}, not from the file checked here: make plots lesson{n} draws them from yours.",
    "figures_changed": "Your file changed after these figures were drawn: make plots lesson{n} draws them again.",
    "figures_drawn": "Drawn {date} from {file}.",
    # the class page
    "class_title": "Class results",
    "class_heading": "Class results: {n} students",
    "class_intro": "Seed {seed}; {sandbox}. Graded {date}. Each student's own page (the same as their feedback.md) is linked from their id.",
    "sandboxed": "every file compiled and run in a sandbox",
    "unsandboxed": "graded WITHOUT the sandbox",
    "scores": "Score distribution",
    "scores_alt": "Score distribution per lesson: a box per lesson and a dot per student",
    "col_mean": "mean",
    "col_median": "median",
    "col_min": "min",
    "col_max": "max",
    "col_full": "full marks",
    "students": "Students, by total",
    "col_rank": "#",
    "col_student": "Student",
    "col_total": "Total",
    "mistakes": "Mistakes, per lesson",
    "mistakes_intro": "Which named mistakes (checker's diagnosis) and which error shapes (the checker's description of an unnamed wrong result) were seen, in how many students; the share is of the students whose file for the lesson was tested. The three most common come first.",
    "col_mistake": "Mistake or error shape",
    "col_students": "Students",
    "col_share": "Share",
    "col_hint": "What it is, and the hint",
    "top_three": "Most common: {list}.",
    "no_mistakes": "No named mistake or error shape was seen.",
    "tested_of": "{tested} of {n} students' files were tested.",
    "other_failures": "Other failures: {list}.",
    "other_item": "{what} ({k} student(s))",
    "kind_mistake": "mistake",
    "hint": "hint",
    "kind_shape": "error shape",
    "similarity": "Similar submissions",
    "similarity_intro": "Pairs of students whose files for a lesson share long runs of code (Debian's similarity-tester, sim_c, which ignores layout, comments and names), with the lesson's stub left out so that the given code and short obvious formulas do not count. A pointer for you to look at the two files, never a verdict: the grader cannot tell who wrote what.",
    "similarity_threshold": "Listed when at least {t}% of one file is found in the other (GRADE_SIMILARITY={t}), and at least {tokens} tokens.",
    "similarity_none": "No pair of files reaches the threshold.",
    "similarity_missing": "sim_c (Debian's similarity-tester) is not installed: no similarity check was made.",
    "col_pair": "Students",
    "col_similar": "Shared",
    "col_ranges": "Matching ranges",
    "pct_of": "{pct}% of {a}'s file is in {b}'s",
    "lines": "lines {a}-{b}",
    "identical": "identical files",
    "back": "Back to the class page",
    # a student's page in the grades
    "feedback_title": "Feedback for {id}",
    "feedback_total": "Total: {score} / {max} points. Every file was compiled and tested on its own by the workbook's checker, with the random inputs of seed {seed}: SEED={seed} make check lessonN runs the same tests on your machine.",
    "col_points": "Points",
    "col_tests": "Tests passed",
    "file_graded": "File graded: {file}.",
    "no_test_ran": "No test ran.",
    "warned": "The compiler warned (warnings cost no points, but they often point at the mistake):",
    "hidden_test": "(hidden test) {title}",
    "status_missing": "not submitted",
    "status_invalid": "not a usable file",
    "status_compile": "does not compile",
    "status_link": "does not link",
    "status_rejected": "rejected",
    "status_timeout": "timed out",
    "status_notgraded": "not graded",
    "crash": "crashed",
    "timeout": "timed out",
    "ended": "ended the process",
    "not_written": "not written yet",
}

TABLES = {"en": EN}


def _language():
    lang = os.environ.get("WB_LANG") or os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or "en"
    return lang.split("_")[0].split(".")[0].lower()


def label(key, **kw):
    table = TABLES.get(_language(), EN)
    return table.get(key, EN[key]).format(**kw)


def lang():
    return _language() if _language() in TABLES else "en"
