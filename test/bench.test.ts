import { execFileSync } from "node:child_process";
import { join } from "node:path";

const { benchResultsFile } = require("../bench/run.js") as { benchResultsFile: (argv: string[]) => string };

test("npm run bench leaves the committed record alone unless asked with --record", () => {
    expect(benchResultsFile(["node", "run.js", "--runs", "1"])).toBe("results.local.json");
    expect(benchResultsFile(["node", "run.js", "--record"])).toBe("results.json");
    const ignored = execFileSync("git", ["check-ignore", "bench/results.local.json"], { cwd: join(__dirname, ".."), encoding: "utf8" }).trim();
    expect(ignored).toBe("bench/results.local.json");
});
