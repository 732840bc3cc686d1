import fc from "fast-check";
import { type RawConfig, cloudAttributesFor, validateStackConfig } from "../../config";
import { JOB_TIMEOUT_RANGE } from "../../config/job";
import { JOB_CLUSTER_KEY, JOB_RUN_POLICY, JOB_TASK_KEY, jobPackages } from "../../lib/job";
import { kedroJobArgs } from "../../components/jobArgs";
import { TUTORIAL_KEDRO_PACKAGES } from "../../lib/kedro";

const SHA = "c0ffee0000000000000000000000000000000001";
const REFS = { notebookPath: "/Users/alice@example.com/iris-databricks-dev-run-job", repoId: "123", runAs: "alice@example.com" };

function settingsOf(overrides: RawConfig = {}, stack = "dev") {
    const raw: RawConfig = { cloud: "aws", gitUrl: "https://github.com/acme/iris-databricks.git", gitUsername: "alice", job: "true", gitCommit: SHA, ...overrides };
    return validateStackConfig(raw, { project: "databricks-kedro-stack", stack, hasGitToken: true, today: new Date("2026-11-24") }).settings;
}
function argsOf(overrides: RawConfig = {}, stack = "dev") {
    const settings = settingsOf(overrides, stack);
    const { cluster } = settings;
    return kedroJobArgs(settings, cloudAttributesFor(settings.cloud, cluster.spot, [cluster.nodeType, cluster.driverNodeType]), REFS) as any;
}

describe("kedroJobArgs", () => {
    test("one run at a time, a timeout per attempt, and a retry after a pause that the run's timeout leaves room for", () => {
        const args = argsOf({ jobTimeoutMinutes: "90" });
        expect(args.maxConcurrentRuns).toBe(1);
        // Two attempts of 90 minutes and the 10-minute pause: a failure at minute 89 is still retried.
        expect(args.timeoutSeconds).toBe(2 * 5400 + 600);
        expect(args.tasks[0]).toMatchObject({
            taskKey: JOB_TASK_KEY,
            jobClusterKey: JOB_CLUSTER_KEY,
            timeoutSeconds: 5400,
            maxRetries: JOB_RUN_POLICY.maxRetries,
            minRetryIntervalMillis: 600_000,
            retryOnTimeout: false,
        });
    });

    test("for every attempt timeout, the run's timeout covers every attempt and every pause", () => {
        fc.assert(
            fc.property(fc.integer({ min: JOB_TIMEOUT_RANGE.min, max: JOB_TIMEOUT_RANGE.max }), (minutes) => {
                const args = argsOf({ jobTimeoutMinutes: String(minutes) });
                const task = args.tasks[0];
                const needed = (task.maxRetries + 1) * task.timeoutSeconds + (task.maxRetries * task.minRetryIntervalMillis) / 1000;
                expect(args.timeoutSeconds).toBeGreaterThanOrEqual(needed);
            }),
            { numRuns: 50 },
        );
    });

    test("the notebook task runs the job notebook with the pipeline, the deployed commit and the Repo to check", () => {
        const task = argsOf({ jobPipelines: '["data_science"]' }).tasks[0];
        expect(task.notebookTask).toEqual({
            notebookPath: REFS.notebookPath,
            source: "WORKSPACE",
            baseParameters: { pipeline: "data_science", deployed_commit: SHA, repo_id: "123" },
        });
        expect(task.libraries).toEqual(jobPackages(TUTORIAL_KEDRO_PACKAGES).map((spec) => ({ pypi: { package: spec } })));
    });

    test("a schedule only when jobSchedule is set, paused on a dev stack", () => {
        expect(argsOf().schedule).toBeUndefined();
        expect(argsOf({ jobSchedule: "0 0 6 * * ?", jobTimezone: "Europe/Paris" }).schedule).toEqual({
            quartzCronExpression: "0 0 6 * * ?",
            timezoneId: "Europe/Paris",
            pauseStatus: "PAUSED",
        });
        expect(argsOf({ jobSchedule: "0 0 6 * * ?", protect: "true" }, "prod").schedule.pauseStatus).toBe("UNPAUSED");
    });

    test("failures are mailed only when someone is named", () => {
        expect(argsOf().emailNotifications).toBeUndefined();
        expect(argsOf({ jobNotifications: '["data@example.com"]' }).emailNotifications).toEqual({ onFailures: ["data@example.com"] });
    });

    test("a single-user job cluster belongs to the identity the job runs as; NONE has no single user", () => {
        expect(argsOf().jobClusters[0].newCluster).toMatchObject({ dataSecurityMode: "SINGLE_USER", singleUserName: "alice@example.com" });
        expect(argsOf({ accessMode: "NONE" }).jobClusters[0].newCluster.singleUserName).toBeUndefined();
    });

    test("numWorkers 0 makes a single-node job cluster, as Databricks documents it", () => {
        const cluster = argsOf({ numWorkers: "0" }).jobClusters[0].newCluster;
        expect(cluster.numWorkers).toBe(0);
        expect(cluster.sparkConf).toEqual({ "spark.databricks.cluster.profile": "singleNode", "spark.master": "local[*, 4]" });
        expect(cluster.customTags.ResourceClass).toBe("SingleNode");
    });

    test("refuses settings without a job or a commit", () => {
        const settings = settingsOf({ job: "false", gitCommit: undefined });
        expect(() => kedroJobArgs(settings, {}, REFS)).toThrow(/job: true/);
    });

    test("property: for any valid job config, the job is one task on its own cluster, built from the settings", () => {
        const config = fc.record({
            cloud: fc.constantFrom("aws", "azure", "gcp"),
            numWorkers: fc.integer({ min: 0, max: 4 }).map(String),
            spot: fc.constantFrom("true", "false"),
            sparkVersion: fc.constantFrom("11.3.x-scala2.12", "13.3.x-scala2.12", "15.4.x-scala2.12"),
            jobPipelines: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/).map((name) => JSON.stringify([name])),
            jobSchedule: fc.option(fc.constantFrom("0 0 6 * * ?", "0 30 2 ? * MON-FRI", "0 0/30 * * * ?"), { nil: undefined }),
            protect: fc.constantFrom("true", "false"),
        });
        fc.assert(
            fc.property(config, (raw) => {
                const settings = settingsOf(raw);
                const args = argsOf(raw);
                const cluster = args.jobClusters[0].newCluster;
                const attributes = cloudAttributesFor(settings.cloud, settings.cluster.spot, [settings.cluster.nodeType]);
                return (
                    args.tasks.length === 1 &&
                    args.jobClusters.length === 1 &&
                    args.tasks[0].jobClusterKey === args.jobClusters[0].jobClusterKey &&
                    cluster.numWorkers === settings.cluster.numWorkers &&
                    cluster.sparkVersion === settings.cluster.sparkVersion &&
                    JSON.stringify(Object.keys(attributes).map((key) => cluster[key])) === JSON.stringify(Object.values(attributes)) &&
                    JSON.stringify([args.tasks[0].notebookTask.baseParameters.pipeline]) === raw.jobPipelines &&
                    (args.schedule === undefined) === (raw.jobSchedule === undefined) &&
                    (args.schedule === undefined || args.schedule.pauseStatus === (raw.protect === "true" ? "UNPAUSED" : "PAUSED")) &&
                    args.tasks[0].libraries.some((library: any) => library.pypi.package.startsWith("kedro"))
                );
            }),
            { numRuns: 200 },
        );
    });
});
