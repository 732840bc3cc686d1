/** The GitHub Actions workflows, read as GitHub would: parsed, schema-validated, and held to delivery's rules. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { tempDir } from "./tempDirs";

const root = join(__dirname, "..");
const dir = join(root, ".github", "workflows");
const files = readdirSync(dir).filter((file) => file.endsWith(".yml"));
const source = (name: string) => readFileSync(join(dir, `${name}.yml`), "utf8");
const workflow = (name: string) => parse(source(name));
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string };
type Job = { steps?: Step[]; uses?: string; concurrency?: Record<string, unknown>; with?: Record<string, unknown>; permissions?: Record<string, string>; env?: Record<string, string>; environment?: string; if?: string; needs?: string };
const jobs = (name: string): Record<string, Job> => workflow(name).jobs;
const allJobs = files.flatMap((file) => Object.entries(jobs(file.replace(/\.yml$/, ""))).map(([id, job]) => ({ file, id, job })));
const allSteps = allJobs.flatMap(({ file, id, job }) => (job.steps ?? []).map((step) => ({ file, job: id, step })));
const REUSABLE = "./.github/workflows/pulumi.yml";
const pulumiJob = () => jobs("pulumi").pulumi;
const pulumiSteps = () => pulumiJob().steps!;
const LOGIN_ACTIONS = ["pulumi/auth-actions", "aws-actions/configure-aws-credentials", "azure/login", "google-github-actions/auth"];
const isLogin = (step: Step) => LOGIN_ACTIONS.some((action) => step.uses?.startsWith(`${action}@`));

test("the workflows exist", () => {
    expect(files.sort()).toEqual(["ci.yml", "deploy.yml", "destroy.yml", "drift.yml", "kedro-artifacts.yml", "preview.yml", "pulumi.yml", "review-stack-cleanup.yml", "review-stack.yml"]);
});

/**
 * A workflow as the schema check reads it. The validator's schema predates the concurrency
 * queue (GitHub, 2026-05: `queue: max`, allowed only with cancel-in-progress false or unset),
 * so that key is checked here and removed before the schema check.
 */
function forSchema(text: string): string {
    const document = parse(text);
    for (const job of Object.values<Job>(document.jobs ?? {})) {
        const concurrency = job.concurrency as { queue?: unknown; "cancel-in-progress"?: unknown } | undefined;
        if (concurrency?.queue === undefined) continue;
        expect(concurrency.queue).toBe("max");
        expect(concurrency["cancel-in-progress"] ?? false).toBe(false);
        delete concurrency.queue;
    }
    return JSON.stringify(document);
}

test.each(files)("%s passes the workflow schema", (file) => {
    expect(validateWorkflow(forSchema(readFileSync(join(dir, file), "utf8"))).errors).toEqual([]);
});

test("the schema check can fail", () => {
    expect(validateWorkflow("on: push\njobs:\n  x:\n    steps: 3\n").errors.length).toBeGreaterThan(0);
});

