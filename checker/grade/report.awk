# report.awk: the grader's outputs, from the plan and the jobs' results (see checker/grade/grade).
#   awk -f report.awk -v work=DIR -v out=DIR -v seed=N -v sandbox=yes|no -v grades=DIR
# Reads  work/lessons.tsv   NN, title, points per test, file, the lesson's list of tests
#        work/plan.tsv      id, NN, state (job|missing|invalid), key, file, reason; by id
#        work/skipped.txt   the class's folders that were not graded, one line each, said as is
#        work/results/KEY.tsv  what checker/grade/job wrote
# Writes out/gradebook.csv, out/summary.txt, out/scores.dat and out/scores.labels.gp (the
#        figure's data), and out/students/ID/{feedback.md,junit.xml,.results.tsv}: the last is
#        what results.json holds, for jq to write it (checker/grade/results.jq), since a JSON
#        string needs a real JSON writer.
# Every writer escapes for its format: CSV (RFC 4180: quoted when a field holds a comma, quote,
# CR, LF or edge space, quotes doubled), XML (& < > " ' and the characters XML 1.0 forbids),
# Markdown code blocks (a fence longer than any in the text), the stream for jq (\ \n \t).
# Written for any POSIX awk (mawk, gawk, busybox), run in the C locale (bytes; display widths
# of UTF-8 text are counted by dwidth).
# The texts are in the class's language (-v lang=ko, from GRADE_LANG or the locale): tr("text")
# asks GNU gettext for the translation (the text domain "workbook", TEXTDOMAINDIR from the
# environment), once per text; fmt(tr("... %s ..."), a, b) fills in the values.

BEGIN {
    FS = "\t"
    ctl = "["
    for (i = 1; i < 32; i++) if (i != 9 && i != 10 && i != 13) ctl = ctl sprintf("%c", i)
    ctl = ctl sprintf("%c", 127) "]"

    nl = 0
    f = work "/lessons.tsv"
    while ((getline line < f) > 0) {
        split(line, a, "\t")
        L[++nl] = a[1]; title[a[1]] = tr(a[2]); points[a[1]] = a[3] + 0; file[a[1]] = a[4]
        lnum[a[1]] = a[1] + 0
        m = 0
        while ((getline t < a[5]) > 0) {
            split(t, b, "\t")
            m++; tname[a[1], m] = b[1]; ttitle[a[1], m] = unesc(b[2])
        }
        close(a[5])
        ntests[a[1]] = m
        maxpts[a[1]] = m * points[a[1]]
    }
    close(f)
    maxtotal = 0
    for (i = 1; i <= nl; i++) maxtotal += maxpts[L[i]]

    ns = 0
    f = work "/plan.tsv"
    while ((getline line < f) > 0) {
        split(line, a, "\t")
        if (!(a[2] in title)) continue
        if (!(a[1] in known)) { known[a[1]] = 1; ids[++ns] = a[1] }
        pstate[a[1], a[2]] = a[3]; pkey[a[1], a[2]] = a[4]; pfile[a[1], a[2]] = a[5]; preason[a[1], a[2]] = a[6]
    }
    close(f)

    csv = out "/gradebook.csv"
    printf "id" > csv
    for (i = 1; i <= nl; i++) printf ",lesson%s", L[i] > csv
    printf ",total,max\n" > csv

    for (s = 1; s <= ns; s++) student(ids[s])
    close(csv)
    summary()
    figure()
}

# ---- reading ------------------------------------------------------------------------------------

function unesc(s) {
    if (index(s, "\\") == 0) return s
    gsub(/\\\\/, "\001", s); gsub(/\\n/, "\n", s); gsub(/\\t/, "\t", s); gsub(/\001/, "\\", s)
    return s
}

