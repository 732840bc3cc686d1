import { execFileSync } from "node:child_process";
import { join } from "node:path";

const { BUDGETS, benchResultsFile, testRow } = require("../bench/run.js") as {
    BUDGETS: { testSeconds: number };
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
