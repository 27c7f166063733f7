# shellcheck shell=bash
# report.sh: the report pages in a real browser, part of `make test` (sourced by
# checker/selftest/grading/selftest.sh, whose class it reuses: nothing is graded again).
#   - the student's page (make report) of a student made from results make test already has:
#     lesson 1 a mutant, lesson 2 the solution, lesson 3 the stub, the other lessons unchecked;
#   - the class page of the grading self-test's class, and the own page of its student whose id
#     is <img src=x onerror=alert(1)> and whose file's compiler message is a <script>;
# rendered by headless Chromium in frames of 390 pixels, a phone's width (checker/selftest/report_dom.py
# puts a probe in a copy of each page: the pages have no script). Checked in the DOM: a row per
# lesson with the results' counts, every figure loaded with a non-zero natural size, the mistakes'
# table equal to mistakes.csv, a link per gradebook row, the similar pair of identical files and
# none for the stub, no script run, no event-handler attribute, no alert, no horizontal scrolling
# at phone width, a print style; then screenshots (student page 1280 px, class page 390 px) and
# the student page printed to PDF. It costs four Chromium starts (about 3 s of CPU each).

report_chromium() { # report_chromium PROFILE ARG...: headless, a profile of its own, no sandbox as root
    local profile=$1 sandbox=()
    shift
    [ "$(id -u)" -eq 0 ] && sandbox=(--no-sandbox)
    timeout 120 chromium --headless "${sandbox[@]}" --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$profile" "$@"
}

# png_size FILE: "WIDTHxHEIGHT" of a PNG, or nothing.
png_size() {
    is_png "$1" || return 0
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", (($1 * 256 + $2) * 256 + $3) * 256 + $4, (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}

# report_in_korean RB V: the student's page with WB_LANG=ko (no browser: its text is enough). Its
# lang is ko, its words are labels.py's Korean ones, the lesson's title is the catalog's, and a
# message recorded in Korean (its labels padded to their column by display width, as the checker
# pads them) is read label by label like one in English: the call as code, the mistake and its hint.
report_in_korean() {
    local RB=$1 V=$2 KB=$R/build-ko out=$R/ko.html
    mkdir -p "$KB/results/$V"
    cp "$RB/results/$V/lesson01.run" "$KB/results/$V/"
    printf '%s\t%s\t%s\t%s\t%s\n' lesson01::central_difference FAIL assert 'derivative_central' \
        '호출       derivative_central(x = 1, h = 0.001)\n기댓값     2\n결과       4\n실수       [central_over_h] 두 배\n힌트       2h로 나눈다' \
        >"$KB/results/$V/lesson01.tsv"
    if ! WB_LANG=ko WB_LOCALEDIR="$(cd "$B" && pwd)/locale" python3 checker/report/pages.py student --out "$out" \
        --build "$KB" --variant "$V" 01 >"$R/ko.out" 2>&1; then
        bad "report pages in Korean: pages.py failed (see $R/ko.out)"
        return 1
    fi
    local want missing=""
    for want in '<html lang="ko">' '<h1>내 진도</h1>' '1강: 도함수와 편도함수' '<dt>호출</dt><dd><code>derivative_central(x = 1, h = 0.001)</code>' \
        '<dd class="mistake">[central_over_h] 두 배</dd>' '<dd class="hint">2h로 나눈다</dd>'; do
        grep -qF -- "$want" "$out" || missing="$missing '$want'"
    done
    if [ -z "$missing" ]; then
        ok "report pages in Korean: lang ko, Korean labels, the catalog's title, a Korean message read label by label"
    else
        bad "report pages in Korean: $out lacks$missing"
    fi
}

# grading_report_pages G: G/grades is the graded class (grading_selftest), $B the results of make test.
grading_report_pages() {
    local G=$1 GR=$1/grades R=$1/report t0
    t0=$(date +%s)
    rm -rf "$R" && mkdir -p "$R/profile"
    if ! command -v chromium >/dev/null 2>&1; then
        bad "report pages: Chromium is not installed (checker/grade/grade deps --test installs it)"
        return
    fi
    # The student: results and figures that make test's lessons recorded, in a build folder of its own.
    local RB=$R/build V=selftest-report num from
    mkdir -p "$RB/results/$V" "$RB/plots"
    # lesson 3's untouched stub through make check's path (the lessons' stubs are graded instead)
    "$WB" run-check 03 selftest-report-stub "$B/src/stubs/lesson03/losses.c" >"$R/stub.out" 2>&1
    for num in 01 02 03; do
        case $num in
            01) from=selftest-mutant-central_over_h ;;   # (its patch has no Test: line: judged in full)
            02) from=selftest-solution-asan ;;
            03) from=selftest-report-stub ;;
        esac
        cp "$B/results/$from/lesson$num.tsv" "$B/results/$from/lesson$num.run" "$RB/results/$V/" 2>/dev/null ||
            { bad "report pages: no results of $from for lesson $num (make test's lessons run first)"; return; }
    done
    cp -r "$B/plots/lesson01" "$B/plots/lesson03" "$RB/plots/"
    if ! WB_BUILD=$RB WB_VARIANT=$V "$WB" report >"$R/report.out" 2>&1 || [ ! -s "$RB/report/index.html" ]; then
        bad "report pages: make report failed (see $R/report.out)"
        return
    fi
    report_in_korean "$RB" "$V"
    local img_id='hostile-<img src=x onerror=alert(1)>'
    [ -s "$GR/index.html" ] && [ -s "$GR/students/$img_id/index.html" ] ||
        { bad "report pages: the grader wrote no class page or no page for $img_id (see $G/run1.out)"; return; }

    # What the pages must show, from the results and the CSV files (not from the pages' generator).
    python3 - "$RB/results/$V" "$RB/plots" "$GR" "$img_id" "$("$WB" lessons | tr '\n' ' ')" >"$R/spec.json" <<'PY' ||
