/** The checks every cloud's component must pass, with that cloud's expected values. */
import type { Cloud } from "../../config";
import { TYPES, WORKSPACES, baseConfig, evaluate } from "../harness";

export interface CloudExpectations {
    cloud: Cloud;
    nodeType: string;
    cloudAttributesArg: "awsAttributes" | "azureAttributes" | "gcpAttributes";
    spot: Record<string, unknown>;
    onDemand: Record<string, unknown>;
    otherCloudNodeType: string;
}

export function describeCloudComponent(expected: CloudExpectations): void {
    const otherArgs = (["awsAttributes", "azureAttributes", "gcpAttributes"] as const).filter((arg) => arg !== expected.cloudAttributesArg);

    test("is a typed component wrapping the cloud-neutral core", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud) });
        expect(mocks.resources[0]).toMatchObject({ type: "databricks-kedro-stack:index:DatabricksKedroEnvironment", name: "kedro", custom: false });
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
        expect(cluster[expected.cloudAttributesArg]).toEqual(expected.spot);
        for (const arg of otherArgs) expect(cluster[arg]).toBeUndefined();
        expect(cluster.customTags).toMatchObject({ project: "databricks-kedro-stack", stack: "dev", "managed-by": "pulumi" });
    });

    test("spot: false sets on-demand explicitly", async () => {
        const { mocks } = await evaluate({ config: baseConfig(expected.cloud, { spot: "false" }) });
        expect(mocks.one(TYPES.cluster).inputs[expected.cloudAttributesArg]).toEqual(expected.onDemand);
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
            ["clusterId", "clusterUrl", "dataVolumePath", "jobId", "jobUrl", "notebookPath", "notebookUrl", "projectRoot", "repoCommit", "repoPath", "workspaceUrl"],
        );
    });

    describe("job: true", () => {
        const SHA = "c0ffee0000000000000000000000000000000001";
        const jobConfig = (overrides: Record<string, string> = {}) => baseConfig(expected.cloud, { job: "true", gitCommit: SHA, ...overrides });

        test("declares one job, on a job cluster with the cloud's spot attributes, never on the interactive cluster", async () => {
            const { mocks } = await evaluate({ config: jobConfig() });
            const job = mocks.one(TYPES.job).inputs;
            expect(job.existingClusterId).toBeUndefined();
            expect(job.tasks).toHaveLength(1);
            expect(job.tasks[0].existingClusterId).toBeUndefined();
            expect(job.tasks[0].jobClusterKey).toBe(job.jobClusters[0].jobClusterKey);
            const cluster = job.jobClusters[0].newCluster;
            expect(cluster).toMatchObject({ sparkVersion: "11.3.x-scala2.12", nodeTypeId: expected.nodeType, driverNodeTypeId: expected.nodeType, numWorkers: 1 });
            // Spot workers, the driver on-demand (firstOnDemand 1), and the cloud's disks.
            expect(cluster[expected.cloudAttributesArg]).toEqual(expected.spot);
            for (const arg of otherArgs) expect(cluster[arg]).toBeUndefined();
            expect(cluster.autoterminationMinutes).toBeUndefined();
        });

        test("spot: false puts the job cluster on-demand too", async () => {
            const { mocks } = await evaluate({ config: jobConfig({ spot: "false" }) });
            expect(mocks.one(TYPES.job).inputs.jobClusters[0].newCluster[expected.cloudAttributesArg]).toEqual(expected.onDemand);
        });

        test("the outputs link to the job in the workspace", async () => {
            const { outputs } = await evaluate({ config: jobConfig() });
            expect(outputs.jobId).toBeTruthy();
            expect(outputs.jobUrl).toBe(`${WORKSPACES[expected.cloud]}/#job/${outputs.jobId}`);
        });
    });

    test("refuses another cloud's node type before declaring anything", async () => {
        await expect(evaluate({ config: baseConfig(expected.cloud, { nodeType: expected.otherCloudNodeType }) })).rejects.toThrow(
            new RegExp(`databricks-kedro-stack:nodeType is "${expected.otherCloudNodeType}"`),
        );
    });
}