# load(key): the result of a job into R_* ; returns 1 when it is there and whole.
function load(key,   f, line, a, n, whole) {
    for (k in RPASS) delete RPASS[k]
    for (k in RKIND) delete RKIND[k]
    for (k in RMSG) delete RMSG[k]
    R_status = ""; R_reason = ""; R_log = ""; R_output = ""; whole = 0
    f = work "/results/" key ".tsv"
    while ((getline line < f) > 0) {
        n = split(line, a, "\t")
        if (a[1] == "status") R_status = a[2]
        else if (a[1] == "reason") R_reason = unesc(a[2])
        else if (a[1] == "log") R_log = unesc(a[2])
        else if (a[1] == "output") R_output = unesc(a[2])
        else if (a[1] == "test" && n >= 6) { RPASS[a[2]] = a[3]; RKIND[a[2]] = a[4]; RMSG[a[2]] = unesc(a[6]) }
        else if (a[1] == "end") whole = 1
    }
    close(f)
    return whole
}

# ---- one student ------------------------------------------------------------------------------------

# outcome(id, NN): fills T_pass[j], T_kind[j], T_msg[j] for the lesson's tests, G_status,
# G_reason, G_log, and returns the points.
function outcome(id, num,   state, key, j, name, pass, why, got) {
    state = pstate[id, num]; key = pkey[id, num]
    G_log = ""; G_reason = ""; got = 0
    if (state == "" || state == "missing") {
        G_status = "missing"
        why = fmt(tr("not submitted: no %s.c was found (looked for lessons/lesson%s/%s.c, lesson%s/%s.c and %s.c)"), \
            file[num], num, file[num], num, file[num], file[num])
    } else if (state == "invalid") {
        G_status = "invalid"; why = fmt(tr("not graded: %s"), preason[id, num])
    } else if (!load(key)) {
        G_status = "notgraded"
        why = fmt(tr("not graded yet: its grading job failed or has not run (see %s/.work/jobs.log); run make grade again"), grades)
    } else {
        G_status = R_status; G_log = R_log; G_reason = R_reason
        why = R_reason
    }
    for (j = 1; j <= ntests[num]; j++) {
        name = tname[num, j]
        if (G_status == "graded" && (name in RPASS)) {
            T_pass[j] = (RPASS[name] == "PASS"); T_kind[j] = RKIND[name]; T_msg[j] = RMSG[name]
            # The grader's limits, named where the runner only knows the signal.
            if (T_kind[j] == "crash" && T_msg[j] ~ /signal 25 /)
                T_msg[j] = T_msg[j] "           " tr("(signal 25 is SIGXFSZ: the code wrote a file larger than the grader allows, 8 MiB.)") "\n"
            else if (T_kind[j] == "crash" && T_msg[j] ~ /signal 24 /)
                T_msg[j] = T_msg[j] "           " tr("(signal 24 is SIGXCPU: the code used more CPU time than the grader allows.)") "\n"
        } else if (G_status == "graded" || G_status == "timeout") {
            T_pass[j] = 0; T_kind[j] = "error"
            T_msg[j] = G_reason != "" ? fmt(tr("no result: the checker stopped before it reported this test (%s)."), G_reason) \
                                      : tr("no result: the checker stopped before it reported this test.")
        } else {
            T_pass[j] = 0; T_kind[j] = G_status; T_msg[j] = why
            if ((G_status == "compile" || G_status == "link") && G_log != "") T_msg[j] = why ".\n\n" G_log
        }
        got += T_pass[j]
    }
    G_why = why
    return got * points[num]
}

