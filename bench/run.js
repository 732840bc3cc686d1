// npm run bench [-- --runs N] [--record]
// Measures, in one run and side by side with the naive baseline (bench/baseline):
//   program evaluation under Pulumi's mocks per cloud and mode, each in a fresh process;
//   a full type-check of the project; and the whole test command.
// Each figure is the median of N runs (default 5). Prints a table, checks the
// budgets, and writes the figures to bench/results.local.json (ignored by git);
// with --record, to bench/results.json, the committed record.
"use strict";
const { spawnSync } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const root = path.join(__dirname, "..");
/** Where the figures go: the committed record only when asked with --record. */
function benchResultsFile(argv) {
    return argv.includes("--record") ? "results.json" : "results.local.json";
}

/**
 * Evaluation is judged by ratios measured in one run, since this machine's noise is larger than the
 * gap an absolute figure would judge: at most a tenth of the naive program's time, and at most 1.5
 * times a one-resource program's (bench/floor) evaluated the same way.
 */
const BUDGETS = {
    evaluation: { naiveRatio: 0.1, floorRatio: 1.5, megabytes: 300 },
    typecheck: { timeRatio: 0.2, memoryRatio: 0.5 },
    testSeconds: 30,
};

/** The npm test row: its time against the budget, or that the tests failed (a failing suite is no speed figure). */
function testRow(test) {
    if (test.error) return { shown: "the tests failed", withinBudget: false, verdict: "FAILED" };
    const withinBudget = test.seconds <= BUDGETS.testSeconds;
    return { shown: `${test.seconds.toFixed(1)} s`, withinBudget, verdict: withinBudget ? "ok" : "OVER" };
}
/** An evaluation figure against its two budgets. */
function evaluationVerdict(figure) {
    const budget = BUDGETS.evaluation;
    return figure.timeRatio <= budget.naiveRatio && figure.floorRatio <= budget.floorRatio && figure.megabytes <= budget.megabytes;
}
module.exports = { BUDGETS, benchResultsFile, evaluationVerdict, testRow };
if (require.main !== module) return;

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function runNode(script, args) {
    const result = spawnSync(process.execPath, [path.join(__dirname, script), ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${result.stderr}`);
    const lines = result.stdout.trim().split("\n");
    return JSON.parse(lines[lines.length - 1]);
}

function measure(label, script, args) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) samples.push(runNode(script, args));
    process.stderr.write(`  measured ${label}\n`);
    return samples;
}

const rows = [];
const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), runs: RUNS, evaluation: [], typecheck: {}, test: {} };
let allWithinBudget = true;
const verdict = (ok) => {
    allWithinBudget &&= ok;
    return ok ? "ok" : "OVER";
};

process.stderr.write(`Benchmarking with ${RUNS} runs per figure…\n`);
const floorSeconds = median(measure("floor: one resource", "evaluate.js", ["floor", "aws", "existing"]).map((s) => s.lastRegisteredMs)) / 1000;
results.floorSeconds = floorSeconds;
for (const cloud of ["aws", "azure", "gcp"]) {
    for (const mode of ["existing", "create"]) {
        const ours = measure(`evaluate ${cloud} ${mode}`, "evaluate.js", ["ours", cloud, mode]);
        const baseline = measure(`baseline ${cloud} ${mode}`, "evaluate.js", ["baseline", cloud, mode]);
        const figure = {
            cloud,
            mode,
            seconds: median(ours.map((s) => s.lastRegisteredMs)) / 1000,
            megabytes: median(ours.map((s) => s.maxRssMb)),
            resources: ours[0].resources,
            baselineSeconds: median(baseline.map((s) => s.lastRegisteredMs)) / 1000,
            baselineMegabytes: median(baseline.map((s) => s.maxRssMb)),
        };
        figure.timeRatio = figure.seconds / figure.baselineSeconds;
        figure.floorRatio = figure.seconds / floorSeconds;
        const budget = BUDGETS.evaluation;
        figure.withinBudget = evaluationVerdict(figure);
        results.evaluation.push(figure);
        rows.push([
            `evaluate ${cloud}/${mode}`,
            `${figure.seconds.toFixed(2)} s, ${figure.megabytes.toFixed(0)} MB`,
            `${figure.baselineSeconds.toFixed(2)} s, ${figure.baselineMegabytes.toFixed(0)} MB`,
            `${(figure.timeRatio * 100).toFixed(0)}% naive, ${figure.floorRatio.toFixed(2)}× floor`,
            `≤${budget.naiveRatio * 100}% naive & ≤${budget.floorRatio}× floor (${floorSeconds.toFixed(2)} s) & ≤${budget.megabytes} MB`,
            verdict(figure.withinBudget),
        ]);
    }
}

// The project's check is the one npm test runs; the baseline's is the one ts-node runs at start-up.
// The project under the baseline's compiler is reported too, so the two causes can be told apart.
const ours = measure("type-check", "typecheck.js", ["cli", "tsconfig.json"]);
const oursSameCompiler = measure("type-check with the baseline's compiler", "typecheck.js", ["api", "tsconfig.json"]);
const baseline = measure("baseline type-check", "typecheck.js", ["api", path.join("bench", "baseline", "tsconfig.json")]);
const figures = (samples) => ({
    compiler: samples[0].compiler,
    seconds: median(samples.map((s) => s.wallMs)) / 1000,
    megabytes: samples[0].maxRssMb === null ? null : median(samples.map((s) => s.maxRssMb)),
});
const baselineCheck = figures(baseline);
/** A check's figures with their ratios to the baseline's; memory may be unknown (null). */
const againstBaseline = (figure) => ({
    ...figure,
    timeRatio: figure.seconds / baselineCheck.seconds,
    memoryRatio: figure.megabytes === null ? null : figure.megabytes / baselineCheck.megabytes,
});
const tc = (results.typecheck = { ...againstBaseline(figures(ours)), baseline: baselineCheck, sameCompilerAsBaseline: againstBaseline(figures(oursSameCompiler)) });
tc.withinBudget = tc.timeRatio <= BUDGETS.typecheck.timeRatio && tc.memoryRatio !== null && tc.memoryRatio <= BUDGETS.typecheck.memoryRatio;
const percent = (ratio) => (ratio === null ? "n/a" : `${(ratio * 100).toFixed(0)}%`);
const shown = (figure) => `${figure.seconds.toFixed(2)} s, ${figure.megabytes === null ? "n/a" : `${figure.megabytes.toFixed(0)} MB`} (${figure.compiler})`;
const same = tc.sameCompilerAsBaseline;
rows.push(["type-check", shown(tc), shown(baselineCheck), `${percent(tc.timeRatio)} / ${percent(tc.memoryRatio)}`, `≤${BUDGETS.typecheck.timeRatio * 100}% time, ≤${BUDGETS.typecheck.memoryRatio * 100}% memory`, verdict(tc.withinBudget)]);
rows.push(["  same, baseline's compiler", shown(same), "", `${percent(same.timeRatio)} / ${percent(same.memoryRatio)}`, "reference", "-"]);

const testSamples = [];
for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = spawnSync("npm", ["test", "--silent"], { cwd: root, encoding: "utf8", shell: process.platform === "win32", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) {
        // A failing suite is no speed figure: say so, keep the other figures.
        results.test.error = `npm test failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`;
        process.stderr.write(`${results.test.error}\n`);
        break;
    }
    testSamples.push((performance.now() - started) / 1000);
}
process.stderr.write("  measured npm test\n");
results.test = { ...results.test, seconds: testSamples.length ? median(testSamples) : null, samples: testSamples };
const test = testRow(results.test);
results.test.withinBudget = test.withinBudget;
allWithinBudget &&= test.withinBudget;
rows.push(["npm test", test.shown, "-", "-", `≤${BUDGETS.testSeconds} s`, test.verdict]);
results.withinBudgets = allWithinBudget;

const header = ["figure", "this project", "naive baseline", "ratio", "budget", ""];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(" | ")} |`;
console.log(line(header));
console.log(line(widths.map((width) => "-".repeat(width))));
rows.forEach((row) => console.log(line(row)));
const resultsFile = benchResultsFile(process.argv);
console.log(`\nMedian of ${RUNS} runs each, Node ${process.version}, ${results.cpus} CPUs. Figures written to bench/${resultsFile}.`);
writeFileSync(path.join(__dirname, resultsFile), `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = allWithinBudget ? 0 : 1;
