"""similarity.py: pairs of students whose files for a lesson share long runs of code.

Debian's similarity-tester (sim_c) compares C token by token, ignoring layout, comments, names
and the contents of numbers and strings. The lesson's stub is left out first: every line of a
student's file that belongs to a run of at least STUB_RUN tokens shared with the stub (the
includes, the signatures, the placeholders) is dropped, and what remains, the code the student
wrote, is cut at those lines into pieces, each given to sim_c as a file of its own (padded with
empty lines, so that sim_c's line numbers are the student's). A run never goes on from one file
to the next, so pieces shorter than RUN tokens (one-line formulas) never count, however many two
students share, while a copied file shares nearly all of its tokens.

The share of a student's file found in another's is the tokens of the runs sim_c reports
between their pieces (sim_c -a -n: files, lines and tokens of each run) over the tokens of all
the student's pieces.
"""
import os
import re
import shutil
import subprocess
import tempfile

RUN = 24          # sim_c's default minimum run, in tokens
STUB_RUN = 8      # a shorter run is enough to recognise the stub's own text
MIN_SHARED = 2 * RUN   # tokens two files must share to be listed, whatever the percentage

_HEADER = re.compile(r"^File (.+): (\d+) tokens, (\d+) lines")
_RUNLINE = re.compile(r"^(\S+): line (\d+)-(\d+)\s*\|(\S+): line (\d+)-(\d+)\s*\[(\d+)\]")


def available():
    return shutil.which("sim_c") is not None


def _sim(args, cwd):
    r = subprocess.run(["sim_c"] + args, cwd=cwd, capture_output=True, text=True, errors="replace")
    return r.stdout


def _tokens(out):
    return {m.group(1): int(m.group(2)) for m in map(_HEADER.match, out.splitlines()) if m}


def _runs(out):
    for line in out.splitlines():
        m = _RUNLINE.match(line)
        if m:
            yield (m.group(1), int(m.group(2)), int(m.group(3)),
                   m.group(4), int(m.group(5)), int(m.group(6)), int(m.group(7)))


def lesson_pairs(files, stub, threshold):
    """files: {name: path} of one lesson; stub: its stub's path. Returns the pairs at or over
    threshold percent, most similar first: (a, b, pct_a_in_b, pct_b_in_a, identical, ranges)
    with ranges [(a_from, a_to, b_from, b_to, tokens)], line numbers of the students' files."""
    groups = {}
    for name in sorted(files):
        with open(files[name], "rb") as fh:
            groups.setdefault(fh.read(), []).append(name)
    # one file per content: identical files are compared once, and are each other's copies
    first = {g[0]: g for g in groups.values()}
    pairs = []
    for g in first.values():
        if len(g) > 1 and _has_own_code(g[0], files, stub):   # (two copies of the stub are not)
            for i, x in enumerate(g):
                for y in g[i + 1:]:
                    pairs.append((x, y, 100, 100, True, []))
    found = _distinct_pairs({n: files[n] for n in first}, stub, threshold)
    for x, y, px, py, rs in found:
        for a in first[x]:
            for b in first[y]:
                pairs.append((a, b, px, py, False, rs) if a < b else (b, a, py, px, False, [(c, d, e, f, t) for e, f, c, d, t in rs]))
    pairs.sort(key=lambda p: (-max(p[2], p[3]), p[0], p[1]))
    return pairs


def _has_own_code(name, files, stub):
    """Whether a file holds a run of RUN tokens that is not the stub's: two copies of the stub
    are not similar submissions."""
    return bool(_distinct_pairs({name: files[name], name + " (copy)": files[name]}, stub, 1))


def _distinct_pairs(files, stub, threshold):
    """The pairs of these files (all different) at or over threshold percent:
    (a, b, pct_a_in_b, pct_b_in_a, ranges)."""
    names = sorted(files)
    if len(names) < 2:
        return []
    work = tempfile.mkdtemp(prefix="wb-sim-")
    try:
        local = {}
        for i, name in enumerate(names):
            local[name] = "f%04d.c" % i
            shutil.copyfile(files[name], os.path.join(work, local[name]))
        shutil.copyfile(stub, os.path.join(work, "stub.c"))
        # 1. the lines of each file that are the stub's text
        stubbed = {n: set() for n in names}
        back = {v: k for k, v in local.items()}
        out = _sim(["-S", "-n", "-r", str(STUB_RUN)] + [local[n] for n in names] + ["/", "stub.c"], work)
        for f, a, b, g, _, _, _ in _runs(out):
            if f in back and g == "stub.c":
                stubbed[back[f]].update(range(a, b + 1))
        # 2. the rest cut into pieces at those lines, a file each, at the same line numbers
        owner, pieces = {}, []
        for i, name in enumerate(names):
            with open(os.path.join(work, local[name]), encoding="utf-8", errors="replace") as fh:
                lines = fh.read().split("\n")
            piece, first = [], None
            for ln in range(1, len(lines) + 2):
                inside = ln <= len(lines) and ln not in stubbed[name]
                if inside:
                    first = first or ln
                    piece.append(lines[ln - 1])
                elif piece:
                    pname = "p%04d_%03d.c" % (i, len(pieces))
                    with open(os.path.join(work, pname), "w", encoding="utf-8") as fh:
                        fh.write("\n" * (first - 1) + "\n".join(piece) + "\n")
                    owner[pname] = name
                    pieces.append(pname)
                    piece, first = [], None
        # 3. every piece against every other, in isolation (no run crosses from one file to the
        # next, and a piece's match with one file does not hide its match with another)
        out = _sim(["-e", "-a", "-s", "-n", "-r", str(RUN)] + pieces, work) if pieces else ""
        size = {}
        for f, t in _tokens(out).items():
            if f in owner:
                size[owner[f]] = size.get(owner[f], 0) + t
        # A piece's share of a file: its runs with the best of that file's pieces (a run is t
        # tokens in both pieces, whichever side sim_c reports it from).
        best, ranges, seen = {}, {}, set()
        for f, a, b, g, c, d, t in _runs(out):
            if f not in owner or g not in owner or owner[f] == owner[g]:
                continue
            run = tuple(sorted([(f, a, b), (g, c, d)]))
            if run in seen:   # (-a may report a run from both sides)
                continue
            seen.add(run)
            x, y = owner[f], owner[g]
            best[(f, g)] = best.get((f, g), 0) + t
            best[(g, f)] = best.get((g, f), 0) + t
            if x < y:
                ranges.setdefault((x, y), []).append((a, b, c, d, t))
            else:
                ranges.setdefault((y, x), []).append((c, d, a, b, t))
        tokens = _tokens(out)
        shared, top = {}, {}
        for (f, g), t in best.items():
            key = (f, owner[g])
            top[key] = max(top.get(key, 0), min(t, tokens.get(f, t)))
        for (f, y), t in top.items():
            shared[(owner[f], y)] = shared.get((owner[f], y), 0) + t
        pairs = []
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                px = min(100, round(100 * shared.get((x, y), 0) / size[x])) if size.get(x) else 0
                py = min(100, round(100 * shared.get((y, x), 0) / size[y])) if size.get(y) else 0
                # (one run of a small file is no sign: at least two runs' worth of tokens)
                if max(px, py) >= threshold and max(shared.get((x, y), 0), shared.get((y, x), 0)) >= MIN_SHARED:
                    pairs.append((x, y, px, py, sorted(set(ranges.get((x, y), [])))))
        return pairs
    finally:
        shutil.rmtree(work, ignore_errors=True)
