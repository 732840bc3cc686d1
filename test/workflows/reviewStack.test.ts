/**
 * The review-stack job across runs, each on a fresh checkout, as GitHub runs
 * it: the backend keeps the stacks and their outputs between runs, the
 * checkout (and its Pulumi.<stack>.yaml) is new every time. A stand-in CLI
 * (test/fixtures/fakePulumi.js) keeps that split and encrypts secrets per stack.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { parse } from "yaml";
import { ConfigError, PROJECT, validateStackConfig } from "../../config";
import { tempDir } from "../tempDirs";

const root = join(__dirname, "..", "..");
const DEV_SHA = "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";
const HEAD_1 = "1111111111111111111111111111111111111111";
const HEAD_2 = "2222222222222222222222222222222222222222";
const STACK = "pr-7";

/** The stand-in CLI, served from a worker thread: each call is then a shell's start, not Node's. */
let server: Worker;
let port: string;
beforeAll(async () => {
    server = new Worker(join(root, "test", "fixtures", "fakePulumiServer.js"));
    port = String(await new Promise<number>((done) => server.once("message", done)));
});
afterAll(async () => {
    server.postMessage("close");
    await new Promise((done) => server.once("exit", done));
});

let scratch: string;
let backend: string;
let bin: string;
beforeEach(() => {
    scratch = tempDir("review-stack-");
    backend = join(scratch, "backend");
    bin = join(scratch, "bin");
    mkdirSync(backend);
    mkdirSync(bin);
    symlinkSync(join(root, "test", "fixtures", "fakePulumi.sh"), join(bin, "pulumi"));
});

/** dev as it exists in the backend, with its committed stack file plus the secret set with --secret. */
function devStack(extra: Record<string, unknown> = {}, outputs: Record<string, string> = { repoCommit: DEV_SHA }) {
    writeFileSync(join(backend, "stacks.json"), JSON.stringify({ dev: { outputs } }));
    const committed = parse(readFileSync(join(root, "test", "fixtures", "stacks", "Pulumi.dev.yaml"), "utf8")).config;
    const token = { secure: `enc:dev:${Buffer.from("ghp_devtoken").toString("base64")}` };
    // JSON is YAML too: the stand-in CLI reads stack files without a YAML parser.
    return JSON.stringify({ config: { ...committed, [`${PROJECT}:gitToken`]: token, ...extra } });
}

/** A fresh checkout: the repository's files, no review stack file. */
function checkout(devFile: string): string {
    const dir = mkdtempSync(join(scratch, "checkout-"));
    copyFileSync(join(root, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    writeFileSync(join(dir, "Pulumi.dev.yaml"), devFile);
    mkdirSync(join(dir, ".github", "scripts"), { recursive: true });
    copyFileSync(join(root, ".github", "scripts", "prepare-stack.sh"), join(dir, ".github", "scripts", "prepare-stack.sh"));
    return dir;
}

/** One run of the job's config step (what pulumi.yml runs), in a checkout. */
function runJob(dir: string, env: Record<string, string>, script = "bash .github/scripts/prepare-stack.sh") {
    return execFileSync("bash", ["-c", script], {
        cwd: dir,
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: scratch, FAKE_PULUMI_BACKEND: backend, FAKE_PULUMI_PORT: port, STACK, COMMAND: "up", REVIEW: "true", ...env },
        encoding: "utf8",
        stdio: "pipe",
    });
}

/** The review stack's config as the program would read it: decrypted for that stack, validated by the program's own rules. */
function configOf(dir: string) {
    const file = join(dir, `Pulumi.${STACK}.yaml`);
    if (!existsSync(file)) return { raw: {} as Record<string, string>, secrets: {} as Record<string, string>, host: undefined };
    const config: Record<string, unknown> = parse(readFileSync(file, "utf8")).config;
    const raw: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        if (!key.startsWith(`${PROJECT}:`)) continue;
        const name = key.slice(PROJECT.length + 1);
        if (value && typeof value === "object" && "secure" in value) {
            const [, owner, data] = String((value as { secure: string }).secure).split(":");
            expect(owner).toBe(STACK);
            secrets[name] = Buffer.from(data, "base64").toString();
        } else raw[name] = String(value);
    }
    return { raw, secrets, host: config["databricks:host"] as string | undefined };
}
const validation = (dir: string) => {
    const { raw, secrets, host } = configOf(dir);
    return validateStackConfig(raw, { project: PROJECT, stack: STACK, hasGitToken: "gitToken" in secrets, databricksHost: host, databricksHostInConfig: host !== undefined, today: new Date("2026-11-24") });
};
const validate = (dir: string) => validation(dir).settings;

