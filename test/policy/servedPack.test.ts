/**
 * The policy pack as the engine meets it: started by Pulumi's own
 * run-policy-pack entry point from the pack's folder (PulumiPolicy.yaml,
 * dependencies from the project's node_modules, type-checked on start), then
 * called over gRPC on loopback with the engine's requests: configure, then
 * analyze per resource and analyzeStack. The in-process path the offline plan
 * uses must give the same verdicts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { AWS_EBS_VOLUMES } from "../../lib/clouds";
import { type PolicyResource, analyzeRequest, analyzeStackRequest, diagnosticsOf, evaluatePolicies } from "../../plan/policies";

const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

const ROOT = join(__dirname, "..", "..");
const CLUSTER = "databricks:index/cluster:Cluster";
const urn = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::databricks-kedro-stack::${type}::${name}`;

const cluster = (stack: string, overrides: Record<string, unknown> = {}): PolicyResource => ({
    type: CLUSTER,
    name: "kedro-cluster",
    urn: urn(stack, CLUSTER, "kedro-cluster"),
    props: {
        clusterName: "kedro-iris-dev",
        sparkVersion: "15.4.x-scala2.12",
        nodeTypeId: "m4.large",
        driverNodeTypeId: "m4.large",
        numWorkers: 1,
        autoterminationMinutes: 45,
        dataSecurityMode: "SINGLE_USER",
        awsAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto", ...AWS_EBS_VOLUMES },
        ...overrides,
    },
});
const credential: PolicyResource = {
    type: "databricks:index/gitCredential:GitCredential",
    name: "kedro-git-credential",
    urn: urn("dev", "databricks:index/gitCredential:GitCredential", "kedro-git-credential"),
    props: { gitProvider: "gitHub", gitUsername: "alice", personalAccessToken: { [specialSigKey]: specialSecretSig, value: "ghp_secret" } },
};
const JOB = "databricks:index/job:Job";
const { props: jobClusterProps } = cluster("dev", { autoterminationMinutes: undefined, numWorkers: 6 });
const job: PolicyResource = {
    type: JOB,
    name: "kedro-job",
    urn: urn("dev", JOB, "kedro-job"),
    props: {
        jobClusters: [{ jobClusterKey: "kedro_job_cluster", newCluster: jobClusterProps }],
        tasks: [{ taskKey: "kedro_run", existingClusterId: "0101-abc" }],
    },
};
const bucket: PolicyResource = {
    type: "aws:s3/bucket:Bucket",
    name: "root",
    urn: urn("dev", "aws:s3/bucket:Bucket", "root"),
    props: { bucketPrefix: "root-" },
};

let pack: ChildProcess;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((done, fail) =>
        client[method](request, (error: Error | null, response: T) => (error ? fail(error) : done(response))),
    );
}

beforeAll(async () => {
    pack = spawn(process.execPath, [join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack/index.js"), "127.0.0.1:0", "."], {
        cwd: join(ROOT, "policy"),
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    pack.stderr!.on("data", (chunk) => (stderr += chunk));
    const port = await new Promise<string>((done, fail) => {
        pack.stdout!.on("data", (chunk) => {
            const line = String(chunk).trim();
            if (/^\d+$/.test(line)) done(line);
        });
        pack.on("exit", (code) => fail(new Error(`the policy pack exited with ${code}: ${stderr}`)));
    });
    client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
    client?.close();
    pack?.kill();
});

async function served(resources: PolicyResource[]) {
    const diagnostics = [];
    for (const resource of resources)
        diagnostics.push(...diagnosticsOf(await call<analyzer.AnalyzeResponse>("analyze", analyzeRequest(resource))));
    diagnostics.push(...diagnosticsOf(await call<analyzer.AnalyzeResponse>("analyzeStack", analyzeStackRequest(resources))));
    return diagnostics;
}

async function configure(config: Record<string, Record<string, unknown>>) {
    const request = new analyzer.ConfigureAnalyzerRequest();
    for (const [policy, properties] of Object.entries(config)) {
        const entry = new analyzer.PolicyConfig();
        entry.setEnforcementlevel(analyzer.EnforcementLevel.MANDATORY);
        entry.setProperties(Struct.fromJavaScript(properties as never));
        request.getPolicyconfigMap().set(policy, entry);
    }
    await call("configure", request);
}

test("the served pack and the offline plan's in-process path reach the same verdicts", async () => {
    const resources = [
        cluster("dev", { autoterminationMinutes: 0, awsAttributes: { availability: "ON_DEMAND" } }),
        credential,
        job,
        bucket,
    ];
    const inProcess = (await evaluatePolicies(resources)).flatMap((verdict) =>
        verdict.violations.map((violation) => `${verdict.policy}: ${violation.message}`),
    );
    const overGrpc = (await served(resources)).map((diagnostic) => `${diagnostic.policy}: ${diagnostic.message}`);
    expect(overGrpc.sort()).toEqual(inProcess.sort());
    expect(overGrpc).toEqual(
        expect.arrayContaining([
            expect.stringMatching(/^max-autotermination: autoterminationMinutes is 0/),
            expect.stringMatching(/^spot-workers: workers run ON_DEMAND/),
            expect.stringMatching(/^aws-cluster-disk: m4\.large has no instance store/),
            expect.stringMatching(/^s3-root-bucket-secure: bucket root has no public access block/),
            expect.stringMatching(/^max-workers: job cluster kedro_job_cluster: numWorkers is 6/),
            expect.stringMatching(/^job-clusters: task kedro_run runs on the existing cluster 0101-abc/),
        ]),
    );
    // A Git credential whose token is a secret passes every policy: nothing could tell it from plaintext here.
    expect(overGrpc.filter((line) => line.includes("personalAccessToken"))).toEqual([]);
});

test("a serverless stack (no cluster; a job whose notebook task has none) passes the served pack as the offline plan's path", async () => {
    const serverlessJob: PolicyResource = {
        ...job,
        props: {
            tasks: [
                { taskKey: "kedro_run", notebookTask: { notebookPath: "/Users/alice@example.com/iris-dev-run-job", source: "WORKSPACE" } },
            ],
        },
    };
    const resources = [credential, serverlessJob];
    expect(await served(resources)).toEqual([]);
    expect((await evaluatePolicies(resources)).flatMap((verdict) => verdict.violations)).toEqual([]);
});

test("wheel jobs: on a job cluster, or on serverless with a declared environment, pass; a wheel task with neither is refused", async () => {
    const wheelTask = (taskKey: string, compute: Record<string, unknown>) => ({
        taskKey,
        pythonWheelTask: { packageName: "spaceflights", entryPoint: "spaceflights", parameters: ["--pipeline", "data_processing"] },
        ...compute,
    });
    const classic: PolicyResource = {
        ...job,
        name: "kedro-jobs-data_processing",
        props: {
            jobClusters: [{ jobClusterKey: "kedro_job_cluster", newCluster: cluster("dev", { autoterminationMinutes: undefined }).props }],
            tasks: [wheelTask("a", { jobClusterKey: "kedro_job_cluster", libraries: [{ whl: "/Workspace/x.whl" }] }), wheelTask("b", { jobClusterKey: "kedro_job_cluster" })],
        },
    };
    const serverless: PolicyResource = {
        ...job,
        name: "kedro-jobs-data_science",
        props: {
            environments: [{ environmentKey: "kedro", spec: { environmentVersion: "5", dependencies: ["/Workspace/x.whl"] } }],
            tasks: [wheelTask("a", { environmentKey: "kedro" }), wheelTask("b", { environmentKey: "kedro" })],
        },
    };
    const mandatory = (diagnostics: Awaited<ReturnType<typeof served>>) => diagnostics.filter((diagnostic) => diagnostic.enforcementLevel === "mandatory");
    expect(mandatory(await served([classic, serverless]))).toEqual([]);
    const stray = { ...serverless, props: { ...serverless.props, tasks: [wheelTask("a", { environmentKey: "other" })] } };
    expect((await served([stray])).map((diagnostic) => `${diagnostic.policy}: ${diagnostic.message}`)).toEqual([
        expect.stringMatching(/^job-clusters: task a has no cluster/),
    ]);
});

test("the tutorial's cluster passes every mandatory policy of the served pack", async () => {
    const diagnostics = await served([cluster("dev", { autoterminationMinutes: 30 })]);
    expect(diagnostics.filter((diagnostic) => diagnostic.enforcementLevel === "mandatory")).toEqual([]);
});

test("--policy-pack-config limits reach the policies through the engine's configure call", async () => {
    expect(await served([cluster("dev")])).toEqual([]);
    await configure({ "max-autotermination": { maxMinutes: 40 }, "spot-workers": { allowOnDemandStacks: ["staging"] } });
    const diagnostics = await served([
        cluster("dev"),
        cluster("staging", { awsAttributes: { availability: "ON_DEMAND", ...AWS_EBS_VOLUMES } }),
    ]);
    expect(diagnostics.map((diagnostic) => `${diagnostic.policy}: ${diagnostic.message}`)).toEqual([
        "max-autotermination: autoterminationMinutes is 45, above the maximum of 40.",
        "max-autotermination: autoterminationMinutes is 45, above the maximum of 40.",
    ]);
    // A policy configured without a limit keeps its schema's default.
    await configure({ "max-autotermination": {} });
    expect((await served([cluster("dev", { autoterminationMinutes: 61 })])).map((diagnostic) => diagnostic.message)).toEqual([
        "autoterminationMinutes is 61, above the maximum of 60.",
    ]);
});

test("max-cost-per-hour: advisory with its default cap, mandatory with the cap a stack configures", async () => {
    // m4.large at all-purpose list prices: $0.32/h a node (test/lib/cost.test.ts).
    const costOf = async (resources: PolicyResource[]) =>
        (await served(resources))
            .filter((diagnostic) => diagnostic.policy === "max-cost-per-hour")
            .map((diagnostic) => `${diagnostic.enforcementLevel}: ${diagnostic.message}`);
    expect(await costOf([cluster("dev", { numWorkers: 1 })])).toEqual([]);
    expect(await costOf([cluster("dev", { numWorkers: 20 })])).toEqual(["advisory: the cluster costs $6.72/h at list prices, above the cap of $5.00/h."]);
    await configure({ "max-cost-per-hour": { maxCostPerHour: 0.5 } });
    expect(await costOf([cluster("dev", { numWorkers: 1 })])).toEqual(["mandatory: the cluster costs $0.64/h at list prices, above the cap of $0.50/h."]);
    // A job's run at jobs prices: its job cluster of 7 m4.large nodes, $0.16/h each.
    expect(await costOf([job])).toEqual(["mandatory: a run of the job costs $1.12/h at list prices, above the cap of $0.50/h."]);
});