function student(id,   dir, md, js, xml, i, num, sc, total, j, hidden, shown, fence, nfail, nerr, k, first, tt, lines, vis) {
    dir = out "/students/" id
    md = dir "/feedback.md"; js = dir "/results.json"; xml = dir "/junit.xml"
    total = 0
    for (i = 1; i <= nl; i++) {
        num = L[i]
        sc = outcome(id, num)
        SC[id, num] = sc; ST[id, num] = G_status; total += sc
        for (j = 1; j <= ntests[num]; j++) { P[num, j] = T_pass[j]; K[num, j] = T_kind[j]; M[num, j] = T_msg[j] }
        LOGS[num] = G_log; WHY[num] = G_why; STAT[num] = G_status
        stat_add(num, sc, G_status, id)
    }

    # gradebook.csv
    printf "%s", csvf(id) > csv
    for (i = 1; i <= nl; i++) printf ",%s", num_(SC[id, L[i]]) > csv
    printf ",%s,%s\n", num_(total), num_(maxtotal) > csv

    # feedback.md
    print fmt(tr("# Feedback for %s"), mdtext(id)) > md
    print "" > md
    print fmt(tr("Total: **%s / %s points**. Every file was compiled and tested on its own by the workbook's checker, with the random inputs of seed %s: `SEED=%s make check lessonN` runs the same tests on your machine."), \
        num_(total), num_(maxtotal), seed, seed) > md
    print "" > md
    print "| " tr("Lesson") " | " tr("Points") " | " tr("Tests passed") " |" > md
    print "| --- | --- | --- |" > md
    for (i = 1; i <= nl; i++) {
        num = L[i]
        print "| " lnum[num] ". " mdcell(title[num]) " | " num_(SC[id, num]) " / " num_(maxpts[num]) " | " (SC[id, num] / (points[num] ? points[num] : 1)) " / " ntests[num] " |" > md
    }
    for (i = 1; i <= nl; i++) {
        num = L[i]
        print "" > md
        print fmt(tr("## Lesson %s: %s (%s / %s points)"), lnum[num], title[num], num_(SC[id, num]), num_(maxpts[num])) > md
        print "" > md
        if (STAT[num] == "missing" || STAT[num] == "invalid" || STAT[num] == "notgraded") {
            print capital(WHY[num]) "." > md
            continue
        }
        print fmt(tr("File graded: `%s`."), pfile[id, num]) > md
        print "" > md
        if (STAT[num] == "compile" || STAT[num] == "link") {
            print fmt(tr("%s. No test ran."), capital(WHY[num])) > md
            print "" > md
            codeblock(md, LOGS[num])
            continue
        }
        if (STAT[num] == "rejected") {
            print fmt(tr("Your file was compiled but %s. No test ran."), WHY[num]) > md
            continue
        }
        if (LOGS[num] != "") {
            print tr("The compiler warned (warnings cost no points, but they often point at the mistake):") > md
            print "" > md
            codeblock(md, LOGS[num])
            print "" > md
        }
        for (j = 1; j <= ntests[num]; j++) {
            tt = ttitle[num, j]; hidden = (tt ~ /^\[hidden\]/)
            if (hidden) { sub(/^\[hidden\] */, "", tt); tt = fmt(tr("(hidden test) %s"), tt) }
            print "- **" (P[num, j] ? "PASS" : "FAIL") "** " tt > md
            if (!P[num, j] && !hidden && M[num, j] != "") {
                print "" > md
                codeblock(md, M[num, j], "  ")
                print "" > md
            }
        }
    }
    close(md)

    # results.json (Gradescope's autograder format): its strings are written by jq (see
    # checker/grade/results.jq) from this stream, one record a line, fields escaped as in a result.
    js = dir "/.results.tsv"
    lines = ""
    for (i = 1; i <= nl; i++) lines = lines fmt(tr("Lesson %s (%s): %s / %s"), lnum[num = L[i]], title[num], num_(SC[id, num]), num_(maxpts[num])) "\n"
    print "result\t" num_(total) "\t" tsvf(lines) "\t" tsvf(id) "\t" num_(maxtotal) "\t" tsvf(seed) "\t" (sandbox == "yes" ? "true" : "false") > js
    # per lesson what feedback.md says besides the tests (the class page shows it too)
    for (i = 1; i <= nl; i++) {
        num = L[i]; k = 0
        for (j = 1; j <= ntests[num]; j++) k += P[num, j]
        print "lesson\t" num "\t" tsvf(title[num]) "\t" num_(SC[id, num]) "\t" num_(maxpts[num]) "\t" STAT[num] "\t" \
            tsvf(pfile[id, num]) "\t" tsvf(WHY[num]) "\t" tsvf(LOGS[num]) "\t" k "\t" ntests[num] > js
    }
    for (i = 1; i <= nl; i++) {
        num = L[i]
        for (j = 1; j <= ntests[num]; j++) {
            tt = ttitle[num, j]; hidden = (tt ~ /^\[hidden\]/)
            print "test\t" tsvf(fmt(tr("Lesson %s: %s"), lnum[num], tt)) "\t" lnum[num] "." j "\t" num_(P[num, j] * points[num]) "\t" \
                num_(points[num]) "\t" (P[num, j] ? "passed" : "failed") "\t" (hidden ? "hidden" : "visible") "\t" \
                tsvf(P[num, j] ? "" : M[num, j]) > js
        }
    }
    close(js)

    # junit.xml: a failed comparison is a <failure>; a crash, a timeout, a compile error, a
    # rejected or missing file is an <error>.
    nfail = 0; nerr = 0; k = 0
    for (i = 1; i <= nl; i++) for (j = 1; j <= ntests[L[i]]; j++) {
        k++
        if (!P[L[i], j]) { if (K[L[i], j] == "assert") nfail++; else nerr++ }
    }
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > xml
    print "<testsuites name=\"" xesc(id) "\" tests=\"" k "\" failures=\"" nfail "\" errors=\"" nerr "\">" > xml
    for (i = 1; i <= nl; i++) {
        num = L[i]; nfail = 0; nerr = 0
        for (j = 1; j <= ntests[num]; j++) if (!P[num, j]) { if (K[num, j] == "assert") nfail++; else nerr++ }
        print "  <testsuite name=\"lesson" num "\" tests=\"" ntests[num] "\" failures=\"" nfail "\" errors=\"" nerr "\" skipped=\"0\">" > xml
        print "    <properties>" > xml
        print "      <property name=\"title\" value=\"" xesc(title[num]) "\"/>" > xml
        print "      <property name=\"score\" value=\"" num_(SC[id, num]) "\"/>" > xml
        print "      <property name=\"max_score\" value=\"" num_(maxpts[num]) "\"/>" > xml
        print "      <property name=\"status\" value=\"" xesc(STAT[num]) "\"/>" > xml
        print "      <property name=\"file\" value=\"" xesc(pfile[id, num]) "\"/>" > xml
        print "    </properties>" > xml
        for (j = 1; j <= ntests[num]; j++) {
            name = tname[num, j]; sub(/^[^:]*::/, "", name)
            printf "    <testcase classname=\"lesson%s\" name=\"%s\"", num, xesc(name ": " ttitle[num, j]) > xml
            if (P[num, j]) { print "/>" > xml; continue }
            print ">" > xml
            first = M[num, j]; sub(/\n.*/, "", first)
            printf "      <%s type=\"%s\" message=\"%s\">%s</%s>\n", (K[num, j] == "assert" ? "failure" : "error"), \
                xesc(K[num, j]), xesc(first), xesc(M[num, j]), (K[num, j] == "assert" ? "failure" : "error") > xml
            print "    </testcase>" > xml
        }
        if (LOGS[num] != "") print "    <system-err>" xesc(LOGS[num]) "</system-err>" > xml
        print "  </testsuite>" > xml
    }
    print "</testsuites>" > xml
    close(xml)
}