describe("the review stack's config survives fresh checkouts", () => {
    test("pr-head: both runs have dev's whole config, the PR's branch at its new head, and a secret re-encrypted for the stack", () => {
        const devFile = devStack();
        const first = checkout(devFile);
        runJob(first, { KEDRO_BRANCH: "pr-head", HEAD_REF: "feature/x", HEAD_SHA: HEAD_1 });
        const second = checkout(devFile);
        expect(existsSync(join(second, `Pulumi.${STACK}.yaml`))).toBe(false);
        runJob(second, { KEDRO_BRANCH: "pr-head", HEAD_REF: "feature/x", HEAD_SHA: HEAD_2 });
        for (const [dir, sha] of [[first, HEAD_1], [second, HEAD_2]]) {
            const settings = validate(dir);
            expect(settings.cloud).toBe("aws");
            expect(settings.git).toMatchObject({ url: "https://github.com/acme/iris-databricks.git", branch: "feature/x", commit: sha, credential: "shared" });
            expect(settings.protect).toBe(false);
            expect(configOf(dir).secrets.gitToken).toBe("ghp_devtoken");
        }
    });

    test("dev (the default): dev's branch at the commit dev's Repo is on", () => {
        const devFile = devStack({ [`${PROJECT}:gitBranch`]: "release" });
        for (const run of [1, 2]) {
            const dir = checkout(devFile);
            runJob(dir, { HEAD_REF: "infra-change", HEAD_SHA: run === 1 ? HEAD_1 : HEAD_2 });
            expect(validate(dir).git).toMatchObject({ branch: "release", commit: DEV_SHA });
        }
    });

    test("dev's repoPath, notebookPath and protect never reach the review stack", () => {
        const dir = checkout(devStack({ [`${PROJECT}:repoPath`]: "/Repos/team/iris-dev", [`${PROJECT}:notebookPath`]: "/Shared/iris-dev-run", [`${PROJECT}:protect`]: "true" }));
        runJob(dir, {});
        const { raw } = configOf(dir);
        expect(raw.repoPath).toBeUndefined();
        expect(raw.notebookPath).toBeUndefined();
        expect(raw.protect).toBe("false");
    });

    test("a scheduled job of dev's stays paused in the review stack", () => {
        const dir = checkout(devStack({ [`${PROJECT}:job`]: "true", [`${PROJECT}:jobSchedule`]: "0 0 6 * * ?" }));
        runJob(dir, {});
        expect(configOf(dir).raw.jobSchedulePaused).toBe("true");
        expect(validate(dir).job?.schedule?.paused).toBe(true);
    });

    test.each([
        ["no job", {}],
        ["a job without a schedule", { [`${PROJECT}:job`]: "true" }],
    ])("dev with %s: jobSchedulePaused is not set, so no run warns that it is ignored", (_label, extra: Record<string, string>) => {
        const dir = checkout(devStack(extra));
        runJob(dir, {});
        expect(configOf(dir).raw.jobSchedulePaused).toBeUndefined();
        expect(validation(dir).warnings.join("\n")).not.toContain("jobSchedulePaused");
    });

    test("githubRepository: create is neutralised: the review stack uses the repository dev created", () => {
        const url = "https://github.com/acme/iris-databricks.git";
        const devFile = devStack({ [`${PROJECT}:gitUrl`]: undefined, [`${PROJECT}:githubRepository`]: "create", [`${PROJECT}:githubOwner`]: "acme", [`${PROJECT}:githubRepositoryName`]: "iris-databricks" }, { repoCommit: DEV_SHA, gitRepositoryUrl: url });
        const dir = checkout(devFile.replace(/\n[^\n]*gitUrl: null/, ""));
        runJob(dir, {});
        const settings = validate(dir);
        expect(settings.githubRepository).toEqual({ mode: "existing" });
        expect(settings.git.url).toBe(url);
    });

    test("workspace: create is refused: a review stack never creates a workspace", () => {
        const dir = checkout(devStack({ [`${PROJECT}:workspace`]: "create" }));
        let stdout = "";
        expect(() => {
            try {
                runJob(dir, {});
            } catch (error) {
                stdout = (error as { stdout: string }).stdout;
                throw error;
            }
        }).toThrow();
        expect(stdout).toContain("::error title=Review stack refused::dev has workspace: create");
        expect(existsSync(join(dir, `Pulumi.${STACK}.yaml`)) && configOf(dir).raw.gitCredential).toBeFalsy();
    });

    test("only up creates the stack: a destroy of a review stack that does not exist fails", () => {
        const dir = checkout(devStack());
        expect(() => runJob(dir, { COMMAND: "destroy" })).toThrow(/no stack named 'pr-7' found/);
    });

    test("the old job, which copied dev's config only when it created the stack, loses it on the second run", () => {
        // What review-stack.yml ran before: `stack init --copy-config-from` once, then only overrides.
        const old = [
            'pulumi stack select "$STACK" 2>/dev/null || pulumi stack init "$STACK" --copy-config-from dev',
            'pulumi config set gitBranch "$HEAD_REF" --stack "$STACK"',
            'pulumi config set gitCommit "$HEAD_SHA" --stack "$STACK"',
            'pulumi config set protect false --stack "$STACK"',
            'pulumi config set gitCredential shared --stack "$STACK"',
        ].join("\n");
        const devFile = devStack();
        const env = { HEAD_REF: "feature/x", HEAD_SHA: HEAD_1 };
        const first = checkout(devFile);
        runJob(first, env, old);
        expect(validate(first).cloud).toBe("aws");
        const second = checkout(devFile);
        runJob(second, env, old);
        expect(() => validate(second)).toThrow(ConfigError);
        expect(() => validate(second)).toThrow(/databricks-kedro-stack:cloud is not set/);
    });
});