import csv, glob, json, os, sys
res, plots, grades, img_id, lessons = sys.argv[1:6]
counts = {}
for path in sorted(glob.glob(os.path.join(res, "lesson*.tsv"))):
    rows = [l.split("\t") for l in open(path, encoding="utf-8") if l.strip()]
    counts[os.path.basename(path)[6:8]] = (sum(r[1] == "PASS" for r in rows), len(rows))
run1 = dict(l.rstrip("\n").split("\t", 1) for l in open(os.path.join(res, "lesson01.run"), encoding="utf-8"))
figures = len(glob.glob(os.path.join(plots, "lesson*", "*.png")))
student = {"kind": "student", "label": "make report", "lessons": lessons.split(), "counts": counts, "images": figures,
           "texts": ["[central_over_h]", "SEED=%s make check lesson1" % run1["seed"]]}
mistakes = [(r["lesson"].zfill(2), r["mistake"], r["students"]) for r in csv.DictReader(open(os.path.join(grades, "mistakes.csv"), encoding="utf-8"))]
ids = [r[0] for r in list(csv.reader(open(os.path.join(grades, "gradebook.csv"), encoding="utf-8")))[1:]]
klass = {"kind": "class", "label": "make grade", "images": 1, "mistakes": mistakes, "students": ids,
         "pairs": [["01", "alice", "carol solo"]], "not_paired": ["bob stub"]}
feedback = {"kind": "feedback", "label": "the page of " + img_id, "images": 0, "h1": "Feedback for " + img_id,
            "texts": ["<script>alert(2)</script>"]}
print(json.dumps({"student-phone": student, "class-phone": klass, "feedback-phone": feedback}))
PY
        { bad "report pages: cannot read the results and CSV files (see $R)"; return; }

    local dom=checker/selftest/report_dom.py
    # (at phone width only: the DOM is the same at every width, and the phone is where it can overflow)
    python3 "$dom" frame "$RB/report/index.html" student-phone "$R/student-phone.html" &&
        python3 "$dom" frame "$GR/index.html" class-phone "$R/class-phone.html" &&
        python3 "$dom" frame "$GR/students/$img_id/index.html" feedback-phone "$R/feedback-phone.html" &&
        python3 "$dom" harness "$R/harness.html" student-phone=student-phone.html:390 class-phone=class-phone.html:390 \
            feedback-phone=feedback-phone.html:390 ||
        { bad "report pages: the test pages could not be made (see $R)"; return; }
    report_chromium "$R/profile" --window-size=1280,900 --virtual-time-budget=20000 --dump-dom \
        "file://$(cd "$R" && pwd)/harness.html" >"$R/harness.dom" 2>"$R/chromium.log"
    python3 "$dom" check "$R/harness.dom" "$R/spec.json" >"$R/checks.out" 2>&1
    while IFS= read -r line; do
        case $line in ok*) ok "${line#ok    }" ;; *) bad "${line#FAIL  } (see $R)" ;; esac
    done <"$R/checks.out"
    [ -s "$R/checks.out" ] || bad "report pages: the DOM check said nothing (see $R/checks.out)"

    # The pages as they are (their policy on, no probe): screenshots and a print.
    local abs_student abs_class size pages
    abs_student="file://$(cd "$RB/report" && pwd)/index.html"
    abs_class="file://$(cd "$GR" && pwd)/index.html"
    report_chromium "$R/profile" --window-size=1280,2400 --screenshot="$R/student-1280.png" "$abs_student" >/dev/null 2>&1
    report_chromium "$R/profile" --window-size=390,2400 --screenshot="$R/class-390.png" "$abs_class" >/dev/null 2>&1
    report_chromium "$R/profile" --no-pdf-header-footer --print-to-pdf="$R/student.pdf" "$abs_student" >/dev/null 2>&1
    size="$(png_size "$R/student-1280.png") $(png_size "$R/class-390.png")"
    pages=$(grep -ao '/Count [0-9]*' "$R/student.pdf" 2>/dev/null | head -n 1 | cut -d' ' -f2)
    if [ "$size" = "1280x2400 390x2400" ] && [ "$(head -c 5 "$R/student.pdf" 2>/dev/null)" = "%PDF-" ] && [ "${pages:-0}" -ge 2 ]; then
        ok "report pages: screenshots $R/student-1280.png and $R/class-390.png, the student page printed on $pages pages; all in $(($(date +%s) - t0)) s"
    else
        bad "report pages: screenshots '$size', print: ${pages:-no} pages (see $R)"
    fi
}
