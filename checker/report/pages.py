#!/usr/bin/env python3
"""pages.py: the workbook's two report pages, written from results already recorded.

  pages.py student --out FILE --build DIR --variant V NN...
      the student's page (make report): for each lesson NN, DIR/results/V/lessonNN.tsv (what
      make check's runner wrote), DIR/results/V/lessonNN.run (its date, seed and file, written
      by checker/tools/workbook), DIR/logs/lessonNN.build.log for a file that did not compile,
      and the figures in DIR/plots/lessonNN/ (with source.tsv, the file they were drawn from).
  pages.py class --out DIR --work DIR --seed N --sandbox yes|no --date TEXT
      the class page (make grade): DIR/index.html, DIR/students/ID/index.html, DIR/mistakes.csv,
      DIR/similarity.csv and the mistakes' table added to DIR/summary.txt, from the grader's
      per-student results (DIR/students/ID/results.json), scores.png, and the plan and the files
      in the work folder (for the similarity of submissions).

Every string that came from a student (ids, messages, compiler output, code) is text in the
page, never markup (markup.el escapes it). The pages need no network and no JavaScript; the
figures are data: URIs. Every word a reader sees is in labels.py.
"""
import argparse
import base64
import csv
import datetime
import hashlib
import io
import json
import os
import re
import statistics
import unicodedata
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from labels import label, lang, msg  # noqa: E402
from markup import el, page  # noqa: E402
import similarity  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

CSS = """
:root { --pass: #1a7f37; --fail: #b42318; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif;
       color: #1f2328; margin: 0 auto; max-width: 64rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .2rem 0 .5rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
p.meta, .muted { color: var(--muted); font-size: .9rem; }
p.note { background: #fff8c5; border-left: 4px solid #d4a72c; padding: .4rem .6rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
tr.top td { background: #fff1e5; }
table.mistakes, table.similarity { width: 100%; table-layout: fixed; }
table.mistakes th:nth-child(1) { width: 30%; }
table.mistakes th:nth-child(2), table.mistakes th:nth-child(3) { width: 6.5rem; }
table.similarity th:nth-child(1) { width: 25%; }
table.similarity th:nth-child(3) { width: 12rem; }
progress { width: 7rem; height: .9rem; vertical-align: middle; accent-color: var(--pass); }
.pass { color: var(--pass); font-weight: 600; }
.fail { color: var(--fail); font-weight: 600; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: var(--soft); border: 1px solid var(--line); padding: .5rem; white-space: pre-wrap;
      overflow-wrap: anywhere; margin: .3rem 0; }
article.failure { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 4px;
                  padding: .4rem .7rem; margin: .6rem 0; }
article.failure h4 { margin: 0 0 .3rem; font-size: 1rem; }
dl.why { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem .8rem; margin: 0; }
dl.why dt { color: var(--muted); font-size: .85rem; }
dl.why dd { margin: 0; overflow-wrap: anywhere; }
dl.why dd.mistake { font-weight: 600; }
dl.why dd.hint { background: #ddf4ff; padding: 0 .3rem; }
ul.unwritten li, ul.passed li { overflow-wrap: anywhere; }
p.test { margin: .15rem 0; }
figure { display: inline-block; margin: .5rem .5rem .5rem 0; max-width: 100%; vertical-align: top; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { font-size: .85rem; color: var(--muted); }
nav.lessons a { margin-right: .6rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.pair pre { margin: 0; }
td.id { overflow-wrap: anywhere; max-width: 18rem; }
@media (max-width: 40rem) {
  body { padding: .6rem; font-size: 15px; }
  dl.why { grid-template-columns: 1fr; }
  dl.why dt { margin-top: .3rem; }
  .pair { grid-template-columns: 1fr; }
  th, td { padding: .25rem .3rem; }
  .bar, .wide { display: none; }
  table.mistakes thead, table.similarity thead { display: none; }
  table.mistakes tr { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; border-bottom: 1px solid var(--line); }
  table.mistakes td { border: 0; }
  table.mistakes td:last-child { grid-column: 1 / -1; }
  table.similarity tr { display: block; border-bottom: 1px solid var(--line); }
  table.similarity td { display: block; border: 0; text-align: left; }
}
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  nav, .noprint { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  article.failure, figure, tr, .pair { break-inside: avoid; }
  pre { white-space: pre-wrap; }
  th, tr.top td, dl.why dd.hint, p.note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def read_registry():
    lessons = {}
    with open(os.path.join(ROOT, "lessons", "registry.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            num, slug, file, points, title = line.rstrip("\n").split("\t")[:5]
            lessons[num] = {"num": num, "n": int(num), "slug": slug, "file": file, "points": float(points), "title": msg(title)}
    return lessons


def unesc(s):
    """A field of the runner's TSV: \\n, \\t and \\\\ back to what they stand for."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def read_tsv_kv(path):
    info = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                k, _, v = line.rstrip("\n").partition("\t")
                info[k] = v
    except OSError:
        pass
    return info


