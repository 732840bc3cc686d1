// A full type-check of one tsconfig, in this fresh process, with noCheck forced off.
// Usage: node bench/typecheck.js <tsconfig.json>
// Prints one JSON line: { wallMs, maxRssMb, diagnostics, files }.
"use strict";
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ts = require("typescript");

const project = path.resolve(process.argv[2]);
const { config, error } = ts.readConfigFile(project, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(project), { noCheck: false, noEmit: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
for (const diagnostic of diagnostics.slice(0, 5)) console.error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
process.stdout.write(
    `${JSON.stringify({ wallMs: performance.now(), maxRssMb: process.resourceUsage().maxRSS / 1024, diagnostics: diagnostics.length, files: program.getSourceFiles().length })}\n`,
);
