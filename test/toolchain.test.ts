import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import * as ts from "typescript";
import { create } from "ts-node";

const root = join(__dirname, "..");
const tsconfig = join(root, "tsconfig.json");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

test("pulumi preview and up start without a type-check: the runtime reads noCheck from tsconfig.json", () => {
    // The runtime's own reading (loadTypeScriptCompilerOptions): the raw compilerOptions.
    const { config, error } = ts.parseConfigFileTextToJson(tsconfig, readFileSync(tsconfig, "utf8"));
    expect(error).toBeUndefined();
    expect(config.compilerOptions.noCheck).toBe(true);
});

test("the runtime's compiler accepts tsconfig.json and transpiles the program with it", () => {
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfig, ts.sys.readFile).config, ts.sys, root);
    expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    const service = create({ project: tsconfig, transpileOnly: true });
    // ts-node transpiles file by file; a file in a subfolder is what needs rootDir.
    const compile = (file: string) => service.compile(readFileSync(join(root, file), "utf8"), join(root, file));
    expect(compile("index.ts")).toContain('require("./config/load")');
    // SWC exports one name with defineProperty(exports, …), several through its _export helper's getters.
    expect(compile("components/core.ts")).toMatch(/exports, "KedroEnvironment"|get KedroEnvironment \(\)/);
});

test("the runtime's ts-node strips types with SWC; the policy runtime, which type-checks, with TypeScript", () => {
    // ts-node reads its own section of tsconfig.json; SWC cannot type-check, so a checking start fails there.
    expect(ts.readConfigFile(tsconfig, ts.sys.readFile).config["ts-node"]).toEqual({ swc: true });
    expect(() => create({ project: tsconfig, transpileOnly: false })).toThrow(/'swc' implies 'transpileOnly'|Custom transpiler can only be used when transpileOnly is enabled/);
    // run-policy-pack registers ts-node without transpileOnly: the pack's tsconfig turns SWC off again.
    const policy = create({ project: join(root, "policy", "tsconfig.json"), transpileOnly: false });
    expect(policy.options.swc).toBe(false);
});

test("pulumi up gets a TypeScript with a compiler API; npm test type-checks with the native compiler", () => {
    expect(packageJson.dependencies.typescript).toBeDefined();
    expect(packageJson.dependencies["ts-node"]).toBeDefined();
    expect(typeof ts.transpileModule).toBe("function");
    // The `tsc` that npm scripts run is TypeScript 7's, not the runtime TypeScript's.
    const nativePackageJson = require.resolve("@typescript/native/package.json");
    const native = JSON.parse(readFileSync(nativePackageJson, "utf8"));
    expect(Number(native.version.split(".")[0])).toBeGreaterThanOrEqual(7);
    expect(realpathSync(join(root, "node_modules", ".bin", "tsc"))).toBe(realpathSync(join(dirname(nativePackageJson), native.bin.tsc)));
    expect(packageJson.scripts.test).toBe("node test/run.js");
    expect(readFileSync(join(root, "test", "run.js"), "utf8")).toContain(`run(bin("tsc"), ["--noEmit", "-p", ".", "--noCheck", "false"])`);
});