def sha256_of(path):
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return ""


# ---- a failure message, as the checker writes it ------------------------------------------------

# The labels a checker's message puts before its lines (checker/core/check.c: wb_label pads each,
# in the language it was written in, to display column LABEL_COLUMNS), and the catalog's
# translations of them: a message recorded in either language is read.
MESSAGE_LABELS = ("abs. error", "call", "checked", "crash", "ended", "error", "expected", "got", "hint",
                  "mistake", "mistakes", "rel. error", "replay", "shape", "text", "timeout", "tolerance", "where", "worst")
LABEL_COLUMNS = 11
_LABEL_KEYS = None


def label_keys():
    """{label as written: its English name}, longest first."""
    global _LABEL_KEYS
    if _LABEL_KEYS is None:
        keys = {name: name for name in MESSAGE_LABELS}
        keys.update({msg(name): name for name in MESSAGE_LABELS})
        _LABEL_KEYS = dict(sorted(keys.items(), key=lambda kv: -len(kv[0])))
    return _LABEL_KEYS


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def split_label(line):
    """(English name, label as written, the rest) when the line starts with a padded label, else None."""
    for written, name in label_keys().items():
        if not line.startswith(written + " "):
            continue
        pad = max(LABEL_COLUMNS - display_width(written), 1)
        if line[len(written):len(written) + pad] == " " * pad and len(line) > len(written) + pad:
            return name, written, line[len(written) + pad:]
    return None


def parse_message(msg_text):
    """The checker's message as [(name, label, text)]: 'call       f(x)' is ('call', 'call', 'f(x)')
    ('호출       f(x)' is ('call', '호출', 'f(x)')), a line indented to the same column continues the
    one before, any other line is (None, None, line)."""
    items = []
    for line in msg_text.rstrip("\n").split("\n"):
        found = split_label(line)
        if found:
            items.append(list(found))
        elif line.startswith(" " * LABEL_COLUMNS) and items:
            items[-1][2] += "\n" + line[LABEL_COLUMNS:]
        elif line.strip():
            items.append([None, None, line])
    return items


def mistakes_in(msg):
    """The named mistakes [(id, what, hint)] and the error shapes [(key, text)] a message reports."""
    named, shapes, last = [], [], None
    for lab, _, txt in parse_message(msg):
        if lab == "mistake" and txt.startswith("["):
            mid, _, what = txt[1:].partition("]")
            last = [mid, what.strip(), ""]
            named.append(last)
        elif lab == "hint" and last is not None:
            last[2] = txt
        elif lab == "shape":
            shapes.append((shape_key(txt), txt))
    return [tuple(m) for m in named], shapes


def shape_key(text):
    """An error shape's name, the same for every student: what comes before its details."""
    return text.split(":")[0].strip().rstrip(".")


UNWRITTEN = "not written yet: %s still runs its stub placeholder (WB_TODO).\n"


def unwritten_function(msg_text):
    """The function a 'not written yet' message names (in English, or as the catalog words it)."""
    for prefix in {"not written yet: ", msg(UNWRITTEN).split("%s")[0]}:
        m = re.match(re.escape(prefix) + r"([A-Za-z_0-9]+)", msg_text)
        if m:
            return m.group(1)
    return None


