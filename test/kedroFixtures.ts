/** A Kedro project's artifacts as tests need them: its snapshot from the fixtures, and a wheel built here as a zip. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { type KedroSnapshot, readKedroSnapshot } from "../lib/kedroSnapshot";

export const snapshotPath = (name: string) => join(__dirname, "fixtures", "kedro", `${name}.snapshot.json`);

export function snapshotFixture(name: string): KedroSnapshot {
    const reading = readKedroSnapshot(readFileSync(snapshotPath(name), "utf8"));
    if (!("snapshot" in reading)) throw new Error(reading.problems.join("; "));
    return reading.snapshot;
}

/** A wheel as `python -m build --wheel` lays one out, built here as a zip: no Python needed. */
export function buildWheel(options: { name?: string; version?: string; requiresPython?: string; requires?: string[]; scripts?: Record<string, string> } = {}): Uint8Array {
    const { name = "spaceflights", version = "0.1", requiresPython = ">=3.10", requires = ["kedro~=1.5.0"], scripts = { spaceflights: "spaceflights.__main__:main" } } = options;
    const dist = `${name.replace(/-/g, "_")}-${version}.dist-info`;
    const metadata = [`Metadata-Version: 2.4`, `Name: ${name}`, `Version: ${version}`, `Requires-Python: ${requiresPython}`, ...requires.map((r) => `Requires-Dist: ${r}`), "", "A Kedro project."].join("\n");
    const entryPoints = `[console_scripts]\n${Object.entries(scripts).map(([script, target]) => `${script} = ${target}`).join("\n")}\n`;
    const files = { [`${name}/__main__.py`]: strToU8("def main(): ...\n"), [`${dist}/METADATA`]: strToU8(metadata), [`${dist}/entry_points.txt`]: strToU8(entryPoints), [`${dist}/RECORD`]: strToU8("") };
    // A fixed time in every entry: the same arguments make the same bytes, so a wheel's digest is stable across calls.
    return zipSync(files, { mtime: new Date("2026-01-01T00:00:00Z") });
}

