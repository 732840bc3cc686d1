/** The program as the Pulumi CLI runs it: index.ts with the stack's config. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT_OUTPUTS } from "../components";
import * as pulumi from "@pulumi/pulumi";
import { runProgramEntry } from "../plan/program";
import { type RecordingMocks, TYPES, baseConfig, prepare, resolve, settle } from "./harness";

const INDEX = join(__dirname, "..", "index.ts");

interface ProgramRun {
    mocks: RecordingMocks;
    exports?: Record<string, string>;
    error?: unknown;
    warnings: string[];
}

/** Runs index.ts afresh, as `pulumi up` would, and records what it did. */
async function runProgram(config: Record<string, string>, providerConfig: Record<string, string> = {}): Promise<ProgramRun> {
    const mocks = await prepare({ config, providerConfig });
    const warnings: string[] = [];
    let program: Record<string, pulumi.Output<string | undefined> | undefined> | undefined;
    let error: unknown;
    // A fresh run of index.ts, as `pulumi up` starts it; its log is the one to watch.
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => void warnings.push(message));
    try {
        program = runProgramEntry(INDEX) as typeof program;
    } catch (caught) {
        error = caught;
    } finally {
        warn.mockRestore();
    }
    if (!program) return { mocks, error, warnings };
    const exports = Object.fromEntries(
        await Promise.all(
            Object.entries(program)
                .filter((entry): entry is [string, pulumi.Output<string>] => entry[1] !== undefined)
                .map(async ([key, value]) => [key, await resolve(value)] as const),
        ),
    );
    await settle();
    return { mocks, exports, warnings };
}

test("exports the documented stack outputs: the environment's, declared once in the core, each in the README's table", async () => {
    const { exports } = await runProgram(baseConfig("aws"), { "databricks:host": "https://dbc-1234abcd-5678.cloud.databricks.com" });
    expect(Object.keys(exports!).sort()).toEqual([
        "clusterId",
        "clusterUrl",
        "dataVolumePath",
        "jobId",
        "jobUrl",
        "notebookPath",
        "notebookUrl",
        "projectRoot",
        "repoCommit",
        "repoPath",
        "workspaceUrl",
    ]);
    expect(Object.keys(exports!).sort()).toEqual([...ENVIRONMENT_OUTPUTS].sort());
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    for (const name of [...ENVIRONMENT_OUTPUTS, "gitRepositoryUrl", "gitRemoteCommands"])
        expect([name, readme.includes(`| \`${name}\` |`)]).toEqual([name, true]);
    expect(exports!.notebookUrl).toMatch(/^https:\/\/dbc-1234abcd-5678\.cloud\.databricks\.com\/#workspace\/Users\//);
});

test("logs the runtime's end of support as a Pulumi warning", async () => {
    const { warnings } = await runProgram(baseConfig("gcp"));
    expect(warnings.some((warning) => /11\.3 LTS .*end of support.*Python 3\.9/.test(warning))).toBe(true);
});

test("a supported runtime logs no warning", async () => {
    const { warnings } = await runProgram(baseConfig("gcp", { sparkVersion: "15.4.x-scala2.12" }));
    expect(warnings).toEqual([]);
});

test("builds the environment for the configured cloud, found under its old per-cloud type", async () => {
    const { mocks } = await runProgram(baseConfig("azure"));
    expect(mocks.resources[0].type).toBe("databricks-kedro-stack:index:DatabricksKedroEnvironment");
    expect(mocks.placements[0].aliases).toEqual([{ type: "databricks-kedro-stack:azure:KedroEnvironment" }]);
    expect(mocks.one(TYPES.cluster).inputs.azureAttributes.availability).toBe("SPOT_WITH_FALLBACK_AZURE");
});

test("a bad config fails the program with the key-naming error and declares nothing", async () => {
    const { error, mocks } = await runProgram(baseConfig("aws"), { "databricks:host": "https://adb-1.2.azuredatabricks.net" });
    expect(String(error)).toMatch(/databricks:host is "https:\/\/adb-1\.2\.azuredatabricks\.net"; allowed: an AWS workspace/);
    expect(mocks.resources).toEqual([]);
});

test("DATABRICKS_HOST is checked like databricks:host", async () => {
    const mocks = await prepare({ config: baseConfig("gcp") });
    process.env.DATABRICKS_HOST = "https://dbc-1.cloud.databricks.com";
    try {
        let error: unknown;
        try {
            runProgramEntry(INDEX);
        } catch (caught) {
            error = caught;
        }
        expect(String(error)).toMatch(/databricks:host is "https:\/\/dbc-1\.cloud\.databricks\.com"; allowed: a GCP workspace/);
        expect(mocks.resources).toEqual([]);
    } finally {
        delete process.env.DATABRICKS_HOST;
    }
});
