# shellcheck shell=bash
# selftest.sh: the grader's part of `make test`, sourced by checker/tools/selftest (which defines
# ok, bad, $B, $LOG and $WB). It grades a class made of
#   - honest students, made now from the solutions, the stubs (the generator's output) and two
#     mutants, laid out in the three accepted ways, with odd ids (spaces, quotes, a comma,
#     non-ASCII), one who submitted nothing;
#   - one hostile student per file in hostile/ (each says in its header the lesson it attacks,
#     the reason expected in the feedback, and whether it gains points without the sandbox),
# and checks: every hostile case scores 0 on its lesson with its reason; the honest scores are
# what `make check` gives for the same files and seed; no forged line reaches a result; the
# outputs parse (CSV round trip, jq, xmllint); a second run grades nothing and a changed file
# only that file; a run killed with SIGKILL and run again gives the same gradebook (through
# the GNU parallel path); the attacks that read around really work without the sandbox; the
# sandbox itself has no network, no view of the repo or the class, and its limits hold; bad
# input is one line and a non-zero exit; `make release` makes a student copy that checks and
# plots lesson 1. A second, small class has folder names that attack the outputs (control
# characters, bytes that are not UTF-8, a bidi override, formulas, HTML, a backslash, a symbolic
# link): every folder has a row or a line in summary.txt, no id is a formula in the gradebook
# or HTML in the feedback, the outputs parse and no other user can read them.

GRADING_SRC=checker/selftest/grading
# shellcheck source=../report.sh
. checker/selftest/report.sh
GRADING_HOSTILE=$GRADING_SRC/hostile

# grading_class DIR: the class (honest and hostile students) in DIR.
grading_class() {
    local S=$1 f name lesson file
    rm -rf "$S" && mkdir -p "$S"
    local s1=solutions/lesson01/derivatives.c s2=solutions/lesson02/gradient_descent.c
    mkdir -p "$S/alice/lessons/lesson01" "$S/alice/lessons/lesson02"
    cp "$s1" "$S/alice/lessons/lesson01/" && cp "$s2" "$S/alice/lessons/lesson02/"
    mkdir -p "$S/bob stub"
    awk -f checker/tools/mkstub.awk "$s1" >"$S/bob stub/derivatives.c"
    awk -f checker/tools/mkstub.awk "$s2" >"$S/bob stub/gradient_descent.c"
    local zoe="$S/Zoë O'Brien, \"jr\""
    mkdir -p "$zoe/lesson01" "$zoe/lesson02"
    patch -s -o "$zoe/lesson01/derivatives.c" "$s1" <solutions/mutants/lesson01/central_over_h.patch
    patch -s -o "$zoe/lesson02/gradient_descent.c" "$s2" <solutions/mutants/lesson02/off_by_one.patch
    mkdir -p "$S/carol solo" "$S/학생 7/lessons/lesson02" "$S/dave-empty"
    cp "$s1" "$S/carol solo/"
    cp "$s2" "$S/학생 7/lessons/lesson02/"
    echo "nothing here yet" >"$S/dave-empty/README.txt"
    # an id that is markup, and a compiler message that is markup too (the class page, checker/selftest/report.sh)
    local markup="$S/hostile-<img src=x onerror=alert(1)>"
    mkdir -p "$markup" && cp "$s1" "$markup/" && echo '#error <script>alert(2)</script>' >"$markup/gradient_descent.c"
    for f in "$GRADING_HOSTILE"/*.c; do
        name=${f##*/} name=${name%.c}
        lesson=$(sed -n 's/^ \* Lesson: //p' "$f")
        file=${REG_FILE[0$lesson]}
        mkdir -p "$S/hostile-$name" && cp "$f" "$S/hostile-$name/$file.c"
        # the functions the lesson gained since the file was written, as their stubs
        awk -f "$GRADING_SRC/complete.awk" "$f" "lessons/lesson0$lesson/$file.c" >>"$S/hostile-$name/$file.c"
    done
}

# csv_cell FILE ID COLUMN: a cell of the gradebook, for an id without commas or quotes.
csv_cell() { awk -F, -v id="$2" -v c="$3" '$1 == id { print $c }' "$1"; }

