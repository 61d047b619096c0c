#!/usr/bin/env python3
"""Reads a built site the way browsers and feed readers will, for tests/injection_test.cc.

    python3 tests/tools/inspect_site.py SITE_DIR

Prints one JSON object:
  problems  ["path: what", ...]  live script, unbalanced elements, XML that does not parse,
                                 characters HTML forbids
  texts     {path: {"title": [...], "h1": [...]}}  the text of every <title> and <h1> of a page,
            and of every element named "title" in an XML file (Atom, RSS), as parsers read them
  json_ld   {path: ["...", ...]}  the raw text of every <script type="application/ld+json">

The HTML tokenizer is Python's html.parser; XML goes through expat (xml.etree). Only the
standard library is used.
"""
import html.parser
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# The scripts the theme and the generator put in pages, and nothing else.
ALLOWED_SCRIPTS = [
    lambda a: a.get("type") == "application/ld+json" and "src" not in a,
    lambda a: (a.get("src") or "").endswith("/search/search.js") and "type" not in a,
]
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# What HTML forbids in a document: controls but tab, LF, FF, CR; C1; noncharacters.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def is_script_url(value):
    # As browsers read a URL: leading C0 controls and spaces skipped, tabs and line breaks ignored.
    url = re.sub("[\t\n\r]", "", value.lstrip("".join(chr(c) for c in range(0x21)))).lower()
    return url.startswith(SCRIPT_SCHEMES) and not re.match(r"data:image/(png|gif|jpeg|webp)", url)


class Page(html.parser.HTMLParser):
    def __init__(self, path, problems):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.problems = problems
        self.open = []  # element names, innermost last
        self.texts = {"title": [], "h1": []}
        self.capture = None  # ["title" or "h1", text so far, depth] while inside one
        self.json_ld = []
        self.in_json_ld = False

    def problem(self, what):
        self.problems.append(f"{self.path}:{self.getpos()[0]}: {what}")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problem(f"event handler attribute {name}={value!r} on <{tag}>")
            if value is not None and is_script_url(value):
                self.problem(f"script URL in {name}={value!r} on <{tag}>")
        if tag == "script":
            if not any(allowed(a) for allowed in ALLOWED_SCRIPTS):
                self.problem(f"script element {attrs!r}")
            self.in_json_ld = a.get("type") == "application/ld+json"
        if tag in VOID:
            return
        self.open.append(tag)
        if tag in self.texts and self.capture is None:
            self.capture = [tag, "", len(self.open)]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problem(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
            if tag in self.open:
                del self.open[self.open.index(tag):]
            return
        if self.capture is not None and self.capture[2] == len(self.open):
            self.texts[self.capture[0]].append(self.capture[1])
            self.capture = None
        self.open.pop()
        self.in_json_ld = False

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld.append(data)
        elif self.capture is not None:
            self.capture[1] += data


def inspect_html(path, rel, report):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in FORBIDDEN.finditer(text):
        report["problems"].append(f"{rel}: forbidden character U+{ord(m.group()):04X}")
        break
    page = Page(rel, report["problems"])
    page.feed(text)
    page.close()
    if page.open:
        report["problems"].append(f"{rel}: elements left open at the end: {page.open}")
    report["texts"][rel] = page.texts
    report["json_ld"][rel] = page.json_ld


def inspect_xml(path, rel, report):
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as e:
        report["problems"].append(f"{rel}: XML does not parse: {e}")
        return
    titles = [el.text or "" for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "title"]
    report["texts"][rel] = {"title": titles}


def main():
    root = sys.argv[1]
    report = {"problems": [], "texts": {}, "json_ld": {}}
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if name.endswith(".html"):
                inspect_html(path, rel, report)
            elif name.endswith(".xml"):
                inspect_xml(path, rel, report)
    json.dump(report, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