# ---- the class: summary and figure -----------------------------------------------------------------

function stat_add(num, sc, status, id,   n) {
    n = ++CN[num]; CS[num, n] = sc; CSUM[num] += sc
    if (sc == maxpts[num] && maxpts[num] > 0) CFULL[num]++
    if (status != "graded") {
        CPROB[num, status]++
        if (CPROB[num, status] <= 6) CWHO[num, status] = CWHO[num, status] (CPROB[num, status] > 1 ? ", " : "") id
        else if (CPROB[num, status] == 7) CWHO[num, status] = CWHO[num, status] ", ..."
    }
}

function summary(   f, g, line, nskip, i, num, n, j, k, v, med, mn, mx, st, label, names) {
    f = out "/summary.txt"
    printf "%s %s %s %s %s %s %s\n", dpad(tr("Lesson"), 7), dpad(tr("Title"), 46), dpad(tr("mean"), 9, 1), \
        dpad(tr("median"), 7, 1), dpad(tr("min"), 7, 1), dpad(tr("max"), 7, 1), dpad(tr("full"), 6, 1) > f
    for (i = 1; i <= nl; i++) {
        num = L[i]; n = CN[num]
        for (j = 1; j <= n; j++) V[j] = CS[num, j]
        for (j = 2; j <= n; j++) { v = V[j]; for (k = j - 1; k >= 1 && V[k] > v; k--) V[k + 1] = V[k]; V[k + 1] = v }
        med = n ? (n % 2 ? V[(n + 1) / 2] : (V[n / 2] + V[n / 2 + 1]) / 2) : 0
        mn = n ? V[1] : 0; mx = n ? V[n] : 0
        printf "%-7s %s %9s %7s %7s %7s %6s\n", lnum[num], dpad(dcut(title[num], 46), 46), \
            sprintf("%.1f/%s", n ? CSUM[num] / n : 0, num_(maxpts[num])), num_(med), num_(mn), num_(mx), (CFULL[num] + 0) "/" n > f
    }
    split("missing invalid compile link rejected timeout notgraded", names, " ")
    label["missing"] = tr("not submitted"); label["invalid"] = tr("not a usable file")
    label["compile"] = tr("does not compile"); label["link"] = tr("does not link")
    label["rejected"] = tr("rejected for forbidden code"); label["timeout"] = tr("the whole run timed out")
    label["notgraded"] = tr("NOT GRADED (a job failed: run make grade again)")
    for (i = 1; i <= nl; i++) {
        num = L[i]
        for (k = 1; k <= 7; k++) {
            st = names[k]
            if (CPROB[num, st]) {
                # (NOT GRADED stays English at the start of the line: the grader looks for it)
                printf "%s%s\n", (st == "notgraded" ? "NOT GRADED " : ""), \
                    fmt(tr("lesson %s, %s (%s): %s"), lnum[num], label[st], CPROB[num, st], CWHO[num, st]) > f
            }
        }
    }
    # The class's folders that are no student's (or could not be one), each with its reason.
    g = work "/skipped.txt"
    nskip = 0
    while ((getline line < g) > 0) { print line > f; if (line ~ /^skipped /) nskip++ }
    close(g)
    printf "%s\n", fmt(tr("%s students%s; files in %s: index.html (the class page), gradebook.csv, summary.txt, mistakes.csv, similarity.csv, scores.png, students/ID/{index.html,feedback.md,results.json,junit.xml}"), \
        ns, (nskip ? fmt(nskip > 1 ? tr(" (%s folders skipped: see above)") : tr(" (%s folder skipped: see above)"), nskip) : ""), grades) > f
    close(f)
}

