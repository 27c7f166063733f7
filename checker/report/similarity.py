"""similarity.py: pairs of students whose files for a lesson share long runs of code.

Debian's similarity-tester (sim_c) compares C token by token, ignoring layout, comments, names
and the contents of numbers and strings. The lesson's stub is left out first: every line of a
student's file that belongs to a run of at least STUB_RUN tokens shared with the stub (the
includes, the signatures, the comments' code) is replaced by a barrier, a line of tokens
different in every file, so that no run can go on across it. What remains is what the student
wrote, function body by function body: bodies shorter than RUN tokens (one-line formulas) never
count, however many two files share, while a copied file shares nearly all of its tokens.

The share of a file found in another is the tokens of the runs sim_c reports for the pair
(sim_c -n: file, lines and tokens of each run) over the file's own tokens (the barriers' left
out), so that two copies read 100%.
"""
import os
import re
import shutil
import subprocess
import tempfile

RUN = 24          # sim_c's default minimum run, in tokens
STUB_RUN = 8      # a shorter run is enough to recognise the stub's own text

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


def _barrier(k, bits):
    """A line of bits tokens, + for a 0 and - for a 1 of k: different in every file."""
    return " ".join("-" if (k >> b) & 1 else "+" for b in range(bits)) + "\n"


def lesson_pairs(files, stub, threshold):
    """files: {name: path} of one lesson; stub: its stub's path. Returns the pairs at or over
    threshold percent, most similar first: (a, b, pct_a_in_b, pct_b_in_a, identical, ranges)
    with ranges [(a_from, a_to, b_from, b_to, tokens)], line numbers of the students' files."""
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
        # 2. those lines replaced by a barrier, different in every file
        bits = max(4, len(names).bit_length() + 1)
        barrier_tokens = {}
        for i, name in enumerate(names):
            path = os.path.join(work, local[name])
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.readlines()
            n_barriers = 0
            for ln in range(1, len(lines) + 1):
                if ln in stubbed[name]:
                    first = ln - 1 not in stubbed[name]
                    lines[ln - 1] = _barrier(i + 1, bits) if first else "\n"
                    n_barriers += first
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(lines)
            barrier_tokens[name] = n_barriers * bits
        # 3. every file against every other
        out = _sim(["-a", "-e", "-s", "-n", "-r", str(RUN)] + [local[n] for n in names], work)
        size = {back[f]: max(0, t - barrier_tokens[back[f]]) for f, t in _tokens(out).items() if f in back}
        shared, ranges = {}, {}
        for f, a, b, g, c, d, t in _runs(out):
            if f not in back or g not in back or f == g:
                continue
            x, y = back[f], back[g]
            shared[(x, y)] = shared.get((x, y), 0) + t
            if x < y:
                ranges.setdefault((x, y), []).append((a, b, c, d, t))
        same = {}
        for name in names:
            with open(files[name], "rb") as fh:
                same.setdefault(fh.read(), []).append(name)
        pairs = []
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                px = min(100, round(100 * shared.get((x, y), 0) / size[x])) if size.get(x) else 0
                py = min(100, round(100 * shared.get((y, x), 0) / size[y])) if size.get(y) else 0
                identical = any(x in g and y in g for g in same.values())
                if identical and (px or py):
                    px = py = 100   # (the runs' tokens only estimate a file's own)
                if max(px, py) >= threshold:
                    rs = sorted(set(ranges.get((x, y), [])))
                    pairs.append((x, y, px, py, identical, rs))
        pairs.sort(key=lambda p: (-max(p[2], p[3]), p[0], p[1]))
        return pairs
    finally:
        shutil.rmtree(work, ignore_errors=True)
