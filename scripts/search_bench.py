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

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEXT = (".html", ".json", ".js", ".css", ".svg", ".xml", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when text and the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path.split("?")[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(TEXT) or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def folder_size(path):
    return sum(p.stat().st_size for p in pathlib.Path(path).rglob("*") if p.is_file())


def browser():
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(180)
    return driver


def throttle(driver, on):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 150 if on else 0,
        "downloadThroughput": 1.6e6 / 8 if on else -1, "uploadThroughput": 750e3 / 8 if on else -1})
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4 if on else 1})


# In the page: one query through each tool's own client up to the first
# result with its title and the text of its excerpt (the time and the bytes
# fetched are taken there; Handbook's count includes search.js, which the
# page loaded), then the top 5 addresses and one more keystroke.
HANDBOOK_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const folder = document.getElementById("search-input").getAttribute("data-index");
const before = performance.getEntriesByType("resource").length;
const t0 = performance.now();
const S = window.HandbookSearch;
const index = new S.Index(n => fetch(folder + n).then(r => r.json()));
(async () => {
  const meta = await index.meta();
  const found = await index.search(q);
  let first = null;
  if (found.results.length) {
    const page = await index.page(meta, found.results[0].page);
    await fetch(page.url).then(r => r.text());  // the page the excerpt comes from
    first = page.title;
  }
  const ms = performance.now() - t0;
  const entries = performance.getEntriesByType("resource");
  const script = entries.find(e => e.name.endsWith("/search.js"));
  const bytes = entries.slice(before).reduce((s, e) => s + e.transferSize, 0) + (script ? script.transferSize : 0);
  const top = await Promise.all(found.results.slice(0, 5).map(r => index.page(meta, r.page).then(p => p.url)));
  const t1 = performance.now();
  await index.search(q + "s");
  const keystroke = performance.now() - t1;
  done({ms, first, top, bytes, keystroke, count: found.results.length});
})().catch(e => done({error: String(e)}));
"""

PAGEFIND_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const before = performance.getEntriesByType("resource").length;
const t0 = performance.now();
(async () => {
  const pf = await import("/pagefind/pagefind.js");
  const found = await pf.search(q);
  let first = null;
  if (found.results.length) first = (await found.results[0].data()).meta.title;
  const ms = performance.now() - t0;
  const bytes = performance.getEntriesByType("resource").slice(before).reduce((s, e) => s + e.transferSize, 0);
  const top = await Promise.all(found.results.slice(0, 5).map(r => r.data().then(d => d.url)));
  const t1 = performance.now();
  await pf.search(q + "s");
  const keystroke = performance.now() - t1;
  done({ms, first, top, bytes, keystroke, count: found.results.length});
})().catch(e => done({error: String(e)}));
"""


def run_queries(driver, base, page, script, queries, throttled):
    results = []
    for q, _ in queries:
        throttle(driver, False)
        driver.get(base + page)
        throttle(driver, throttled)
        results.append(driver.execute_async_script(script, q))
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
                "ms": max(r.get("ms", 0) for r in slow),
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
        print(f"| bytes fetched for a first query (worst of {throttled_queries}, gzip) | {rows['Handbook']['bytes'] / 1024:,.0f} KB | {rows['Pagefind']['bytes'] / 1024:,.0f} KB |")
        print(f"| first result on a slow phone (worst of {throttled_queries}) | {rows['Handbook']['ms']:,.0f} ms | {rows['Pagefind']['ms']:,.0f} ms |")
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
