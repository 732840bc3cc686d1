// One program evaluation under Pulumi's mocks, in this fresh process, started
// the way Pulumi's Node runtime starts a TypeScript program: ts-node with
// transpileOnly taken from the tsconfig's noCheck.
// Usage: node bench/evaluate.js <ours|baseline|floor> <aws|azure|gcp> <existing|create>
// (floor: bench/floor, one resource, with the project's tsconfig: the runner's own cost.)
// Prints one JSON line: { lastRegisteredMs, maxRssMb, resources }.
"use strict";
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ts = require("typescript");

const [program, cloud, mode] = process.argv.slice(2);
const root = path.join(__dirname, "..");
const project = program === "baseline" ? path.join(__dirname, "baseline", "tsconfig.json") : path.join(root, "tsconfig.json");
const entry = { ours: path.join(root, "index.ts"), baseline: path.join(__dirname, "baseline", "index.ts"), floor: path.join(__dirname, "floor", "index.ts") }[program];

const parsed = ts.parseConfigFileTextToJson(project, ts.sys.readFile(project));
const transpileOnly = Boolean(parsed.config.compilerOptions && parsed.config.compilerOptions.noCheck);
require("ts-node").register({ project, transpileOnly, compilerOptions: {} });

const pulumi = require("@pulumi/pulumi");
const { RecordingMocks, WORKSPACES, fakeUser, waitForRegistrations } = require(path.join(root, "plan", "mocks.ts"));

async function main() {
    const mocks = new RecordingMocks(fakeUser(WORKSPACES[cloud]));
    let lastRegisteredMs = 0;
    const register = mocks.newResource.bind(mocks);
    mocks.newResource = async (args) => {
        const result = await register(args);
        lastRegisteredMs = performance.now();
        return result;
    };
    await pulumi.runtime.setMocks(mocks, "databricks-kedro-stack", "bench", false);
    const p = "databricks-kedro-stack:";
    const config = {
        [`${p}cloud`]: cloud,
        [`${p}gitUrl`]: "https://github.com/acme/iris-databricks.git",
        [`${p}gitUsername`]: "bench",
        [`${p}gitToken`]: "bench-token",
        [`${p}workspace`]: mode,
    };
    if (mode === "create") {
        Object.assign(config, {
            [`${p}databricksAccountId`]: "0d9c1b2a-1234-4cde-8f00-123456789abc",
            [`${p}databricksClientId`]: "bench-client",
            [`${p}databricksClientSecret`]: "bench-secret",
            // On AWS the account service principal deploys: someone must own the single-user cluster.
            [`${p}environmentUser`]: "bench@example.com",
            "aws:region": "eu-west-1",
            "azure-native:location": "westeurope",
            "gcp:project": "bench-project",
            "gcp:region": "europe-west1",
        });
    }
    pulumi.runtime.setAllConfig(config, [`${p}gitToken`, `${p}databricksClientSecret`]);
    // Warnings are part of the program but not of this measurement's output.
    pulumi.log.warn = async () => undefined;
    require(entry);
    await waitForRegistrations();
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ lastRegisteredMs, maxRssMb, resources: mocks.resources.length })}\n`);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
