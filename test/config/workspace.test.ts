import { ConfigError, type ConfigContext, type RawConfig, defaultWorkspaceName, isWorkspaceName, validateStackConfig } from "../../config";
import { ACCOUNT_ID, baseConfig, evaluate } from "../harness";

const ctx = (overrides: Partial<ConfigContext> = {}): ConfigContext => ({
    project: "databricks-kedro-stack",
    stack: "dev",
    hasGitToken: true,
    today: new Date("2026-11-24"),
    ...overrides,
});
const raw = (cloud: string, overrides: RawConfig = {}): RawConfig => ({
    cloud,
    gitUrl: "https://github.com/acme/iris.git",
    gitUsername: "alice",
    workspace: "create",
    ...overrides,
});
const problemsOf = (config: RawConfig, context: Partial<ConfigContext>) => {
    try {
        validateStackConfig(config, ctx(context));
    } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
    }
    return [];
};

test("existing is the default and needs nothing else", () => {
    const { settings } = validateStackConfig(raw("aws", { workspace: undefined }), ctx());
    expect(settings.workspace).toEqual({ mode: "existing" });
});

test.each([
    ["aws", { databricksAccountId: ACCOUNT_ID, databricksClientId: "sp", environmentUser: "alice@example.com" }, { hasClientSecret: true, providerConfig: { awsRegion: "eu-west-1" } }, { region: "eu-west-1" }],
    ["azure", {}, { providerConfig: { azureLocation: "westeurope" } }, { location: "westeurope" }],
    ["gcp", { databricksAccountId: ACCOUNT_ID }, { providerConfig: { gcpProject: "acme", gcpRegion: "europe-west1" } }, { project: "acme", region: "europe-west1" }],
] as const)("create on %s takes region, location and project from the provider's own config", (cloud, config, context, expected) => {
    const { settings } = validateStackConfig(raw(cloud, config), ctx(context));
    expect(settings.workspace).toMatchObject({ mode: "create", name: "databricks-kedro-stack-dev", ...expected });
});

describe("bad input", () => {
    test.each([
        ["workspace unknown", raw("aws", { workspace: "new" }), {}, "databricks-kedro-stack:workspace", /existing .* or create/, /pulumi config set workspace existing --stack dev/],
        ["AWS without account id", raw("aws", { databricksClientId: "sp" }), { hasClientSecret: true, providerConfig: { awsRegion: "eu-west-1" } }, "databricks-kedro-stack:databricksAccountId", /account id .*AWS; DATABRICKS_ACCOUNT_ID also works/, /pulumi config set databricksAccountId '<account-id>'/],
        ["GCP without account id", raw("gcp"), { providerConfig: { gcpProject: "p", gcpRegion: "r" } }, "databricks-kedro-stack:databricksAccountId", /GCP/, /databricksAccountId/],
        ["account id not a UUID", raw("gcp", { databricksAccountId: "12345" }), { providerConfig: { gcpProject: "p", gcpRegion: "r" } }, "databricks-kedro-stack:databricksAccountId", /UUID/, /databricksAccountId/],
        ["AWS without client id", raw("aws", { databricksAccountId: ACCOUNT_ID }), { hasClientSecret: true, providerConfig: { awsRegion: "eu-west-1" } }, "databricks-kedro-stack:databricksClientId", /account-admin service principal; DATABRICKS_CLIENT_ID also works/, /databricksClientId/],
        ["AWS without client secret", raw("aws", { databricksAccountId: ACCOUNT_ID, databricksClientId: "sp" }), { providerConfig: { awsRegion: "eu-west-1" } }, "databricks-kedro-stack:databricksClientSecret", /OAuth secret/, /pulumi config set --secret databricksClientSecret/],
        ["client secret in plaintext", raw("azure"), { plaintextSecrets: ["databricks-kedro-stack:databricksClientSecret"], providerConfig: { azureLocation: "westeurope" } }, "databricks-kedro-stack:databricksClientSecret", /a secret: stored encrypted/, /^pulumi config get databricksClientSecret --stack dev \| pulumi config set --secret databricksClientSecret --stack dev$/],
        ["create with databricks:host", raw("azure"), { databricksHost: "https://adb-1.2.azuredatabricks.net", databricksHostInConfig: true, providerConfig: { azureLocation: "westeurope" } }, "databricks:host", /no value with workspace: create/, /pulumi config rm databricks:host --stack dev/],
        ["AWS without aws:region", raw("aws", { databricksAccountId: ACCOUNT_ID, databricksClientId: "sp" }), { hasClientSecret: true }, "aws:region", /AWS region .*AWS_REGION also works/, /pulumi config set aws:region eu-west-1 --stack dev/],
        ["Azure without a location", raw("azure"), {}, "azure-native:location", /Azure location/, /pulumi config set azure-native:location westeurope --stack dev/],
        ["GCP without a project", raw("gcp", { databricksAccountId: ACCOUNT_ID }), { providerConfig: { gcpRegion: "europe-west1" } }, "gcp:project", /GCP project/, /pulumi config set gcp:project/],
        ["GCP without a region", raw("gcp", { databricksAccountId: ACCOUNT_ID }), { providerConfig: { gcpProject: "acme" } }, "gcp:region", /GCP region/, /pulumi config set gcp:region europe-west1/],
        ["a bad workspace name", raw("azure", { workspaceName: "my workspace" }), { providerConfig: { azureLocation: "westeurope" } }, "databricks-kedro-stack:workspaceName", /letters, digits and hyphens/, /workspaceName databricks-kedro-stack-dev/],
    ] as const)("%s", (_label, config, context, key, allowed, fix) => {
        const problem = problemsOf(config, context as Partial<ConfigContext>).find((candidate) => candidate.key === key);
        expect(problem).toBeDefined();
        expect(problem!.allowed).toMatch(allowed);
        expect(problem!.fix).toMatch(fix);
    });

    test("DATABRICKS_HOST in the environment does not conflict: it is not the stack's config", () => {
        const { settings } = validateStackConfig(raw("azure"), ctx({ databricksHost: "https://adb-1.2.azuredatabricks.net", databricksHostInConfig: false, providerConfig: { azureLocation: "westeurope" } }));
        expect(settings.workspace.mode).toBe("create");
    });
});

test("a plaintext databricksClientSecret in the stack file is refused before anything is declared", async () => {
    await expect(
        evaluate({
            config: baseConfig("azure", { workspace: "create", databricksClientSecret: "oops" }),
            providerConfig: { "azure-native:location": "westeurope" },
            plaintextKeys: ["databricksClientSecret"],
        }),
    ).rejects.toThrow(/databricks-kedro-stack:databricksClientSecret is "\(plaintext\)"; allowed: a secret: stored encrypted/);
});

test.each([
    ["databricks-kedro-stack", "dev", "databricks-kedro-stack-dev"],
    ["databricks-kedro-stack", "pr_12.x", "databricks-kedro-stack-pr-12-x"],
])("defaultWorkspaceName(%s, %s) is %s", (project, stack, expected) => {
    expect(defaultWorkspaceName(project, stack)).toBe(expected);
    expect(isWorkspaceName(expected)).toBe(true);
});
