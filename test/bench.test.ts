import { execFileSync } from "node:child_process";
import { join } from "node:path";

const { BUDGETS, benchResultsFile, evaluationVerdict, testRow } = require("../bench/run.js") as {
    BUDGETS: { testSeconds: number; evaluation: { naiveRatio: number; floorRatio: number; megabytes: number } };
    evaluationVerdict: (figure: { timeRatio: number; floorRatio: number; megabytes: number }) => boolean;
    benchResultsFile: (argv: string[]) => string;
    testRow: (test: { seconds: number | null; error?: string }) => { shown: string; withinBudget: boolean; verdict: string };
};

test("npm run bench leaves the committed record alone unless asked with --record", () => {
    expect(benchResultsFile(["node", "run.js", "--runs", "1"])).toBe("results.local.json");
    expect(benchResultsFile(["node", "run.js", "--record"])).toBe("results.json");
    const ignored = execFileSync("git", ["check-ignore", "bench/results.local.json"], { cwd: join(__dirname, ".."), encoding: "utf8" }).trim();
    expect(ignored).toBe("bench/results.local.json");
});

test("a failing test run is reported as failed, never as a time", () => {
    expect(testRow({ seconds: null, error: "npm test failed" })).toEqual({ shown: "the tests failed", withinBudget: false, verdict: "FAILED" });
    expect(testRow({ seconds: BUDGETS.testSeconds - 1.6 })).toEqual({ shown: `${(BUDGETS.testSeconds - 1.6).toFixed(1)} s`, withinBudget: true, verdict: "ok" });
    expect(testRow({ seconds: BUDGETS.testSeconds + 1 })).toMatchObject({ withinBudget: false, verdict: "OVER" });
});

test("evaluation is judged by its two ratios measured in one run, never by an absolute time", () => {
    expect(BUDGETS.evaluation).toEqual({ naiveRatio: 0.1, floorRatio: 1.5, megabytes: 300 });
    expect(evaluationVerdict({ timeRatio: 0.06, floorRatio: 1.4, megabytes: 200 })).toBe(true);
    expect(evaluationVerdict({ timeRatio: 0.11, floorRatio: 1.4, megabytes: 200 })).toBe(false);
    expect(evaluationVerdict({ timeRatio: 0.06, floorRatio: 1.6, megabytes: 200 })).toBe(false);
    expect(evaluationVerdict({ timeRatio: 0.06, floorRatio: 1.4, megabytes: 301 })).toBe(false);
});
