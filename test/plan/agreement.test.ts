/** Where the offline plan used to disagree with the Pulumi CLI, or misreport what it read. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StackFileError, readStackConfig } from "../../plan/stackConfig";
import { STACK, committedStacks, plan, projectWith } from "./planHarness";

const SECURE_HOST = STACK("").replace("  databricks:host: https://dbc-1.cloud.databricks.com\n", "  databricks:host:\n    secure: AAABAOpaqueCiphertext\n");

describe("what the stack file holds", () => {
    test("an encrypted databricks:host is set and opaque: planned with a stand-in, shown as a secret, never asked for in plaintext", async () => {
        const { code, stdout } = await plan(["--stack", "enc", "--root", projectWith({ enc: SECURE_HOST })]);
        expect(code).toBe(0);
        expect(stdout).toContain("databricks:host is encrypted in Pulumi.enc.yaml: planned with a stand-in workspace");
        expect(stdout).toMatch(/\+ databricks:index\/cluster:Cluster kedro-cluster .*host=\[secret\]/);
        expect(stdout).not.toMatch(/plaintext|Invalid configuration/);
    });

    test("githubRepository: create without an owner or a name asks for those, and not for the gitUrl it would then refuse", async () => {
        const text = STACK("  databricks-kedro-stack:githubRepository: create\n").replace("  databricks-kedro-stack:gitUrl: https://github.com/acme/iris.git\n", "");
        const { code, stdout } = await plan(["--stack", "gh", "--root", projectWith({ gh: text })]);
        expect(code).toBe(1);
        expect(stdout).toContain("githubOwner is not set");
        expect(stdout).toContain("githubRepositoryName is not set");
        expect(stdout).not.toContain("gitUrl");
    });

    test("keys at the top level, without config:, are named as such, not reported as unset", () => {
        const dir = projectWith({ top: "databricks-kedro-stack:cloud: aws\ndatabricks-kedro-stack:gitUrl: https://github.com/acme/iris.git\n" });
        expect(() => readStackConfig(dir, "top")).toThrow(StackFileError);
        expect(() => readStackConfig(dir, "top")).toThrow(/^Pulumi\.top\.yaml has databricks-kedro-stack:cloud, databricks-kedro-stack:gitUrl at the top level, where the CLI reads no config: put them under a config: mapping/);
    });

    test("a plaintext databricks:token is refused once, and its fix stores the same value as a secret of the same key", async () => {
        const { stdout } = await plan(["--stack", "tok", "--root", projectWith({ tok: STACK("  databricks:token: dapi0123456789abcdef\n") })]);
        expect(stdout.match(/databricks:token is "\(plaintext\)"/g)).toHaveLength(1);
        expect(stdout).toContain("Fix: pulumi config get databricks:token --stack tok | pulumi config set --secret databricks:token --stack tok");
    });

    test("a list key written as one string is refused with a fix that makes a list, not the same string again", () => {
        const dir = projectWith({ list: STACK("  databricks-kedro-stack:jobNotifications: data-team@example.com\n") });
        expect(() => readStackConfig(dir, "list")).toThrow(
            "databricks-kedro-stack:jobNotifications is \"data-team@example.com\" (not of the declared type array). Fix: pulumi config rm jobNotifications --stack list && " +
                "pulumi config set --path 'jobNotifications[0]' 'data-team@example.com' --stack list",
        );
    });

    test("a missing secret is one warning among the others, never after '- none'", async () => {
        const text = STACK("").replace(/ {2}databricks-kedro-stack:gitToken:\n {4}secure: \S+\n/, "").concat("  databricks-kedro-stack:sparkVersion: 15.4.x-scala2.12\n");
        const { stdout } = await plan(["--stack", "nosecret", "--root", projectWith({ nosecret: text })]);
        const warnings = stdout.split("== Warnings\n")[1].split("\n== ")[0];
        expect(warnings).toMatch(/^- databricks-kedro-stack:gitToken is not set in Pulumi\.nosecret\.yaml/);
        expect(warnings).not.toContain("- none");
    });
});

describe("the command line, as the CLI reads --stack", () => {
    test("an org-qualified stack name plans Pulumi.<name>.yaml", async () => {
        const root = committedStacks();
        const plain = await plan(["--stack", "dev", "--root", root]);
        for (const name of ["acme/dev", "acme/databricks-kedro-stack/dev"]) {
            const qualified = await plan(["--stack", name, "--root", root]);
            expect([name, qualified.code, qualified.stdout]).toEqual([name, 0, plain.stdout]);
        }
    });

    test.each([
        [["--stack", "acme/other-project/dev"], /--stack names the project other-project, but Pulumi\.yaml in .* is the project databricks-kedro-stack/],
        [["--stack", "a/b/c/dev"], /--stack a\/b\/c\/dev is not a stack name/],
        [["--stack", "dev", "--format"], /--format needs a value/],
        [["--stack", "--format", "json"], /--stack needs a value/],
        [["--stack", "dev", "--formt", "json"], /--formt is not a flag of the plan/],
    ])("%j is a one-line usage error, exit 2", async (args, message) => {
        const { code, stdout, stderr } = await plan([...args, "--root", committedStacks()]);
        expect(code).toBe(2);
        expect(stdout).toBe("");
        expect(stderr.trim().split("\n")).toHaveLength(1);
        expect(stderr).toMatch(message);
    });
});

describe("--base", () => {
    test("--format json carries the difference as base.diff", async () => {
        const dir = projectWith({ prod: STACK("") }, { git: true });
        writeFileSync(join(dir, "Pulumi.prod.yaml"), `${readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8")}  databricks-kedro-stack:autoterminationMinutes: 45\n`);
        const { stdout } = await plan(["--stack", "prod", "--format", "json", "--base", "HEAD", "--root", dir]);
        const json = JSON.parse(stdout);
        expect(json.base.ref).toBe("HEAD");
        expect(json.base.diff.changed[0].changes).toEqual([expect.objectContaining({ property: "autoterminationMinutes", before: "30", after: "45" })]);
    });

    test("a base whose stack file the CLI refuses: the head's plan, and a line that says the base could not be read", async () => {
        const dir = projectWith({ prod: "config:\n\tdatabricks-kedro-stack:cloud: aws\n" }, { git: true });
        writeFileSync(join(dir, "Pulumi.prod.yaml"), STACK(""));
        const { code, stdout, stderr } = await plan(["--stack", "prod", "--base", "HEAD", "--root", dir]);
        // No problem: only the head's warnings, each on a line of its own.
        expect(stderr.split("\n").filter((line) => line && !line.startsWith("warning: "))).toEqual([]);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^The plan at HEAD could not be read, so there is no difference to show: Pulumi\.prod\.yaml is not valid YAML: Tabs/);
        expect(stdout).toContain("+ databricks:index/cluster:Cluster kedro-cluster");
    });

    test("in Markdown, a notebook's changed lines are fenced and a value holding HTML is shown as typed", async () => {
        const dir = projectWith({ prod: STACK("") }, { git: true });
        const edited = `${readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8")}  databricks-kedro-stack:gitBranch: "<b>x</b>"\n  databricks-kedro-stack:kedroPackages:\n    - kedro==0.18.8\n`;
        writeFileSync(join(dir, "Pulumi.prod.yaml"), edited);
        const { stdout } = await plan(["--stack", "prod", "--format", "markdown", "--base", "HEAD", "--root", dir]);
        const diff = stdout.split("## Offline plan")[0];
        expect(diff).toMatch(/kedro-notebook contentBase64 \(notebook source\):\n {2}(`{3,})diff\n(?: {2}[-+] .*\n)+ {2}\1\n/);
        // Outside the fenced block, no source line is left to render as a heading.
        expect(diff.replace(/ {2}(`{3,})diff\n[\s\S]*? {2}\1\n/g, "")).not.toContain("# MAGIC");
        expect(diff).toContain("branch `main` → `<b>x</b>`");
        expect(stdout).not.toMatch(/(?<!`)<b>x<\/b>(?!`)/);
    });
});