# scores.dat: one line per (lesson, student): lesson index, score as % of the lesson's points.
# scores.box: per lesson: index, first quartile, minimum, maximum, third quartile, median, mean.
function figure(   f, g, h, i, num, j, k, n, v, labels) {
    f = out "/scores.dat"; g = out "/scores.labels.gp"; h = out "/scores.box"
    for (i = 1; i <= nl; i++) {
        num = L[i]; n = CN[num]
        for (j = 1; j <= n; j++) {
            V[j] = maxpts[num] > 0 ? 100 * CS[num, j] / maxpts[num] : 0
            printf "%d %.4f\n", i, V[j] > f
        }
        for (j = 2; j <= n; j++) { v = V[j]; for (k = j - 1; k >= 1 && V[k] > v; k--) V[k + 1] = V[k]; V[k + 1] = v }
        if (n > 0)
            printf "%d %.4f %.4f %.4f %.4f %.4f %.4f\n", i, quantile(n, 0.25), V[1], V[n], quantile(n, 0.75), \
                quantile(n, 0.5), (maxpts[num] > 0 ? 100 * CSUM[num] / n / maxpts[num] : 0) > h
        labels = labels (i > 1 ? ", " : "") "\"" lnum[num] "\\n" wrap(gpstr(title[num]), 24) "\" " i
    }
    close(f); close(h)
    printf "nlessons = %d\nnstudents = %d\nset xtics (%s) nomirror\n", nl, ns, labels > g
    close(g)
}

