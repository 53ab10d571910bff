// The theme's search under Node's test runner (`node --test`): its words and
// stems against the build's, and queries against the index the real
// `handbook` binary writes for the bundled handbook and for a small site.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const search = require("../../Sources/HandbookRender/Theme/assets/search.js");

const root = path.resolve(__dirname, "../..");
const handbook = process.env.HANDBOOK_BIN || path.join(root, ".build/debug/handbook");

/** Builds a site into a temporary folder and opens its search index from disk. */
function built(site) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-search-"));
  execFileSync(handbook, ["build", "--site", site, "--output", out, "--quiet", "--today", "2026-11-26"], { stdio: "pipe" });
  const folder = path.join(out, "_handbook/search");
  const fetched = [];
  const index = new search.Index((name) => {
    fetched.push(name);
    return Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")));
  });
  return { out, index, fetched };
}

async function titles(index, query, filters) {
  const meta = await index.meta();
  const found = await index.search(query, filters);
  return Promise.all(found.results.map((r) => index.page(meta, r.page).then((p) => p.title)));
}

test("stems match the reference list, as the build's do", () => {
  const lines = fs.readFileSync(path.join(root, "Tests/Fixtures/search/stems.txt"), "utf8").split("\n")
    .filter((l) => l && !l.startsWith("#"));
  assert.ok(lines.length > 1000);
  const wrong = lines.map((l) => l.split(" ")).filter(([w, s]) => search.stem(w) !== s)
    .map(([w, s]) => `${w} → ${search.stem(w)}, expected ${s}`);
  assert.deepStrictEqual(wrong, []);
});

test("words are read as the build reads them", () => {
  assert.deepStrictEqual(search.words("The On-Call rota"), ["call", "oncall", "rota"]);
  assert.deepStrictEqual(search.words("manager's and managers’ 1:1s"), ["managers", "managers", "1s"]);
  assert.deepStrictEqual(search.words("Café RÉSUMÉ naïve"), ["cafe", "resume", "naive"]);
  assert.deepStrictEqual(search.words("x—y a--b «quoted»"), ["quoted"]);
  assert.deepStrictEqual(search.words("Ünïcode-aware, 日本語"), ["unicode", "aware", "unicodeaware", "日本語"]);
});

test("packed numbers", () => {
  assert.deepStrictEqual(search.unpack("BFoBkD"), [1, 5, 40, 100]);
  assert.strictEqual(search.shardFile("en"), "t_en.json");
  assert.strictEqual(search.shardFile("é"), "u_c3a9.json");
});

test("the bundled handbook: roles, synonyms, prefixes, filters", async () => {
  const { out, index } = built(root);
  try {
    assert.strictEqual((await titles(index, "engineering manager"))[0], "Engineering Manager");
    assert.strictEqual((await titles(index, "EM"))[0], "Engineering Manager", "a synonym from handbook.yml");
    assert.strictEqual((await titles(index, "estimat"))[0], "Estimation", "the word being typed matches longer words");
    assert.strictEqual((await titles(index, "engineeri"))[0] !== undefined, true, "a half-typed word past its stem still finds pages");
    assert.strictEqual((await titles(index, "oncall"))[0], "On-call", "a hyphenated word is also one word");
    assert.strictEqual((await titles(index, "on-call"))[0], "On-call");
    const roles = await titles(index, "engineer", { kind: "role" });
    assert.ok(roles.length >= 3 && roles.includes("Staff Engineer"), roles.join(", "));
    const all = await titles(index, "engineer");
    assert.ok(all.length > roles.length, "the filter narrows the results");
    const processes = await titles(index, "review", { section: "process" });
    assert.ok(processes.length > 0);
    const meta = await index.meta();
    const section = meta.sections.find((s) => s[0] === "process");
    assert.ok(section && section[1].length > 0, "the process folder is a section, titled by its page");
    assert.deepStrictEqual(await titles(index, "zzzzqqq"), []);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("a small site: every word is indexed, titles weigh most, phrases need their words", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-search-site-"));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    fs.writeFileSync(path.join(site, file), text);
  };
  write("content/index.md", "# Home\n\nWelcome.\n");
  write("content/okrs.md", "# Objectives\n\n" + "Planning filler sentence. ".repeat(200) + "\n\n## Quarterly goals\n\nWe set OKRs each quarter.\n");
  write("content/vacation.md", "# Vacation policy\n\nHow to take time off.\n");
  write("content/legal.md", "# Legal\n\nA vacation is mentioned once here, with performance and review.\n");
  write("content/reviews.md", "# Performance reviews\n\nHow the performance review works.\n");
  const { out, index, fetched } = built(site);
  try {
    assert.deepStrictEqual(await titles(index, "OKR"), ["Objectives"], "words far down a long page are indexed");
    assert.deepStrictEqual((await titles(index, "vacation"))[0], "Vacation policy");
    assert.deepStrictEqual((await titles(index, "performance review"))[0], "Performance reviews");
    assert.deepStrictEqual(await titles(index, "estimation hiring"), [], "every word must match");
    assert.ok(fetched.includes("meta.json") && fetched.some((f) => f.startsWith("t_")) && fetched.includes("d0.json"));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test("excerpts come from the best section and highlight the match", () => {
  const units = search.parseQuery("okr");
  const sections = [
    { id: "", heading: "", text: "Planning filler. ".repeat(30) },
    { id: "quarterly-goals", heading: "Quarterly goals", text: "We set OKRs each quarter, and review them." },
  ];
  const excerpt = search.excerptOf(sections, units);
  assert.strictEqual(excerpt.anchor, "quarterly-goals");
  assert.ok(excerpt.pieces.some(([text, isMatch]) => isMatch && text === "OKRs"), JSON.stringify(excerpt.pieces));
  const phrase = search.parseQuery('"change of job"');
  const withPhrase = [{ id: "why", heading: "Why", text: "Switching tracks is a change of job, not a promotion." }];
  const found = search.excerptOf(withPhrase, phrase);
  assert.deepStrictEqual(found.pieces.filter(([, m]) => m).map(([t]) => t), ["change of job"]);
  assert.strictEqual(search.excerptOf([{ id: "", heading: "", text: "a job with a change" }], phrase), null, "a phrase must be on the page");
});
