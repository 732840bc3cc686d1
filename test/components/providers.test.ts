/**
 * Every Databricks provider the stack builds names its auth type. Left unset,
 * the Databricks SDK also reads DATABRICKS_TOKEN, DATABRICKS_CLIENT_* and
 * GOOGLE_CREDENTIALS from the environment: it then refuses "more than one
 * authorization method configured", or on GCP uses the key and skips the
 * impersonation. With auth_type set, the SDK tries that method alone.
 */
import { ACCOUNT_ID, CLIENT_SECRET, baseConfig, evaluate } from "../harness";

const CREATE = {
    aws: {
        config: { workspace: "create", databricksAccountId: ACCOUNT_ID, databricksClientId: "sp-client-id", databricksClientSecret: CLIENT_SECRET, environmentUser: "alice@example.com" },
        providerConfig: { "aws:region": "eu-west-1" },
        authType: "oauth-m2m",
        providers: 2,
    },
    azure: { config: { workspace: "create" }, providerConfig: { "azure-native:location": "westeurope" }, authType: "azure-cli", providers: 1 },
    gcp: {
        config: { workspace: "create", databricksAccountId: ACCOUNT_ID },
        providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" },
        authType: "google-id",
        providers: 2,
    },
} as const;

// What a CI runner or a laptop may well have set: each alone is another auth method.
const CROWDED_ENVIRONMENT = {
    DATABRICKS_TOKEN: "dapi-from-the-environment",
    DATABRICKS_CLIENT_ID: "other-client",
    DATABRICKS_CLIENT_SECRET: "other-secret",
    GOOGLE_CREDENTIALS: '{"type":"service_account"}',
    ARM_CLIENT_SECRET: "arm-secret",
};

test.each(Object.entries(CREATE))("on %s, every Databricks provider the stack builds sets its auth type", async (cloud, expected) => {
    const { mocks } = await evaluate({
        config: baseConfig(cloud as keyof typeof CREATE, expected.config),
        providerConfig: expected.providerConfig,
        env: CROWDED_ENVIRONMENT,
    });
    const providers = mocks.ofType("pulumi:providers:databricks");
    expect(providers).toHaveLength(expected.providers);
    for (const provider of providers) expect(provider.inputs.authType).toBe(expected.authType);
});

test("on Azure, databricks:authType chooses how the workspace provider authenticates", async () => {
    const { mocks } = await evaluate({
        config: baseConfig("azure", CREATE.azure.config),
        providerConfig: { ...CREATE.azure.providerConfig, "databricks:authType": "github-oidc-azure" },
    });
    expect(mocks.one("pulumi:providers:databricks").inputs.authType).toBe("github-oidc-azure");
});

test("DATABRICKS_AUTH_TYPE stands in for databricks:authType", async () => {
    const { mocks } = await evaluate({ config: baseConfig("azure", CREATE.azure.config), providerConfig: CREATE.azure.providerConfig, env: { DATABRICKS_AUTH_TYPE: "azure-msi" } });
    expect(mocks.one("pulumi:providers:databricks").inputs.authType).toBe("azure-msi");
});

test("an auth type the stack's providers cannot use is refused before anything is declared", async () => {
    await expect(
        evaluate({ config: baseConfig("gcp", CREATE.gcp.config), providerConfig: { ...CREATE.gcp.providerConfig, "databricks:authType": "google-credentials" } }),
    ).rejects.toThrow(/databricks:authType is "google-credentials"; allowed: with workspace: create on GCP, google-id .*\n\s+Fix: pulumi config set databricks:authType google-id --stack dev/);
});
