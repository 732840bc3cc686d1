import { baseConfig, evaluate, plain } from "../../harness";
import { cloudResourceTypes, expectWorkspaceLevelThroughNewProvider } from "../workspaceSuite";

const create = () => evaluate({ config: baseConfig("azure", { workspace: "create" }), providerConfig: { "azure-native:location": "westeurope" } });

describe("Azure workspace: create", () => {
    test("a resource group in azure-native:location", async () => {
        const { mocks } = await create();
        expect(mocks.one("azure-native:resources:ResourceGroup").inputs).toMatchObject({ resourceGroupName: "rg-databricks-kedro-stack-dev", location: "westeurope" });
    });

    test("a Premium workspace with a managed resource group and no public IPs", async () => {
        const { mocks } = await create();
        const workspace = plain(mocks.one("azure-native:databricks:Workspace").inputs);
        expect(workspace).toMatchObject({
            workspaceName: "databricks-kedro-stack-dev",
            resourceGroupName: "rg-databricks-kedro-stack-dev",
            location: "westeurope",
            sku: { name: "premium" },
            computeMode: "Hybrid",
            managedResourceGroupId: "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-databricks-kedro-stack-dev-managed",
            parameters: { enableNoPublicIp: { value: true } },
        });
    });

    test("the workspace provider authenticates by the workspace's Azure resource id", async () => {
        const evaluation = await create();
        expect(evaluation.outputs.workspaceUrl).toMatch(/^https:\/\/adb-\d+\.7\.azuredatabricks\.net$/);
        const provider = expectWorkspaceLevelThroughNewProvider(evaluation, evaluation.outputs.workspaceUrl);
        expect(provider.inputs.azureWorkspaceResourceId).toMatch(/\/providers\/Microsoft\.Databricks\/workspaces\/databricks-kedro-stack-dev$/);
        // Azure needs no Databricks account id: no account-level resources.
        expect(evaluation.mocks.resources.filter((resource) => resource.type.startsWith("databricks:index/mws"))).toEqual([]);
    });

    test("existing mode registers no cloud resources at all", async () => {
        const { mocks } = await evaluate({ config: baseConfig("azure"), providerConfig: { "azure-native:location": "westeurope" } });
        expect(cloudResourceTypes(mocks)).toEqual([]);
    });
});