# The p-quantile of the sorted V[1..n], interpolated between neighbours.
function quantile(n, p,   x, lo) {
    x = 1 + (n - 1) * p; lo = int(x)
    return lo >= n ? V[n] : V[lo] + (x - lo) * (V[lo + 1] - V[lo])
}

# A tic label: the words of s in lines of about width characters (gnuplot's "\n"), three at most.
function wrap(s, width,   w, n, i, line, out, lines) {
    n = split(s, w, " "); line = ""; out = ""; lines = 1
    for (i = 1; i <= n; i++) {
        if (line != "" && dwidth(line) + 1 + dwidth(w[i]) > width) {
            if (++lines > 3) { line = line " ..."; break }
            out = out line "\\n"; line = w[i]
        } else
            line = line (line == "" ? "" : " ") w[i]
    }
    return out line
}
function gpstr(s) { s = replace(s, "\\", "\\\\"); gsub(/"/, "\\\"", s); return s }

# ---- the class's language --------------------------------------------------------------------------

# tr(text): text in the class's language (GNU gettext), asked once per text.
function tr(s,   cmd, line, r, n) {
    if (lang == "" || s == "") return s
    if (s in TR) return TR[s]
    cmd = "LANGUAGE='" lang "' LC_ALL=C.UTF-8 gettext -d workbook -- '" replace(s, "'", "'\\''") "' 2>/dev/null"
    r = ""; n = 0
    while ((cmd | getline line) > 0) r = r (n++ ? "\n" : "") line
    close(cmd)
    TR[s] = (n ? r : s)
    return TR[s]
}

# fmt(text, a, b, ...): every %s of text replaced by the next value, in order (a translation keeps
# the values' order).
function fmt(s, a, b, c, d, e, f,   v, i, k, r) {
    v[1] = a; v[2] = b; v[3] = c; v[4] = d; v[5] = e; v[6] = f
    r = ""; i = 0
    while ((k = index(s, "%s")) > 0) { r = r substr(s, 1, k - 1) v[++i]; s = substr(s, k + 2) }
    return r s
}

# The display width of UTF-8 text in the C locale: a byte that starts a character counts one
# column, or two for the East Asian wide ranges (U+1100 to U+115F, U+2E80 to U+A4CF, Hangul
# syllables U+AC00 to U+D7A3, U+F900 to U+FAFF, U+FF00 to U+FF60, U+FFE0 to U+FFE6).
function dwidth(s,   n, i, c, w, b1, b2) {
    if (!("x" in BYTE)) for (i = 0; i < 256; i++) BYTE[sprintf("%c", i)] = i
    n = length(s); w = 0
    for (i = 1; i <= n; i++) {
        c = BYTE[substr(s, i, 1)]
        if (c < 128 || c >= 192) {
            w++
            if (c >= 224 && c < 240) {
                b1 = BYTE[substr(s, i + 1, 1)]; b2 = c * 64 + b1 - 224 * 64 - 128
                # b2 = the code point's top 10 bits (code point / 64)
                if ((b2 >= 68 && b2 < 70) || (b2 >= 186 && b2 < 660) || (b2 >= 688 && b2 < 863) || \
                    (b2 >= 996 && b2 < 1004) || b2 == 1020 || b2 == 1021 || b2 == 1023) w++
            }
        }
    }
    return w
}

