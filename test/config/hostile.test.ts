/** Hostile config: it must not run code, leak secrets, split lines or crash. */
import { ConfigError, type ConfigContext, type RawConfig, validateStackConfig } from "../../config";

const ctx = (overrides: Partial<ConfigContext> = {}): ConfigContext => ({ project: "databricks-kedro-stack", stack: "dev", hasGitToken: true, today: new Date("2026-11-24"), ...overrides });
const base = (overrides: RawConfig = {}): RawConfig => ({ cloud: "aws", gitUrl: "https://github.com/acme/iris.git", gitUsername: "alice", ...overrides });

function errorOf(raw: RawConfig, context: Partial<ConfigContext> = {}): ConfigError {
    try {
        validateStackConfig(raw, ctx(context));
    } catch (error) {
        if (error instanceof ConfigError) return error;
        throw error;
    }
    throw new Error("expected a ConfigError");
}

describe("errors never echo a secret", () => {
    const SECRET = "ghp_S3cr3tT0kenValue0123456789";
    test.each([
        ["a token as the password of an http:// URL (checked before the scheme)", { gitUrl: `http://alice:${SECRET}@github.com/acme/iris.git` }],
        ["a password holding an @", { gitUrl: `https://alice:${SECRET}@x@github.com/acme/iris.git` }],
        ["the token as the user name", { gitUrl: `https://${SECRET}@github.com/acme/iris.git` }],
        ["the token in the query", { gitUrl: `https://github.com/acme/iris.git?access_token=${SECRET}` }],
        ["the token twice", { gitUrl: `https://alice:${SECRET}@github.com/${SECRET}/iris.git` }],
        ["githubRepository: create with a token-bearing gitUrl", { githubRepository: "create", githubOwner: "acme", gitUrl: `https://alice:${SECRET}@github.com/acme/iris.git` }],
    ])("%s is refused, and masked everywhere", (_label, overrides) => {
        const error = errorOf(base(overrides));
        expect(error.problems.map((problem) => problem.key)).toContain("databricks-kedro-stack:gitUrl");
        expect(error.message).not.toContain(SECRET);
        expect(JSON.stringify(error.problems)).not.toContain(SECRET);
        expect(error.message).toContain("***");
    });

    test("the wrong substring is never what gets masked: h:h@h", () => {
        const error = errorOf(base({ gitUrl: "https://h:h@h.example.com/acme/iris.git" }));
        expect(error.problems[0].value).toBe("https://***@h.example.com/acme/iris.git");
    });

    test("a databricks:host with a user name and password is refused and masked", () => {
        const error = errorOf(base(), { databricksHost: "https://token:dapi0123456789abcdef0123@dbc-1.cloud.databricks.com", databricksHostInConfig: true });
        const problem = error.problems.find((candidate) => candidate.key === "databricks:host")!;
        expect(problem.allowed).toMatch(/without a user name or password/);
        expect(error.message).not.toContain("dapi0123456789abcdef0123");
    });

    test("an Azure DevOps organisation as the URL's user name is not a credential, and is accepted", () => {
        const { settings } = validateStackConfig(base({ gitUrl: "https://acme@dev.azure.com/acme/data/_git/iris" }), ctx());
        expect(settings.git.provider).toBe("azureDevOpsServices");
    });
});

describe("no config value may span lines", () => {
    test.each([
        ["a package split over lines", { kedroPackages: JSON.stringify(["kedro\n==\n0.18.7"]) }, "kedroPackages"],
        ["a package with a carriage return", { kedroPackages: JSON.stringify(["kedro==0.18.7\r", "kedro-viz"]) }, "kedroPackages"],
        ["a branch with a newline", { gitBranch: "main\n%sh rm -rf /" }, "gitBranch"],
        ["an ANSI escape in the user name", { gitUsername: "alice\u001b[31mred" }, "gitUsername"],
        ["a line separator in a path", { notebookPath: "/Shared/kedro\u2028run" }, "notebookPath"],
    ])("%s is refused, once, with the value escaped", (_label, overrides, key) => {
        const error = errorOf(base(overrides));
        const problems = error.problems.filter((problem) => problem.key === `databricks-kedro-stack:${key}`);
        expect(problems).toHaveLength(1);
        expect(error.message.split("\n").every((line) => !/[\u0000-\u0009\u000b-\u001f]/.test(line))).toBe(true);
    });
});

test("duplicate package names are refused: two cluster libraries would share one name", () => {
    const error = errorOf(base({ kedroPackages: '["kedro==0.18.7", "Kedro>=0.18", "kedro-viz"]', kedroInstall: "cluster" }));
    expect(error.problems[0]).toMatchObject({ key: "databricks-kedro-stack:kedroPackages", allowed: expect.stringContaining("kedro appears more than once") });
});

test("a malformed percent escape in gitUrl is a config error, not a URIError", () => {
    const error = errorOf(base({ gitUrl: "https://github.com/acme/%E0%A4%A.git" }));
    expect(error.problems[0]).toMatchObject({ key: "databricks-kedro-stack:gitUrl", allowed: expect.stringContaining("validly percent-encoded") });
});

describe("paths cannot carry code into the notebook, and name their stack", () => {
    test.each([
        ["IPython expansion in repoPath", { repoPath: "/Repos/team/{__import__('os').system('id')}" }, "repoPath"],
        ["a $variable in repoPath", { repoPath: "/Repos/team/$HOME-dev" }, "repoPath"],
        ["a space in notebookPath", { notebookPath: "/Shared/kedro dev/run" }, "notebookPath"],
        ["braces in notebookPath", { notebookPath: "/Shared/{x}/run-dev" }, "notebookPath"],
    ])("%s is refused", (_label, overrides, key) => {
        expect(errorOf(base(overrides)).problems.map((problem) => problem.key)).toEqual([`databricks-kedro-stack:${key}`]);
    });

    test("a configured path that does not name the stack is refused, with one that does as the fix", () => {
        const [problem] = errorOf(base({ repoPath: "/Repos/team/iris" }), { stack: "pr-12" }).problems;
        expect(problem).toMatchObject({ key: "databricks-kedro-stack:repoPath", fix: "pulumi config set repoPath /Repos/team/iris-pr-12 --stack pr-12" });
        const notebook = errorOf(base({ notebookPath: "/Shared/kedro/iris-dev-run" }), { stack: "pr-12" }).problems[0];
        expect(notebook.key).toBe("databricks-kedro-stack:notebookPath");
        // dev's own paths are dev's.
        expect(() => validateStackConfig(base({ repoPath: "/Repos/team/iris-dev", notebookPath: "/Shared/kedro/iris-dev-run" }), ctx())).not.toThrow();
    });
});

describe("free-text keys are bounded and plain", () => {
    test.each([
        ["a pipe in gitUsername", { gitUsername: "alice|bob" }, "gitUsername"],
        ["markup in singleUserName", { singleUserName: "<b>alice</b>@example.com" }, "singleUserName"],
        ["a GitHub owner with a slash", { githubRepository: "create", githubOwner: "acme/evil" }, "githubOwner"],
        ["a 10,000-character repository name", { gitUrl: `https://github.com/acme/${"x".repeat(10_000)}.git` }, "gitUrl"],
        ["a pipe in environmentGroup", { environmentGroup: "data | science" }, "environmentGroup"],
    ])("%s is refused", (_label, overrides, key) => {
        expect(errorOf(base(overrides)).problems.map((problem) => problem.key)).toContain(`databricks-kedro-stack:${key}`);
    });
});