grading_selftest() {
    local G=$LOG/grading
    local S=$G/class GR=$G/grades status t0 t1
    rm -rf "$G" && mkdir -p "$G"
    if ! checker/grade/grade deps --test >"$G/deps.log" 2>&1; then
        bad "grading: $(tail -n 1 "$G/deps.log")"
        return
    fi
    grading_class "$S"
    local n_hostile
    n_hostile=$(ls "$GRADING_HOSTILE"/*.c | wc -l)

    # ---- the class, graded ----------------------------------------------------------------
    t0=$(date +%s)
    GRADES=$GR SUBMISSIONS=$S LESSONS=1,2 GRADE_TIMEOUT=0.5 checker/grade/grade >"$G/run1.out" 2>"$G/run1.err"
    status=$?
    t1=$(date +%s)
    if [ "$status" -eq 1 ] && [ "$(grep -c . "$G/run1.err")" -eq 1 ] &&
        grep -qF "student 'dave-empty': no lesson file found" "$G/run1.err"; then
        ok "grading: a class of $(ls "$S" | wc -l) students ($n_hostile hostile) graded in $((t1 - t0)) s; the one without files is one line, exit 1"
    else
        bad "grading: the class run exited $status (expected 1), stderr: $(head -c 400 "$G/run1.err") (see $G/run1.out)"
    fi
    [ -s "$GR/gradebook.csv" ] || { bad "grading: no gradebook.csv (see $G/run1.out)"; return; }

    local f name lesson expect col score fb
    for f in "$GRADING_HOSTILE"/*.c; do
        name=${f##*/} name=${name%.c}
        lesson=$(sed -n 's/^ \* Lesson: //p' "$f")
        expect=$(sed -n 's/^ \* Expect: //p' "$f")
        col=$((lesson + 1))
        score=$(csv_cell "$GR/gradebook.csv" "hostile-$name" "$col")
        fb="$GR/students/hostile-$name/feedback.md"
        local said
        said=$(sed -n "/^## Lesson $lesson:/,/^## Lesson/p" "$fb" 2>/dev/null | grep -Eo -m 1 ".{0,30}($expect).{0,30}")
        if [ "$score" = 0 ] && [ -n "$said" ]; then
            ok "grading: hostile $name scores 0 on lesson $lesson: \"$said\""
        else
            bad "grading: hostile $name scores '${score}' on lesson $lesson, reason /$expect/ ${said:+found}${said:-not found} (see $fb)"
        fi
    done
    # (A result's "output" keeps the start of what the run printed, forged lines included: only
    # its test lines count.)
    if grep -lq $'^test\t.*FORGED' "$GR"/.work/results/*.tsv || grep -rlq FORGED "$GR/students" "$GR/gradebook.csv"; then
        bad "grading: a forged line reached the results: $(grep -l $'^test\t.*FORGED' "$GR"/.work/results/*.tsv | head -n 3)"
    else
        ok "grading: no forged line reached a result or a feedback file"
    fi

    # Honest students: the scores make check gives for the same file and seed.
    local expect_zoe1 expect_zoe2 zoe="Zoë O'Brien, \"jr\""
    expect_zoe1=$(grading_check_score 01 "$S/$zoe/lesson01/derivatives.c")
    expect_zoe2=$(grading_check_score 02 "$S/$zoe/lesson02/gradient_descent.c")
    local rows
    # In the order of the ids' bytes (C locale), as the gradebook is.
    local t1 t2 all
    t1=$(tests_in 01) t2=$(tests_in 02) all=$(($(tests_in 01) + $(tests_in 02)))
    rows=$(printf '%s\n' 'id,lesson01,lesson02,total,max' \
        "\"Zoë O'Brien, \"\"jr\"\"\",$expect_zoe1,$expect_zoe2,$((expect_zoe1 + expect_zoe2)),$all" \
        "alice,$t1,$t2,$all,$all" "bob stub,0,0,0,$all" "carol solo,$t1,0,$t1,$all" "dave-empty,0,0,0,$all" "학생 7,0,$t2,$t2,$all")
    if [ "$(grep -v '^hostile-' "$GR/gradebook.csv")" = "$rows" ]; then
        ok "grading: honest scores as make check gives them (the mutants $expect_zoe1/$t1 and $expect_zoe2/$t2), odd ids quoted right"
    else
        bad "grading: honest rows differ: expected $(printf '%s' "$rows" | tr '\n' '|'), got $(grep -v '^hostile-' "$GR/gradebook.csv" | tr '\n' '|')"
    fi
    grading_outputs "$GR"

    # The rest are independent (each in folders of its own) and wait on sandboxes and
    # timeouts as much as they compute: they run side by side, their lines printed in order;
    # all but the class pages' (which read this class's grades) beside the two runs below.
    cp "$GR/gradebook.csv" "$G/gradebook.first"
    local part parts=(hostile_ids interrupted unsandboxed sandbox bad_input release report_pages) pids=()
    for part in "${parts[@]:0:6}"; do
        "grading_$part" "$G" "$S" >"$G/part-$part.result" 2>&1 &
        pids+=($!)
    done

    # ---- a second run, then a changed file ----------------------------------------------------
    GRADES=$GR SUBMISSIONS=$S LESSONS=1,2 GRADE_TIMEOUT=0.5 checker/grade/grade >"$G/run2.out" 2>&1
    if grep -q "Nothing to grade" "$G/run2.out" && cmp -s "$GR/gradebook.csv" "$G/gradebook.first"; then
        ok "grading: a second run grades nothing and writes the same gradebook"
    else
        bad "grading: a second run regraded or changed the gradebook (see $G/run2.out)"
    fi
    echo "/* an edit */" >>"$S/bob stub/derivatives.c"
    GRADES=$GR SUBMISSIONS=$S LESSONS=1,2 GRADE_TIMEOUT=0.5 checker/grade/grade >"$G/run3.out" 2>&1
    if grep -q "Grading 1 file(s)" "$G/run3.out" && cmp -s "$GR/gradebook.csv" "$G/gradebook.first"; then
        ok "grading: after one file changed, only that file is graded again"
    else
        bad "grading: after one change: $(grep -E 'Grading|Nothing' "$G/run3.out") (see $G/run3.out)"
    fi

    grading_report_pages "$G" "$S" >"$G/part-report_pages.result" 2>&1 &
    pids+=($!)
    wait "${pids[@]}"
    for part in "${parts[@]}"; do
        cat "$G/part-$part.result"
        passed=$((passed + $(grep -c '^ok' "$G/part-$part.result")))
        failed=$((failed + $(grep -c '^FAIL' "$G/part-$part.result")))
    done
    grading_every_output "$G"
}

