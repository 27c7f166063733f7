#!/usr/bin/env python3
"""report_dom.py: the report pages as Chromium renders them, checked (part of make test).

  report_dom.py frame PAGE NAME OUT        OUT: PAGE with its security policy removed and a probe
                                           first in its head (the page itself has no script)
  report_dom.py harness OUT NAME=SRC:WIDTH...   a page holding those frames at those widths
  report_dom.py check DUMP SPEC.json       the checks, on Chromium's --dump-dom of the harness

The probe, run by Chromium in the test only, waits for the page's load event, then reports to the
harness: each image's natural size, the page's width and scrolled width, the alert() calls, the
scripts and the on* attributes in the DOM, and the DOM itself (its images' data cut short). The
frame copy keeps everything else, so a markup injection that the page's own policy would block
is still seen here: the escaping is tested, not only the policy.
"""
import html
import html.parser
import json
import re
import sys

PROBE = """<script>
window.__alerts = [];
window.alert = function (m) { window.__alerts.push(String(m)); };
window.addEventListener("load", function () {
  var images = [].map.call(document.images, function (i) { return [i.naturalWidth, i.naturalHeight]; });
  var on = [];
  document.querySelectorAll("*").forEach(function (e) {
    [].forEach.call(e.attributes, function (a) { if (/^on/i.test(a.name)) on.push(e.tagName + " " + a.name); });
  });
  var copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll("img").forEach(function (i) { i.setAttribute("src", i.getAttribute("src").slice(0, 30)); });
  parent.postMessage({name: %s, width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
                      images: images, alerts: window.__alerts, scripts: document.scripts.length, on: on,
                      print: [].some.call(document.styleSheets, function (s) {
                        return [].some.call(s.cssRules, function (r) { return r.media && r.media.mediaText == "print"; }); }),
                      dom: copy.outerHTML}, "*");
});
</script>"""

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><script>
var want = %d, got = {};
addEventListener("message", function (e) {
  got[e.data.name] = e.data;
  if (Object.keys(got).length == want) {
    var pre = document.createElement("pre"); pre.id = "results"; pre.textContent = JSON.stringify(got);
    document.body.appendChild(pre);
  }
});
</script></head><body>%s</body></html>
"""


def frame(src, name, out):
    with open(src, encoding="utf-8") as fh:
        page = fh.read()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page, count=1)
    page = page.replace("<head>", "<head>" + PROBE % json.dumps(name), 1)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(page)


def harness(out, frames):
    tags = []
    for f in frames:
        name, rest = f.split("=", 1)
        src, width = rest.rsplit(":", 1)
        tags.append('<iframe src="%s" width="%s" height="800" title="%s"></iframe>' % (html.escape(src), width, html.escape(name)))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(HARNESS % (len(frames), "".join(tags)))


class Dom(html.parser.HTMLParser):
    """The elements of a DOM as (tag, attrs, text inside), in document order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements, self.open = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        e = [tag, dict(attrs), ""]
        self.elements.append(e)
        if tag not in ("img", "meta", "br", "hr", "link", "col", "input"):
            self.open.append(e)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for e in self.open:
            e[2] += data

    def find(self, tag=None, **attrs):
        return [e for e in self.elements if (tag is None or e[0] == tag) and
                all(e[1].get(k.replace("_", "-")) == v if v is not True else k.replace("_", "-") in e[1] for k, v in attrs.items())]


