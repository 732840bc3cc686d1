/**
 * A service principal deploying with no person named for the single-user
 * cluster. In a child process, as the engine runs the program: there the
 * failed registrations are unhandled rejections that end the run.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { TYPES } from "../harness";

const WORKSPACE_TYPES: string[] = [TYPES.cluster, TYPES.gitCredential, TYPES.repo, TYPES.notebook, TYPES.library, "databricks:index/permissions:Permissions"];

interface Run {
    registered: string[];
    errors: string[];
}

/** The run ends with registrations left pending, which Pulumi's exit hook reports (exit code included); the first line is the record. */
function run(overrides: Record<string, string>): Promise<Run> {
    const child = spawn(process.execPath, [join(__dirname, "..", "fixtures", "deployAsServicePrincipal.js"), JSON.stringify(overrides)], { stdio: ["ignore", "pipe", "ignore"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    return new Promise((done, fail) => {
        child.on("error", fail);
        child.on("close", () => done(JSON.parse(stdout.split("\n")[0])));
    });
}

// Both processes at once: each waits for its registrations to settle.
let refused: Run;
let named: Run;
beforeAll(async () => {
    [refused, named] = await Promise.all([run({ kedroInstall: "cluster" }), run({ environmentUser: "alice@example.com" })]);
});

test("with no person named, nothing in the workspace is created, and the error says how to name one", () => {
    const { registered, errors } = refused;
    expect(registered.filter((type) => WORKSPACE_TYPES.includes(type))).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
        expect(error).toContain("pulumi up runs as the service principal 6f1b2c3d-0000-4000-8000-00000000c1c1, which would own the SINGLE_USER cluster");
        expect(error).toContain("pulumi config set environmentUser '<you@example.com>' --stack dev");
    }
});

test("the same run with environmentUser set creates everything and fails nothing", () => {
    const { registered, errors } = named;
    expect(errors).toEqual([]);
    expect(registered).toEqual(expect.arrayContaining([TYPES.cluster, TYPES.gitCredential, TYPES.repo, TYPES.notebook]));
});
