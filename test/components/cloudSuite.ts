/** The checks every cloud's component must pass, with that cloud's expected values. */
import type { Cloud } from "../../config";
import { TYPES, WORKSPACES, baseConfig, evaluate } from "../harness";

export interface CloudExpectations {
    cloud: Cloud;
    componentType: string;
    nodeType: string;
    attributesArg: "awsAttributes" | "azureAttributes" | "gcpAttributes";
    spot: Record<string, unknown>;
    onDemand: Record<string, unknown>;
    otherCloudNodeType: string;
}

export function describeCloudComponent(expected: CloudExpectations): void {
    const otherArgs = (["awsAttributes", "azureAttributes", "gcpAttributes"] as const).filter((arg) => arg !== expected.attributesArg);

    test("is a typed component wrapping the cloud-neutral core", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud) });
        expect(mocks.resources[0]).toMatchObject({ type: expected.componentType, name: "kedro", custom: false });
        expect(mocks.one("databricks-kedro-stack:index:KedroEnvironment").name).toBe("kedro");
    });

    test("declares the tutorial's cluster: runtime 11.3 LTS, one spot worker, 30 minutes", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud) });
        const cluster = mocks.one(TYPES.cluster).inputs;
        expect(cluster).toMatchObject({
            clusterName: "kedro-iris-databricks-dev",
            sparkVersion: "11.3.x-scala2.12",
            nodeTypeId: expected.nodeType,
            driverNodeTypeId: expected.nodeType,
            numWorkers: 1,
            autoterminationMinutes: 30,
            dataSecurityMode: "SINGLE_USER",
        });
        expect(cluster.autoscale).toBeUndefined();
        expect(cluster[expected.attributesArg]).toEqual(expected.spot);
        for (const arg of otherArgs) expect(cluster[arg]).toBeUndefined();
        expect(cluster.customTags).toMatchObject({ project: "databricks-kedro-stack", stack: "dev", "managed-by": "pulumi" });
    });

    test("spot: false sets on-demand explicitly", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud, { spot: "false" }) });
        expect(mocks.one(TYPES.cluster).inputs[expected.attributesArg]).toEqual(expected.onDemand);
    });

    test("declares one credential, one repo and one notebook", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud) });
        for (const type of [TYPES.cluster, TYPES.gitCredential, TYPES.repo, TYPES.notebook]) expect(mocks.ofType(type)).toHaveLength(1);
    });

    test("exports links straight into the workspace", async () => {
        const { outputs, environment } = await evaluate({ config: baseConfig(expected.cloud) });
        const workspace = WORKSPACES[expected.cloud];
        expect(outputs.workspaceUrl).toBe(workspace);
        expect(outputs.clusterUrl).toBe(`${workspace}/#setting/clusters/${outputs.clusterId}/configuration`);
        expect(outputs.repoPath).toBe("/Repos/alice@example.com/iris-databricks-dev");
        expect(outputs.projectRoot).toBe("/Workspace/Repos/alice@example.com/iris-databricks-dev");
        expect(outputs.notebookPath).toBe("/Users/alice@example.com/iris-databricks-dev-run");
        expect(outputs.notebookUrl).toBe(`${workspace}/#workspace/Users/alice@example.com/iris-databricks-dev-run`);
        expect(Object.keys(environment.outputs()).sort()).toEqual(
            ["clusterId", "clusterUrl", "notebookPath", "notebookUrl", "projectRoot", "repoCommit", "repoPath", "workspaceUrl"],
        );
    });

    test("refuses another cloud's node type before declaring anything", async () => {
        await expect(evaluate({ config: baseConfig(expected.cloud, { nodeType: expected.otherCloudNodeType }) })).rejects.toThrow(
            new RegExp(`databricks-kedro-stack:nodeType is "${expected.otherCloudNodeType}"`),
        );
    });
}