def render_failure(title, msg):
    rows = []
    for lab, written, txt in parse_message(msg):
        if lab is None:
            rows.append(el("dt", "")), rows.append(el("dd", txt))
            continue
        cls = {"mistake": "mistake", "mistakes": "mistake", "hint": "hint"}.get(lab)
        if lab in ("call", "expected", "got"):
            body = el("code", txt)
        else:
            body = txt
        rows.append(el("dt", written))
        rows.append(el("dd", body, cls=cls))
    return el("article", el("h4", el("span", label("fail"), cls="fail"), " ", title), el("dl", rows, cls="why"), cls="failure")


def figure(path):
    with open(path, "rb") as fh:
        data = base64.b64encode(fh.read()).decode("ascii")
    name = os.path.splitext(os.path.basename(path))[0]
    return el("figure", el("img", src="data:image/png;base64," + data, alt=label("figure_missing_alt", name=name)),
              el("figcaption", name))


# ---- the student's page -----------------------------------------------------------------------------

def read_results(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 4:
                continue
            rows.append({"name": f[0], "pass": f[1] == "PASS", "kind": f[2], "title": unesc(f[3]),
                         "msg": unesc(f[4]) if len(f) > 4 else ""})
    return rows


def student_lesson(build, variant, lesson):
    """(summary row, section) of one lesson."""
    num, n = lesson["num"], lesson["n"]
    results = os.path.join(build, "results", variant, "lesson%s.tsv" % num)
    anchor = "lesson%s" % num
    heading = el("h2", label("lesson_title", n=n, title=lesson["title"]), id=anchor)
    if not os.path.isfile(results) or os.path.getsize(results) == 0:
        row = el("tr", el("td", el("a", n, href="#" + anchor), cls="num"), el("td", lesson["title"]),
                 el("td", label("not_checked"), colspan="2", cls="muted nowrap"), data_lesson=num)
        return row, el("section", heading, el("p", label("not_checked_long", n=n), cls="note"), data_lesson=num), 0, 0
    rows = read_results(results)
    passed = sum(r["pass"] for r in rows)
    total = len(rows)
    row = el("tr", el("td", el("a", n, href="#" + anchor), cls="num"), el("td", lesson["title"]),
             el("td", el("progress", "%d/%d" % (passed, total), value=passed, max=total), cls="bar"),
             el("td", "%d/%d" % (passed, total), cls="num " + ("pass" if passed == total else "fail")),
             data_lesson=num, data_passed=passed, data_total=total)
    body = [heading]
    run = read_tsv_kv(os.path.join(build, "results", variant, "lesson%s.run" % num))
    if run:
        if run.get("seed"):
            body.append(el("p", label("checked_on", date=run.get("date", "?"), seed=run["seed"], n=n, file=run.get("file", "?")), cls="meta"))
        else:
            body.append(el("p", label("checked_on_noseed", date=run.get("date", "?"), file=run.get("file", "?")), cls="meta"))
        src = run.get("file", "")
        if src and run.get("sha256") and sha256_of(os.path.join(ROOT, src) if not os.path.isabs(src) else src) != run["sha256"]:
            body.append(el("p", label("file_changed", n=n), cls="note"))
    body.append(el("p", el("strong", label("tests_passed", passed=passed, total=total)), " ",
                   el("progress", "%d/%d" % (passed, total), value=passed, max=total)))
    failures = [r for r in rows if not r["pass"]]
    if not failures:
        body.append(el("p", label("all_pass"), cls="pass"))
    else:
        body.append(el("h3", label("failures")))
        waiting = {}
        for r in failures:
            fn = unwritten_function(r["msg"])
            if fn:
                waiting[fn] = waiting.get(fn, 0) + 1
        for r in failures:
            if not unwritten_function(r["msg"]):
                body.append(render_failure(r["title"], r["msg"]))
                if r["kind"] == "compile":
                    log = os.path.join(build, "logs", "lesson%s.build.log" % num)
                    if os.path.isfile(log):
                        with open(log, encoding="utf-8", errors="replace") as fh:
                            text = fh.read()[-20000:]
                        if text.strip():
                            body.append(el("h3", label("compile_log")))
                            body.append(el("pre", text))
        if waiting:
            body.append(el("ul", [el("li", el("span", "TODO", cls="fail"), " ",
                                     label("unwritten", fn=fn, k=k) if k != 1 else label("unwritten_one", fn=fn))
                                  for fn, k in waiting.items()], cls="unwritten"))
    ok = [r for r in rows if r["pass"]]
    if ok:
        body.append(el("details", el("summary", label("passing_tests", k=len(ok))),
                       el("ul", [el("li", el("span", label("pass"), cls="pass"), " ", r["title"]) for r in ok], cls="passed")))
    body.append(el("h3", label("figures")))
    plots = os.path.join(build, "plots", "lesson%s" % num)
    pngs = sorted(f for f in os.listdir(plots) if f.endswith(".png")) if os.path.isdir(plots) else []
    if not pngs:
        body.append(el("p", label("no_figures", n=n), cls="note"))
    else:
        drawn = read_tsv_kv(os.path.join(plots, "source.tsv"))
        if drawn:
            body.append(el("p", label("figures_drawn", date=drawn.get("date", "?"), file=drawn.get("file", "?")), cls="meta"))
            if run and drawn.get("file") != run.get("file"):
                body.append(el("p", label("figures_other_file", file=drawn.get("file", "?"), n=n), cls="note"))
            elif run and drawn.get("sha256") != run.get("sha256"):
                body.append(el("p", label("figures_changed", n=n), cls="note"))
        body.append(el("div", [figure(os.path.join(plots, p)) for p in pngs], cls="figures"))
    return row, el("section", body, data_lesson=num), passed, total


def cmd_student(args):
    reg = read_registry()
    rows, sections, passed, total = [], [], 0, 0
    for num in args.lessons:
        row, section, p, t = student_lesson(args.build, args.variant, reg[num])
        rows.append(row), sections.append(section)
        passed, total = passed + p, total + t
    body = [
        el("h1", label("student_heading")),
        el("p", label("student_total", passed=passed, total=total)),
        el("div", el("table", el("thead", el("tr", el("th", label("col_lesson"), cls="num"), el("th", label("col_title")),
                                                  el("th", label("col_progress"), cls="bar"), el("th", label("col_passed"), cls="num"))),
                     el("tbody", rows), id="progress"), cls="scroll"),
        sections,
        el("p", label("generated", date=now(), command="report"), cls="meta"),
    ]
    write_atomic(args.out, page(label("student_title"), CSS, body, lang=lang()))
    return 0


def write_atomic(path, content):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(content)
    os.replace(tmp, path)


# ---- the class page -------------------------------------------------------------------------------

def read_class(out):
    """Every student's results.json (the grader's record), by id."""
    students = {}
    base = os.path.join(out, "students")
    for d in sorted(os.listdir(base)):
        path = os.path.join(base, d, "results.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as fh:
                r = json.load(fh)
            r["_dir"] = d
            students[r["extra_data"]["student"]] = r
    return students


def fmt(x):
    return ("%.1f" % x).rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def lesson_of(test):
    return test["number"].split(".")[0]


def mistakes_table(students, lessons):
    """Per lesson: {key: {kind, what, hint, students:set}}, the number of students tested, and
    the other outcomes counted (crash, timeout, not written, compile...)."""
    table, tested, others = {}, {}, {}
    for sid, r in students.items():
        for les in r["extra_data"].get("lessons", []):
            num = les["lesson"]
            if les["status"] == "graded":
                tested[num] = tested.get(num, 0) + 1
            elif les["status"] not in ("missing",):
                others.setdefault(num, {}).setdefault("status_" + les["status"], set()).add(sid)
        for t in r["tests"]:
            if t["status"] != "failed":
                continue
            num = "%02d" % int(lesson_of(t))
            named, shapes = mistakes_in(t.get("output") or "")
            for mid, what, hint in named:
                e = table.setdefault(num, {}).setdefault(("mistake", mid), {"what": what, "hint": hint, "students": set()})
                e["students"].add(sid)
            for key, txt in shapes:
                e = table.setdefault(num, {}).setdefault(("shape", key), {"what": txt, "hint": "", "students": set()})
                e["students"].add(sid)
            msg = t.get("output") or ""
            first = parse_message(msg)[:1]
            kind = "not_written" if unwritten_function(msg) else next(
                (k for k in ("crash", "timeout", "ended") if msg.startswith(k) or (first and first[0][0] == k)), None)
            if kind:
                others.setdefault(num, {}).setdefault(kind, set()).add(sid)
    return table, tested, others


def sorted_mistakes(entries):
    return sorted(entries.items(), key=lambda kv: (-len(kv[1]["students"]), kv[0][0], kv[0][1]))


def write_mistakes_csv(path, lessons, mistakes, tested):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["lesson", "kind", "mistake", "students", "share", "hint"])
    for num in lessons:
        n = tested.get(num, 0)
        for (kind, key), e in sorted_mistakes(mistakes.get(num, {})):
            k = len(e["students"])
            w.writerow([int(num), kind, csv_safe(key), k, "%.2f" % (k / n if n else 0), csv_safe(e["hint"] or e["what"])])
    write_atomic(path, buf.getvalue())


def csv_safe(s):
    """A cell no spreadsheet reads as a formula (OWASP's advice, as gradebook.csv does)."""
    return "'" + s if re.match(r"^\s*[-=+@\t\r]", s) else s


def summary_lines(lessons, reg, mistakes, tested):
    out = ["", label("summary_mistakes")]
    for num in lessons:
        items = sorted_mistakes(mistakes.get(num, {}))
        if not items:
            continue
        out.append(label("summary_lesson", n=reg[num]["n"], tested=tested.get(num, 0)))
        for (kind, key), e in items:
            k, n = len(e["students"]), tested.get(num, 0)
            name = "[%s]" % key if kind == "mistake" else label("summary_shape", shape=key)
            name += " " * max(40 - display_width(name), 0)
            out.append("  %s %3d  %4.0f%%  %s" % (name, k, 100 * k / n if n else 0, (e["hint"] or e["what"])[:120]))
    out.append(label("summary_also"))
    return out


def table(head, rows, **attrs):
    """A table that scrolls sideways on its own when the screen is narrower than it."""
    return el("div", el("table", el("thead", el("tr", head)), el("tbody", rows), **attrs), cls="scroll")


def scores_section(args, reg, lessons, students):
    """The score distribution: scores.png, then per lesson mean, median, range and full marks."""
    scores, maxes = {}, {}
    for r in students.values():
        for les in r["extra_data"].get("lessons", []):
            scores.setdefault(les["lesson"], []).append(les["score"])
            maxes[les["lesson"]] = les["max_score"]
    body = [el("h2", label("scores"), id="scores")]
    png = os.path.join(args.out, "scores.png")
    if os.path.isfile(png):
        with open(png, "rb") as fh:
            body.append(el("figure", el("img", src="data:image/png;base64," + base64.b64encode(fh.read()).decode("ascii"),
                                        alt=label("scores_alt"))))
    rows = []
    for num in lessons:
        s, m = scores.get(num, []), maxes.get(num, 0)
        cells = [fmt(round(statistics.mean(s), 1)), fmt(float(statistics.median(s))), fmt(min(s)), fmt(max(s)),
                 "%d/%d" % (sum(1 for x in s if m and x == m), len(s))] if s else [""] * 5
        rows.append(el("tr", el("td", reg[num]["n"], cls="num"), el("td", reg[num]["title"], cls="wide"),
                       [el("td", c, cls="num") for c in cells], data_lesson=num))
    head = [el("th", label("col_lesson"), cls="num"), el("th", label("col_title"), cls="wide"),
            [el("th", label(k), cls="num") for k in ("col_mean", "col_median", "col_min", "col_max", "col_full")]]
    body.append(table(head, rows, id="score-table"))
    return body


def students_section(reg, lessons, students):
    """The students by total, each id a link to the student's own page."""
    rows = []
    for i, (sid, r) in enumerate(sorted(students.items(), key=lambda kv: (-kv[1]["score"], kv[0])), 1):
        per = {les["lesson"]: les["score"] for les in r["extra_data"].get("lessons", [])}
        href = "students/" + urllib.parse.quote(r["_dir"], safe="") + "/index.html"
        rows.append(el("tr", el("td", i, cls="num"), el("td", el("a", sid, href=href), cls="id"),
                       el("td", "%s/%s" % (fmt(r["score"]), fmt(r["extra_data"]["max_score"])), cls="num"),
                       [el("td", fmt(per.get(num, 0)), cls="num") for num in lessons], data_student=sid))
    head = [el("th", label("col_rank"), cls="num"), el("th", label("col_student")), el("th", label("col_total"), cls="num"),
            [el("th", reg[num]["n"], cls="num", title=reg[num]["title"]) for num in lessons]]
    return [el("h2", label("students"), id="students"), table(head, rows, id="student-table")]


def mistakes_section(reg, lessons, n, mistakes, tested, others):
    """Per lesson, the named mistakes and error shapes by the number of students, the three most
    common first, and the other failures."""
    body = [el("h2", label("mistakes"), id="mistakes"), el("p", label("mistakes_intro"), cls="meta")]
    for num in lessons:
        les = reg[num]
        body.append(el("h3", label("lesson_title", n=les["n"], title=les["title"]), id="mistakes-%s" % num))
        body.append(el("p", label("tested_of", tested=tested.get(num, 0), n=n), cls="meta"))
        items = sorted_mistakes(mistakes.get(num, {}))
        if not items:
            body.append(el("p", label("no_mistakes")))
        else:
            top = ", ".join("%s (%d)" % (key, len(e["students"])) for (kind, key), e in items[:3])
            body.append(el("p", el("strong", label("top_three", list=top))))
            rows = []
            for i, ((kind, key), e) in enumerate(items):
                k, t = len(e["students"]), tested.get(num, 0)
                name = [el("code", "[%s]" % key)] if kind == "mistake" else [el("span", label("kind_shape"), cls="muted"), ": ", key]
                what = [e["what"]] + ([el("br"), el("strong", label("hint")), " ", e["hint"]] if e["hint"] else [])
                rows.append(el("tr", el("td", name), el("td", k, cls="num"),
                               el("td", "%.0f%%" % (100 * k / t if t else 0), cls="num"), el("td", what),
                               cls="top" if i < 3 else None, data_lesson=num, data_kind=kind, data_mistake=key, data_students=k))
            head = [el("th", label("col_mistake")), el("th", label("col_students"), cls="num"),
                    el("th", label("col_share"), cls="num"), el("th", label("col_hint"))]
            body.append(table(head, rows, cls="mistakes", data_lesson=num))
        other = others.get(num, {})
        if other:
            body.append(el("p", label("other_failures", list=", ".join(
                label("other_item", what=label(k), k=len(v)) for k, v in sorted(other.items(), key=lambda kv: -len(kv[1])))), cls="muted"))
    return body


def similarity_section(args, reg, lessons, pairs, sim_ok):
    """The pairs of similar files per lesson: both percentages and the matching ranges side by
    side, the code of the first ranges in a fold."""
    body = [el("h2", label("similarity"), id="similarity"), el("p", label("similarity_intro"), cls="note")]
    if not sim_ok:
        return body + [el("p", label("similarity_missing"))]
    body.append(el("p", label("similarity_threshold", t=args.similarity, tokens=similarity.MIN_SHARED), cls="meta"))
    if not any(pairs.values()):
        body.append(el("p", label("similarity_none")))
    for num in lessons:
        if not pairs.get(num):
            continue
        body.append(el("h3", label("lesson_title", n=reg[num]["n"], title=reg[num]["title"])))
        rows, details = [], []
        for a, b, pa, pb, identical, ranges, files in pairs[num]:
            shared = [el("div", label("pct_of", pct=pa, a=a, b=b)), el("div", label("pct_of", pct=pb, a=b, b=a))]
            if identical:
                shared.append(el("div", el("strong", label("identical"))))
            spans = [el("div", "%d-%d \u2194 %d-%d" % r[:4]) for r in ranges[:6]] + ([el("div", "...")] if len(ranges) > 6 else [])
            rows.append(el("tr", el("td", el("div", a), el("div", b), cls="id"), el("td", shared), el("td", spans, cls="num"),
                           data_lesson=num, data_a=a, data_b=b, data_pct=max(pa, pb)))
            excerpt = [el("div", el("div", el("div", "%s, %s" % (a, label("lines", a=ra, b=rb)), cls="muted"),
                                    el("pre", lines_of(files[0], ra, rb))),
                          el("div", el("div", "%s, %s" % (b, label("lines", a=rc, b=rd)), cls="muted"),
                             el("pre", lines_of(files[1], rc, rd))), cls="pair") for ra, rb, rc, rd, _ in ranges[:3]]
            if excerpt:
                details.append(el("details", el("summary", a, " \u2014 ", b), excerpt, cls="similar"))
        head = [el("th", label("col_pair")), el("th", label("col_similar")), el("th", label("col_ranges"))]
        body += [table(head, rows, cls="similarity", data_lesson=num), details]
    return body


def class_page(args, reg, lessons, students, mistakes, tested, others, pairs, sim_ok):
    n = len(students)
    body = [el("h1", label("class_heading", n=n)),
            el("p", label("class_intro", seed=args.seed, date=args.date,
                          sandbox=label("sandboxed") if args.sandbox == "yes" else label("unsandboxed")), cls="meta"),
            el("nav", [el("a", label(k), href="#" + k) for k in ("scores", "students", "mistakes", "similarity")], cls="lessons"),
            scores_section(args, reg, lessons, students),
            students_section(reg, lessons, students),
            mistakes_section(reg, lessons, n, mistakes, tested, others),
            similarity_section(args, reg, lessons, pairs, sim_ok),
            el("p", label("generated", date=now(), command="grade"), cls="meta")]
    return page(label("class_title"), CSS, body, lang=lang())


def lines_of(path, a, b, most=14):
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")[a - 1:b]
    if len(lines) > most:
        lines = lines[:most] + ["..."]
    return "\n".join(lines)


def student_page(sid, r, reg):
    """A student's own page in the grades: what their feedback.md says."""
    ex = r["extra_data"]
    body = [el("p", el("a", label("back"), href="../../index.html"), cls="noprint"),
            el("h1", label("feedback_title", id=sid)),
            el("p", label("feedback_total", score=fmt(r["score"]), max=fmt(ex["max_score"]), seed=ex.get("seed", "")))]
    lessons = ex.get("lessons", [])
    rows = [el("tr", el("td", "%d. %s" % (int(les["lesson"]), les["title"])),
                   el("td", "%s / %s" % (fmt(les["score"]), fmt(les["max_score"])), cls="num"),
                   el("td", "%d / %d" % (les["passed"], les["tests"]), cls="num"), data_lesson=les["lesson"]) for les in lessons]
    body.append(el("div", el("table", el("thead", el("tr", el("th", label("col_lesson")), el("th", label("col_points"), cls="num"),
                                                     el("th", label("col_tests"), cls="num"))), el("tbody", rows)), cls="scroll"))
    for les in lessons:
        n = int(les["lesson"])
        body.append(el("h2", label("lesson_title", n=n, title=les["title"]), " (%s / %s)" % (fmt(les["score"]), fmt(les["max_score"]))))
        st = les["status"]
        if st in ("missing", "invalid", "notgraded"):
            body.append(el("p", les["why"][:1].upper() + les["why"][1:] + "."))
            continue
        body.append(el("p", label("file_graded", file=les["file"])))
        if st in ("compile", "link"):
            body.append(el("p", les["why"][:1].upper() + les["why"][1:] + ". " + label("no_test_ran")))
            body.append(el("pre", les["log"]))
            continue
        if st == "rejected":
            body.append(el("p", les["why"][:1].upper() + les["why"][1:] + ". " + label("no_test_ran")))
            continue
        if les["log"]:
            body.append(el("p", label("warned")))
            body.append(el("pre", les["log"]))
        for t in r["tests"]:
            if int(lesson_of(t)) != n:
                continue
            title = t["name"].split(": ", 1)[1] if ": " in t["name"] else t["name"]
            hidden = t.get("visibility") == "hidden"
            if hidden:
                title = label("hidden_test", title=re.sub(r"^\[hidden\] *", "", title))
            if t["status"] == "passed":
                body.append(el("p", el("span", label("pass"), cls="pass"), " ", title, cls="test"))
            elif hidden or not t.get("output"):
                body.append(el("p", el("span", label("fail"), cls="fail"), " ", title, cls="test"))
            else:
                body.append(render_failure(title, t["output"]))
    return page(label("feedback_title", id=sid), CSS, body, lang=lang())


def stub_of(num, reg):
    """The lesson's stub, as the grader makes it: from the solution's markers where there is one."""
    file = reg[num]["file"]
    sol = os.path.join(ROOT, "solutions", "lesson" + num, file + ".c")
    if os.path.isfile(sol):
        return subprocess.run(["awk", "-f", os.path.join(ROOT, "checker", "tools", "mkstub.awk"), sol],
                              capture_output=True, text=True, check=True).stdout
    with open(os.path.join(ROOT, "lessons", "lesson" + num, file + ".c"), encoding="utf-8") as fh:
        return fh.read()


def class_similarity(args, reg, lessons):
    """{lesson: [(a, b, pct_a, pct_b, identical, ranges, (file_a, file_b))]} from the plan's files."""
    files = {}
    with open(os.path.join(args.work, "plan.tsv"), encoding="utf-8", errors="surrogateescape") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4 and f[2] == "job" and f[1] in lessons:
                path = os.path.join(args.work, "src", f[3] + ".c")
                if os.path.isfile(path):
                    files.setdefault(f[1], {})[f[0]] = path
    result = {}
    os.makedirs(os.path.join(args.out, ".stubs"), exist_ok=True)
    for num in lessons:
        if len(files.get(num, {})) < 2:
            continue
        stub = os.path.join(args.out, ".stubs", "lesson%s.c" % num)
        with open(stub, "w", encoding="utf-8") as fh:
            fh.write(stub_of(num, reg))
        pairs = similarity.lesson_pairs(files[num], stub, args.similarity)
        result[num] = [p + ((files[num][p[0]], files[num][p[1]]),) for p in pairs]
    return result


def write_similarity_csv(path, lessons, pairs):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["lesson", "student_a", "student_b", "a_in_b", "b_in_a", "identical", "ranges"])
    for num in lessons:
        for a, b, pa, pb, identical, ranges, _ in pairs.get(num, []):
            w.writerow([int(num), csv_safe(a), csv_safe(b), pa, pb, "yes" if identical else "no",
                        " ".join("%d-%d:%d-%d" % r[:4] for r in ranges)])
    write_atomic(path, buf.getvalue())