# Every lesson of the registry, graded once: one student with every solution gets full marks,
# and every lesson's stub grades (grade prepare runs it) and fails every test of its lesson
# (the stub's check for each lesson when every lesson is tested: checker/tools/selftest).
grading_every_lesson() {
    local G=$1 C=$1/all-lessons A=$1/all-grades num file n total=0 max=0
    rm -rf "$G" && mkdir -p "$G" "$C/ada" "$C/stub"
    for num in $("$WB" lessons); do
        file=${REG_FILE[$num]}
        cp "solutions/lesson$num/$file.c" "$C/ada/"
        awk -f checker/tools/mkstub.awk "solutions/lesson$num/$file.c" >"$C/stub/$file.c"
    done
    GRADES=$A SUBMISSIONS=$C GRADE_TIMEOUT=5 checker/grade/grade >"$G/all.out" 2>&1
    local row stub_row
    row=$(awk -F, '$1 == "ada"' "$A/gradebook.csv" 2>/dev/null)
    stub_row=$(awk -F, '$1 == "stub"' "$A/gradebook.csv" 2>/dev/null)
    n=$(awk -F, 'NR == 1 { print NF - 3 }' "$A/gradebook.csv" 2>/dev/null)
    total=$(printf '%s' "$row" | awk -F, '{ print $(NF - 1) }')
    max=$(printf '%s' "$row" | awk -F, '{ print $NF }')
    if [ -n "$row" ] && [ "$n" = "$("$WB" lessons | grep -c .)" ] && [ "$total" = "$max" ] &&
        [ "$(printf '%s' "$stub_row" | awk -F, '{ print $(NF - 1) }')" = 0 ]; then
        ok "grading: every lesson of the registry ($n) grades: the solutions score $total/$max, the stubs 0"
    else
        bad "grading: every lesson: ada '$row', stub '$stub_row' (see $G/all.out)"
    fi
    # each stub's result: every test of its lesson reported, and every one failed
    local id lesson state key rest r fails
    while IFS=$'\t' read -r id lesson state key rest; do
        [ "$id" = stub ] || continue
        r="$A/.work/results/$key.tsv" n=$((10#$lesson)) total=$(tests_in "$lesson")
        fails=$(awk -F'\t' '$1 == "test" && $3 == "FAIL"' "$r" 2>/dev/null | grep -c .)
        if [ "$state" = job ] && [ "$fails" -eq "$total" ] && [ "$(grep -c $'^test\t' "$r")" -eq "$total" ]; then
            ok "lesson $n: the untouched stub fails every test ($fails/$total)"
        else
            bad "lesson $n: the untouched stub fails $fails of $total tests when graded (see $r)"
        fi
    done <"$A/.work/plan.tsv"
}

# Every results.json and junit.xml that any run above wrote parses (jq, xmllint).
grading_every_output() {
    local f n=0 broken=""
    while IFS= read -r -d '' f; do
        n=$((n + 1))
        case $f in
            *.json) jq empty "$f" 2>/dev/null || broken+=" $f" ;;
            *) xmllint --noout "$f" 2>/dev/null || broken+=" $f" ;;
        esac
    done < <(find "$1" \( -name results.json -o -name junit.xml \) -print0)
    if [ -z "$broken" ] && [ "$n" -gt 0 ]; then
        ok "grading: all $n results.json (jq) and junit.xml (xmllint) written by these runs parse"
    else
        bad "grading: outputs that do not parse:${broken:- none found}"
    fi
}

