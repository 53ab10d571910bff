// Ranking of the theme's search, run with Node's test runner (`node --test`).
const test = require("node:test");
const assert = require("node:assert");
const search = require("../../Sources/HandbookRender/Theme/assets/search.js");

// [title, url, kind, tags, headings, fields, text]
const index = {
  v: 1,
  synonyms: { em: ["Engineering Manager"] },
  docs: [
    ["Code review", "/process/code-review/", "process", "", "For authors\nFor reviewers", "", "Code review spreads knowledge. The engineering manager is informed."],
    ["Engineering Manager", "/roles/engineering-manager/", "role", "roles", "What the job is\nHiring", "management M1", "An engineering manager leads one team and hires."],
    ["Estimation", "/process/estimation/", "process", "", "Ranges, not points", "", "Give estimates as ranges. A team is asked for a date."],
    ["Hiring loops", "/guides/hiring/", "page", "hiring", "Onsite", "", "How we run interviews; the manager writes the role."],
    ["Staff Engineer", "/roles/staff-engineer/", "role", "", "Shapes of the role", "individual-contributor E4", "Solves problems across teams, like a manager of nothing."],
  ],
};

test("title matches rank first", () => {
  const results = search.search(index, "engineering manager");
  assert.strictEqual(results[0].title, "Engineering Manager");
  assert.ok(results.some((r) => r.title === "Code review"), "text matches are still found");
});

test("prefix matching", () => {
  assert.strictEqual(search.search(index, "estim")[0].title, "Estimation");
  assert.strictEqual(search.search(index, "hir")[0].title, "Hiring loops");
});

test("every term must match", () => {
  assert.deepStrictEqual(search.search(index, "estimation hiring"), []);
});

test("exact phrases in quotes", () => {
  const loose = search.search(index, "team hires").map((r) => r.title);
  const phrase = search.search(index, '"asked for a date"').map((r) => r.title);
  assert.deepStrictEqual(phrase, ["Estimation"]);
  assert.ok(loose.includes("Engineering Manager"));
  assert.deepStrictEqual(search.search(index, '"date for a team"'), []);
});

test("synonyms from handbook.yml", () => {
  assert.strictEqual(search.search(index, "EM")[0].title, "Engineering Manager");
});

test("structured fields are searchable", () => {
  assert.strictEqual(search.search(index, "E4")[0].title, "Staff Engineer");
});

test("excerpts highlight the match", () => {
  const result = search.search(index, "ranges")[0];
  assert.ok(result.excerpt.some(([text, isMatch]) => isMatch && text.toLowerCase() === "ranges"));
});

test("accents and typographic quotes do not matter", () => {
  assert.strictEqual(search.normalise("Café’s"), "cafe's");
});
