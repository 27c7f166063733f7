"""labels.py: every human-readable string of the report pages, in one table per language.

A label is a str.format template; label("key", n=3) fills it, in the reader's language: WB_LANG
when set (WB_LANG=ko), else the locale as gettext reads it (LANGUAGE, unless LC_ALL, LC_MESSAGES
or LANG names the C locale), as checker/tools/workbook chooses the figures' language; English in
the C locale or for any language without a table. The grader's GRADE_LANG reaches here as WB_LANG.

What the pages show from elsewhere is already in a language: the checker's messages as they were
recorded, and the lessons' titles and the messages' labels, which are the workbook's gettext
catalog's (msg(), from the folder the tools export as WB_LOCALEDIR).
"""
import gettext
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
    # summary.txt
    "summary_mistakes": "Most common mistakes and error shapes, per lesson (students; share of those whose file was tested):",
    "summary_lesson": "lesson {n} ({tested} tested):",
    "summary_shape": "shape: {shape}",
    "summary_also": "(also in mistakes.csv and index.html)",
}

KO = {
    # both pages
    "lesson": "{n}강",
    "lesson_title": "{n}강: {title}",
    "passed": "통과",
    "failed": "실패",
    "tests_passed": "검사 {total}개 가운데 {passed}개 통과",
    "generated": "{date}에 make {command}가 이미 기록된 결과로 썼습니다. 아무것도 다시 돌리지 않았습니다.",
    "pass": "통과",
    "fail": "실패",
    "figure_missing_alt": "그림 {name}",
    # the student's page
    "student_title": "워크북 진도",
    "student_heading": "내 진도",
    "student_total": "검사한 강에서 검사 {total}개 가운데 {passed}개를 통과합니다.",
    "col_lesson": "강",
    "col_title": "제목",
    "col_progress": "진도",
    "col_passed": "통과",
    "not_checked": "아직 검사하지 않음",
    "not_checked_long": "아직 검사하지 않았습니다. make check lesson{n}을 실행한 뒤 make report를 다시 실행하세요.",
    "checked_on": "{date}에 시드 {seed}로 검사했습니다(SEED={seed} make check lesson{n}이 그 검사를 다시 돌립니다). 파일: {file}.",
    "checked_on_noseed": "{date}에 검사했습니다. 파일: {file}.",
    "file_changed": "이 검사 뒤에 파일이 바뀌었습니다. 새 파일의 결과를 보려면 make check lesson{n}을 다시 실행하세요.",
    "all_pass": "모든 검사를 통과합니다.",
    "failures": "아직 실패하는 것",
    "unwritten": "{fn}: 아직 쓰지 않음 (검사 {k}개가 기다립니다)",
    "unwritten_one": "{fn}: 아직 쓰지 않음 (검사 1개가 기다립니다)",
    "passing_tests": "통과한 검사 ({k}개)",
    "compile_log": "컴파일러의 출력",
    "figures": "그림",
    "no_figures": "아직 그림이 없습니다. make plots lesson{n}이 그림을 그립니다(기준 답 위에 여러분의 곡선).",
    "figures_other_file": "이 그림은 여기서 검사한 파일이 아니라 {file}로 그렸습니다. make plots lesson{n}이 여러분의 파일로 다시 그립니다.",
    "figures_changed": "그림을 그린 뒤에 파일이 바뀌었습니다. make plots lesson{n}이 다시 그립니다.",
    "figures_drawn": "{date}에 {file}로 그렸습니다.",
    # the class page
    "class_title": "수업 결과",
    "class_heading": "수업 결과: 학생 {n}명",
    "class_intro": "시드 {seed}, {sandbox}. 채점 시각 {date}. 학생마다의 페이지(그 학생의 feedback.md와 같은 내용)는 ID에 링크되어 있습니다.",
    "sandboxed": "모든 파일을 샌드박스 안에서 컴파일하고 실행함",
    "unsandboxed": "샌드박스 없이 채점함",
    "scores": "점수 분포",
    "scores_alt": "강별 점수 분포: 강마다 상자 하나, 학생마다 점 하나",
    "col_mean": "평균",
    "col_median": "중앙값",
    "col_min": "최소",
    "col_max": "최대",
    "col_full": "만점자",
    "students": "학생, 합계 순",
    "col_rank": "#",
    "col_student": "학생",
    "col_total": "합계",
    "mistakes": "강별 실수",
    "mistakes_intro": "어떤 이름 붙은 실수(채점기의 진단)와 어떤 오류 모양(이름 없는 틀린 결과에 대한 채점기의 설명)이 몇 명의 학생에게서 나왔는지 보여 줍니다. 비율은 그 강의 파일이 검사된 학생 가운데의 비율입니다. 가장 흔한 세 가지가 맨 앞에 옵니다.",
    "col_mistake": "실수 또는 오류 모양",
    "col_students": "학생 수",
    "col_share": "비율",
    "col_hint": "무엇인지, 그리고 힌트",
    "top_three": "가장 흔한 것: {list}.",
    "no_mistakes": "이름 붙은 실수도 오류 모양도 나오지 않았습니다.",
    "tested_of": "학생 {n}명 가운데 {tested}명의 파일을 검사했습니다.",
    "other_failures": "그 밖의 실패: {list}.",
    "other_item": "{what} ({k}명)",
    "kind_mistake": "실수",
    "hint": "힌트",
    "kind_shape": "오류 모양",
    "similarity": "비슷한 제출물",
    "similarity_intro": "어떤 강의 파일이 긴 코드 연속을 함께 가진 학생의 쌍입니다(Debian의 similarity-tester인 sim_c로 찾았고, 줄바꿈과 공백, 주석, 이름은 무시합니다). 그 강의 빈 껍데기를 빼고 견주므로 주어진 코드와 짧고 뻔한 공식은 세지 않습니다. 두 파일을 살펴보라는 표시일 뿐 판정이 아닙니다. 누가 무엇을 썼는지는 채점기가 알 수 없습니다.",
    "similarity_threshold": "한 파일의 {t}% 이상이 다른 파일에 있고(GRADE_SIMILARITY={t}), 함께 가진 토큰이 {tokens}개 이상이면 목록에 오릅니다.",
    "similarity_none": "기준에 이른 파일 쌍이 없습니다.",
    "similarity_missing": "sim_c(Debian의 similarity-tester)가 설치되어 있지 않아 유사도를 검사하지 않았습니다.",
    "col_pair": "학생",
    "col_similar": "함께 가진 부분",
    "col_ranges": "맞는 범위",
    "pct_of": "{a}의 파일 가운데 {pct}%가 {b}의 파일에 있음",
    "lines": "{a}-{b}행",
    "identical": "똑같은 파일",
    "back": "수업 페이지로 돌아가기",
    # a student's page in the grades
    "feedback_title": "{id}의 피드백",
    "feedback_total": "총점: {score} / {max}점. 모든 파일은 워크북의 채점기가 하나씩 따로 컴파일하고 검사했으며, 임의 입력의 시드는 {seed}입니다: SEED={seed} make check lessonN을 실행하면 여러분의 컴퓨터에서 같은 검사가 돌아갑니다.",
    "col_points": "점수",
    "col_tests": "통과한 검사",
    "file_graded": "채점한 파일: {file}.",
    "no_test_ran": "돌아간 검사가 없습니다.",
    "warned": "컴파일러 경고 (경고로 깎이는 점수는 없지만, 실수를 가리킬 때가 많습니다):",
    "hidden_test": "(숨은 검사) {title}",
    "status_missing": "제출하지 않음",
    "status_invalid": "쓸 수 없는 파일",
    "status_compile": "컴파일되지 않음",
    "status_link": "링크되지 않음",
    "status_rejected": "거부됨",
    "status_timeout": "시간 초과",
    "status_notgraded": "채점하지 않음",
    "crash": "비정상 종료",
    "timeout": "시간 초과",
    "ended": "프로세스를 끝냄",
    "not_written": "아직 쓰지 않음",
    # summary.txt
    "summary_mistakes": "강별로 가장 흔한 실수와 오류 모양 (학생 수; 파일이 검사된 학생 가운데의 비율):",
    "summary_lesson": "{n}강 (검사 {tested}명):",
    "summary_shape": "오류 모양: {shape}",
    "summary_also": "(mistakes.csv와 index.html에도 있습니다)",
}

TABLES = {"en": EN, "ko": KO}


def _language():
    """'ko' or 'en', as checker/tools/workbook's figure_lang chooses (gettext's rule)."""
    want = os.environ.get("WB_LANG", "")
    if not want:
        locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
        if locale in ("", "C", "POSIX") or locale.startswith("C."):
            return "en"
        want = locale
        for entry in os.environ.get("LANGUAGE", "").split(":"):
            if entry.startswith(("ko", "en")):
                want = entry
                break
    return "ko" if want.startswith("ko") else "en"


def lang():
    return _language()


def label(key, **kw):
    return TABLES[_language()].get(key, EN[key]).format(**kw)


_CATALOG = None


def msg(text):
    """text in the reader's language from the workbook's gettext catalog (the text itself when the
    catalog or the translation is missing)."""
    global _CATALOG
    if _language() == "en":
        return text
    if _CATALOG is None:
        root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
        folder = os.environ.get("WB_LOCALEDIR") or os.path.join(root, os.environ.get("WB_BUILD", "build"), "locale")
        _CATALOG = gettext.translation("workbook", folder, languages=[_language()], fallback=True)
    return _CATALOG.gettext(text)