# grading_check_score NN FILE: tests passed by `make check`'s own path, unsandboxed, same seed.
grading_check_score() {
    local variant=grading-check-$1 copy
    copy=$LOG/grading/$variant/$(basename "$2")   # make cannot take a path with spaces
    mkdir -p "$(dirname "$copy")" && cp "$2" "$copy"
    SEED=1 WB_TIMEOUT=1 "$WB" run-check "$1" "$variant" "$copy" >"$LOG/grading/$variant.out" 2>&1
    awk -F'\t' '$2 == "PASS"' "$B/results/$variant/lesson$1.tsv" 2>/dev/null | grep -c .
}

# Every student's results.json and junit.xml parse, with every test of both lessons.
grading_outputs() {
    local GR=$1 d n=0 broken="" tests=$(($(tests_in 01) + $(tests_in 02)))
    for d in "$GR"/students/*/; do
        n=$((n + 1))
        jq -e --argjson n "$tests" '(.tests | length) == $n and (.score | type) == "number"' "$d/results.json" >/dev/null 2>&1 || broken+=" ${d%/}/results.json"
        xmllint --noout "$d/junit.xml" 2>/dev/null || broken+=" ${d%/}/junit.xml"
        [ -s "$d/feedback.md" ] || broken+=" ${d%/}/feedback.md"
    done
    if [ -z "$broken" ] && [ "$n" -gt 0 ]; then
        ok "grading: $n students' results.json (jq) and junit.xml (xmllint) parse"
    else
        bad "grading: broken outputs:$broken"
    fi
    # A line of the CSV read back by a CSV reader (jq's @csv writer would quote it the same way).
    local zoe="Zoë O'Brien, \"jr\"" back
    back=$(jq -rn --arg id "$zoe" '[$id] | @csv')
    if grep -qF -- "$back," "$GR/gradebook.csv"; then
        ok "grading: the id $zoe round-trips through the CSV as $back"
    else
        bad "grading: the id $zoe is not written as $back in gradebook.csv"
    fi
    if is_png "$GR/scores.png"; then
        ok "grading: scores.png is a PNG ($(stat -c %s "$GR/scores.png") bytes)"
    else
        bad "grading: no scores.png"
    fi
    grading_writers
}

# The writers, on a made-up result: a hidden test, and text with every character that needs
# escaping in CSV, Markdown, JSON and XML.
grading_writers() {
    local W=$LOG/grading/writers nasty
    rm -rf "$W" && mkdir -p "$W/work/results" "$W/out/students/x"
    nasty='quote " apos '"'"' amp & lt < gt > fence ``` tab\tback\\\\slash\nsecond line'$' esc \e[1m cr \r end'
    printf 'lesson01::a\tfirst test\nlesson01::b\t[hidden] second test\n' >"$W/tests"
    printf '01\tT, "quoted"\t1\tderivatives\t%s\n' "$W/tests" >"$W/work/lessons.tsv"
    printf 'x\t01\tjob\tK\tderivatives.c\t\n' >"$W/work/plan.tsv"
    printf 'wbgrade\t1\nlesson\t01\nstatus\tgraded\nreason\t\nlog\t\noutput\t\nrunner\t1\ntest\tlesson01::a\tFAIL\tassert\tfirst test\t%s\ntest\tlesson01::b\tFAIL\tassert\t[hidden] second test\tSECRET %s\nend\n' \
        "$nasty" "$nasty" >"$W/work/results/K.tsv"
    awk -f checker/grade/report.awk -v work="$W/work" -v out="$W/out" -v seed=1 -v sandbox=yes -v grades="$W" </dev/null
    jq -n -R -f checker/grade/results.jq <"$W/out/students/x/.results.tsv" >"$W/out/students/x/results.json"
    local problems=""
    grep -q SECRET "$W/out/students/x/feedback.md" && problems+=" the hidden test's message is in feedback.md;"
    grep -q '^  ````$' "$W/out/students/x/feedback.md" || problems+=" no longer fence around a message with \`\`\`;"
    [ "$(jq -r '.tests[0].output' "$W/out/students/x/results.json" 2>/dev/null | head -n 1)" = "$(printf '%b' "${nasty%%\\n*}")" ] ||
        problems+=" the JSON output does not read back (backslashes doubled, quotes, tabs);"
    [ "$(jq -r '.tests[1].visibility' "$W/out/students/x/results.json" 2>/dev/null)" = hidden ] || problems+=" the hidden test is not hidden in results.json;"
    jq -r '.tests[0].output' "$W/out/students/x/results.json" 2>/dev/null | grep -q $'esc \e\\[1m cr \r end' ||
        problems+=" control characters (ESC, CR) do not read back from results.json;"
    xmllint --noout "$W/out/students/x/junit.xml" 2>/dev/null || problems+=" junit.xml does not parse;"
    if [ -z "$problems" ]; then
        ok "grading: the writers escape CSV, Markdown, JSON and XML, and hide a [hidden] test's message"
    else
        bad "grading: writers:$problems (see $W/out)"
    fi
}

# A class whose folder names attack the outputs, each folder with the lesson 1 solution (the
# same file, so it is graded once): every folder is graded or named in summary.txt with its
# reason, the gradebook parses and has no formula, results.json and junit.xml parse, feedback.md
# has no raw <, and nothing the grader wrote can be read by other users.
grading_hostile_ids() {
    local G=$1 S=$1/ids-class GR=$1/ids-grades i
    rm -rf "$S" "$GR" && mkdir -p "$S"
    # Graded: the folder's name, then its gradebook cell.
    local graded=('=cmd()' "'=cmd()" '+1' "'+1" '-1' "'-1" '@x' "'@x" '<img src=x onerror=alert(1)>' '<img src=x onerror=alert(1)>'
                  'back\slash' 'back\slash')
    # Skipped: the folder's name, then how summary.txt shows it.
    local skipped=($'new\nline' 'new\nline' $'tab\tid' 'tab\tid' $'esc\e[31mred' 'esc\x1b[31mred' $'cr\rid' 'cr\rid'
                   $'us\x1fid' 'us\x1fid' $'c1\xc2\x85id' 'c1\u0085id' $'bad\xffid' 'bad\xffid'
                   $'rlo\xe2\x80\xaegpj.exe' 'rlo\u202egpj.exe' linked linked)
    for ((i = 0; i < ${#graded[@]}; i += 2)); do
        mkdir -p "$S/${graded[i]}" && cp solutions/lesson01/derivatives.c "$S/${graded[i]}/"
    done
    for ((i = 0; i < ${#skipped[@]} - 2; i += 2)); do
        mkdir -p "$S/${skipped[i]}" && cp solutions/lesson01/derivatives.c "$S/${skipped[i]}/"
    done
    ln -s "$(cd "$S/+1" && pwd)" "$S/linked"   # a link to a classmate's folder

    GRADES=$GR SUBMISSIONS=$S LESSONS=1 GRADE_TIMEOUT=0.5 checker/grade/grade >"$G/ids.out" 2>"$G/ids.err"
    local status=$? problems="" n_folders n_rows n_lines cells=()
    [ "$status" -eq 1 ] || problems+=" the run exited $status, not 1;"
    for ((i = 0; i < ${#skipped[@]}; i += 2)); do
        grep -qF "skipped \"${skipped[i + 1]}\":" "$GR/summary.txt" 2>/dev/null ||
            problems+=" summary.txt does not name ${skipped[i + 1]};"
    done
    for ((i = 1; i < ${#graded[@]}; i += 2)); do cells+=("${graded[i]}"); done
    # A CSV reader: every row as long as the header, no cell a formula, every graded id there.
    n_rows=$(python3 - "$GR/gradebook.csv" "${cells[@]}" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
ids = [r[0] for r in rows[1:]]
wrong = ["a row of %d cells" % len(r) for r in rows if len(r) != len(rows[0])]
wrong += ["the cell %r" % c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
wrong += ["no row for %r" % c for c in sys.argv[2:] if c not in ids]
print("; ".join(wrong) if wrong else len(ids))
PY
    )
    n_folders=$(find "$S" -mindepth 1 -maxdepth 1 -printf x | wc -c)
    n_lines=$(grep -cE '^(skipped|ignored) ' "$GR/summary.txt" 2>/dev/null)
    if ! [[ $n_rows =~ ^[0-9]+$ ]]; then
        problems+=" gradebook.csv: ${n_rows:-does not parse};"
    elif [ "$((n_rows + ${n_lines:-0}))" -ne "$n_folders" ]; then
        problems+=" $n_folders folders, but $n_rows rows and ${n_lines:-0} lines in summary.txt;"
    fi
    local d
    for d in "$GR"/students/*/; do
        jq empty "$d/results.json" 2>/dev/null || problems+=" ${d%/}/results.json is not JSON;"
        xmllint --noout "$d/junit.xml" 2>/dev/null || problems+=" ${d%/}/junit.xml is not XML;"
        grep -q '<' "$d/feedback.md" && problems+=" ${d%/}/feedback.md has a raw <;"
    done
    [ "$(jq -r .extra_data.student "$GR/students/back\slash/results.json" 2>/dev/null)" = 'back\slash' ] ||
        problems+=" the id back\slash does not read back from results.json;"
    [ -z "$(find "$GR" -perm /077 -print -quit)" ] ||
        problems+=" others can read what the grader wrote: $(find "$GR" -perm /077 | head -n 3 | tr '\n' ' ');"
    if [ -z "$problems" ]; then
        ok "grading: hostile ids ($((${#graded[@]} / 2)) graded, formulas and HTML made inert; $((${#skipped[@]} / 2)) skipped with their reason: control characters, C1, not UTF-8, U+202E, a symbolic link); outputs parse and are private"
    else
        bad "grading: hostile ids:$problems (see $G/ids.out, $G/ids.err, $GR)"
    fi
}

