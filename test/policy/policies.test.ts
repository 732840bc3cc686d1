import type { Policy, ResourceValidationPolicy } from "@pulumi/policy";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import {
    accessMode,
    awsClusterDisk,
    azureNoPublicIp,
    clustersOf,
    githubRepositorySafe,
    jobClusters,
    maxAutotermination,
    maxWorkers,
    nodeTypes,
    policies,
    s3RootBucketSecure,
    setPolicyClock,
    spotWorkers,
    supportedRuntime,
} from "../../policy/policies";
import { evaluatePolicies } from "../../plan/policies";
import { AWS_EBS_VOLUMES, CLOUD_PROFILES } from "../../lib/clouds";

setPolicyClock(() => new Date("2026-11-24T00:00:00Z"));

const CLUSTER = "databricks:index/cluster:Cluster";
const goodCluster = {
    clusterName: "kedro-iris-dev",
    sparkVersion: "15.4.x-scala2.12",
    nodeTypeId: "m4.large",
    driverNodeTypeId: "m4.large",
    numWorkers: 1,
    autoterminationMinutes: 30,
    dataSecurityMode: "SINGLE_USER",
    awsAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto", ...AWS_EBS_VOLUMES },
};

/** One resource through @pulumi/policy's own analyze handler, serialized as the engine sends it; the messages reported. */
async function check(policy: Policy, type: string, props: Record<string, unknown>, stack = "dev"): Promise<string[]> {
    const [verdict] = await evaluatePolicies([{ type, name: "x", urn: `urn:pulumi:${stack}::databricks-kedro-stack::${type}::x`, props }], [policy]);
    return verdict.violations.map((violation) => violation.message);
}

test("every policy has a name, a description and an enforcement level, and the array holds them all once", () => {
    expect(policies).toHaveLength(12);
    expect(new Set(policies.map((policy) => policy.name)).size).toBe(12);
    for (const policy of policies) {
        expect(policy.description.length).toBeGreaterThan(10);
        expect(["advisory", "mandatory"]).toContain(policy.enforcementLevel);
    }
});

describe.each<[string, ResourceValidationPolicy, string, Record<string, unknown>, Record<string, unknown>, RegExp]>([
    ["max-autotermination: 0", maxAutotermination, CLUSTER, goodCluster, { autoterminationMinutes: 0 }, /autoterminationMinutes is 0: the cluster would never stop\. Set 10 to 60/],
    ["max-autotermination: 600", maxAutotermination, CLUSTER, goodCluster, { autoterminationMinutes: 600 }, /autoterminationMinutes is 600, above the maximum of 60/],
    ["spot-workers", spotWorkers, CLUSTER, goodCluster, { awsAttributes: { availability: "ON_DEMAND" } }, /workers run ON_DEMAND, not spot or preemptible; stack "dev" is not in allowOnDemandStacks \(prod\)/],
    ["max-workers: count", maxWorkers, CLUSTER, goodCluster, { numWorkers: 8 }, /numWorkers is 8, above the maximum of 4/],
    ["max-workers: unbounded autoscale", maxWorkers, CLUSTER, goodCluster, { numWorkers: undefined, autoscale: { minWorkers: 1 } }, /autoscale has no maxWorkers/],
    ["access-mode", accessMode, CLUSTER, goodCluster, { dataSecurityMode: "USER_ISOLATION" }, /dataSecurityMode is USER_ISOLATION; allowed: SINGLE_USER or NONE/],
    ["node-types: Azure node on AWS", nodeTypes, CLUSTER, goodCluster, { nodeTypeId: "Standard_DS3_v2" }, /nodeTypeId Standard_DS3_v2 is not in the aws allow-list/],
    ["supported-runtime", supportedRuntime, CLUSTER, goodCluster, { sparkVersion: "11.3.x-scala2.12" }, /11\.3 LTS .*end of support/],
    ["aws-cluster-disk: m4.large without EBS", awsClusterDisk, CLUSTER, goodCluster, { awsAttributes: { availability: "SPOT_WITH_FALLBACK" } }, /m4\.large has no instance store, and awsAttributes\.ebsVolumeCount is unset/],
    ["github-repository-safe: public", githubRepositorySafe, "github:index/repository:Repository", { visibility: "private", archiveOnDestroy: true }, { visibility: "public" }, /visibility is public and private is unset; the repository must be private/],
    ["github-repository-safe: deleted on destroy", githubRepositorySafe, "github:index/repository:Repository", { visibility: "private", archiveOnDestroy: true }, { archiveOnDestroy: false }, /would delete the repository/],
    ["azure-no-public-ip", azureNoPublicIp, "azure-native:databricks:Workspace", { parameters: { enableNoPublicIp: { value: true } } }, { parameters: {} }, /enableNoPublicIp is not true/],
])("%s", (_label, policy, type, passing, change, message) => {
    test("passes a compliant resource", async () => {
        expect(await check(policy, type, passing)).toEqual([]);
    });
    test("reports the violation", async () => {
        const violations = await check(policy, type, { ...passing, ...change });
        expect(violations).toHaveLength(1);
        expect(violations[0]).toMatch(message);
    });
});

