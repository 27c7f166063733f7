# shellcheck shell=bash
# student_loop.sh: the student's side of `make check` in `make test`, sourced by
# checker/tools/selftest (which defines ok, bad, $B, $LOG and $WB): results that always belong
# to the file just checked, a table that comes from this run, checks that take turns, Ctrl-C,
# bounded compiles, messages that blame the right party, short output, the judge's own libgit2
# stand-ins.

# loop_copy DIR: a copy of the lessons to play with.
loop_copy() { rm -rf "$1" && cp -r lessons "$1"; }

# results_pass VARIANT NN: the tests this variant's last check passed.
results_pass() { awk -F'\t' '$2 == "PASS"' "$B/results/$1/lesson$2.tsv" 2>/dev/null | grep -c .; }

student_loop_stale() {
    local L=$LOG/loop-lessons V=selftest-loop
    loop_copy "$L"
    # the solution in a copy, then the stub in another folder, into the same build variant
    cp solutions/lesson01/derivatives.c "$L/lesson01/"
    WB_VARIANT=$V LESSONS_DIR=$L "$WB" check lesson1 >"$LOG/loop-1.out" 2>&1
    local first second third fourth
    first=$(results_pass $V 01)
    WB_VARIANT=$V "$WB" check lesson1 >"$LOG/loop-2.out" 2>&1
    second=$(results_pass $V 01)
    # the stub, then the solution, restored with an older timestamp (cp -p, unzip, git stash)
    cp lessons/lesson01/derivatives.c "$L/lesson01/derivatives.c"
    touch -d '2001-01-01' "$L/lesson01/derivatives.c"
    WB_VARIANT=$V LESSONS_DIR=$L "$WB" check lesson1 >"$LOG/loop-3.out" 2>&1
    third=$(results_pass $V 01)
    cp -p solutions/lesson01/derivatives.c "$L/lesson01/derivatives.c"
    touch -d '2001-01-01' "$L/lesson01/derivatives.c"
    WB_VARIANT=$V LESSONS_DIR=$L "$WB" check lesson1 >"$LOG/loop-4.out" 2>&1
    fourth=$(results_pass $V 01)
    if [ "$first" -gt 0 ] && [ "$second" -eq 0 ] && [ "$third" -eq 0 ] && [ "$fourth" -eq "$first" ]; then
        ok "make check: results belong to the file just checked (solution $first, stub 0, stub with an old timestamp 0, solution restored with an old timestamp $fourth)"
    else
        bad "make check: stale results: solution $first, then stub $second, old-stamped stub $third, old-stamped solution $fourth (see $LOG/loop-*.out)"
    fi
}

student_loop_table() {
    local L=$LOG/loop-table V=selftest-table
    loop_copy "$L"
    cp solutions/lesson01/derivatives.c "$L/lesson01/"
    WB_VARIANT=$V LESSONS_DIR=$L "$WB" check lesson1 lesson2 >"$LOG/table-1.out" 2>&1
    # lesson 1 no longer links (a function renamed); the table must not show the old N/N
    sed -i 's/^double derivative_forward(/double derivative_forwardd(/' "$L/lesson01/derivatives.c"
    WB_VARIANT=$V LESSONS_DIR=$L "$WB" check lesson1 lesson2 >"$LOG/table-2.out" 2>&1
    local t1
    t1=$(tests_in 01)
    if grep -qE "^1 .*$t1/$t1" "$LOG/table-1.out" && grep -qE '^1 .*not run: derivative_forward is missing' "$LOG/table-2.out" &&
        grep -q "does not define derivative_forward()" "$LOG/table-2.out"; then
        ok "make check: a lesson that no longer links is 'not run' in the table, naming the function, not its old $t1/$t1"
    else
        bad "make check: the table after a lesson stopped linking (see $LOG/table-2.out)"
    fi
    local lines
    lines=$(NO_COLOR=1 "$WB" check lesson3 2>&1 | grep -c .)
    if [ "$lines" -le 24 ]; then
        ok "make check lesson3 on the untouched stub fits on one screen ($lines lines)"
    else
        bad "make check lesson3 on the stub prints $lines lines"
    fi
}

student_loop_concurrent() {
    local i pids=() failures=0
    for i in 1 2 3 4; do
        WB_VARIANT=selftest-twice "$WB" check lesson2 >"$LOG/twice-$i.out" 2>&1 &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do wait "${pids[$i]}"; done
    for i in 1 2 3 4; do
        grep -q "0 of $(tests_in 02) tests pass" "$LOG/twice-$i.out" || failures=$((failures + 1))
    done
    if [ "$failures" -eq 0 ]; then
        ok "make check: four checks of one lesson at once all complete, with the same result"
    else
        bad "make check: $failures of four simultaneous checks went wrong (see $LOG/twice-*.out)"
    fi
}