# dpad(text, width[, right]): text padded with spaces to width display columns (on the left
# when right is set).
function dpad(s, width, right,   k) {
    k = width - dwidth(s)
    if (k <= 0) return s
    return right ? sprintf("%" k "s", "") s : s sprintf("%" k "s", "")
}

# dcut(text, width): the first characters of text that fit in width columns, never half of one.
function dcut(s, width,   n, i, c, out) {
    if (dwidth(s) <= width) return s
    n = length(s); out = ""
    for (i = 1; i <= n; i++) {
        c = BYTE[substr(s, i, 1)]
        if ((c < 128 || c >= 192) && dwidth(out substr(s, i, 1)) > width) break
        out = out substr(s, i, 1)
    }
    while (length(out) > 0 && BYTE[substr(out, length(out), 1)] >= 128 && BYTE[substr(out, length(out), 1)] < 192 && \
           !complete(out)) out = substr(out, 1, length(out) - 1)
    return out
}
function complete(s,   n, i, c, need) {
    n = length(s)
    for (i = n; i >= 1; i--) { c = BYTE[substr(s, i, 1)]; if (c < 128 || c >= 192) break }
    if (c < 128) return 1
    need = c >= 240 ? 4 : c >= 224 ? 3 : 2
    return n - i + 1 == need
}

# ---- formats ------------------------------------------------------------------------------------------

function num_(x) { return sprintf("%g", x) }
function capital(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function mdcell(s) { gsub(/\|/, "\\|", s); return s }

# A CSV field (RFC 4180), that no spreadsheet reads as a formula. A field that starts with = + - @,
# a tab or a CR (after spaces) is one to Excel, LibreOffice and Sheets: it gets a ' in front and
# quotes, as OWASP advises against CSV injection. A field with a ; is quoted too, for the
# spreadsheets that split at semicolons.
function csvf(s,   quote) {
    quote = (s ~ /[",;\r\n]/ || s ~ /^[ \t]/ || s ~ /[ \t]$/)
    if (s ~ /^ *[-=+@\t\r]/) { s = "'" s; quote = 1 }
    if (quote) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
    return s
}

# Text in a Markdown line, shown as text by every viewer: & < > " ' and ` as HTML entities (no
# tag, attribute or code span can open), every other ASCII punctuation mark backslash-escaped
# (no emphasis, link, image or closing # can start).
function mdtext(s,   n, i, c, r) {
    if (!("<" in MDENT)) {
        MDENT["&"] = "&amp;"; MDENT["<"] = "&lt;"; MDENT[">"] = "&gt;"
        MDENT["\""] = "&quot;"; MDENT["'"] = "&#39;"; MDENT["`"] = "&#96;"
    }
    n = length(s); r = ""
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (c in MDENT) r = r MDENT[c]
        else if (index("!#$%()*+,-./:;=?@[\\]^_{|}~", c)) r = r "\\" c
        else r = r c
    }
    return r
}

# A field of a tab-separated record: \ \n \t escaped (as unesc reads them back). Each backslash
# is doubled by splitting, not by gsub: mawk, Debian's awk, writes one for gsub's "\\\\".
function tsvf(s) {
    s = replace(s, "\\", "\\\\")
    gsub(/\n/, "\\n", s); gsub(/\t/, "\\t", s)
    return s
}

# replace(s, from, to): every from (a single character) in s replaced by to, taken literally.
function replace(s, from, to,   n, part, i, r) {
    n = split(s, part, from)
    r = part[1]
    for (i = 2; i <= n; i++) r = r to part[i]
    return r
}

function xesc(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); gsub(/'/, "\\&apos;", s)
    gsub(ctl, "", s)
    return s
}

# A fenced code block, its fence longer than any run of backticks in the text.
function codeblock(f, text, indent,   fence) {
    fence = "```"
    while (index(text, fence)) fence = fence "`"
    sub(/\n+$/, "", text)
    if (indent != "") gsub(/\n/, "\n" indent, text)
    print indent fence > f
    print indent text > f
    print indent fence > f
}
