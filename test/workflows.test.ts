/** The GitHub Actions workflows, read as GitHub would: parsed, schema-validated, and checked for what delivery relies on. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";

const dir = join(__dirname, "..", ".github", "workflows");
const files = readdirSync(dir).filter((file) => file.endsWith(".yml"));
const source = (name: string) => readFileSync(join(dir, `${name}.yml`), "utf8");
const workflow = (name: string) => parse(source(name));
type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; id?: string };
const steps = (name: string, job: string): Step[] => workflow(name).jobs[job].steps;
const pulumiSteps = (name: string, job: string) => steps(name, job).filter((step) => step.uses?.startsWith("pulumi/actions@") && step.with);

test("the five workflows exist", () => {
    expect(files.sort()).toEqual(["ci.yml", "deploy.yml", "destroy.yml", "preview.yml", "review-stack.yml"]);
});

test.each(files)("%s passes the workflow schema", (file) => {
    expect(validateWorkflow(readFileSync(join(dir, file), "utf8")).errors).toEqual([]);
});

test("the schema check can fail", () => {
    expect(validateWorkflow("on: push\njobs:\n  x:\n    steps: 3\n").errors.length).toBeGreaterThan(0);
});

test.each(files)("%s pins current majors: checkout v6, setup-node v6 on Node 22+, pulumi/actions v6", (file) => {
    const all = Object.values(parse(readFileSync(join(dir, file), "utf8")).jobs as Record<string, { steps: Step[] }>).flatMap((job) => job.steps);
    for (const step of all.filter((candidate) => candidate.uses)) {
        expect(step.uses).toMatch(/^(actions\/checkout@v6|actions\/setup-node@v6|pulumi\/actions@v6)$/);
        if (step.uses === "actions/setup-node@v6") expect(String(step.with?.["node-version"])).toMatch(/^(22|24|\$\{\{ matrix\.node \}\})$/);
    }
});

test.each(files)("%s grants least permissions at the top level", (file) => {
    const permissions = parse(readFileSync(join(dir, file), "utf8")).permissions;
    expect(permissions.contents).toBe("read");
    const allowed = file === "preview.yml" || file === "review-stack.yml" ? ["contents", "pull-requests"] : ["contents"];
    expect(Object.keys(permissions).sort()).toEqual(allowed.sort());
    for (const [scope, level] of Object.entries(permissions)) if (scope !== "pull-requests") expect(level).toBe("read");
});

describe("ci", () => {
    test("runs on every push and pull request, on Node 22 and 24, with the README's commands", () => {
        const ci = workflow("ci");
        expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
        expect(ci.jobs.test.strategy.matrix.node).toEqual([22, 24]);
        expect(steps("ci", "test").map((step) => step.run).filter(Boolean)).toEqual(["npm ci", "npm test"]);
    });
});

describe("preview", () => {
    test("previews every environment stack on pull requests, one edited comment per stack", () => {
        const preview = workflow("preview");
        expect(Object.keys(preview.on)).toEqual(["pull_request"]);
        expect(preview.jobs.preview.strategy.matrix.stack).toEqual(["dev", "prod"]);
        expect(pulumiSteps("preview", "preview").map((step) => step.with)).toEqual([
            { command: "preview", "stack-name": "${{ matrix.stack }}", "work-dir": ".", "comment-on-pr": true, "edit-pr-comment": true, diff: true, policyPacks: "policy" },
        ]);
        expect(preview.jobs.preview.concurrency.group).toContain("${{ matrix.stack }}");
    });

    test("on a fork, without secrets, skips the cloud preview with a notice instead of failing", () => {
        const guard = steps("preview", "preview").find((step) => step.id === "credentials")!;
        expect(guard.run).toContain("::notice title=Cloud preview skipped::");
        expect(guard.run).toContain('echo "available=false"');
        const cloudSteps = steps("preview", "preview").filter((step) => step.uses?.startsWith("pulumi/actions@"));
        expect(cloudSteps.every((step) => step.if === "steps.credentials.outputs.available == 'true'")).toBe(true);
    });

    test("without credentials, shows the offline plan and its diff against the base branch instead", () => {
        const offline = steps("preview", "preview").find((step) => step.run?.includes("npm run --silent plan"))!;
        expect(offline.if).toBe("steps.credentials.outputs.available != 'true'");
        expect(offline.run).toContain('--stack "${{ matrix.stack }}" --format markdown --base "origin/$BASE_REF"');
        expect(offline.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
        expect(offline.run).toContain("exit $status");
        const comment = steps("preview", "preview").find((step) => step.run?.includes("offline plan: $STACK"))!;
        expect(comment.run).toContain('gh api -X PATCH "repos/$REPO/issues/comments/$id"');
    });

    test("says which credentials it reads", () => {
        const env = workflow("preview").jobs.preview.env;
        expect(Object.keys(env)).toEqual(expect.arrayContaining(["PULUMI_ACCESS_TOKEN", "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET"]));
        expect(source("preview")).toMatch(/# Credentials:/);
    });
});

describe("deploy", () => {
    test("updates dev on every push to main, prod behind its environment after dev, or on dispatch", () => {
        const deploy = workflow("deploy");
        expect(deploy.on.push.branches).toEqual(["main"]);
        expect(deploy.on.workflow_dispatch.inputs.stack.options).toEqual(["dev", "prod"]);
        expect(deploy.jobs.dev.environment).toBe("dev");
        expect(deploy.jobs.prod.environment).toBe("prod");
        expect(deploy.jobs.prod.needs).toBe("dev");
        expect(pulumiSteps("deploy", "dev")[0].with).toEqual({ command: "up", "stack-name": "dev", "work-dir": "." });
        expect(pulumiSteps("deploy", "prod")[0].with).toEqual({ command: "up", "stack-name": "prod", "work-dir": "." });
    });

    test("a Kedro commit to deploy becomes the stack's gitCommit before up, and the landing is checked after", () => {
        const deploy = workflow("deploy");
        expect(deploy.on.workflow_dispatch.inputs.git_commit.type).toBe("string");
        expect(deploy.on.repository_dispatch.types).toEqual(["kedro-commit"]);
        expect(deploy.jobs.dev.if).toContain("github.event_name == 'repository_dispatch'");
        for (const stack of ["dev", "prod"]) {
            expect(deploy.jobs[stack].env.GIT_COMMIT).toBe("${{ inputs.git_commit || github.event.client_payload.sha }}");
            const all = steps("deploy", stack);
            const pin = all.findIndex((step) => step.run === `pulumi config set gitCommit "$GIT_COMMIT" --stack ${stack}`);
            const up = all.findIndex((step) => step.with?.command === "up");
            const landed = all.findIndex((step) => step.run?.includes(`pulumi stack output repoCommit --stack ${stack}`));
            expect(pin).toBeGreaterThan(0);
            expect(all[pin].if).toBe("env.GIT_COMMIT != ''");
            expect(up).toBeGreaterThan(pin);
            expect(landed).toBeGreaterThan(up);
        }
    });

    test("the landing check warns only when the Repo is not on the commit asked for", () => {
        const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
        const { mkdtempSync, writeFileSync } = require("node:fs") as typeof import("node:fs");
        const check = steps("deploy", "dev").find((step) => step.run?.includes("pulumi stack output repoCommit"))!.run!;
        const bin = mkdtempSync(join(require("node:os").tmpdir(), "fake-pulumi-"));
        writeFileSync(join(bin, "pulumi"), '#!/bin/sh\necho "$LANDED"\n', { mode: 0o755 });
        const run = (landed: string) =>
            execFileSync("bash", ["-c", check], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GIT_COMMIT: "a".repeat(40), LANDED: landed }, encoding: "utf8" });
        expect(run("a".repeat(40))).toBe("");
        expect(run("b".repeat(40))).toContain(`::warning title=Repo not on the commit asked for::The Repo pulled gitBranch and is at ${"b".repeat(40)}`);
    });
});

describe("concurrency", () => {
    test("every job that changes a stack holds that stack's group, never cancelled midway", () => {
        const groups: Array<[string, string, string]> = [
            ["deploy", "dev", "pulumi-dev"],
            ["deploy", "prod", "pulumi-prod"],
            ["review-stack", "up", "pulumi-pr-${{ github.event.pull_request.number }}"],
            ["review-stack", "destroy", "pulumi-pr-${{ github.event.pull_request.number }}"],
            ["destroy", "destroy", "pulumi-${{ inputs.stack }}"],
        ];
        for (const [name, job, group] of groups) {
            expect(workflow(name).jobs[job].concurrency).toEqual({ group, "cancel-in-progress": false });
        }
    });
});

describe("review stacks", () => {
    test("a labelled pull request gets pr-<number> on its own branch; closing destroys and removes it", () => {
        const review = workflow("review-stack");
        expect(review.on.pull_request.types).toEqual(expect.arrayContaining(["labeled", "synchronize", "closed"]));
        expect(review.env.STACK).toBe("pr-${{ github.event.pull_request.number }}");
        expect(review.jobs.up.if).toContain("contains(github.event.pull_request.labels.*.name, 'review-stack')");
        expect(review.jobs.up.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        const setup = steps("review-stack", "up").find((step) => step.run?.includes("--copy-config-from dev"))!;
        expect(setup.run).toContain('pulumi config set gitBranch "$HEAD_REF"');
        expect(setup.run).toContain('pulumi config set gitCommit "$HEAD_SHA"');
        expect(setup.run).toContain('pulumi config set gitCredential shared --stack "$STACK"');
        // Paths copied from dev would point at dev's Repo and notebook.
        expect(setup.run).toContain('pulumi config rm repoPath --stack "$STACK"');
        expect(setup.run).toContain('pulumi config rm notebookPath --stack "$STACK"');
        expect(review.jobs.up.env.HEAD_SHA).toBe("${{ github.event.pull_request.head.sha }}");
        expect(pulumiSteps("review-stack", "up")[0].with).toMatchObject({ command: "up", "stack-name": "${{ env.STACK }}", "comment-on-pr": true });
        expect(review.jobs.destroy.if).toContain("github.event.action == 'closed'");
        expect(pulumiSteps("review-stack", "destroy")[0].with).toEqual({ command: "destroy", "stack-name": "${{ env.STACK }}", "work-dir": ".", remove: true });
    });
});

describe("destroy", () => {
    test("is manual only, and refuses unless the stack name is typed twice", () => {
        const destroy = workflow("destroy");
        expect(Object.keys(destroy.on)).toEqual(["workflow_dispatch"]);
        expect(Object.keys(destroy.on.workflow_dispatch.inputs)).toEqual(["stack", "confirm"]);
        const [check, ...rest] = steps("destroy", "destroy");
        expect(check.run).toContain('if [ "$STACK" != "$CONFIRM" ]');
        expect(check.run).toContain("exit 1");
        expect(rest.some((step) => step.with?.command === "destroy")).toBe(true);
        expect(destroy.jobs.destroy.environment).toContain("inputs.stack");
    });

    test("the confirmation check really refuses a mismatch", () => {
        const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
        const check = steps("destroy", "destroy")[0].run!;
        const run = (stack: string, confirm: string) => {
            try {
                execFileSync("bash", ["-c", check], { env: { ...process.env, STACK: stack, CONFIRM: confirm }, stdio: "pipe" });
                return 0;
            } catch (error) {
                return (error as { status: number }).status;
            }
        };
        expect(run("prod", "prod")).toBe(0);
        expect(run("prod", "dev")).toBe(1);
    });
});