# Killed with SIGKILL mid-run, then run again through GNU parallel: the same gradebook.
grading_interrupted() {
    local G=$1 S=$2 K=$1/killed C=$1/subset
    rm -rf "$C" && mkdir -p "$C"
    cp -r "$S/alice" "$S/Zoë O'Brien, \"jr\"" "$C/"
    GRADES=$K SUBMISSIONS=$C LESSONS=1,2 GRADE_TIMEOUT=0.5 setsid checker/grade/grade >"$G/killed1.out" 2>&1 &
    local pid=$! waited=0
    while [ "$(find "$K/.work/results" -name "*.tsv" 2>/dev/null | wc -l)" -lt 3 ] && [ "$waited" -lt 600 ]; do
        sleep 0.1; waited=$((waited + 1))
    done
    local finished=no
    [ -f "$K/gradebook.csv" ] && finished=yes
    kill -9 -- "-$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # The rest, the way a cluster would run it: plan, the jobs through GNU parallel, report.
    local status=0
    {
        GRADES=$K SUBMISSIONS=$C LESSONS=1,2 GRADE_TIMEOUT=0.5 checker/grade/grade plan &&
            parallel --will-cite -j 2 --colsep ' ' checker/grade/job --work "$K/.work" '{1}' '{2}' :::: "$K/.work/jobs.txt" &&
            GRADES=$K LESSONS=1,2 GRADE_TIMEOUT=0.5 checker/grade/grade report
    } >"$G/killed2.out" 2>&1 || status=$?
    local expected
    expected=$(grep -E '^(id|alice|"Zoë)' "$G/gradebook.first")
    if [ "$status" -eq 0 ] && [ "$(cat "$K/gradebook.csv" 2>/dev/null)" = "$expected" ]; then
        ok "grading: killed with SIGKILL $([ "$finished" = yes ] && echo "(after it had finished)" || echo "mid-run"), resumed through GNU parallel: the same gradebook"
    else
        bad "grading: the resumed run (exit $status) gave $(tr '\n' '|' <"$K/gradebook.csv" 2>/dev/null), expected $(printf '%s' "$expected" | tr '\n' '|') (see $G/killed2.out)"
    fi
}