def cmd_class(args):
    reg = read_registry()
    students = read_class(args.out)
    lessons = sorted({les["lesson"] for r in students.values() for les in r["extra_data"].get("lessons", [])})
    mistakes, tested, others = mistakes_table(students, lessons)
    sim_ok = similarity.available()
    pairs = class_similarity(args, reg, lessons) if sim_ok else {}
    write_mistakes_csv(os.path.join(args.out, "mistakes.csv"), lessons, mistakes, tested)
    write_similarity_csv(os.path.join(args.out, "similarity.csv"), lessons, pairs)
    for sid, r in students.items():
        write_atomic(os.path.join(args.out, "students", r["_dir"], "index.html"), student_page(sid, r, reg))
    write_atomic(os.path.join(args.out, "index.html"), class_page(args, reg, lessons, students, mistakes, tested, others, pairs, sim_ok))
    # the table in summary.txt too, before its last line (where the files are listed)
    summary = os.path.join(args.out, "summary.txt")
    with open(summary, encoding="utf-8", errors="surrogateescape") as fh:
        lines = fh.read().rstrip("\n").split("\n")
    lines[-1:-1] = summary_lines(lessons, reg, mistakes, tested)
    with open(summary + ".tmp", "w", encoding="utf-8", errors="surrogateescape") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(summary + ".tmp", summary)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("student")
    s.add_argument("--out", required=True)
    s.add_argument("--build", required=True)
    s.add_argument("--variant", required=True)
    s.add_argument("lessons", nargs="+")
    c = sub.add_parser("class")
    c.add_argument("--out", required=True)
    c.add_argument("--work", required=True)
    c.add_argument("--seed", default="")
    c.add_argument("--sandbox", default="yes")
    c.add_argument("--date", default=now())
    c.add_argument("--similarity", type=int, default=70)
    args = ap.parse_args()
    return cmd_student(args) if args.cmd == "student" else cmd_class(args)


if __name__ == "__main__":
    sys.exit(main())
