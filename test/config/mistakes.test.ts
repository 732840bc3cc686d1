/** Realistic stack-file mistakes that used to pass silently. */
import { ConfigError, type ConfigContext, type RawConfig, validateStackConfig } from "../../config";

const ctx = (overrides: Partial<ConfigContext> = {}): ConfigContext => ({ project: "databricks-kedro-stack", stack: "dev", hasGitToken: true, today: new Date("2026-11-24"), ...overrides });
const base = (overrides: RawConfig = {}): RawConfig => ({ cloud: "aws", gitUrl: "https://github.com/acme/iris.git", gitUsername: "alice", ...overrides });
const problemsOf = (raw: RawConfig) => {
    try {
        validateStackConfig(raw, ctx());
        return [];
    } catch (error) {
        if (error instanceof ConfigError) return [...error.problems];
        throw error;
    }
};

test.each([
    ["gitLab for a github.com URL", { gitProvider: "gitLab" }, "gitProvider", /gitHub for github\.com/],
    ["a GitHub URL naming only the organisation", { gitUrl: "https://github.com/acme" }, "gitUrl", /names a repository/],
    ["an Azure DevOps URL without _git", { gitUrl: "https://dev.azure.com/acme/data" }, "gitUrl", /names a repository/],
    ["sparkVersion 11.3-lts", { sparkVersion: "11.3-lts" }, "sparkVersion", /runtime key as the Clusters API lists it/],
    ["githubRepository: create without a name", { gitUrl: undefined, githubRepository: "create", githubOwner: "acme" }, "githubRepositoryName", /not this infrastructure repository's/],
])("%s is refused with key, value, allowed values and fix", (_label, overrides, key, allowed) => {
    const problem = problemsOf(base(overrides)).find((candidate) => candidate.key === `databricks-kedro-stack:${key}`);
    expect(problem).toBeDefined();
    expect(problem!.allowed).toMatch(allowed);
    expect(problem!.fix).toMatch(/^pulumi config (set|rm) /);
});

test.each([
    ["a GitLab subgroup", "https://gitlab.com/acme/data/iris.git"],
    ["Azure DevOps", "https://dev.azure.com/acme/data/_git/iris"],
    ["a self-hosted server", "https://git.acme.internal/iris.git"],
])("%s URL still names a repository", (_label, gitUrl) => {
    expect(problemsOf(base({ gitUrl, gitProvider: gitUrl.includes("acme.internal") ? "gitLabEnterpriseEdition" : undefined }))).toEqual([]);
});

test.each(["15.4.x-scala2.12", "13.3.x-photon-scala2.12", "17.3.x-scala2.13", "15.4.x-cpu-ml-scala2.12"])("sparkVersion %s is a runtime key", (sparkVersion) => {
    expect(problemsOf(base({ sparkVersion }))).toEqual([]);
});

test.each([
    ["aws", "g4dn.xlarge"],
    ["azure", "Standard_NC4as_T4_v3"],
    ["gcp", "g2-standard-4"],
] as const)("a GPU runtime is accepted on a GPU node type of %s (%s)", (cloud, nodeType) => {
    expect(problemsOf(base({ cloud, nodeType, sparkVersion: "14.3.x-gpu-ml-scala2.12" }))).toEqual([]);
});

test("values the policy pack's default limits refuse are accepted with a warning naming the policy", () => {
    const { warnings } = validateStackConfig(base({ autoterminationMinutes: "120", numWorkers: "8" }), ctx());
    expect(warnings).toEqual(
        expect.arrayContaining([
            expect.stringContaining("numWorkers is 8, above the policy pack's default limit of 4 (max-workers)"),
            expect.stringContaining("autoterminationMinutes is 120, above the policy pack's default limit of 60 (max-autotermination)"),
        ]),
    );
    expect(validateStackConfig(base({ autoterminationMinutes: "60", numWorkers: "4" }), ctx()).warnings.join("\n")).not.toContain("default limit");
});

describe("keys nothing reads", () => {
    const withKeys = (...keys: string[]) => {
        try {
            return { ...validateStackConfig(base(), ctx({ stackConfig: Object.fromEntries(keys.map((key) => [key, { value: "2", secret: false }])) })), problems: [] };
        } catch (error) {
            if (error instanceof ConfigError) return { warnings: [], problems: [...error.problems] };
            throw error;
        }
    };

    test.each([
        ["numWorker", "numWorkers"],
        ["autoTerminationMinutes", "autoterminationMinutes"],
        ["protected", "protect"],
        ["gitURL", "gitUrl"],
    ])("a misspelt project key %s is refused: did you mean %s?", (typo, meant) => {
        const { problems } = withKeys(`databricks-kedro-stack:${typo}`);
        expect(problems).toEqual([
            expect.objectContaining({ key: `databricks-kedro-stack:${typo}`, allowed: expect.stringContaining(`did you mean ${meant}?`), fix: `pulumi config rm ${typo} --stack dev && pulumi config set ${meant} 2 --stack dev` }),
        ]);
    });

    test("an unknown project key far from any is refused without a guess", () => {
        expect(withKeys("databricks-kedro-stack:colorScheme").problems[0].allowed).not.toContain("did you mean");
    });

    test("a provider namespace that looks like a typo is warned about; a real one or an unrelated one is not", () => {
        expect(withKeys("databrick:host").warnings.filter((warning) => warning.includes("namespace"))).toEqual([expect.stringContaining("databrick:host is in no provider's namespace; did you mean databricks:host?")]);
        expect(withKeys("databricks:host", "aws:region", "kubernetes:context").warnings.join("\n")).not.toContain("namespace");
    });

    test("a stray key is reported next to the missing one it was meant to be", () => {
        try {
            validateStackConfig(base({ gitUsername: undefined }), ctx({ stackConfig: { "databricks-kedro-stack:gitUserName": { value: "alice", secret: false } } }));
            throw new Error("expected a ConfigError");
        } catch (error) {
            const keys = (error as ConfigError).problems.map((problem) => problem.key);
            expect(keys).toEqual(expect.arrayContaining(["databricks-kedro-stack:gitUserName", "databricks-kedro-stack:gitUsername"]));
        }
    });
});

test("a plaintext secret is refused alike, the project's or a provider's, and never echoed", async () => {
    const { baseConfig, evaluate } = require("../harness") as typeof import("../harness");
    await expect(evaluate({ config: baseConfig("aws"), plaintextKeys: ["gitToken"] })).rejects.toThrow(/databricks-kedro-stack:gitToken is "\(plaintext\)"; allowed: a secret: stored encrypted/);
    const refused = evaluate({ config: baseConfig("aws"), providerConfig: { "github:token": "ghp_0123456789abcdefABCDEF" }, plaintextKeys: ["github:token"] });
    await expect(refused).rejects.toThrow(/github:token is "\(plaintext\)"[^]*Fix: pulumi config get github:token --stack dev \| pulumi config set --secret github:token --stack dev/);
    await expect(refused).rejects.not.toThrow(/ghp_0123456789abcdefABCDEF/);
});

describe("mistakes that used to pass without a word", () => {
    test("a non-LTS runtime's Python is known: kedro==0.18.7 on 15.3 (Python 3.11) is refused", () => {
        const problem = problemsOf(base({ sparkVersion: "15.3.x-scala2.12", kedroPackages: '["kedro==0.18.7"]' })).find((candidate) => candidate.key.endsWith(":kedroPackages"));
        expect(problem?.allowed).toContain("Python 3.11, which Databricks Runtime 15.3 ships");
    });

    test("a pin on a runtime newer than the table warns that it cannot be checked", () => {
        const { warnings } = validateStackConfig(base({ sparkVersion: "19.1.x-scala2.13", kedroPackages: '["kedro~=1.0"]' }), ctx());
        expect(warnings.join("\n")).toContain("kedroPackages cannot be checked against 19.1.x-scala2.13");
    });

    test("a time zone set without a schedule is said to be ignored", () => {
        const { warnings } = validateStackConfig(base({ job: "true", gitCommit: "a".repeat(40), jobTimezone: "Europe/Paris" }), ctx());
        expect(warnings.join("\n")).toContain("databricks-kedro-stack:jobTimezone is ignored: jobSchedule is not set");
    });

    test("a prod-named stack without protect is warned about, with or without a job", () => {
        const { warnings } = validateStackConfig(base(), ctx({ stack: "prod-eu" }));
        expect(warnings.join("\n")).toContain("Stack prod-eu is named for production but not protected");
        expect(validateStackConfig(base({ protect: "true" }), ctx({ stack: "prod-eu" })).warnings.join("\n")).not.toContain("named for production");
    });
});