def check(dump, spec_path):
    with open(dump, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    m = re.search(r'<pre id="results">(.*?)</pre>', text, re.S)
    if not m:
        print("FAIL  report pages: the frames did not all report from Chromium (no results in the harness's DOM)")
        return 1
    frames = json.loads(html.unescape(m.group(1)))
    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    failed = 0

    def result(ok, what, why=""):
        nonlocal failed
        failed += not ok
        print(("ok    " if ok else "FAIL  ") + what + ("" if ok else ": " + why))

    for name, f in sorted(frames.items()):
        s = spec[name]
        dom = Dom(f["dom"])
        problems = []
        if f["alerts"]:
            problems.append("alert() ran: %s" % f["alerts"])
        if f["scripts"] != 1:
            problems.append("%d scripts in the DOM (the probe is the only one)" % f["scripts"])
        if f["on"]:
            problems.append("event-handler attributes: %s" % f["on"][:3])
        if [w for w, h in f["images"] if not (w > 0 and h > 0)]:
            problems.append("images that did not load: %d of %d" % (sum(1 for w, h in f["images"] if not w), len(f["images"])))
        if len(f["images"]) != s["images"]:
            problems.append("%d images, expected %d" % (len(f["images"]), s["images"]))
        if f["scrollWidth"] > f["width"]:
            problems.append("wider than the screen: %d px of content in %d" % (f["scrollWidth"], f["width"]))
        if not f["print"]:
            problems.append("no print style")
        for tag, attr in (("a", "href"),):
            bad = [e[1][attr] for e in dom.find(tag) if not re.match(r"^(#|students/|\.\./\.\./index\.html$)", e[1].get(attr, "#"))]
            if bad:
                problems.append("links out of the pages: %s" % bad[:3])
        kind = s["kind"]
        if kind == "student":
            rows = dom.find("tr", data_lesson=True)
            rows = [r for r in rows if r[1].get("data-lesson")]
            if [r[1]["data-lesson"] for r in rows] != s["lessons"]:
                problems.append("lesson rows %s, expected %s" % ([r[1]["data-lesson"] for r in rows], s["lessons"]))
            for num, (p, t) in s["counts"].items():
                r = [r for r in rows if r[1].get("data-lesson") == num]
                if not r or (r[0][1].get("data-passed"), r[0][1].get("data-total")) != (str(p), str(t)):
                    problems.append("lesson %s row says %s, the results %d/%d" % (
                        num, r and (r[0][1].get("data-passed"), r[0][1].get("data-total")), p, t))
            for needle in s["texts"]:
                if needle not in f["dom"] and needle not in html.unescape(f["dom"]):
                    problems.append("no %r on the page" % needle)
        elif kind == "class":
            got = sorted((e[1]["data-lesson"], e[1]["data-mistake"], int(e[1]["data-students"])) for e in dom.find("tr", data_mistake=True))
            want = sorted((l, m, int(k)) for l, m, k in s["mistakes"])
            if got != want:
                problems.append("mistake rows %s differ from mistakes.csv %s" % (got[:4], want[:4]))
            ids = [e[2] for e in dom.find("a") if e[1].get("href", "").startswith("students/")]
            if sorted(ids) != sorted(s["students"]):
                problems.append("student links %s, expected the gradebook's ids %s" % (sorted(ids)[:4], sorted(s["students"])[:4]))
            pairs = {(e[1]["data-lesson"], e[1]["data-a"], e[1]["data-b"]) for e in dom.find("tr", data_a=True)}
            for p in s["pairs"]:
                if tuple(p) not in pairs:
                    problems.append("the similar pair %s is not listed" % (p,))
            for who in s["not_paired"]:
                if any(who in p[1:] for p in pairs):
                    problems.append("%r is paired although its file is the stub" % who)
        elif kind == "feedback":
            h1 = [e[2] for e in dom.find("h1")]
            if h1 != [s["h1"]]:
                problems.append("its heading is %r, expected %r" % (h1, s["h1"]))
            for needle in s["texts"]:
                if not any(needle in e[2] for e in dom.find("pre")):
                    problems.append("no %r shown as text in a <pre>" % needle)
        result(not problems, "report pages: %s (%s, %d px): %s" % (name, kind, f["width"], s["label"]), "; ".join(problems))
    missing = set(spec) - set(frames)
    if missing:
        result(False, "report pages: every frame reported", "missing %s" % sorted(missing))
    return 1 if failed else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "frame":
        frame(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "harness":
        harness(sys.argv[2], sys.argv[3:])
    elif cmd == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
