#!/usr/bin/python3
"""The HTML report of `fairport check` as a browser shows it.

Usage: check_report.py --fairport EXE --chromium EXE --artefacts DIR STEP

STEP is one of
  generate    write DIR/report.html (--format html) and DIR/report.json (--format json) for the
              built-in example consignment; exit status 0 or 1 of fairport is a report, 2 fails
  dom         load report.html in headless chromium (--dump-dom, kept as DIR/report.dom.html) and
              check that the DOM shows the figures of report.json: the total landed cost in the
              total row, each line's customs value in that line's row, the consignment id, the
              currency and the statement on origin (in an element of its own, not only inside
              a finding); and that the page is self-contained: no <script>, no event handler
              attributes, no http(s) or protocol-relative URL in src/href, no url(http...) or
              @import in its style
  screenshot  DIR/report.png (--screenshot, 1200x2000) must be a PNG of that size and far larger
              than a blank page; DIR/report.pdf (--print-to-pdf) must be a PDF of at least a page
  pages       the shipped 2- and 3-line examples (--examples DIR: kg_felt_de,
              tj_embroidery_ceramics_ee, tj_cushions_slippers_apricots_ee), each written as HTML
              and printed to PDF by chromium (its own page header and footer off: the page header
              and numbers are the report's, from its @page rules), must print on A4 (595 x 842
              points) in at most two pages: a document an officer is handed, not a print-out of
              a web page

The figures are taken from the JSON report of the same consignment, so the test compares the two
outputs of the command-line tool rather than hard-coding numbers.
"""

import argparse
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

CHROMIUM_TIMEOUT = 25  # seconds per browser run; ctest's TIMEOUT for the test is 60
STATEMENT_FIRST_WORDS = 12
# A blank 1200x2000 page is about 11 KB as PNG; the example report is several hundred KB.
MIN_SCREENSHOT_BYTES = 40_000


class Failure(Exception):
    pass


def run_fairport(exe, fmt, out=None):
    cmd = [exe, "check", "--example", "--format", fmt]
    if out:
        cmd += ["-o", out]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)
    if p.returncode not in (0, 1):
        raise Failure(f"{' '.join(cmd)} exited with {p.returncode} (0 or 1 is a report):\n"
                      f"{p.stderr}")
    return p.stdout


def find_chromium(configured):
    if configured and not configured.endswith("NOTFOUND") and os.access(configured, os.X_OK):
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise Failure("no chromium found (looked for chromium and chromium-browser): the HTML report "
                  "test needs Debian's chromium package; .ci/setup installs it "
                  "(apt-get install chromium), then re-run cmake")


def run_chromium(chromium, args, url):
    """Runs headless chromium with a throw-away HOME and profile; returns its stdout."""
    with tempfile.TemporaryDirectory(prefix="fairport-chromium-") as home:
        env = dict(os.environ, HOME=home)
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--no-default-browser-check", "--disable-dev-shm-usage",
               f"--user-data-dir={os.path.join(home, 'profile')}", *args, url]
        start = time.monotonic()
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               timeout=CHROMIUM_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure(f"chromium did not finish within {CHROMIUM_TIMEOUT} s: {' '.join(cmd)}")
        print(f"chromium {' '.join(args)}: {time.monotonic() - start:.1f} s")
        if p.returncode != 0:
            raise Failure(f"chromium exited with {p.returncode}: {' '.join(cmd)}\n"
                          f"{p.stderr.decode(errors='replace')[-4000:]}")
        return p.stdout.decode("utf-8")


