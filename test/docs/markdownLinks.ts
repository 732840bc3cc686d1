/**
 * Relative links in the README and docs/, checked the way GitHub renders them: a heading's anchor is
 * its text lower-cased, with punctuation dropped and spaces turned into hyphens, and a repeated heading
 * gets -1, -2, ...; an explicit <a id="..."></a> is an anchor too. Fenced code is not markdown.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

export function githubSlug(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

function withoutCode(text: string): string[] {
    let fenced = false;
    return text.split("\n").filter((line) => {
        if (/^\s*```/.test(line)) fenced = !fenced;
        return !fenced;
    });
}

export function anchorsOf(text: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const line of withoutCode(text)) {
        for (const id of line.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id[1]);
        const heading = /^#{1,6}\s+(.*)$/.exec(line);
        if (!heading) continue;
        const slug = githubSlug(heading[1]);
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        anchors.add(count ? `${slug}-${count}` : slug);
    }
    return anchors;
}

/** Every relative link of `file` (a path under `root`) whose file or anchor does not exist. */
export function brokenLinks(root: string, file: string): string[] {
    const broken: string[] = [];
    const text = withoutCode(readFileSync(join(root, file), "utf8")).join("\n").replace(/`[^`\n]*`/g, "");
    for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(link)) continue;
        const [path, anchor] = link.split("#");
        const target = path ? normalize(join(dirname(file), path)) : file;
        if (!existsSync(join(root, target))) broken.push(`${file}: ${link} (no ${target})`);
        else if (anchor && target.endsWith(".md") && !anchorsOf(readFileSync(join(root, target), "utf8")).has(anchor)) {
            broken.push(`${file}: ${link} (no heading #${anchor} in ${target})`);
        }
    }
    return broken;
}