describe("no long-lived credentials", () => {
    test.each(files)("%s reads no secret but the Kedro reader's key: every other credential is issued by OIDC for the run", (file) => {
        const secrets = [...readFileSync(join(dir, file), "utf8").matchAll(/\$\{\{\s*secrets\.([A-Za-z_]+)/g)].map((match) => match[1]);
        expect(secrets.filter((name) => name !== "KEDRO_READER_PRIVATE_KEY")).toEqual([]);
    });

    test("the Kedro reader's key reaches one step, which mints a read token for the Kedro repository alone, in a job with no cloud credential", () => {
        const build = jobs("kedro-artifacts").build;
        const uses = build.steps!.filter((step) => JSON.stringify(step).includes("secrets."));
        expect(uses).toEqual([expect.objectContaining({ uses: expect.stringMatching(/^actions\/create-github-app-token@/), with: expect.objectContaining({ "permission-contents": "read", repositories: "${{ steps.spec.outputs.kedro-repository }}" }) })]);
        expect(build.permissions).toEqual({ contents: "read" });
        expect(build.steps!.some(isLogin)).toBe(false);
        // Callers hand the key on to the build only: no Pulumi job is given a secret.
        for (const { file, id, job } of allJobs.filter(({ job }) => job.uses === REUSABLE)) expect([file, id, (job as { secrets?: unknown }).secrets]).toEqual([file, id, undefined]);
    });

    test.each(files)("%s sets no credential on a job or the whole workflow, only on the steps that use it", (file) => {
        const parsed = parse(readFileSync(join(dir, file), "utf8"));
        expect(parsed.env).toBeUndefined();
        for (const job of Object.values(parsed.jobs as Record<string, Job>)) expect(job.env).toBeUndefined();
    });

    test("no GOOGLE_CREDENTIALS, ARM_CLIENT_SECRET, DATABRICKS_TOKEN or passphrase anywhere", () => {
        for (const file of files) expect([file, readFileSync(join(dir, file), "utf8")]).not.toEqual([file, expect.stringMatching(/GOOGLE_CREDENTIALS|ARM_CLIENT_SECRET|DATABRICKS_TOKEN|DATABRICKS_CLIENT_SECRET|PULUMI_CONFIG_PASSPHRASE|aws-secret-access-key:/)]);
    });

    test("Databricks is reached by workload identity federation, with no secret", () => {
        const databricksSteps = pulumiSteps().filter((step) => step.env?.DATABRICKS_HOST);
        expect(databricksSteps.length).toBeGreaterThanOrEqual(2);
        for (const step of databricksSteps) expect(step.env).toMatchObject({ DATABRICKS_AUTH_TYPE: "github-oidc", DATABRICKS_CLIENT_ID: "${{ vars.DATABRICKS_CLIENT_ID }}" });
    });

    test("each cloud login is OIDC, and hands its credentials to steps rather than to the job's environment", () => {
        const login = (action: string) => pulumiSteps().find((step) => step.uses?.startsWith(`${action}@`))!;
        expect(login("pulumi/auth-actions").with).toMatchObject({ "export-environment-variables": false });
        expect(login("aws-actions/configure-aws-credentials").with).toMatchObject({ "role-to-assume": "${{ vars.AWS_ROLE_ARN }}", "output-env-credentials": false });
        expect(login("azure/login").with).toEqual({ "client-id": "${{ vars.AZURE_CLIENT_ID }}", "tenant-id": "${{ vars.AZURE_TENANT_ID }}", "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}" });
        expect(login("google-github-actions/auth").with).toMatchObject({ workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", export_environment_variables: false });
        expect(login("google-github-actions/auth").with).not.toHaveProperty("credentials_json");
    });
});

describe("credentials after the logins", () => {
    const blank = (steps: Step[]) => steps.findIndex((step) => step.run === 'echo "PULUMI_ACCESS_TOKEN=" >> "$GITHUB_ENV"');

    test("the Pulumi token the login action exports anyway is blanked in the very next step, in every job that logs in", () => {
        for (const steps of [pulumiSteps(), jobs("review-stack-cleanup").stale.steps!]) {
            const login = steps.findIndex((step) => step.uses?.startsWith("pulumi/auth-actions@"));
            expect(blank(steps)).toBe(login + 1);
            expect(steps[login + 1].if).toBe(steps[login].if);
        }
    });

    test("the blanking step leaves the variable empty for later steps", () => {
        const file = join(tempDir("github-env-"), "env");
        execFileSync("bash", ["-c", pulumiSteps()[blank(pulumiSteps())].run!], { env: { ...process.env, GITHUB_ENV: file } });
        expect(readFileSync(file, "utf8")).toBe("PULUMI_ACCESS_TOKEN=\n");
    });

    const CREDENTIALS = "${{ runner.temp }}/pulumi-credentials";
    const TRAP = `trap 'rm -rf "$PULUMI_CREDENTIALS_PATH"' EXIT`;
    const jobsWithToken = () => allJobs.filter(({ job }) => (job.steps ?? []).some((step) => step.env?.PULUMI_ACCESS_TOKEN));

    test("every step given the Pulumi token keeps the CLI's stored login out of the runner's home, and removes it before the next step", () => {
        expect(jobsWithToken().map(({ file, id }) => `${file}:${id}`).sort()).toEqual(["pulumi.yml:pulumi", "review-stack-cleanup.yml:stale"]);
        for (const { job } of jobsWithToken()) {
            const steps = job.steps!;
            // Open: a step that may have left the token on disk, until a step removes it.
            let open: string | undefined;
            for (const [index, step] of steps.entries()) {
                const label = step.name ?? step.uses ?? step.run;
                if (open) {
                    expect([label, step]).toEqual([label, expect.objectContaining({ name: "Forget the Pulumi login", if: "always()", run: 'rm -rf "$PULUMI_CREDENTIALS_PATH"' })]);
                    expect(step.env?.PULUMI_CREDENTIALS_PATH).toBe(CREDENTIALS);
                    open = undefined;
                    continue;
                }
                if (!step.env?.PULUMI_ACCESS_TOKEN) continue;
                expect([label, step.env.PULUMI_CREDENTIALS_PATH]).toEqual([label, CREDENTIALS]);
                if (step.run) expect([label, step.run.split("\n")[0]]).toEqual([label, TRAP]);
                else open = `${index}`;
            }
            expect(open).toBeUndefined();
        }
    });

    test("bash removes the stored login when the step ends, whether its command succeeded or failed", () => {
        for (const command of ["true", "exit 3"]) {
            const folder = join(tempDir("pulumi-credentials-"), "pulumi-credentials");
            const script = `${TRAP}\nmkdir -p "$PULUMI_CREDENTIALS_PATH" && echo '{"accessTokens":{}}' > "$PULUMI_CREDENTIALS_PATH/credentials.json"\n${command}`;
            try {
                execFileSync("bash", ["-e", "-c", script], { env: { ...process.env, PULUMI_CREDENTIALS_PATH: folder }, stdio: "pipe" });
            } catch {
                // The failing command's exit: the trap has run all the same.
            }
            expect(existsSync(folder)).toBe(false);
        }
    });

    test("the Azure CLI session is ended whatever happened, as the last step", () => {
        for (const steps of [pulumiSteps(), jobs("review-stack-cleanup").stale.steps!]) {
            const last = steps[steps.length - 1];
            expect(last).toMatchObject({ if: "always() && vars.AZURE_CLIENT_ID != ''", run: "az logout || true; az account clear || true" });
        }
    });
});

describe("a self-managed backend (s3://, azblob://, gs://) works end to end", () => {
    const BACKEND_ENV = {
        PULUMI_ACCESS_TOKEN: "${{ steps.pulumi-login.outputs.pulumi-access-token }}",
        PULUMI_BACKEND_URL: "${{ vars.PULUMI_BACKEND_URL }}",
        AWS_REGION: "${{ vars.AWS_REGION }}",
        AZURE_STORAGE_ACCOUNT: "${{ vars.AZURE_STORAGE_ACCOUNT }}",
        AWS_ACCESS_KEY_ID: "${{ steps.aws-login.outputs.aws-access-key-id }}",
        AWS_SECRET_ACCESS_KEY: "${{ steps.aws-login.outputs.aws-secret-access-key }}",
        AWS_SESSION_TOKEN: "${{ steps.aws-login.outputs.aws-session-token }}",
        GOOGLE_APPLICATION_CREDENTIALS: "${{ steps.gcp-login.outputs.credentials_file_path }}",
    };
    /** Steps that run the pulumi CLI against the backend. */
    const backendSteps = (steps: Step[]) =>
        steps.filter((step) => /pulumi stack output|prepare-stack\.sh|smoke-run\.sh|stale-review-stacks\.sh/.test(step.run ?? "") || (step.uses?.startsWith("pulumi/actions@") && step.with?.command));

    test("every step that reaches the backend gets its URL, the region, the storage account and every cloud's credentials", () => {
        const steps = [...backendSteps(pulumiSteps()), ...backendSteps(jobs("review-stack-cleanup").stale.steps!)];
        expect(steps).toHaveLength(5);
        for (const step of steps) expect([step.name ?? step.uses, step.env]).toEqual([step.name ?? step.uses, expect.objectContaining(BACKEND_ENV)]);
    });

    test("the cleanup's listing job logs in to every cloud exactly as the Pulumi workflow does", () => {
        const logins = (steps: Step[]) => steps.filter((step) => isLogin(step) || step.name === "Keep the Pulumi token to the steps that name it");
        const cleanup = logins(jobs("review-stack-cleanup").stale.steps!);
        expect(cleanup).toHaveLength(5);
        expect(cleanup).toEqual(logins(pulumiSteps()));
    });
});

describe("id-token only where it is needed", () => {
    test.each(files)("%s grants only contents: read at the top", (file) => {
        expect(parse(readFileSync(join(dir, file), "utf8")).permissions).toEqual({ contents: "read" });
    });

    test("a job has id-token: write only when it logs in: it calls the Pulumi workflow or holds a login step", () => {
        for (const { file, id, job } of allJobs) {
            // kedro-artifacts.yml reads the deployed commit through the Pulumi workflow's output command.
            const logsIn = job.uses === REUSABLE || job.uses === "./.github/workflows/kedro-artifacts.yml" || (job.steps ?? []).some(isLogin);
            expect([file, id, job.permissions?.["id-token"] === "write"]).toEqual([file, id, logsIn]);
        }
    });

    test("ci and the offline plan never get one", () => {
        expect(jobs("ci").test.permissions).toBeUndefined();
        expect(jobs("preview").plan.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    });
});

describe("supply chain", () => {
    const usesLines = files.flatMap((file) =>
        readFileSync(join(dir, file), "utf8")
            .split("\n")
            .filter((line) => /^\s*(?:-\s+)?uses:/.test(line))
            .map((line) => ({ file, line: line.trim() })),
    );

    test("every action is pinned to a full commit SHA, with its version in a comment", () => {
        const external = usesLines.filter(({ line }) => !line.includes("uses: ./.github/workflows/"));
        expect(external.length).toBeGreaterThan(10);
        for (const { file, line } of external) expect([file, line]).toEqual([file, expect.stringMatching(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)]);
    });

    test("one SHA per action across all workflows, and the majors delivery relies on", () => {
        const pins = new Map<string, Set<string>>();
        for (const { line } of usesLines) {
            const match = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v[\d.]+)/.exec(line);
            if (match) pins.set(match[1], new Set([...(pins.get(match[1]) ?? []), `${match[2]} ${match[3]}`]));
        }
        for (const [action, versions] of pins) expect([action, versions.size]).toEqual([action, 1]);
        expect([...pins.get("pulumi/actions")!][0]).toMatch(/ v7\./);
        expect([...pins.get("actions/checkout")!][0]).toMatch(/ v7\./);
    });

    test("every checkout leaves no Git credential behind", () => {
        const checkouts = allSteps.filter(({ step }) => step.uses?.startsWith("actions/checkout@"));
        expect(checkouts.length).toBeGreaterThanOrEqual(4);
        for (const { file, step } of checkouts) expect([file, step.with?.["persist-credentials"]]).toEqual([file, false]);
    });

    test("Dependabot updates the actions and npm", () => {
        const dependabot = parse(readFileSync(join(root, ".github", "dependabot.yml"), "utf8"));
        expect(dependabot.updates.map((update: { "package-ecosystem": string }) => update["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    });
});

describe("the Pulumi workflow: one place for credentials", () => {
    test("is only called, never triggered, and runs in the caller's GitHub environment", () => {
        expect(Object.keys(workflow("pulumi").on)).toEqual(["workflow_call"]);
        expect(pulumiJob().environment).toBe("${{ inputs.environment }}");
    });

    test("commands on a stack queue: no deploy is cancelled by a preview or a drift check, no preview by another", () => {
        // A group without a queue keeps one pending run and cancels it when another arrives (GitHub's documented
        // rule); queue: max keeps up to 100 pending runs, in order. One group per stack for every command.
        expect(pulumiJob().concurrency).toEqual({ group: "pulumi-${{ inputs.stack }}", "cancel-in-progress": false, queue: "max" });
        for (const name of files.map((file) => file.replace(/\.yml$/, ""))) {
            for (const [id, job] of Object.entries(workflow(name).jobs as Record<string, Job>)) {
                if (job.uses?.endsWith("/pulumi.yml") || job.uses === "./.github/workflows/pulumi.yml") expect([name, id, job.concurrency]).toEqual([name, id, undefined]);
            }
        }
    });

    test("npm ci runs before any login, so install scripts never see a credential", () => {
        const steps = pulumiSteps();
        const install = steps.findIndex((step) => step.run === "npm ci");
        const firstLogin = steps.findIndex(isLogin);
        expect(install).toBeGreaterThan(0);
        expect(firstLogin).toBeGreaterThan(install);
        for (const step of steps.slice(0, firstLogin)) expect(JSON.stringify(step)).not.toMatch(/TOKEN|CREDENTIALS|steps\./);
    });

    test("no shared npm cache in the credentialed job", () => {
        const setup = pulumiSteps().find((step) => step.uses?.startsWith("actions/setup-node@"))!;
        expect(setup.with).toMatchObject({ "package-manager-cache": false });
        expect(setup.with).not.toHaveProperty("cache");
    });

    test("update and preview run the policy pack; destroy does not need it", () => {
        const run = pulumiSteps().find((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command)!;
        expect(run.with).toMatchObject({ command: "${{ inputs.command }}", policyPacks: "${{ (inputs.command == 'up' || inputs.command == 'preview') && 'policy' || '' }}", diff: true });
        expect(run.with).toMatchObject({ "expect-no-changes": "${{ inputs.expect-no-changes }}", refresh: "${{ inputs.refresh }}" });
    });

    test("the stack's config is made whole by one script before every command", () => {
        const steps = pulumiSteps();
        const prepare = steps.findIndex((step) => step.run?.split("\n").includes("bash .github/scripts/prepare-stack.sh"));
        const command = steps.findIndex((step) => step.uses?.startsWith("pulumi/actions@") && step.with?.command);
        expect(prepare).toBeGreaterThan(steps.findIndex(isLogin));
        expect(command).toBeGreaterThan(prepare);
        expect(steps[prepare].env).toMatchObject({ STACK: "${{ inputs.stack }}", REVIEW: "${{ inputs.review }}", KEDRO_BRANCH: "${{ inputs.kedro-branch }}", GIT_COMMIT: "${{ inputs.git-commit }}" });
        // Every command but output, which only reads the stack's outputs.
        expect(steps[prepare].if).toBe("inputs.command != 'output'");
    });

    test("the smoke run is off unless asked, and only follows an update", () => {
        const inputs = workflow("pulumi").on.workflow_call.inputs;
        expect(inputs["smoke-run"]).toEqual(expect.objectContaining({ type: "boolean", default: false }));
        const smoke = pulumiSteps().filter((step) => step.run?.split("\n").includes("bash .github/scripts/smoke-run.sh") || step.uses?.startsWith("databricks/setup-cli@"));
        expect(smoke).toHaveLength(2);
        for (const step of smoke) expect(step.if).toBe("inputs.command == 'up' && inputs.smoke-run");
    });
});

/** The calls of the Pulumi workflow: which stack, in which environment, with which command. */
const calls = allJobs.filter(({ job }) => job.uses === REUSABLE).map(({ file, id, job }) => ({ file, id, job, with: job.with as Record<string, unknown> }));

describe("environment scoping", () => {
    test("every call runs a stack in its own environment: dev in dev, prod in prod, review stacks in review", () => {
        expect(calls.length).toBeGreaterThanOrEqual(8);
        for (const call of calls) {
            const stack = String(call.with.stack);
            const environment = String(call.with.environment);
            if (call.file === "kedro-artifacts.yml") expect([call.id, environment, call.with.command]).toEqual(["commit", "${{ inputs.environment }}", "output"]);
            // prod-plan holds prod's credentials without reviewers: it only previews (saving the plan the up applies).
            else if (stack === "prod" && environment === "prod-plan") expect([call.file, call.id, call.with.command]).toEqual([call.file, call.id, "preview"]);
            else if (stack === "dev" || stack === "prod") expect([call.file, call.id, environment]).toEqual([call.file, call.id, stack]);
            else if (stack.startsWith("pr-") || (call.file === "review-stack-cleanup.yml" && stack === "${{ matrix.stack }}")) expect([call.file, call.id, environment]).toEqual([call.file, call.id, "review"]);
            else expect([call.file, call.id, environment]).toEqual([call.file, call.id, "${{ needs.check.outputs.environment }}"]);
        }
    });

    test("prod runs from main only, and no pull request reaches prod's environment", () => {
        for (const call of calls.filter((candidate) => candidate.with.stack === "prod")) {
            expect([call.file, call.id, call.job.if]).toEqual([call.file, call.id, expect.stringContaining("github.ref == 'refs/heads/main'")]);
        }
        const pullRequestWorkflows = files.filter((file) => Object.keys(parse(readFileSync(join(dir, file), "utf8")).on ?? {}).includes("pull_request"));
        for (const call of calls.filter((candidate) => pullRequestWorkflows.includes(candidate.file))) expect([call.file, call.with.environment]).not.toEqual([call.file, "prod"]);
    });

    test("pull requests: offline plans for dev and prod, a real preview of dev only, never for forks", () => {
        expect(jobs("preview").plan).toMatchObject({ strategy: { matrix: { stack: ["dev", "prod"] } } });
        expect(jobs("preview")["preview-dev"].with).toEqual({ stack: "dev", environment: "dev", command: "preview" });
        for (const [file, id] of [["preview", "preview-dev"], ["review-stack", "up"], ["review-stack", "destroy"]]) {
            expect([file, id, jobs(file)[id].if]).toEqual([file, id, expect.stringContaining("github.event.pull_request.head.repo.full_name == github.repository")]);
        }
    });
});

describe("deploy", () => {
    test("updates dev on every push to main, prod after dev or on dispatch, each with the Kedro commit asked for, built first", () => {
        const deploy = workflow("deploy");
        expect(deploy.on.push.branches).toEqual(["main"]);
        expect(deploy.on.repository_dispatch.types).toEqual(["kedro-commit"]);
        const asked = "${{ inputs.git_commit || github.event.client_payload.sha || '' }}";
        expect(jobs("deploy")["kedro-dev"].with).toEqual({ stack: "dev", environment: "dev", "git-commit": asked });
        expect(jobs("deploy")["kedro-prod"]).toMatchObject({ needs: "dev", with: { stack: "prod", environment: "prod-plan", "git-commit": asked } });
        expect(jobs("deploy").dev).toMatchObject({ needs: "kedro-dev", with: { stack: "dev", environment: "dev", command: "up", "git-commit": "${{ needs.kedro-dev.outputs.git-commit }}", "kedro-artifact": "${{ needs.kedro-dev.outputs.artifact }}" } });
        for (const id of ["prod-plan", "prod"])
            expect(jobs("deploy")[id].with).toMatchObject({ stack: "prod", "git-commit": "${{ needs.kedro-prod.outputs.git-commit }}", "kedro-artifact": "${{ needs.kedro-prod.outputs.artifact }}" });
        expect(deploy.on.workflow_dispatch.inputs.smoke_run).toEqual(expect.objectContaining({ type: "boolean", default: false }));
        expect(jobs("deploy").dev.with!["smoke-run"]).toBe("${{ inputs.smoke_run || vars.SMOKE_RUN_DEV == 'true' }}");
        expect(jobs("deploy").prod.with).not.toHaveProperty("smoke-run");
    });

    test("prod applies exactly the plan its preview saved, after its reviewers; dev deploys straight away", () => {
        expect(jobs("deploy")["prod-plan"]).toMatchObject({ needs: "kedro-prod", with: { environment: "prod-plan", command: "preview", "save-plan": true } });
        expect(jobs("deploy").prod).toMatchObject({ needs: ["kedro-prod", "prod-plan"], with: { environment: "prod", command: "up", "apply-plan": true } });
        expect(jobs("deploy").dev.with).not.toHaveProperty("apply-plan");
        // The preview saves the plan (pulumi/actions passes plan to preview as --save-plan, to up as --plan) and uploads it with the hashes.
        const run = pulumiSteps().find((step) => step.id === "pulumi")!;
        expect(run.with!.plan).toBe("${{ (inputs.save-plan || inputs.apply-plan) && format('{0}/update-plan/plan.json', runner.temp) || '' }}");
        const upload = pulumiSteps().find((step) => step.name === "Hand the plan to the up")!;
        expect(upload).toMatchObject({ if: "inputs.save-plan", with: { name: "update-plan-${{ inputs.stack }}", path: "${{ runner.temp }}/update-plan/" } });
        const names = pulumiSteps().map((step) => step.name);
        expect(names.indexOf("Keep the plan with the Kedro artifacts' hashes")).toBeLessThan(names.indexOf("Hand the plan to the up"));
        // The up downloads that plan and checks the Kedro artifacts against the hashes the preview recorded, before any login.
        const download = pulumiSteps().findIndex((step) => step.name === "The update plan the reviewers approve");
        const compare = pulumiSteps().findIndex((step) => step.name === "The Kedro artifacts are the ones the plan was made with");
        expect(pulumiSteps()[compare].run).toBe('cmp kedro-artifacts.sha256 "$RUNNER_TEMP/update-plan/kedro-artifacts.sha256"');
        expect(download).toBeLessThan(compare);
        expect(compare).toBeLessThan(pulumiSteps().findIndex(isLogin));
    });

    test("the Pulumi job restores a wheel stack's Kedro artifacts and checks their hashes before any login; a notebook stack's skips it", () => {
        const steps = pulumiSteps();
        const download = steps.findIndex((step) => step.name === "The Kedro artifacts the build made");
        const check = steps.findIndex((step) => step.name === "The Kedro artifacts are the ones built");
        expect(steps[download]).toMatchObject({ if: "inputs.kedro-artifact != ''", uses: expect.stringMatching(/^actions\/download-artifact@[0-9a-f]{40}$/), with: { name: "${{ inputs.kedro-artifact }}", path: "." } });
        expect(steps[check]).toMatchObject({ if: "inputs.kedro-artifact != ''", run: "sha256sum --check kedro-artifacts.sha256" });
        expect(download).toBeLessThan(check);
        expect(check).toBeLessThan(steps.findIndex(isLogin));
        expect(workflow("pulumi").on.workflow_call.inputs["kedro-artifact"]).toMatchObject({ type: "string", default: "" });
    });

    test("one deploy at a time: nothing changes prod between its plan and the up that applies it", () => {
        expect(workflow("deploy").concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
    });

    test("the landing check warns only when the Repo is not on the commit asked for", () => {
        const check = pulumiSteps().find((step) => step.run?.includes("pulumi stack output repoCommit"))!.run!;
        const bin = tempDir("fake-pulumi-");
        execFileSync("bash", ["-c", `printf '#!/bin/sh\\necho "$LANDED"\\n' > ${bin}/pulumi && chmod +x ${bin}/pulumi`]);
        const run = (landed: string) => execFileSync("bash", ["-c", check], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STACK: "dev", GIT_COMMIT: "a".repeat(40), LANDED: landed }, encoding: "utf8" });
        expect(run("a".repeat(40))).toBe("");
        expect(run("b".repeat(40))).toContain(`::warning title=Repo not on the commit asked for::The Repo pulled gitBranch and is at ${"b".repeat(40)}`);
    });
});

describe("drift detection", () => {
    test("refreshes dev and prod daily and fails on any change", () => {
        const drift = workflow("drift");
        expect(drift.on.schedule).toHaveLength(1);
        for (const stack of ["dev", "prod"])
            expect(jobs("drift")[stack].with).toEqual({ stack, environment: stack, command: "preview", refresh: true, "expect-no-changes": true, "kedro-artifact": `\${{ needs.kedro-${stack}.outputs.artifact }}` });
    });
});

describe("review stacks", () => {
    test("a labelled pull request's stack is rebuilt from dev's config on every run; closing destroys and removes it", () => {
        const review = jobs("review-stack");
        expect(workflow("review-stack").on.pull_request.types).toEqual(expect.arrayContaining(["labeled", "synchronize", "closed"]));
        expect(review.up.with).toMatchObject({ stack: "pr-${{ github.event.pull_request.number }}", command: "up", review: true, "kedro-branch": "${{ vars.REVIEW_KEDRO_BRANCH || 'dev' }}", "head-sha": "${{ github.event.pull_request.head.sha }}" });
        expect(review.destroy.with).toMatchObject({ command: "destroy", review: true, remove: true });
        expect(review.destroy.if).toContain("github.event.action == 'closed'");
    });

    test("a daily cleanup destroys the stacks whose pull request closed or went stale", () => {
        const cleanup = jobs("review-stack-cleanup");
        expect(workflow("review-stack-cleanup").on.schedule).toHaveLength(1);
        expect(cleanup.stale.steps!.find((step) => step.id === "find")!.run!.split("\n")).toContain("bash .github/scripts/stale-review-stacks.sh");
        expect(cleanup.destroy.with).toMatchObject({ stack: "${{ matrix.stack }}", environment: "review", command: "destroy", review: true, remove: true });
    });
});

describe("destroy", () => {
    const check = () => jobs("destroy").check.steps![0].run!;
    const run = (stack: string, confirm = stack) => {
        const out = join(tempDir("destroy-check-"), "output");
        try {
            execFileSync("bash", ["-c", check()], { env: { ...process.env, STACK: stack, CONFIRM: confirm, GITHUB_OUTPUT: out }, stdio: "pipe" });
            return readFileSync(out, "utf8").trim().split("\n").join(" ");
        } catch (error) {
            return `exit ${(error as { status: number }).status}`;
        }
    };

    test("takes only dev, prod or pr-<number>, typed twice, and picks the environment from the kind of name", () => {
        expect(run("dev")).toBe("environment=dev review=false");
        expect(run("prod")).toBe("environment=prod review=false");
        expect(run("pr-12")).toBe("environment=review review=true");
        for (const bad of ["staging", "pr-12x", "pr-", "prod ", "../prod", "Prod"]) expect([bad, run(bad)]).toEqual([bad, "exit 1"]);
        expect(run("prod", "dev")).toBe("exit 1");
    });

    test("the environment never comes from the typed text, and a stack that does not exist is never created", () => {
        expect(jobs("destroy").destroy.with).toMatchObject({ stack: "${{ inputs.stack }}", environment: "${{ needs.check.outputs.environment }}", command: "destroy" });
        const script = readFileSync(join(root, ".github", "scripts", "prepare-stack.sh"), "utf8");
        expect(script).toMatch(/else\n {2}# Never create a stack here[^\n]*\n {2}pulumi stack select "\$STACK"\n/);
    });
});