test("a validation policy sees a secret unwrapped, as the engine hands it: secrecy cannot be checked there", async () => {
    // What the SDK sends for pulumi.secret("t"), and what the analyzer makes of it.
    const seen: unknown[] = [];
    const probe: ResourceValidationPolicy = { name: "probe", description: "records props", enforcementLevel: "advisory", validateResource: (args) => void seen.push(args.props.personalAccessToken) };
    await check(probe, "databricks:index/gitCredential:GitCredential", { personalAccessToken: { [specialSigKey]: specialSecretSig, value: "t" } });
    expect(seen).toEqual(["t"]);
    expect(policies.map((policy) => policy.name)).not.toContain("git-token-secret");
});

test("aws-cluster-disk accepts local NVMe disks and elastic disk instead of EBS", async () => {
    const local = { ...goodCluster, nodeTypeId: "m5d.large", driverNodeTypeId: "m5d.large", awsAttributes: { availability: "SPOT_WITH_FALLBACK" } };
    expect(await check(awsClusterDisk, CLUSTER, local)).toEqual([]);
    expect(await check(awsClusterDisk, CLUSTER, { ...goodCluster, awsAttributes: { availability: "SPOT_WITH_FALLBACK" }, enableElasticDisk: true })).toEqual([]);
    expect(await check(awsClusterDisk, CLUSTER, { ...local, driverNodeTypeId: "m5.large" })).toEqual([expect.stringContaining("m5.large has no instance store")]);
});

test("spot-workers allows an allow-listed stack and a single-node cluster", async () => {
    const onDemand = { ...goodCluster, awsAttributes: { availability: "ON_DEMAND" } };
    expect(await check(spotWorkers, CLUSTER, onDemand, "prod")).toEqual([]);
    expect(await check(spotWorkers, CLUSTER, { ...onDemand, numWorkers: 0 }, "dev")).toEqual([]);
});

test.each(["aws", "azure", "gcp"] as const)("on %s, the cluster is judged by its own cloud's attributes and allow-list", async (cloud) => {
    const profile = CLOUD_PROFILES[cloud];
    const cluster = { ...goodCluster, awsAttributes: undefined, nodeTypeId: profile.defaultNodeType, driverNodeTypeId: profile.defaultNodeType };
    const withAvailability = (attributes: object) => ({ ...cluster, [profile.cloudAttributesArg]: attributes });
    expect(await check(nodeTypes, CLUSTER, withAvailability(profile.spotAttributes))).toEqual([]);
    expect(await check(spotWorkers, CLUSTER, withAvailability(profile.spotAttributes))).toEqual([]);
    expect(await check(spotWorkers, CLUSTER, withAvailability(profile.onDemandAttributes))).toEqual([
        expect.stringContaining(`workers run ${profile.onDemandAttributes.availability}, not spot or preemptible`),
    ]);
    expect(await check(nodeTypes, CLUSTER, cluster)).toEqual([expect.stringContaining("has no awsAttributes, azureAttributes or gcpAttributes")]);
});

