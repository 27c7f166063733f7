"""markup.py: HTML that is escaped unless it says otherwise, for the workbook's report pages.

el("td", text, cls="x") makes an element; every child that is a plain str is text (escaped by
Python's html.escape, control characters shown as U+FFFD), every attribute value is escaped
with its quotes, and only what el() itself made (a Raw) goes in as markup. A page is built
from el() calls and never by pasting strings, so a student id such as
<img src=x onerror=alert(1)> or a compiler message can only ever be text.
"""
import html as _html
import re

# C0 controls but tab and newline, DEL and C1: shown as U+FFFD (HTML forbids most of them, and
# an ESC is never meant for a reader).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Raw(str):
    """Markup made by el(): inserted as it is."""


def text(s):
    """s as HTML text (or an attribute's value): & < > " ' escaped, controls replaced."""
    return _html.escape(_CONTROLS.sub("\ufffd", str(s)), quote=True)


def _child(c):
    if c is None or c is False:
        return ""
    if isinstance(c, Raw):
        return c
    if isinstance(c, (list, tuple)):
        return "".join(_child(x) for x in c)
    return text(c)


VOID = {"meta", "img", "br", "hr", "link", "col"}


def el(tag, *children, **attrs):
    """<tag attrs>children</tag>; cls= is class=, data_x= is data-x=; None attributes are left out."""
    parts = [tag]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = "class" if key == "cls" else key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else '%s="%s"' % (name, text(value)))
    start = "<" + " ".join(parts) + ">"
    if tag in VOID:
        return Raw(start)
    return Raw(start + _child(children) + "</%s>" % tag)


def page(title, css, body, lang="en"):
    """A whole document: no script, no network (the policy allows inline styles and data:
    images only), readable without JavaScript."""
    head = [
        el("meta", charset="utf-8"),
        el("meta", http_equiv="Content-Security-Policy",
           content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", title),
        el("style", Raw(css)),
    ]
    return "<!DOCTYPE html>\n" + el("html", el("head", head), el("body", body), lang=lang) + "\n"