# Without the sandbox, the attacks that read around do find the solution or a classmate's file:
# what stops them is the sandbox.
grading_unsandboxed() {
    local G=$1 S=$2 U=$1/unsandboxed C=$1/readers name
    rm -rf "$C" && mkdir -p "$C"
    cp -r "$S/alice" "$S/hostile-reads_peer" "$S/hostile-include_solution" "$C/"
    GRADE_UNSANDBOXED=1 GRADES=$U SUBMISSIONS=$C LESSONS=1 GRADE_TIMEOUT=0.5 checker/grade/grade >"$G/unsandboxed.out" 2>&1
    for name in $(grep -l '^ \* Unsandboxed: gains' "$GRADING_HOSTILE"/*.c); do
        name=$(basename "$name" .c)
        local score
        score=$(csv_cell "$U/gradebook.csv" "hostile-$name" 2)
        if [ -n "$score" ] && [ "$score" != 0 ]; then
            ok "grading: without the sandbox, $name gains points ($score): the sandbox is what stops it"
        else
            bad "grading: without the sandbox, $name scores '$score': the attack is not real (see $G/unsandboxed.out)"
        fi
    done
}

# The sandbox itself, seen from inside by a small trusted program (sandbox_probe.c).
grading_sandbox() {
    local G=$1 P=$1/probe
    mkdir -p "$P"
    if ! cc -std=c17 -D_DEFAULT_SOURCE -O1 -o "$P/probe" "$GRADING_SRC/sandbox_probe.c" 2>"$P/cc.log"; then
        bad "grading: the sandbox probe does not compile (see $P/cc.log)"
        return
    fi
    chmod 755 "$P" "$P/probe"
    "$P/probe" listen "$P/port" &
    local listener=$! i=0
    while [ ! -s "$P/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    local port
    port=$(cat "$P/port" 2>/dev/null)
    local secret=$ROOT/solutions
    checker/grade/sandbox --ro "$P/probe" /probe --tmpfs /job 1048576 --chdir /job --wall 30 --nproc 16 \
        --as 536870912 --fsize 1048576 -- /probe check "$port" "$secret" "$(cd "$LOG/grading" && pwd)" >"$P/out" 2>&1
    kill "$listener" 2>/dev/null
    wait "$listener" 2>/dev/null
    local line
    while IFS= read -r line; do
        case $line in
            "ok "*) ok "grading: sandbox: ${line#ok }" ;;
            *) bad "grading: sandbox: $line" ;;
        esac
    done <"$P/out"
    grep -q '^ok ' "$P/out" || bad "grading: the sandbox probe did not run (see $P/out)"
}

grading_bad_input() {
    local G=$1
    mkdir -p "$G/empty-class"
    expect_error "make grade without SUBMISSIONS" "make grade SUBMISSIONS=path" env -u SUBMISSIONS checker/grade/grade
    expect_error "make grade SUBMISSIONS=missing" "there is no such folder" env SUBMISSIONS="$G/no-such-class" checker/grade/grade
    expect_error "make grade on an empty folder" "has no student folders" env SUBMISSIONS="$G/empty-class" checker/grade/grade
    expect_error "make grade LESSONS=3,99" "there is no lesson 99" env SUBMISSIONS="$G/class" LESSONS=3,99 checker/grade/grade
    expect_error "make grade LESSONS=foo" "unknown lesson 'foo'" env SUBMISSIONS="$G/class" LESSONS=foo checker/grade/grade
    # Where no sandbox can start (here: a bwrap that fails as it does without user namespaces),
    # grading refuses, and says how to opt out.
    mkdir -p "$G/nosandbox"
    printf '#!/bin/sh\necho "bwrap: No permissions to creating new namespace" >&2\nexit 1\n' >"$G/nosandbox/bwrap"
    chmod +x "$G/nosandbox/bwrap"
    expect_error "make grade where no sandbox can start" "GRADE_UNSANDBOXED=1" \
        env PATH="$(cd "$G/nosandbox" && pwd):$PATH" SUBMISSIONS="$G/class" LESSONS=1 GRADES="$G/nosandbox/grades" checker/grade/grade
}

# make release: a student copy without solutions/, mutants or the self-test, where
# `make check lesson1` and `make plots lesson1` work (the reference curves come from the oracle).
grading_release() {
    local G=$1 R=$1/release
    if ! make --no-print-directory release RELEASE="$R" >"$G/release.out" 2>&1; then
        bad "grading: make release failed (see $G/release.out)"
        return
    fi
    local leaks
    leaks=$(cd "$R" && { ls -d solutions checker/selftest .ci 2>/dev/null; grep -rl --include='*.c' 'SOLUTION BEGIN' . 2>/dev/null; find . -name '*.patch'; })
    if [ -z "$leaks" ] && [ -f "$R/lessons/lesson01/derivatives.c" ] && [ -f "$R/checker/lesson01/test_derivatives.c" ] &&
        cmp -s "$R/README.md" checker/release/README.md && cmp -s "$R/README.ko.md" checker/release/README.ko.md; then
        ok "grading: make release: $(find "$R" -type f | wc -l) files, the students' README in English and Korean, no solution, mutant or self-test"
    else
        bad "grading: make release leaks: $leaks"
    fi
    make --no-print-directory -C "$R" check lesson1 >"$G/release-check.out" 2>&1
    local status=$?
    if [ "$status" -ne 0 ] && grep -q "0 of $(tests_in 01) tests pass" "$G/release-check.out"; then
        ok "grading: in the release, make check lesson1 builds and runs (the stub fails $(tests_in 01) of $(tests_in 01))"
    else
        bad "grading: in the release, make check lesson1 exited $status (see $G/release-check.out)"
    fi
    if make --no-print-directory -C "$R" plots lesson1 >"$G/release-plots.out" 2>&1 &&
        [ "$(grep -c '\.png$' "$G/release-plots.out")" -gt 0 ]; then
        ok "grading: in the release, make plots lesson1 draws $(grep -c '\.png$' "$G/release-plots.out") figures"
    else
        bad "grading: in the release, make plots lesson1 failed (see $G/release-plots.out)"
    fi
    # The students' copy speaks to students: its README and help name no solution, grading,
    # self-test or benchmark, every command its help lists runs there, and the maintainers'
    # commands are one line and a non-zero exit.
    local words='solutions/|SOLUTION=1|make test|make grade|make stubs|bench|release'
    local said
    said=$(grep -EHo "$words" "$R/README.md" <(make --no-print-directory -C "$R" help) 2>/dev/null | head -n 3)
    if [ -z "$said" ] && [ -f "$R/README.md" ]; then
        ok "grading: the release's README and make help are the students' own"
    else
        bad "grading: the release's README or help still says: $(printf '%s' "$said" | tr '\n' '|')"
    fi
    local cmd failed_cmds=""
    for cmd in "hint lesson1" "watch" "deps" "clean"; do
        # every listed command runs: hint and watch need a lesson first, and say so in one line
        make --no-print-directory -C "$R" $cmd >"$G/release-cmd.out" 2>&1
        case $cmd in
            watch) grep -q "name one lesson to watch" "$G/release-cmd.out" || failed_cmds+=" $cmd" ;;
            "hint lesson1") grep -qE "still failing|not been checked yet" "$G/release-cmd.out" || failed_cmds+=" $cmd" ;;
            *) [ "$(grep -ci 'error' "$G/release-cmd.out")" -eq 0 ] || failed_cmds+=" $cmd" ;;
        esac
    done
    local maint=""
    for cmd in test stubs grade bench bench-grade release; do
        make --no-print-directory -C "$R" $cmd >/dev/null 2>"$G/release-$cmd.err" && maint+=" $cmd(exit 0)"
        [ "$(grep -c . "$G/release-$cmd.err")" -eq 1 ] && grep -q "students' copy" "$G/release-$cmd.err" || maint+=" $cmd"
    done
    if [ -z "$failed_cmds" ] && [ -z "$maint" ]; then
        ok "grading: in the release, every listed command works and the maintainers' commands say in one line that they are not there"
    else
        bad "grading: in the release, commands that misbehave:$failed_cmds$maint"
    fi
}