test("policies ignore other resource types", async () => {
    expect(await check(maxAutotermination, "databricks:index/repo:Repo", { autoterminationMinutes: 0 })).toEqual([]);
});

describe("s3-root-bucket-secure", () => {
    const bucket = { type: "aws:s3/bucket:Bucket", name: "root", urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::root", props: { bucket: "root-123" } };
    const block = (flags: Record<string, boolean>) => ({ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "pab", urn: "urn:b", props: { bucket: "root-123", ...flags } });
    const encryption = { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "enc", urn: "urn:e", props: { bucket: "root-123", rules: [] } };
    const all = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    const run = async (resources: Array<{ type: string; name: string; urn: string; props: Record<string, unknown> }>) =>
        (await evaluatePolicies(resources, [s3RootBucketSecure]))[0].violations.map((violation) => violation.message);

    test("passes a blocked, encrypted bucket", async () => expect(await run([bucket, block(all), encryption])).toEqual([]));
    test("reports a missing block and missing encryption", async () => {
        expect(await run([bucket])).toEqual(["bucket root has no public access block.", "bucket root has no server-side encryption configuration."]);
    });
    test("reports flags left off", async () => expect(await run([bucket, block({ ...all, restrictPublicBuckets: false }), encryption])).toEqual(["bucket root's public access block pab leaves restrictPublicBuckets off."]));
});

describe("no bypass", () => {
    const withAttributes = (attributes: object, extra: object = {}) => ({ ...goodCluster, awsAttributes: { ...goodCluster.awsAttributes, ...attributes }, ...extra });

    test("spot availability with firstOnDemand above 1 puts workers on-demand: refused", async () => {
        expect(await check(spotWorkers, CLUSTER, withAttributes({ firstOnDemand: 100 }))).toEqual([expect.stringMatching(/^firstOnDemand is 100: the first 99 worker\(s\) run on-demand/)]);
        expect(await check(spotWorkers, CLUSTER, withAttributes({ firstOnDemand: 1 }))).toEqual([]);
        expect(await check(spotWorkers, CLUSTER, withAttributes({ firstOnDemand: 100 }), "prod")).toEqual([]);
    });

    test("numWorkers 0 with an on-demand autoscale range is not single-node: refused", async () => {
        const cluster = { ...goodCluster, numWorkers: 0, autoscale: { minWorkers: 1, maxWorkers: 4 }, awsAttributes: { availability: "ON_DEMAND" } };
        expect(await check(spotWorkers, CLUSTER, cluster)).toEqual([expect.stringContaining("workers run ON_DEMAND")]);
    });

    test("a pool-based cluster, whose node type the policy cannot see, is refused", async () => {
        expect(await check(nodeTypes, CLUSTER, { ...goodCluster, nodeTypeId: undefined, driverNodeTypeId: undefined, instancePoolId: "pool-1" })).toEqual([
            expect.stringContaining("instancePoolId is set: the pool decides the node type"),
        ]);
    });

    test("visibility public with private true is public: refused", async () => {
        expect(await check(githubRepositorySafe, "github:index/repository:Repository", { visibility: "public", private: true, archiveOnDestroy: true })).toEqual([
            expect.stringContaining("visibility is public and private is true"),
        ]);
        expect(await check(githubRepositorySafe, "github:index/repository:Repository", { private: false, archiveOnDestroy: true })).toHaveLength(1);
        expect(await check(githubRepositorySafe, "github:index/repository:Repository", { private: true, archiveOnDestroy: true })).toEqual([]);
    });

    test("the classic azure provider's workspace is checked too", async () => {
        const type = "azure:databricks/workspace:Workspace";
        expect(await check(azureNoPublicIp, type, { customParameters: { noPublicIp: false } })).toEqual([expect.stringContaining("customParameters.noPublicIp is not true")]);
        expect(await check(azureNoPublicIp, type, { customParameters: { noPublicIp: true } })).toEqual([]);
    });

    test("a runtime missing from the LTS table is not taken as supported", async () => {
        expect(await check(supportedRuntime, CLUSTER, { ...goodCluster, sparkVersion: "15.3.x-scala2.12" })).toEqual([expect.stringContaining("15.3.x-scala2.12 is not a known LTS runtime")]);
    });

    describe("s3-root-bucket-secure", () => {
        const all = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
        const resource = (type: string, name: string, props: Record<string, unknown>) => ({ type, name, urn: `urn:pulumi:dev::p::${type}::${name}`, props });
        const run = async (resources: ReturnType<typeof resource>[]) => (await evaluatePolicies(resources, [s3RootBucketSecure]))[0].violations.map((violation) => violation.message);
        const block = (name: string, flags: object) => resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, { bucket: "root-1", ...flags });

        test("BucketV2 buckets and V2 encryption count", async () => {
            expect(await run([resource("aws:s3/bucketV2:BucketV2", "v2", { bucket: "root-1" })])).toEqual([
                "bucket v2 has no public access block.",
                "bucket v2 has no server-side encryption configuration.",
            ]);
            const encryption = resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "enc", { bucket: "root-1" });
            expect(await run([resource("aws:s3/bucketV2:BucketV2", "v2", { bucket: "root-1" }), block("pab", all), encryption])).toEqual([]);
        });

        test("a second, open public access block is caught", async () => {
            const encryption = resource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "enc", { bucket: "root-1" });
            const open = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };
            expect(await run([resource("aws:s3/bucket:Bucket", "root", { bucket: "root-1" }), block("pab", all), block("pab-open", open), encryption])).toEqual([
                "bucket root's public access block pab-open leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off.",
            ]);
        });
    });
});

