import { WORKSPACE_CREATOR_PERMISSIONS } from "../../../components/gcp/workspace";
import { GCP_IAM_PROPAGATION_SECONDS } from "../../../lib/iamPropagation";
import { ACCOUNT_ID, baseConfig, evaluate, plain } from "../../harness";
import { cloudResourceTypes, expectWorkspaceLevelThroughNewProvider } from "../workspaceSuite";

const create = (overrides: Record<string, string> = {}) =>
    evaluate({
        config: baseConfig("gcp", { workspace: "create", databricksAccountId: ACCOUNT_ID, ...overrides }),
        providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" },
    });
const DELAY = "pulumi-nodejs:dynamic:Resource";
const SA_EMAIL = "databricks-kedro-stack-dev-dbx@acme-data.iam.gserviceaccount.com";

describe("GCP workspace: create", () => {
    test("a workspace-creator service account with Databricks' documented custom role, not roles/editor, which the deployer may impersonate", async () => {
        const { mocks } = await create();
        expect(mocks.one("gcp:serviceaccount/account:Account").inputs).toMatchObject({ accountId: "databricks-kedro-stack-dev-dbx", project: "acme-data" });
        const role = mocks.one("gcp:projects/iAMCustomRole:IAMCustomRole").inputs;
        expect(role).toMatchObject({ project: "acme-data", roleId: "databricksWorkspaceCreator_databricks_kedro_stack_dev" });
        expect(role.permissions).toEqual([...WORKSPACE_CREATOR_PERMISSIONS]);
        expect(role.permissions).toEqual(expect.arrayContaining(["iam.roles.create", "resourcemanager.projects.setIamPolicy", "serviceusage.services.enable", "compute.networks.updatePolicy"]));
        const bindings = mocks.ofType("gcp:projects/iAMMember:IAMMember").map((binding) => binding.inputs);
        expect(bindings).toEqual([expect.objectContaining({ project: "acme-data", role: "projects/acme-data/roles/databricksWorkspaceCreator_databricks_kedro_stack_dev", member: `serviceAccount:${SA_EMAIL}` })]);
        expect(JSON.stringify(bindings)).not.toMatch(/roles\/(editor|owner|iam\.roleAdmin|iam\.securityAdmin)/);
        expect(mocks.one("gcp:serviceaccount/iAMMember:IAMMember").inputs).toMatchObject({
            role: "roles/iam.serviceAccountTokenCreator",
            member: "user:alice@example.com",
        });
    });

    test("the account provider impersonates the new service account only after an IAM propagation wait that the bindings trigger", async () => {
        const { mocks } = await create();
        const delay = mocks.one(DELAY);
        expect(delay.inputs).toMatchObject({ seconds: GCP_IAM_PROPAGATION_SECONDS });
        expect(delay.inputs.triggers).toHaveLength(3);
        expect(delay.inputs.triggers[0]).toBe(SA_EMAIL);
        // The account provider is registered after the delay: it depends on it.
        const order = mocks.resources.map((resource) => resource.type === DELAY ? "delay" : resource.inputs.host === "https://accounts.gcp.databricks.com" ? "account" : "").filter(Boolean);
        expect(order).toEqual(["delay", "account"]);
    });

    test("databricksGoogleServiceAccount: an existing account admin is impersonated, and the stack creates nothing on the Google side", async () => {
        const existing = "dbx-admin@acme-data.iam.gserviceaccount.com";
        const { mocks } = await create({ databricksGoogleServiceAccount: existing });
        expect(mocks.resources.filter((resource) => resource.type.startsWith("gcp:") || resource.type === DELAY)).toEqual([]);
        for (const provider of mocks.ofType("pulumi:providers:databricks")) expect(plain(provider.inputs).googleServiceAccount).toBe(existing);
        expect(mocks.one("databricks:index/mwsWorkspaces:MwsWorkspaces")).toBeDefined();
    });

    test("databricksGoogleServiceAccount must be a service account e-mail, and only on GCP", async () => {
        await expect(create({ databricksGoogleServiceAccount: "alice@example.com" })).rejects.toThrow(/databricksGoogleServiceAccount is "alice@example.com"; allowed: a Google service account e-mail/);
        await expect(
            evaluate({ config: baseConfig("azure", { workspace: "create", databricksGoogleServiceAccount: "a@b.iam.gserviceaccount.com" }), providerConfig: { "azure-native:location": "westeurope" } }),
        ).rejects.toThrow(/no value unless cloud is gcp/);
    });

    test("the workspace is created through an account provider that impersonates the service account", async () => {
        const { mocks } = await create();
        const workspace = mocks.one("databricks:index/mwsWorkspaces:MwsWorkspaces");
        expect(plain(workspace.inputs)).toMatchObject({
            accountId: ACCOUNT_ID,
            workspaceName: "databricks-kedro-stack-dev",
            location: "europe-west1",
            cloudResourceContainer: { gcp: { projectId: "acme-data" } },
        });
        expect(plain(mocks.providerOf(workspace)!.inputs)).toMatchObject({ host: "https://accounts.gcp.databricks.com", accountId: ACCOUNT_ID, googleServiceAccount: SA_EMAIL });
    });

    test("the cluster, credential, repo, notebook and current user use the new workspace's provider", async () => {
        const evaluation = await create();
        expect(evaluation.outputs.workspaceUrl).toMatch(/^https:\/\/\d+\.1\.gcp\.databricks\.com$/);
        const provider = expectWorkspaceLevelThroughNewProvider(evaluation, evaluation.outputs.workspaceUrl);
        expect(provider.inputs.googleServiceAccount).toBe(SA_EMAIL);
    });

    test("existing mode registers no cloud resources at all", async () => {
        const { mocks } = await evaluate({ config: baseConfig("gcp"), providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" } });
        expect(cloudResourceTypes(mocks)).toEqual([]);
    });
});
