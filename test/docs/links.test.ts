/** The README and the guides link to each other by heading: a moved or renamed section must not leave a dead link. */
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anchorsOf, brokenLinks, githubSlug } from "./markdownLinks";

const root = join(__dirname, "..", "..");
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

test.each(pages)("every relative link in %s reaches a file and a heading", (page) => {
    expect(brokenLinks(root, page)).toEqual([]);
});

test("anchors follow GitHub's rules: punctuation dropped, spaces hyphenated, repeats numbered, explicit ids kept", () => {
    expect(githubSlug("Plan offline, without a cloud (1/2)")).toBe("plan-offline-without-a-cloud-12");
    expect([...anchorsOf("# A\n## A\n<a id=\"x\"></a>text\n```\n# not a heading\n```\n")]).toEqual(["a", "a-1", "x"]);
});

test("a link to a missing heading or file is reported, one in code is not", () => {
    const dir = mkdtempSync(join(tmpdir(), "links-"));
    try {
        mkdirSync(join(dir, "docs"));
        writeFileSync(join(dir, "README.md"), "# Top\n[ok](#top) [gone](#bottom) [guide](docs/a.md#setup) `[code](#nowhere)`\n");
        writeFileSync(join(dir, "docs", "a.md"), "# Intro\n[back](../README.md#top) [missing](b.md)\n");
        expect(brokenLinks(dir, "README.md")).toEqual([
            "README.md: #bottom (no heading #bottom in README.md)",
            "README.md: docs/a.md#setup (no heading #setup in docs/a.md)",
        ]);
        expect(brokenLinks(dir, "docs/a.md")).toEqual(["docs/a.md: b.md (no docs/b.md)"]);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