class Dom(html.parser.HTMLParser):
    """What a reader of the page gets: its text, table rows, and what would reach outside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.rows = []          # each a list of cell texts
        self.cell = None
        self.tags = set()
        self.urls = []          # (tag, attribute, value) of src/href attributes
        self.handlers = []      # (tag, attribute) of on... attributes
        self.style = []
        self._in_style = False
        self._open = []         # [tag, text pieces] of the elements open at this point
        self.elements = []      # (tag, normalised text) of every closed element

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in self.VOID:
            self._open.append([tag, []])
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []
            self.rows[-1].append(self.cell)
        elif tag == "style":
            self._in_style = True
        for name, value in attrs:
            name = name.lower()
            if name in ("src", "href", "xlink:href", "srcset", "action", "data", "poster"):
                self.urls.append((tag, name, value or ""))
            elif name.startswith("on"):
                self.handlers.append((tag, name))
            elif name == "style":
                self.style.append(value or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        while self._open:
            open_tag, pieces = self._open.pop()
            self.elements.append((open_tag, normalise("".join(pieces))))
            if open_tag == tag:
                break
        if tag in ("td", "th"):
            self.cell = None
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style.append(data)
            return
        if not any(tag == "body" for tag, _ in self._open):
            return  # the title is not what a reader sees on the page
        self.text.append(data)
        for _, pieces in self._open:
            pieces.append(data)
        if self.cell is not None:
            self.cell.append(data)

    def body_text(self):
        return normalise(" ".join(self.text))

    def table(self):
        return [[normalise("".join(c)) for c in row] for row in self.rows]


def normalise(s):
    return " ".join(s.split())


def contains_figure(text, figure):
    """figure occurs in text as a whole number, not as part of a longer one."""
    return re.search(r"(?<![\d.])" + re.escape(figure) + r"(?![\d]|\.\d)", text) is not None


def step_generate(a):
    os.makedirs(a.artefacts, exist_ok=True)
    html_path = os.path.join(a.artefacts, "report.html")
    for stale in ("report.html", "report.json", "report.dom.html", "report.png", "report.pdf"):
        if os.path.exists(os.path.join(a.artefacts, stale)):
            os.remove(os.path.join(a.artefacts, stale))
    run_fairport(a.fairport, "html", html_path)
    if not os.path.isfile(html_path) or os.path.getsize(html_path) == 0:
        raise Failure(f"fairport wrote no HTML report to {html_path}")
    report = run_fairport(a.fairport, "json")
    json.loads(report)  # a report the dom step can read
    with open(os.path.join(a.artefacts, "report.json"), "w", encoding="utf-8") as f:
        f.write(report)
    print(f"wrote {html_path} ({os.path.getsize(html_path)} bytes) and report.json")


def expected_figures(report):
    """(what, figure, row predicate) for each figure the page must show in its table."""
    figures = []
    try:
        total = report["totals"]["landed_cost"]["amount"]
        figures.append(("total landed cost", total, lambda row: row and row[0] == "total"))
        for line in report["lines"]:
            line_id = line["id"]
            figures.append((f"customs value of line {line_id}", line["customs_value"]["amount"],
                            lambda row, line_id=line_id: row and row[0] == line_id))
    except (KeyError, TypeError) as e:
        raise Failure(f"the JSON report lacks a figure the test looks for: {e!r}")
    if len(figures) < 2:
        raise Failure("the JSON report of the example has no lines")
    return figures


def step_dom(a):
    chromium = find_chromium(a.chromium)
    html_path = os.path.abspath(os.path.join(a.artefacts, "report.html"))
    with open(os.path.join(a.artefacts, "report.json"), encoding="utf-8") as f:
        report = json.load(f)
    dom_html = run_chromium(chromium, ["--dump-dom"], "file://" + html_path)
    with open(os.path.join(a.artefacts, "report.dom.html"), "w", encoding="utf-8") as f:
        f.write(dom_html)
    dom = Dom()
    dom.feed(dom_html)
    dom.close()
    text = dom.body_text()
    table = dom.table()
    problems = []
    if "body" not in dom.tags or len(text) < 200:
        problems.append(f"the browser's DOM has next to no text ({len(text)} characters)")

    for what, figure, is_row in expected_figures(report):
        rows = [row for row in table if is_row(row)]
        if not rows:
            where = "nowhere on the page" if not contains_figure(text, figure) else \
                "in the text but not in a table row"
            problems.append(f"{what} {figure}: no table row for it ({where})")
        elif not any(figure in row[1:] for row in rows):
            problems.append(f"{what} {figure} is not a cell of its row {rows[0]}")
        else:
            print(f"found {what} {figure} in row {rows[0][:1]}")

    for key in ("consignment_id", "currency"):
        value = report.get(key)
        if not value or value not in text:
            problems.append(f"{key} {value!r} is not on the page")

    statements = [d for d in report.get("documents", []) if d.get("kind") == "statement_on_origin"]
    if not statements:
        problems.append("the JSON report of the example has no statement on origin to look for")
    for d in statements:
        statement = normalise(d.get("text", ""))
        first = " ".join(statement.split()[:STATEMENT_FIRST_WORDS])
        if not first or first not in text:
            problems.append(f"the statement on origin (\"{first} ...\") is not on the page")
        elif not any(t == statement for _, t in dom.elements):
            problems.append(f"the statement on origin (\"{first} ...\") is on the page, but no "
                            "element holds its full text on its own (a reader copies it from there)")
        else:
            print(f"found the statement on origin: \"{first} ...\"")

    # Self-contained and printable: nothing runs, nothing is fetched.
    if "script" in dom.tags:
        problems.append("the page has a <script> element")
    for tag in ("iframe", "object", "embed", "link"):
        if tag in dom.tags:
            problems.append(f"the page has a <{tag}> element")
    for tag, name in dom.handlers:
        problems.append(f"<{tag}> has an event handler attribute {name}")
    for tag, name, value in dom.urls:
        v = value.strip().lower()
        if v.startswith(("http:", "https:", "//", "javascript:")):
            problems.append(f"<{tag} {name}=\"{value}\"> reaches outside the page")
    style = " ".join(dom.style).lower()
    if re.search(r"url\(\s*['\"]?\s*(https?:|//)", style) or "@import" in style:
        problems.append("the page's style loads something from outside the page")

    if problems:
        raise Failure("the HTML report as chromium shows it:\n  - " + "\n  - ".join(problems))
    print(f"DOM: {len(text)} characters of text, {len(table)} table rows, no script, "
          "no external URL")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise Failure(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def step_screenshot(a):
    chromium = find_chromium(a.chromium)
    url = "file://" + os.path.abspath(os.path.join(a.artefacts, "report.html"))
    png = os.path.abspath(os.path.join(a.artefacts, "report.png"))
    pdf = os.path.abspath(os.path.join(a.artefacts, "report.pdf"))
    for path in (png, pdf):
        if os.path.exists(path):
            os.remove(path)
    run_chromium(chromium, [f"--screenshot={png}", "--window-size=1200,2000",
                            "--hide-scrollbars"], url)
    if not os.path.isfile(png):
        raise Failure(f"chromium wrote no screenshot {png}")
    width, height = png_size(png)
    size = os.path.getsize(png)
    if (width, height) != (1200, 2000):
        raise Failure(f"{png} is {width}x{height}, not 1200x2000")
    if size < MIN_SCREENSHOT_BYTES:
        raise Failure(f"{png} has {size} bytes: a page with the report renders to far more than "
                      f"{MIN_SCREENSHOT_BYTES} (a blank page is about 11 KB)")
    print(f"screenshot {png}: {width}x{height}, {size} bytes")

    run_chromium(chromium, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], url)
    if not os.path.isfile(pdf):
        raise Failure(f"chromium wrote no printout {pdf}")
    with open(pdf, "rb") as f:
        data = f.read()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if not data.startswith(b"%PDF-") or pages < 1:
        raise Failure(f"{pdf} is not a PDF with pages")
    print(f"printout {pdf}: {pages} pages, {len(data)} bytes")


PAGE_EXAMPLES = ("kg_felt_de", "tj_embroidery_ceramics_ee", "tj_cushions_slippers_apricots_ee")
MAX_PAGES = 2


def pdf_pages(data):
    """(page count, set of MediaBox sizes in whole points) of a PDF chromium wrote."""
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    boxes = set()
    for m in re.finditer(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]",
                         data):
        x0, y0, x1, y1 = (float(v) for v in m.groups())
        boxes.add((round(x1 - x0), round(y1 - y0)))
    return pages, boxes


def step_pages(a):
    chromium = find_chromium(a.chromium)
    problems = []
    for name in PAGE_EXAMPLES:
        src = os.path.join(a.examples, name + ".json")
        html_path = os.path.abspath(os.path.join(a.artefacts, name + ".html"))
        pdf = os.path.abspath(os.path.join(a.artefacts, name + ".pdf"))
        for path in (html_path, pdf):
            if os.path.exists(path):
                os.remove(path)
        p = subprocess.run([a.fairport, "check", src, "--format", "html", "-o", html_path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)
        if p.returncode not in (0, 1):
            raise Failure(f"fairport check {src} exited with {p.returncode}:\n{p.stderr}")
        run_chromium(chromium, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"],
                     "file://" + html_path)
        if not os.path.isfile(pdf):
            raise Failure(f"chromium wrote no printout {pdf}")
        with open(pdf, "rb") as f:
            pages, boxes = pdf_pages(f.read())
        print(f"{name}: {pages} pages, page sizes {sorted(boxes)} points")
        if not 1 <= pages <= MAX_PAGES:
            problems.append(f"{name} prints on {pages} pages (at most {MAX_PAGES})")
        if boxes != {(595, 842)}:
            problems.append(f"{name} prints on {sorted(boxes)} points, not A4 (595 x 842)")
    if problems:
        raise Failure("the printed report:\n  - " + "\n  - ".join(problems))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fairport", required=True)
    p.add_argument("--chromium", default="")
    p.add_argument("--artefacts", required=True)
    p.add_argument("--examples", default="")
    p.add_argument("step", choices=("generate", "dom", "screenshot", "pages"))
    a = p.parse_args()
    try:
        {"generate": step_generate, "dom": step_dom, "screenshot": step_screenshot,
         "pages": step_pages}[a.step](a)
    except (Failure, OSError, ValueError, subprocess.SubprocessError) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
