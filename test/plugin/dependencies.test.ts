/**
 * The component package installs from Git (`pulumi package add
 * github.com/<owner>/<repo>.git/plugin@<tag>`): Pulumi clones the repository
 * and its Node.js host installs the plugin's dependencies at the npm
 * workspace root it finds above plugin/ (sdk/nodejs/npm/workspaces.go,
 * FindWorkspaceRoot), and npm installs there a workspace's own dependencies
 * only. So every package the plugin's entry loads, through every module it
 * reaches, must be declared in plugin/package.json, at the lock's version.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import * as ts from "typescript";

const root = join(__dirname, "..", "..");
const pluginManifest = JSON.parse(readFileSync(join(root, "plugin", "package.json"), "utf8"));
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

/** A bare specifier's package: `@pulumi/databricks/job` → `@pulumi/databricks`. */
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Every package the module graph from `entry` loads: static imports, re-exports and require() calls alike. */
function packagesLoadedFrom(entry: string): Map<string, string> {
    const loadedBy = new Map<string, string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
        for (const { fileName: specifier } of importedFiles) {
            if (specifier.startsWith(".")) {
                const base = resolve(dirname(file), specifier);
                const candidates = [`${base}.ts`, join(base, "index.ts"), `${base}.js`];
                const found = candidates.find((candidate) => {
                    try {
                        return readFileSync(candidate) !== undefined;
                    } catch {
                        return false;
                    }
                });
                if (!found) throw new Error(`${file} imports ${specifier}, which is no module of this repository`);
                visit(found);
            } else if (!builtinModules.includes(specifier.replace(/^node:/, "").split("/")[0])) {
                if (!loadedBy.has(packageOf(specifier))) loadedBy.set(packageOf(specifier), file.slice(root.length + 1));
            }
        }
    };
    visit(entry);
    return loadedBy;
}

const loaded = packagesLoadedFrom(join(root, "plugin", "index.ts"));

test("the plugin is an npm workspace of the repository, so the host installs its dependencies where the modules it loads resolve them", () => {
    expect(rootManifest.workspaces).toEqual(["plugin"]);
    expect(lock.packages.plugin).toMatchObject({ name: pluginManifest.name, dependencies: pluginManifest.dependencies });
});

test("every package the plugin's entry loads, through every module it reaches, is a declared dependency of the plugin", () => {
    expect(loaded.size).toBeGreaterThan(3);
    const undeclared = [...loaded].filter(([name]) => !(name in (pluginManifest.dependencies ?? {})));
    expect(undeclared.map(([name, file]) => `${name} (loaded by ${file})`)).toEqual([]);
});

test("each declared dependency is at the version the lock installs, and none is declared that nothing loads", () => {
    for (const [name, version] of Object.entries<string>(pluginManifest.dependencies)) {
        // An alias (typescript: npm:@typescript/typescript6@6.0.2) names the version after its package.
        expect([name, version.replace(/^npm:.+@/, "")]).toEqual([name, lock.packages[`node_modules/${name}`]?.version]);
    }
    const runtimeOnly = ["typescript", "ts-node"];
    expect(Object.keys(pluginManifest.dependencies).filter((name) => !loaded.has(name) && !runtimeOnly.includes(name))).toEqual([]);
});

test("the check sees what a module loads lazily, and can fail", () => {
    // components/stack.ts requires each cloud's workspace only when the stack creates one.
    expect([...loaded.keys()]).toEqual(expect.arrayContaining(["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp"]));
    expect(() => packagesLoadedFrom(join(root, "test", "fixtures", "no-such-entry.ts"))).toThrow();
});
