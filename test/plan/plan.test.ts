/**
 * The offline plan, end to end and in this process: real config files, exit
 * codes, and a diff between git refs. One test starts the CLI as a process,
 * since what reaches the terminal there is what it checks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StackFileError, readStackConfig, secretPlaceholder } from "../../plan/stackConfig";
import { STACK, committedStacks, plan, projectWith, root } from "./planHarness";

describe("stack config files", () => {
    test("apply Pulumi.yaml's defaults, mark encrypted values, and report secrets the file lacks", async () => {
        const dir = projectWith({ x: STACK("  databricks-kedro-stack:numWorkers: 2\n"), y: "config:\n  databricks-kedro-stack:cloud: gcp\n" });
        const x = readStackConfig(dir, "x");
        expect(x.config["databricks-kedro-stack:numWorkers"]).toBe("2");
        expect(x.config["databricks-kedro-stack:autoterminationMinutes"]).toBe("30");
        expect(JSON.parse(x.config["databricks-kedro-stack:kedroPackages"])).toEqual([]);
        expect(x.config["databricks-kedro-stack:gitToken"]).toBe(secretPlaceholder("databricks-kedro-stack:gitToken"));
        expect(x.secretKeys).toContain("databricks-kedro-stack:gitToken");
        expect(x.missingSecrets).toEqual([]);
        expect(readStackConfig(dir, "y").missingSecrets).toEqual(["databricks-kedro-stack:gitToken"]);
        expect(() => readStackConfig(dir, "nope")).toThrow(/No Pulumi.nope.yaml/);
    });
});

describe("npm run plan", () => {
    test("plans the committed dev stack with no credentials: resources, parents, providers, warnings, policies", async () => {
        const { code, stdout } = await plan(["--stack", "dev", "--root", committedStacks()]);
        expect(code).toBe(0);
        expect(stdout).toMatch(/\+ databricks:index\/cluster:Cluster kedro-cluster {2}parent=databricks-kedro-stack:index:KedroEnvironment::kedro {2}provider=default/);
        expect(stdout).toMatch(/autoterminationMinutes=30/);
        expect(stdout).toMatch(/personalAccessToken=\[secret\]/);
        expect(stdout).toMatch(/\+ databricks:index\/repo:Repo kedro-repo/);
        expect(stdout).toMatch(/path=\/Repos\/plan-user@example\.invalid\/iris-databricks-dev/);
        expect(stdout).toMatch(/== Warnings\n- Databricks Runtime 11\.3 LTS/);
        expect(stdout).toMatch(/gitToken is not set in Pulumi\.dev\.yaml; planned with a placeholder/);
        expect(stdout).toMatch(/FAIL supported-runtime \(advisory\)/);
        expect(stdout).toMatch(/pass max-autotermination \(mandatory\)/);
        expect(stdout).toMatch(/No mandatory policy violated\./);
        // The environment's DATABRICKS_HOST does not leak into an offline plan.
        expect(stdout).not.toContain("ignored.cloud.databricks.com");
    });

    test("prod's on-demand workers pass: prod is allow-listed", async () => {
        const { code, stdout } = await plan(["--stack", "prod", "--root", committedStacks()]);
        expect(code).toBe(0);
        expect(stdout).toMatch(/pass spot-workers \(mandatory\)/);
        expect(stdout).toMatch(/\+ databricks:index\/library:Library kedro-lib-kedro/);
    });

    test("--format markdown writes a PR-comment-ready report", async () => {
        const { stdout } = await plan(["--stack", "dev", "--format", "markdown", "--root", committedStacks()]);
        expect(stdout).toMatch(/^## Offline plan for stack `dev`/);
        expect(stdout).toContain("| type | name | parent | provider | host | protect | key properties |");
        expect(stdout).toContain("| policy | level | verdict |");
    });

    test.each([
        ["autotermination 600: a mandatory policy", "  databricks-kedro-stack:autoterminationMinutes: 600\n", /FAIL max-autotermination \(mandatory\): autoterminationMinutes is 600, above the maximum of 60/],
        ["autotermination 0: the program's validation", "  databricks-kedro-stack:autoterminationMinutes: 0\n", /== Invalid configuration\nInvalid configuration for stack "bad".*\n.*autoterminationMinutes is "0"/],
        ["an Azure node on AWS: the program's validation", "  databricks-kedro-stack:nodeType: Standard_DS3_v2\n", /nodeType is "Standard_DS3_v2"; allowed: an AWS node type/],
        ["eight workers: a mandatory policy", "  databricks-kedro-stack:numWorkers: 8\n", /FAIL max-workers \(mandatory\): numWorkers is 8/],
    ])("%s makes the plan exit non-zero", async (_label, extra, message) => {
        const dir = projectWith({ bad: STACK(extra) });
        const { code, stdout } = await plan(["--stack", "bad", "--root", dir]);
        expect(code).toBe(1);
        expect(stdout).toMatch(message);
    });

    test("a GCP workspace: create plan shows the IAM wait by its seconds and triggers, not its serialized provider code", async () => {
        const gcp =
            "config:\n  databricks-kedro-stack:cloud: gcp\n  databricks-kedro-stack:workspace: create\n  databricks-kedro-stack:databricksAccountId: 0d9c1b2a-1234-4cde-8f00-123456789abc\n" +
            "  gcp:project: acme-data\n  gcp:region: europe-west1\n  databricks-kedro-stack:gitUrl: https://github.com/acme/iris.git\n  databricks-kedro-stack:gitUsername: bot\n";
        const dir = projectWith({ gcp });
        const { code, stdout } = await plan(["--stack", "gcp", "--root", dir]);
        expect(code).toBe(0);
        expect(stdout).toMatch(/\+ pulumi-nodejs:dynamic:Resource kedro-workspace-iam-propagation .*\n {4}seconds=90\n {4}triggers=\[/);
        expect(stdout).toMatch(/\+ gcp:projects\/iAMCustomRole:IAMCustomRole/);
        expect(stdout).not.toContain("__provider");
        expect(stdout).toMatch(/authType=google-id/);
    });

    test("--base shows each changed property between two git refs, with the policy it breaks", async () => {
        const dir = projectWith({ prod: STACK("  databricks-kedro-stack:spot: false\n") }, { git: true });
        writeFileSync(join(dir, "Pulumi.prod.yaml"), readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8") + "  databricks-kedro-stack:autoterminationMinutes: 120\n");
        const { code, stdout } = await plan(["--stack", "prod", "--base", "HEAD", "--root", dir]);
        expect(stdout).toContain('Plan difference for stack "prod": HEAD -> working tree');
        expect(stdout).toContain("~ prod kedro-cluster autoterminationMinutes 30 → 120, policy max-autotermination violated");
        expect(code).toBe(1);
        // The temporary worktree is gone.
        expect(execFileSync("git", ["worktree", "list"], { cwd: dir, encoding: "utf8" }).trim().split("\n")).toHaveLength(1);
    });

    test("--base shows what a PR changes that display strings hid: the packages, protect, the host, and a replacement", async () => {
        const dir = projectWith({ prod: STACK("  databricks-kedro-stack:spot: false\n") }, { git: true });
        const edited = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8")
            .replace("https://dbc-1.cloud.databricks.com", "https://dbc-2.cloud.databricks.com")
            .replace("https://github.com/acme/iris.git", "https://github.com/acme/iris")
            .concat("  databricks-kedro-stack:protect: true\n  databricks-kedro-stack:kedroPackages:\n    - kedro==0.18.8\n    - kedro-viz\n");
        writeFileSync(join(dir, "Pulumi.prod.yaml"), edited);
        const { stdout } = await plan(["--stack", "prod", "--base", "HEAD", "--root", dir]);
        // kedroPackages: the notebook's source, decoded, line by line.
        expect(stdout).toMatch(/kedro-notebook contentBase64 \(notebook source\):\n {4}- # MAGIC %pip install "kedro==0\.18\.7" "kedro-datasets\[databricks\.ManagedTableDataSet\]~=1\.3\.0" "kedro-viz"\n {4}\+ # MAGIC %pip install "kedro==0\.18\.8" "kedro-viz"/);
        expect(stdout).toContain("~ prod kedro-cluster (protect) false → true");
        expect(stdout).toContain("~ prod kedro-cluster (host) https://dbc-1.cloud.databricks.com → https://dbc-2.cloud.databricks.com");
        // url is force-new on a Repo.
        expect(stdout).toContain("+- prod kedro-repo url https://github.com/acme/iris.git → https://github.com/acme/iris (replace: force-new)");
    });

    test("--base on a stack the change adds shows everything as added", async () => {
        const dir = projectWith({}, { git: true });
        writeFileSync(join(dir, "Pulumi.fresh.yaml"), STACK(""));
        const { code, stdout, stderr } = await plan(["--stack", "fresh", "--base", "HEAD", "--root", dir]);
        expect(stderr.split("\n").filter((line) => line && !line.startsWith("warning: "))).toEqual([]);
        expect(code).toBe(0);
        expect(stdout).toMatch(/Plan difference for stack "fresh": HEAD -> working tree\n(\+ .*\n)+/);
        expect(stdout).toContain("+ databricks:index/cluster:Cluster kedro-cluster");
    });

    test("a --base that is no commit is a one-line usage error, and leaves no worktree", async () => {
        const dir = projectWith({ prod: STACK("") }, { git: true });
        const { code, stdout, stderr } = await plan(["--stack", "prod", "--base", "origin/no-such-branch", "--root", dir]);
        expect(code).toBe(2);
        expect(stdout).toBe("");
        expect(stderr.trim()).toMatch(/^--base origin\/no-such-branch is not a commit in .*: name a branch, tag or commit/);
        expect(execFileSync("git", ["worktree", "list"], { cwd: dir, encoding: "utf8" }).trim().split("\n")).toHaveLength(1);
    });

    test.each([
        ["AWS", "  databricks-kedro-stack:cloud: aws\n  databricks-kedro-stack:databricksAccountId: 0d9c1b2a-1234-4cde-8f00-123456789abc\n  databricks-kedro-stack:databricksClientId: sp\n  databricks-kedro-stack:databricksClientSecret:\n    secure: AAABfake\n  databricks-kedro-stack:environmentUser: alice@example.com\n  aws:region: eu-west-1\n"],
        ["Azure", "  databricks-kedro-stack:cloud: azure\n  azure-native:location: westeurope\n"],
        ["GCP", "  databricks-kedro-stack:cloud: gcp\n  databricks-kedro-stack:databricksAccountId: 0d9c1b2a-1234-4cde-8f00-123456789abc\n  gcp:project: acme-data\n  gcp:region: europe-west1\n"],
    ])("a %s workspace: create plan passes every mandatory policy, the S3 one judged on outputs as the engine does", async (_cloud, extra) => {
        const text = `config:\n  databricks-kedro-stack:workspace: create\n  databricks-kedro-stack:gitUrl: https://github.com/acme/iris.git\n  databricks-kedro-stack:gitUsername: bot\n${extra}`;
        const dir = projectWith({ create: text });
        const { code, stdout } = await plan(["--stack", "create", "--root", dir]);
        expect(stdout).toContain("No mandatory policy violated.");
        expect(stdout).toContain("pass s3-root-bucket-secure (mandatory)");
        expect(code).toBe(0);
    });

    test("a missing --stack is a usage error", async () => {
        const { code, stderr } = await plan([]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^Usage: npm run plan -- --stack <\[org\/\[project\/\]\]name>/);
    });
});

describe("hostile stack files", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefg".split("").map((name, index) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[index]}`).join(", ")}]`), "config:", "  x: *g", ""].join("\n");
    test.each([
        ["a tab in the indentation", "config:\n\tdatabricks-kedro-stack:cloud: aws\n", /^Pulumi\.bad\.yaml is not valid YAML: Tabs are not allowed as indentation at line 2, column 1\. Fix the file/],
        ["a duplicate key", "config:\n  databricks-kedro-stack:cloud: aws\n  databricks-kedro-stack:cloud: gcp\n", /^Pulumi\.bad\.yaml is not valid YAML: Map keys must be unique at line 3/],
        ["an alias bomb", bomb, /^Pulumi\.bad\.yaml is not valid YAML: Excessive alias count/],
        ["a list instead of a mapping", "- config\n", /^Pulumi\.bad\.yaml must be a YAML mapping/],
    ])("%s: a one-line StackFileError", async (_label, text, message) => {
        const dir = projectWith({ bad: text });
        expect(() => readStackConfig(dir, "bad")).toThrow(StackFileError);
        expect(() => readStackConfig(dir, "bad")).toThrow(message);
    });

    test("the CLI, as a process, prints such an error as one line on stderr, exit 1, no stack trace", () => {
        const dir = projectWith({ bad: "config:\n\tdatabricks-kedro-stack:cloud: aws\n" });
        const { status, stdout, stderr } = spawnSync(process.execPath, [join(root, "plan", "run.js"), "--stack", "bad", "--root", dir], { encoding: "utf8" });
        expect(status).toBe(1);
        expect(stdout).toBe("");
        expect(stderr.trim().split("\n")).toHaveLength(1);
        expect(stderr).toMatch(/^Pulumi\.bad\.yaml is not valid YAML: Tabs/);
        expect(stderr).not.toMatch(/\n\s+at /);
    });

    test("a token in gitUrl never reaches any plan format", async () => {
        const token = "ghp_S3cr3tT0kenValue0123456789";
        const dir = projectWith({ leaky: STACK("").replace("https://github.com/acme/iris.git", `http://bot:${token}@github.com/acme/iris.git`) });
        for (const format of ["text", "markdown", "json"]) {
            const { code, stdout, stderr } = await plan(["--stack", "leaky", "--root", dir, "--format", format]);
            expect(code).toBe(1);
            expect(stdout + stderr).not.toContain(token);
            expect(stdout).toContain("***@github.com");
        }
    });
});

describe("the plan refuses what the CLI refuses", () => {
    const same = (text: string) => text;
    test.each([
        ["an unprefixed key", "  numWorkers: 3\n", /numWorkers has no namespace, which the CLI refuses in a stack file: write databricks-kedro-stack:numWorkers/, same],
        ["a plaintext declared secret", "", /databricks-kedro-stack:gitToken is in plaintext \(declared secret, but in plaintext in the stack file\)\. Fix: pulumi config get gitToken --stack bad \| pulumi config set --secret gitToken --stack bad/, (text: string) => text.replace(/gitToken:\n {4}secure: \S+/, "gitToken: ghp_plain")],
        ["gitBranch: 1.10, which YAML reads as 1.1", "  databricks-kedro-stack:gitBranch: 1.10\n", /databricks-kedro-stack:gitBranch is 1\.1 \(not of the declared type string\)\. Fix: pulumi config set gitBranch 1\.10 --stack bad/, same],
        ["an empty gitUsername", "", /databricks-kedro-stack:gitUsername is null \(an empty YAML entry, which is no value\)/, (text: string) => text.replace("gitUsername: bot", "gitUsername:")],
        ["a word for an integer", "  databricks-kedro-stack:numWorkers: three\n", /numWorkers is "three" \(not of the declared type integer\)\. Fix: pulumi config set numWorkers 1 --stack bad/, same],
    ])("%s: refused before the program runs, in one line", (_label, extra, message, edit: (text: string) => string) => {
        const dir = projectWith({ bad: edit(STACK(extra)) });
        let error: Error | undefined;
        try {
            readStackConfig(dir, "bad");
        } catch (caught) {
            error = caught as Error;
        }
        expect(error).toBeInstanceOf(StackFileError);
        expect(error!.message).toMatch(message);
        expect(error!.message).not.toContain("\n");
        expect(error!.message).not.toContain("ghp_plain");
    });

    test("values as pulumi config set writes them (quoted text) pass", async () => {
        const dir = projectWith({ ok: STACK('  databricks-kedro-stack:numWorkers: "2"\n  databricks-kedro-stack:protect: "false"\n  databricks-kedro-stack:gitBranch: "1.10"\n') });
        const { code, stdout } = await plan(["--stack", "ok", "--root", dir]);
        expect(code).toBe(0);
        expect(stdout).toContain("branch=1.10");
    });
});
