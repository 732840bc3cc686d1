import { ACCOUNT_ID, baseConfig, evaluate, plain } from "../../harness";
import { cloudResourceTypes, expectWorkspaceLevelThroughNewProvider } from "../workspaceSuite";

const create = () =>
    evaluate({
        config: baseConfig("gcp", { workspace: "create", databricksAccountId: ACCOUNT_ID }),
        providerConfig: { "gcp:project": "acme-data", "gcp:region": "europe-west1" },
    });
const SA_EMAIL = "databricks-kedro-stack-dev-dbx@acme-data.iam.gserviceaccount.com";

describe("GCP workspace: create", () => {
    test("a workspace-creator service account with its roles, which the deployer may impersonate", async () => {
        const { mocks } = await create();
        expect(mocks.one("gcp:serviceaccount/account:Account").inputs).toMatchObject({ accountId: "databricks-kedro-stack-dev-dbx", project: "acme-data" });
        const roles = mocks.ofType("gcp:projects/iAMMember:IAMMember").map((binding) => binding.inputs);
        expect(roles.map((binding) => binding.role).sort()).toEqual(["roles/editor", "roles/iam.roleAdmin", "roles/iam.securityAdmin"]);
        expect(roles.every((binding) => binding.member === `serviceAccount:${SA_EMAIL}` && binding.project === "acme-data")).toBe(true);
        expect(mocks.one("gcp:serviceaccount/iAMMember:IAMMember").inputs).toMatchObject({
            role: "roles/iam.serviceAccountTokenCreator",
            member: "user:alice@example.com",
        });
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
