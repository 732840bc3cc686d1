// A full type-check of one tsconfig, with noCheck forced off, in a fresh process.
// Usage: node bench/typecheck.js <cli|api> <tsconfig.json>
//   cli: the project's own check, the `tsc` that `npm test` runs (TypeScript 7, native), as a child
//        process; peak memory from /usr/bin/time, which sees the native compiler the tsc script starts.
//   api: the `typescript` package's compiler API in this process: the compiler ts-node, and so
//        Pulumi's runtime, uses to type-check a program at start-up.
// Prints one JSON line: { wallMs, maxRssMb, compiler }.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const [mode, tsconfig] = process.argv.slice(2);
const project = path.resolve(tsconfig || "");

function report(figures) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** How to read a command's peak resident memory with the system's time(1), or null where there is none. */
function peakMemoryProbe() {
    if (!existsSync("/usr/bin/time")) return null;
    if (process.platform === "darwin") {
        return { args: ["-l"], megabytes: (stderr) => Number(/(\d+)\s+maximum resident set size/.exec(stderr)?.[1]) / 2 ** 20 };
    }
    if (process.platform === "linux") {
        return { args: ["-f", "peak-rss-kb=%M"], megabytes: (stderr) => Number(/peak-rss-kb=(\d+)/.exec(stderr)?.[1]) / 1024 };
    }
    return null;
}

function checkWithCli() {
    const packageJson = require.resolve("@typescript/native/package.json");
    const tsc = path.join(path.dirname(packageJson), require(packageJson).bin.tsc);
    const command = [process.execPath, tsc, "--noEmit", "-p", project, "--noCheck", "false"];
    const probe = peakMemoryProbe();
    const started = performance.now();
    const result = probe ? spawnSync("/usr/bin/time", [...probe.args, ...command], { encoding: "utf8" }) : spawnSync(command[0], command.slice(1), { encoding: "utf8" });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`tsc failed on ${project}:\n${result.stdout}\n${result.stderr}`);
    report({ wallMs, maxRssMb: probe ? probe.megabytes(result.stderr) : null, compiler: `tsc ${require(packageJson).version}` });
}

function checkWithApi() {
    const ts = require("typescript");
    const { config, error } = ts.readConfigFile(project, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(project), { noCheck: false, noEmit: true });
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    if (diagnostics.length) throw new Error(diagnostics.slice(0, 5).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
    // From process start, as a program type-checked at start-up pays it.
    report({ wallMs: performance.now(), maxRssMb: process.resourceUsage().maxRSS / 1024, compiler: `typescript ${ts.version} API` });
}

if (mode === "cli") checkWithCli();
else if (mode === "api") checkWithApi();
else {
    console.error("Usage: node bench/typecheck.js <cli|api> <tsconfig.json>");
    process.exitCode = 2;
}
