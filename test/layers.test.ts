/**
 * The layers point down: lib/ holds pure facts and helpers and imports nothing
 * of the project; config/ reads and checks the stack's config with lib/; the
 * policy pack judges resources with lib/ alone; components declare resources
 * from config/ and lib/. A file's relative imports are read from its source.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = join(__dirname, "..");

/** The layer each layer may import, besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
    lib: [],
    config: ["lib"],
    policy: ["lib"],
    components: ["config", "lib"],
};

function sources(dir: string): string[] {
    return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [join(dir, entry.name)] : [],
    );
}

/** The top-level folders a file's relative imports (import, export … from, require) reach. */
function importedLayers(file: string, source: string): string[] {
    const specifiers = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
    return specifiers.map((specifier) => relative(root, resolve(root, dirname(file), specifier)).split(/[\\/]/)[0]);
}

test("the check reads imports, re-exports and requires", () => {
    const source = 'import { a } from "../config";\nexport * from "./clouds";\nconst b = require("../components/x") as X;\nimport type { C } from "./naming";';
    expect(importedLayers("lib/x.ts", source)).toEqual(["config", "lib", "components", "lib"]);
});

test.each(Object.keys(ALLOWED))("%s/ imports only the layers below it", (layer) => {
    const files = sources(layer);
    expect(files.length).toBeGreaterThan(0);
    const crossings = files.flatMap((file) =>
        importedLayers(file, readFileSync(join(root, file), "utf8"))
            .filter((target) => target !== layer && !ALLOWED[layer].includes(target))
            .map((target) => `${file} imports ${target}/`),
    );
    expect(crossings).toEqual([]);
});