student_loop_interrupt() {
    local L=$LOG/loop-int
    loop_copy "$L"
    cp solutions/lesson02/gradient_descent.c "$L/lesson02/" &&
        patch -s "$L/lesson02/gradient_descent.c" <checker/selftest/probes/loops.patch
    # Ctrl-C reaches the whole foreground process group: here, a session of its own. (A job
    # started with & ignores SIGINT; python3 gives the check the default, as a terminal would.)
    setsid python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
        env LESSONS_DIR="$L" WB_VARIANT=selftest-int "$WB" check lesson2 lesson3 >"$LOG/int.out" 2>&1 &
    local pid=$! t0 t1
    sleep 2
    t0=$(date +%s%N)
    kill -INT -- "-$pid"
    wait "$pid"
    local status=$?
    t1=$(date +%s%N)
    sleep 0.5
    local left
    # (the pattern's brackets keep grep from finding its own command line)
    left=$(grep -l "selftest-in[t]/lesson0" /proc/[0-9]*/cmdline 2>/dev/null | grep -c .)
    if [ "$status" -ne 0 ] && [ $(((t1 - t0) / 1000000)) -lt 3000 ] && [ "$left" -eq 0 ] && ! grep -q "Lesson 3" "$LOG/int.out"; then
        ok "make check: Ctrl-C ends the run at once (in $(((t1 - t0) / 1000000)) ms), the next lesson never starts, no process is left"
    else
        bad "make check: after Ctrl-C: exit $status after $(((t1 - t0) / 1000000)) ms, $left processes left (see $LOG/int.out)"
    fi
}

student_loop_messages() {
    local L=$LOG/loop-msg out
    loop_copy "$L"
    printf '#include "derivatives.h"\nint main(void) { return 0; }\n' >>"$L/lesson01/derivatives.c"
    out=$(LESSONS_DIR=$L WB_VARIANT=selftest-msg "$WB" check lesson1 2>&1)
    grep -q "defines main()" <<<"$out" && ! grep -q "the checker itself failed" <<<"$out" &&
        ok "make check: a file with main() is told so, not blamed on the checker" ||
        bad "make check: a file with main(): $(printf '%s' "$out" | tail -n 2 | tr '\n' '|')"
    loop_copy "$L"
    printf '#include "/dev/zero"\n' >>"$L/lesson01/derivatives.c"
    out=$(LESSONS_DIR=$L WB_VARIANT=selftest-msg WB_COMPILE_CPU=2 timeout 60 "$WB" check lesson1 2>&1)
    grep -q "compiling it was stopped" <<<"$out" &&
        ok "make check: a file that never finishes compiling (#include \"/dev/zero\") is stopped and says so" ||
        bad "make check: #include \"/dev/zero\": $(printf '%s' "$out" | tail -n 2 | tr '\n' '|')"
    printf 'x' >"$LOG/not-a-folder"
    out=$(WB_BUILD=$LOG/not-a-folder "$WB" check lesson1 2>&1 >/dev/null)
    [ "$(printf '%s\n' "$out" | grep -c .)" -eq 1 ] && grep -q "cannot write the build folder" <<<"$out" &&
        ok "make check: a build folder that is a file is one line: \"$out\"" ||
        bad "make check: WB_BUILD is a file: $out"
    "$WB" check lesson3 >/dev/null 2>&1
    out=$("$WB" hint lesson3 2>&1)
    grep -q "still failing" <<<"$out" && grep -qF "log(softmax(z))" <<<"$out" &&
        ok "make hint lesson3: the hints for what still fails ($(printf '%s\n' "$out" | grep -c .) lines)" ||
        bad "make hint lesson3: $(printf '%s' "$out" | head -n 3 | tr '\n' '|')"
    # (grep -c, not grep -q: under pipefail, grep quitting early would fail the pipe)
    if [ "$(nm "$B/suite/plain/judge01" 2>/dev/null | grep -c " T git_libgit2_init")" -eq 1 ] &&
        grep -q "$(tests_in 01) of $(tests_in 01)" <(WB_VARIANT=selftest-msg "$WB" run-check 01 selftest-msg solutions/lesson01/derivatives.c 2>&1); then
        ok "the judge defines its own git_libgit2_init (no libgit2 start-up per test), and Criterion still reports"
    else
        bad "the judge's libgit2 stand-ins are missing, or Criterion no longer reports"
    fi
}

student_loop_selftest() {
    student_loop_stale
    student_loop_table
    student_loop_concurrent
    student_loop_interrupt
    student_loop_messages
}
