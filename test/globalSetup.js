// Every test's temp folder goes under one folder of this run's (TMPDIR, which the
// workers and their child processes inherit); the teardown fails the run if a test
// left anything there.
"use strict";
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

module.exports = async () => {
    const dir = mkdtempSync(join(tmpdir(), "databricks-kedro-stack-tests-"));
    process.env.KEDRO_TEST_TMPDIR = dir;
    process.env.TMPDIR = dir;
};
