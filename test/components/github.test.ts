import { gitRemoteCommands } from "../../components";
import { TYPES, baseConfig, evaluate, isSecretMarker } from "../harness";
import { tempDir } from "../tempDirs";

const REPOSITORY = "github:index/repository:Repository";
const createConfig = (overrides: Record<string, string | undefined> = {}) =>
    baseConfig("aws", { gitUrl: undefined, githubRepository: "create", githubRepositoryName: "iris-databricks", ...overrides });

const SHA = "c0ffee0000000000000000000000000000000001";

describe("githubRepository: create", () => {
    test("creates an empty private repository, archived instead of deleted on destroy", async () => {
        const { mocks } = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        // No initial commit: it would make the project's first push a rejected non-fast-forward.
        expect(mocks.one(REPOSITORY).inputs).toMatchObject({ name: "iris-databricks", visibility: "private", autoInit: false, archiveOnDestroy: true });
    });

    test("before a commit is pushed and named, the first up makes the repository, the cluster and the credential, and says what to do next", async () => {
        const { mocks, outputs, loaded } = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        expect(mocks.ofType(TYPES.repo)).toEqual([]);
        expect(mocks.ofType(TYPES.notebook)).toEqual([]);
        expect(mocks.ofType(TYPES.cluster)).toHaveLength(1);
        expect(mocks.ofType(TYPES.gitCredential)).toHaveLength(1);
        expect(outputs.gitRemoteCommands).toBe("git remote add origin https://github.com/acme/iris-databricks.git && git push --set-upstream origin HEAD:main");
        expect(outputs.repoPath).toBeUndefined();
        expect(outputs.notebookUrl).toBeUndefined();
        expect(loaded.warnings.join("\n")).toContain('pulumi config set gitCommit "$(git ls-remote https://github.com/acme/iris-databricks.git refs/heads/main | cut -f1)" --stack dev && pulumi up --stack dev');
    });

    test("once gitCommit names the pushed commit, its HTTPS URL feeds the Databricks Repo, with provider gitHub", async () => {
        const { mocks, outputs, loaded } = await evaluate({ config: createConfig({ gitCommit: SHA }), providerConfig: { "github:owner": "acme" } });
        expect(mocks.one(TYPES.repo).inputs).toMatchObject({
            url: "https://github.com/acme/iris-databricks.git",
            gitProvider: "gitHub",
            commitHash: SHA,
            path: "/Repos/alice@example.com/iris-databricks-dev",
        });
        expect(mocks.ofType(TYPES.notebook)).toHaveLength(1);
        expect(mocks.one(TYPES.gitCredential).inputs.gitProvider).toBe("gitHub");
        expect(outputs.gitRepositoryUrl).toBe("https://github.com/acme/iris-databricks.git");
        expect(loaded.warnings.join("\n")).not.toContain("gitCommit is not set");
    });

    test("the printed commands push a fresh project into the empty repository", () => {
        const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
        const { join } = require("node:path") as typeof import("node:path");
        const tmp = tempDir("kedro-push-");
        const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: "pipe" });
        // What GitHub holds after create with autoInit false: a bare repository with no commit.
        git(tmp, "init", "--bare", "--quiet", "remote.git");
        const project = join(tmp, "iris");
        git(tmp, "init", "--quiet", "--initial-branch", "master", project);
        git(project, "-c", "user.name=a", "-c", "user.email=a@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "kedro new");
        execFileSync("bash", ["-c", gitRemoteCommands(join(tmp, "remote.git"), "main")], { cwd: project, stdio: "pipe" });
        expect(git(join(tmp, "remote.git"), "rev-parse", "main")).toBe(git(project, "rev-parse", "HEAD"));
    });

    test("uses the default GitHub provider for github:owner, its own provider for another owner", async () => {
        const same = await evaluate({ config: createConfig(), providerConfig: { "github:owner": "acme" } });
        expect(same.mocks.one(REPOSITORY).provider).toBe("");
        expect(same.mocks.ofType("pulumi:providers:github")).toEqual([]);
        const other = await evaluate({ config: createConfig({ githubOwner: "acme-data" }), providerConfig: { "github:owner": "acme" } });
        expect(other.mocks.one("pulumi:providers:github").inputs.owner).toBe("acme-data");
        expect(other.mocks.providerOf(other.mocks.one(REPOSITORY))?.inputs.owner).toBe("acme-data");
    });

    test("another owner's provider gets github:token, as a secret", async () => {
        const { mocks } = await evaluate({ config: createConfig({ githubOwner: "acme-data" }), providerConfig: { "github:owner": "acme", "github:token": "ghp_other" } });
        const token = mocks.one("pulumi:providers:github").inputs.token;
        expect(isSecretMarker(token)).toBe(true);
        expect(token.value).toBe("ghp_other");
    });

    test("the repository name has no default: the Pulumi project's own would be this infrastructure repository's", async () => {
        await expect(evaluate({ config: createConfig({ githubRepositoryName: undefined }), providerConfig: { "github:owner": "acme" } })).rejects.toThrow(
            /githubRepositoryName is not set; allowed: the name of the Kedro project's repository to create/,
        );
    });

    test.each([
        ["no owner", createConfig(), {}, /databricks-kedro-stack:githubOwner is not set; allowed: the GitHub user or organisation/],
        ["a gitUrl as well", createConfig({ gitUrl: "https://github.com/acme/other.git" }), { "github:owner": "acme" }, /gitUrl is "https:\/\/github.com\/acme\/other.git"; allowed: no value with githubRepository: create.*\n.*pulumi config rm gitUrl --stack dev/],
        ["another provider", createConfig({ gitProvider: "gitLab" }), { "github:owner": "acme" }, /gitProvider is "gitLab"; allowed: gitHub \(or unset\)/],
        ["an unknown mode", baseConfig("aws", { githubRepository: "fork" }), {}, /githubRepository is "fork"; allowed: existing .* or create/],
    ])("refuses %s", async (_label, config, providerConfig, message) => {
        await expect(evaluate({ config, providerConfig })).rejects.toThrow(message);
    });
});

test("githubRepository: existing creates no GitHub resources", async () => {
    const { mocks, outputs } = await evaluate({ config: baseConfig("aws"), providerConfig: { "github:owner": "acme" } });
    expect(mocks.resources.filter((resource) => resource.type.startsWith("github:") || resource.type === "pulumi:providers:github")).toEqual([]);
    expect(outputs.gitRepositoryUrl).toBeUndefined();
});

test("gitRemoteCommands", () => {
    expect(gitRemoteCommands("https://github.com/a/b.git", "develop")).toBe("git remote add origin https://github.com/a/b.git && git push --set-upstream origin HEAD:develop");
});

describe("protect", () => {
    test("reaches every resource of the stack, in every mode, as the registrations carry it", async () => {
        const { mocks } = await evaluate({
            config: createConfig({ gitCommit: SHA, protect: "true", workspace: "create", databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc", databricksClientId: "sp", databricksClientSecret: "s", environmentUser: "alice@example.com", kedroInstall: "cluster" }),
            providerConfig: { "github:owner": "acme", "aws:region": "eu-west-1" },
        });
        expect(mocks.resources.length).toBeGreaterThanOrEqual(25);
        expect(mocks.resources.filter((resource) => !resource.options.protect).map((resource) => resource.name)).toEqual([]);
    });

    test("is off by default", async () => {
        const { mocks } = await evaluate({ config: baseConfig("aws") });
        expect(mocks.resources.some((resource) => resource.options.protect)).toBe(false);
    });
});