describe("stacks that are not review stacks", () => {
    test("dev and prod are never created by the job, and keep the commit deployed last when none is given", () => {
        writeFileSync(join(backend, "stacks.json"), JSON.stringify({ dev: { outputs: { repoCommit: DEV_SHA } } }));
        const dir = checkout(devStack());
        runJob(dir, { STACK: "dev", REVIEW: "false" });
        expect(parse(readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8")).config[`${PROJECT}:gitCommit`]).toBe(DEV_SHA);
        runJob(dir, { STACK: "dev", REVIEW: "false", GIT_COMMIT: HEAD_1 });
        expect(parse(readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8")).config[`${PROJECT}:gitCommit`]).toBe(HEAD_1);
        expect(() => runJob(dir, { STACK: "staging", REVIEW: "false" })).toThrow(/no stack named 'staging' found/);
    });
});

describe("the smoke run", () => {
    function smoke(result: string | undefined, outputs: Record<string, string> = { jobId: "42" }) {
        const dir = checkout(devStack({}, outputs));
        const cli = join(bin, "databricks");
        writeFileSync(cli, `#!/bin/sh\necho "$@" > "${join(scratch, "databricks-args")}"\n${result ? `echo '{"state": {"result_state": "${result}"}, "run_page_url": "https://dbc/#job/42/run/1"}'` : "exit 1"}\n`, { mode: 0o755 });
        try {
            const out = execFileSync("bash", [join(root, ".github", "scripts", "smoke-run.sh")], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}`, FAKE_PULUMI_BACKEND: backend, FAKE_PULUMI_PORT: port, STACK: "dev" }, encoding: "utf8", stdio: "pipe" });
            return { code: 0, out };
        } catch (error) {
            const failed = error as { status: number; stdout: string };
            return { code: failed.status, out: failed.stdout };
        }
    }

    test("starts the stack's job and passes when the run succeeds", () => {
        expect(smoke("SUCCESS")).toMatchObject({ code: 0, out: expect.stringContaining("Run of job 42: SUCCESS") });
        expect(readFileSync(join(scratch, "databricks-args"), "utf8").trim()).toBe("jobs run-now 42 --timeout 3h --output json");
    });

    test.each(["FAILED", "TIMEDOUT", "CANCELED", undefined])("fails the workflow when the run ends %s", (result) => {
        const { code, out } = smoke(result);
        expect(code).toBe(1);
        expect(out).toContain("::error title=Smoke run failed::The run of job 42 ended");
    });

    test("fails with the fix when the stack has no job", () => {
        expect(smoke("SUCCESS", {})).toMatchObject({ code: 1, out: expect.stringContaining("needs job: true (pulumi config set job true --stack dev)") });
    });
});

describe("the review-stack cleanup", () => {
    test("picks the review stacks whose pull request is closed, gone or stale, and nothing else", () => {
        const day = 24 * 60 * 60 * 1000;
        const stacks = Object.fromEntries(["dev", "prod", "pr-1", "pr-2", "pr-3", "pr-4", "pr-x"].map((name) => [name, { outputs: {} }]));
        const pulls: Record<string, { state: string; updatedAt: string }> = {
            "1": { state: "OPEN", updatedAt: new Date(Date.now() - 2 * day).toISOString() },
            "2": { state: "CLOSED", updatedAt: new Date().toISOString() },
            "3": { state: "OPEN", updatedAt: new Date(Date.now() - 9 * day).toISOString() },
        };
        // gh pr view <number> --repo … --json …: the pull request, or an error when there is none.
        writeFileSync(join(bin, "gh"), `#!/usr/bin/env node\nconst pulls = ${JSON.stringify(pulls)};\nconst pull = pulls[process.argv[4]];\nif (!pull) process.exit(1);\nprocess.stdout.write(JSON.stringify(pull));\n`, { mode: 0o755 });
        const dir = checkout(devStack({}, {}));
        writeFileSync(join(backend, "stacks.json"), JSON.stringify(stacks));
        const output = join(scratch, "github-output");
        const run = () =>
            execFileSync("bash", [join(root, ".github", "scripts", "stale-review-stacks.sh")], {
                cwd: dir,
                env: { PATH: `${bin}:${process.env.PATH}`, FAKE_PULUMI_BACKEND: backend, FAKE_PULUMI_PORT: port, REPO: "acme/kedro-infra", TTL_DAYS: "7", GITHUB_OUTPUT: output },
                stdio: "pipe",
            });
        run();
        expect(readFileSync(output, "utf8").trim()).toBe('stacks=["pr-2","pr-3","pr-4"]');
        // Nothing stale: an empty list, which the destroy matrix skips.
        writeFileSync(join(backend, "stacks.json"), JSON.stringify({ dev: { outputs: {} }, "pr-1": { outputs: {} } }));
        rmSync(output);
        run();
        expect(readFileSync(output, "utf8").trim()).toBe("stacks=[]");
    });
});
