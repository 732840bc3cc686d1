/**
 * Runs a program's entry file as the Pulumi CLI starts it (TypeScript,
 * transpiled only), afresh on every call.
 *
 * A plain `require` runs an entry once per process: the module cache hands
 * back the first run's exports. The offline plan runs two programs in one
 * process (the head's and, with --base, the base's) and its tests run many,
 * so the entry is compiled and executed each time. The modules it imports
 * only declare resources and hold no state, so they come from the usual
 * module cache (and, under jest, from its registry through createRequire).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as ts from "typescript";

/** Executes the entry's current source and returns its exports. */
export function runProgramEntry(entry: string): Record<string, unknown> {
    const { outputText } = ts.transpileModule(readFileSync(entry, "utf8"), {
        fileName: entry,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    const module = { exports: {} as Record<string, unknown> };
    const body = new Function("exports", "require", "module", "__filename", "__dirname", outputText);
    body(module.exports, createRequire(entry), module, entry, dirname(entry));
    return module.exports;
}
