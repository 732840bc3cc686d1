// Fails the run when a test left a temp folder behind (see globalSetup.js).
"use strict";
const { readdirSync, rmSync } = require("node:fs");

module.exports = async () => {
    const dir = process.env.KEDRO_TEST_TMPDIR;
    if (!dir) return;
    // A library's own compile cache (v8-compile-cache, which the plan's child process loads) is no test's leftover.
    const left = readdirSync(dir).filter((name) => !/^v8-compile-cache-/.test(name));
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) throw new Error(`Tests left ${left.length} temp folder(s) behind: ${left.join(", ")}. Create them with test/tempDirs.ts' tempDir, which removes them after each test.`);
};
