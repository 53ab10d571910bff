#!/usr/bin/env python3
"""Handbook's search beside Pagefind's, on the same built site.

    python3 scripts/search_bench.py [--site DIR] [--handbook BIN] [--pages N]

Builds the bundled handbook (or --site) and, with --pages N, a generated
corpus of N pages; indexes the same output with Pagefind (PyPI's
`pagefind[bin]`); serves both over HTTP with gzip for text files, as static
hosts do; then, in headless Chromium throttled like a slow phone (150 ms
round trip, 1.6 Mbit/s down, CPU 4x slower), times a first query on a fresh
page and counts the bytes it fetched, times a second keystroke, and compares
the top 5 of each tool with the page a reader expects first
(scripts/search-queries.json for the bundled handbook; for the generated
corpus, queries made from page titles). Prints a Markdown table.
"""
import argparse
import functools
import gzip
import http.server
import io
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEXT = (".html", ".json", ".js", ".css", ".svg", ".xml", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when text and the browser accepts it. The server
    itself plays the slow network (a delay before each answer, then a capped
    rate) and counts the bytes it sends: a tool may fetch from a Web Worker,
    which the browser's own throttling and resource timings do not see."""

    protocol_version = "HTTP/1.1"
    slow = False
    lock = threading.Lock()
    # Bytes sent for the search's own files since the page loaded, bytes of
    # anything else, and both as they stood at each mark the page asked for.
    search_sent = 0
    other_sent = 0
    marks = {}

    @classmethod
    def reset(cls):
        with cls.lock:
            cls.search_sent, cls.other_sent, cls.marks = 0, 0, {}

    @classmethod
    def fetched(cls, start, end):
        """Bytes the search fetched between two marks: its files since the page loaded, anything else since `start`."""
        return cls.marks[end][0] + cls.marks[end][1] - cls.marks[start][1]

    def do_GET(self):
        if self.path.startswith("/__mark/"):
            with Handler.lock:
                Handler.marks[self.path[len("/__mark/"):]] = (Handler.search_sent, Handler.other_sent)
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path.split("?")[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if path.endswith(TEXT) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        with Handler.lock:
            if "/_handbook/search" in self.path or "/pagefind/" in self.path:
                Handler.search_sent += len(body)
            else:
                Handler.other_sent += len(body)
        return io.BytesIO(body)

    def copyfile(self, source, outputfile):
        if not Handler.slow:
            return super().copyfile(source, outputfile)
        time.sleep(LATENCY)
        while True:
            chunk = source.read(4096)
            if not chunk:
                break
            outputfile.write(chunk)
            time.sleep(len(chunk) / RATE)


LATENCY = 0.150  # seconds before each answer: a slow 4G round trip
RATE = 1.6e6 / 8  # bytes a second: 1.6 Mbit/s


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def folder_size(path):
    return sum(p.stat().st_size for p in pathlib.Path(path).rglob("*") if p.is_file())


def browser():
    sys.path.insert(0, str(ROOT / "Tests/Browser"))
    from test_search import chromium  # the browser tests' Chromium
    driver = chromium()
    driver.set_script_timeout(180)
    return driver


def throttle(driver, on):
    """The slow phone: the server delays and paces its answers, the browser's CPU runs 4x slower."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4 if on else 1})
    Handler.slow = on


# In the page: one query through each tool's own client, started once the
# client is ready (Handbook's page fetches meta.json when idle; Pagefind's
# client is imported and initialised first, as its UI does on focus). Taken
# at the first result shown (Handbook shows titles before excerpts;
# Pagefind's titles come with the excerpt) and at the first excerpt: the
# time since the query, and every byte the search fetched since the page
# loaded (Handbook's include search.js). Then the top 5 addresses and the
# time of one more keystroke.
HANDBOOK_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const mark = (name) => fetch("/__mark/" + name);
const folder = document.getElementById("search-input").getAttribute("data-index");
const index = new HandbookSearch.Index(n => fetch(folder + n).then(r => r.json()));
(async () => {
  await index.meta();
  await new Promise(r => setTimeout(r, 300));
  await mark("query");
  const t0 = performance.now();
  const meta = await index.meta();
  const found = await index.search(q);
  let first = null, shown = 0, ms = 0;
  if (found.results.length) {
    const page = await index.page(meta, found.results[0].page);
    shown = performance.now() - t0;
    await mark("shown");
    const t1 = performance.now();
    await fetch(page.url).then(r => r.text());  // the page its excerpt comes from
    ms = shown + performance.now() - t1;
    first = page.title;
  }
  await mark("excerpt");
  const top = await Promise.all(found.results.slice(0, 5).map(r => index.page(meta, r.page).then(p => p.url)));
  const t2 = performance.now();
  await index.search(q + "s");
  const keystroke = performance.now() - t2;
  done({ms, shown, first, top, keystroke, count: found.results.length});
})().catch(e => done({error: String(e)}));
"""

PAGEFIND_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const mark = (name) => fetch("/__mark/" + name);
(async () => {
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  await new Promise(r => setTimeout(r, 300));
  await mark("query");
  const t0 = performance.now();
  const found = await pf.search(q);
  let first = null;
  if (found.results.length) first = (await found.results[0].data()).meta.title;
  const ms = performance.now() - t0;
  await mark("shown");
  await mark("excerpt");
  const top = await Promise.all(found.results.slice(0, 5).map(r => r.data().then(d => d.url)));
  const t1 = performance.now();
  await pf.search(q + "s");
  const keystroke = performance.now() - t1;
  done({ms, shown: ms, first, top, keystroke, count: found.results.length});
})().catch(e => done({error: String(e)}));
"""


def run_queries(driver, base, page, script, queries, throttled):
    results = []
    for q, _ in queries:
        throttle(driver, False)
        Handler.reset()
        driver.get(base + page)
        throttle(driver, throttled)
        result = driver.execute_async_script(script, q)
        if "error" not in result and "shown" in Handler.marks:
            result["shownBytes"] = Handler.fetched("query", "shown")
            result["bytes"] = Handler.fetched("query", "excerpt")
        results.append(result)
    throttle(driver, False)
    return results


def normal(url, base_path):
    path = re.sub(r"^https?://[^/]+", "", url or "")
    path = path.split("#")[0]
    if path.startswith(base_path):
        path = path[len(base_path):]
    return path.removesuffix("index.html")


def compare(name, out, handbook_bin, queries, driver, throttled_queries):
    pf_out = out + "-pagefind"
    shutil.rmtree(pf_out, ignore_errors=True)
    shutil.copytree(out, pf_out)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", pf_out, "--quiet"], check=True)
    hb_server, hb = serve(out)
    pf_server, pf = serve(pf_out)
    try:
        rows = {}
        for tool, base, script in (("Handbook", hb, HANDBOOK_QUERY), ("Pagefind", pf, PAGEFIND_QUERY)):
            slow = run_queries(driver, base, "", script, queries[:throttled_queries], True)
            fast = run_queries(driver, base, "", script, queries, False)
            firsts = sum(1 for (q, want), r in zip(queries, fast) if r.get("top") and normal(r["top"][0], "/") == want)
            top5 = sum(1 for (q, want), r in zip(queries, fast) if want in [normal(u, "/") for u in r.get("top", [])])
            errors = [r["error"] for r in slow + fast if "error" in r]
            rows[tool] = {
                "bytes": max(r.get("bytes", 0) for r in slow),
                "shownBytes": max(r.get("shownBytes", 0) for r in slow),
                "ms": max(r.get("ms", 0) for r in slow),
                "shown": max(r.get("shown", 0) for r in slow),
                "keystroke": max(r.get("keystroke", 0) for r in slow),
                "firsts": firsts, "top5": top5, "errors": errors,
                "tops": [r.get("top", []) for r in fast],
            }
        size_hb = folder_size(os.path.join(out, "_handbook/search"))
        size_pf = folder_size(os.path.join(pf_out, "pagefind"))
        print(f"\n### {name}\n")
        print("| | Handbook | Pagefind |")
        print("|---|---|---|")
        print(f"| index on disk | {size_hb / 1024:,.0f} KB | {size_pf / 1024:,.0f} KB |")
        hb, pf = rows["Handbook"], rows["Pagefind"]
        print(f"| bytes fetched by the search, to the first result shown (worst of {throttled_queries}, gzip) | {hb['shownBytes'] / 1024:,.1f} KB | {pf['shownBytes'] / 1024:,.1f} KB |")
        print(f"| same, to the first result with its excerpt | {hb['bytes'] / 1024:,.1f} KB | {pf['bytes'] / 1024:,.1f} KB |")
        print(f"| first result shown, on a slow phone (worst of {throttled_queries}) | {hb['shown']:,.0f} ms | {pf['shown']:,.0f} ms |")
        print(f"| first result with its excerpt | {hb['ms']:,.0f} ms | {pf['ms']:,.0f} ms |")
        print(f"| next keystroke, CPU 4x slower (worst) | {rows['Handbook']['keystroke']:,.0f} ms | {rows['Pagefind']['keystroke']:,.0f} ms |")
        print(f"| expected page first, of {len(queries)} queries | {rows['Handbook']['firsts']} | {rows['Pagefind']['firsts']} |")
        print(f"| expected page in the top 5 | {rows['Handbook']['top5']} | {rows['Pagefind']['top5']} |")
        for tool in rows:
            if rows[tool]["errors"]:
                print(f"\n{tool} errors: {rows[tool]['errors'][:3]}")
        if os.environ.get("SEARCH_BENCH_VERBOSE"):
            for (q, want), a, b in zip(queries, rows["Handbook"]["tops"], rows["Pagefind"]["tops"]):
                print(f"- {q!r} → want {want}; handbook {[normal(u, '/') for u in a[:3]]}; pagefind {[normal(u, '/') for u in b[:3]]}")
        return rows
    finally:
        hb_server.shutdown()
        pf_server.shutdown()
        shutil.rmtree(pf_out, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--handbook", default=str(ROOT / ".build/release/handbook"))
    parser.add_argument("--pages", type=int, default=0, help="also a generated corpus of this many pages")
    parser.add_argument("--throttled", type=int, default=3, help="queries timed on the throttled phone")
    args = parser.parse_args()
    queries = json.loads((ROOT / "scripts/search-queries.json").read_text())
    driver = browser()
    work = tempfile.mkdtemp(prefix="handbook-search-bench-")
    try:
        out = os.path.join(work, "bundled")
        subprocess.run([args.handbook, "build", "--site", str(ROOT), "--output", out, "--quiet"], check=True, stderr=subprocess.DEVNULL)
        compare("The bundled handbook", out, args.handbook, queries["bundled"], driver, args.throttled)
        if args.pages:
            corpus = f"/tmp/handbook-bench-{args.pages}"
            if not os.path.isdir(os.path.join(corpus, "content")):
                subprocess.run([sys.executable, str(ROOT.parent / "shared/bench/gen_corpus.py"), str(args.pages), corpus], check=True,
                               stdout=subprocess.DEVNULL)
            out = os.path.join(work, "generated")
            subprocess.run([args.handbook, "build", "--site", corpus, "--output", out, "--quiet"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # A reader looking for a page they know types its title.
            pages = sorted(pathlib.Path(corpus, "content").rglob("*.md"))
            random.seed(7)
            generated = []
            for page in random.sample(pages, 12):
                m = re.search(r'^title: "?(.+?)"?$', page.read_text(), re.M)
                if not m or page.name == "_index.md":
                    continue
                path = str(page.relative_to(pathlib.Path(corpus, "content")))
                generated.append([m.group(1).lower(), path.removesuffix(".md") + "/"])
            compare(f"A generated handbook of {args.pages:,} pages", out, args.handbook, generated, driver, args.throttled)
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