describe("job clusters are held to the cluster rules", () => {
    const { TYPES: HARNESS_TYPES, baseConfig, evaluate } = require("../harness") as typeof import("../harness");
    const JOB = "databricks:index/job:Job";
    const SHA = "c0ffee0000000000000000000000000000000001";

    /** The program's own job, as the mocks recorded it, with its cluster changed. */
    async function programJob(config: Record<string, string>, change: (newCluster: any) => void = () => undefined) {
        const { mocks } = await evaluate({ config: baseConfig("aws", { job: "true", gitCommit: SHA, sparkVersion: "15.4.x-scala2.12", ...config }) });
        const props = JSON.parse(JSON.stringify(mocks.one(HARNESS_TYPES.job).inputs));
        change(props.jobClusters[0].newCluster);
        return props;
    }
    const messages = async (props: Record<string, unknown>, stack = "dev") =>
        (await evaluatePolicies([{ type: JOB, name: "kedro-job", urn: `urn:pulumi:${stack}::databricks-kedro-stack::${JOB}::kedro-job`, props }], policies)).flatMap((verdict) =>
            verdict.violations.map((violation) => `${verdict.policy}: ${violation.message}`),
        );

    test("the program's job passes every policy", async () => {
        expect(await messages(await programJob({}))).toEqual([]);
    });

    test.each<[string, (cluster: any) => void, RegExp]>([
        ["on-demand workers on dev", (cluster) => (cluster.awsAttributes = { ...cluster.awsAttributes, availability: "ON_DEMAND" }), /^spot-workers: job cluster kedro_job_cluster: workers run ON_DEMAND/],
        ["too many workers", (cluster) => (cluster.numWorkers = 9), /^max-workers: job cluster kedro_job_cluster: numWorkers is 9/],
        ["a node type off the list", (cluster) => (cluster.nodeTypeId = "p4d.24xlarge"), /^node-types: job cluster kedro_job_cluster: nodeTypeId p4d\.24xlarge is not in the aws allow-list/],
        ["shared access mode", (cluster) => (cluster.dataSecurityMode = "USER_ISOLATION"), /^access-mode: job cluster kedro_job_cluster: dataSecurityMode is USER_ISOLATION/],
        ["an old runtime", (cluster) => (cluster.sparkVersion = "11.3.x-scala2.12"), /^supported-runtime: job cluster kedro_job_cluster: .*11\.3 LTS/],
        ["no EBS on m4.large", (cluster) => (cluster.awsAttributes = { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1 }), /^aws-cluster-disk: job cluster kedro_job_cluster: m4\.large has no instance store/],
    ])("%s is reported, naming the job cluster", async (_name, change, message) => {
        const violations = await messages(await programJob({}, change));
        expect(violations).toEqual([expect.stringMatching(message)]);
    });

    test("prod may run its job cluster on-demand, as its interactive cluster", async () => {
        expect(await messages(await programJob({ spot: "false", protect: "true" }), "prod")).toEqual([]);
    });

    test("a task on the interactive cluster, an undeclared job cluster, or one fallen to serverless beside job clusters is refused", async () => {
        const check = (props: Record<string, unknown>) => messages(props).then((found) => found.filter((line) => line.startsWith("job-clusters")));
        expect(await check({ existingClusterId: "0101-abc", tasks: [] })).toEqual([expect.stringContaining("existingClusterId is set")]);
        expect(await check({ tasks: [{ taskKey: "run", existingClusterId: "0101-abc" }] })).toEqual([expect.stringContaining("task run runs on the existing cluster 0101-abc")]);
        expect(await check({ jobClusters: [], tasks: [{ taskKey: "run", jobClusterKey: "gone" }] })).toEqual([expect.stringContaining("names the job cluster gone, which jobClusters does not declare")]);
        const declared = [{ jobClusterKey: "kedro_job_cluster", newCluster: { numWorkers: 1 } }];
        expect(await check({ jobClusters: declared, tasks: [{ taskKey: "run", notebookTask: { notebookPath: "/n" } }] })).toEqual([
            expect.stringContaining("task run has no cluster, so it would run on serverless compute while the job declares clusters"),
        ]);
        expect(jobClusters.enforcementLevel).toBe("mandatory");
    });

    test("a job that declares no cluster at all runs its notebook tasks on serverless compute (compute: serverless)", async () => {
        const check = (props: Record<string, unknown>) => messages(props).then((found) => found.filter((line) => line.startsWith("job-clusters")));
        expect(await check({ tasks: [{ taskKey: "run", notebookTask: { notebookPath: "/n" } }] })).toEqual([]);
        // A script task needs a serverless environment, which the stack never declares: still a slip.
        expect(await check({ tasks: [{ taskKey: "run", sparkPythonTask: { pythonFile: "/f.py" } }] })).toEqual([expect.stringContaining("task run has no cluster")]);
    });

    test("clustersOf finds job clusters, task clusters and a job-level cluster; the interactive cluster's autotermination rule stays its own", async () => {
        const found = clustersOf(JOB, { jobClusters: [{ jobClusterKey: "a", newCluster: { numWorkers: 1 } }], tasks: [{ taskKey: "t", newCluster: { numWorkers: 2 } }], newCluster: { numWorkers: 3 } });
        expect(found.map((cluster) => [cluster.label, cluster.props.numWorkers])).toEqual([["job cluster a: ", 1], ["task t: ", 2], ["job: ", 3]]);
        expect(await check(maxAutotermination, JOB, { jobClusters: [{ jobClusterKey: "a", newCluster: { autoterminationMinutes: 0 } }] })).toEqual([]);
    });
});
