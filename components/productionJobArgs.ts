/**
 * The production jobs' arguments, as plain data from the validated settings:
 * per pipeline a Databricks Job of python_wheel_task tasks, declared in
 * task-key order (the provider reads tasks back sorted by key, so any other
 * order never converges: pulumi-databricks #49), each naming its upstream
 * tasks, the wheel's package and entry point, and the Kedro arguments that
 * run its nodes with the uploaded conf archive. Classic compute: one job
 * cluster per job, the wheel a library of each task (the Jobs API takes no
 * libraries on a shared job cluster). Serverless: one environment holding
 * the wheel, named by every task.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { JobArgs } from "@pulumi/databricks/job";
import type { ClusterCloudAttributes } from "../lib/clouds";
import { JOB_CLUSTER_KEY, JOB_RUN_POLICY, runTimeoutSeconds } from "../lib/job";
import { stackNames, stackTags } from "../lib/naming";
import { DEFAULT_SERVERLESS_ENVIRONMENT } from "../lib/serverless";
import { DATA_VOLUME_PARAM, volumePath } from "../lib/volume";
import type { KedroStackSettings } from "../config";
import type { ProductionJob, ProductionPipelineJob, ProductionTask } from "../config/rules/production";
import { jobCluster, jobTriggers, taskRetries } from "./jobArgs";

/** The serverless environment every task of a serverless wheel job names. */
const WHEEL_ENVIRONMENT_KEY = "kedro";

/** Where the uploaded artifacts are, as the job reads them (`/Workspace/…` or `/Volumes/…`), and who the job runs as. */
export interface ProductionReferences {
    wheelPath: pulumi.Input<string>;
    confPath: pulumi.Input<string>;
    runAs: pulumi.Input<string>;
}

/** The arguments of the packaged project's CLI for one task: its pipeline, its nodes, the conf archive, the volume. */
function taskParameters(
    settings: KedroStackSettings,
    job: ProductionPipelineJob,
    task: ProductionTask,
    confPath: pulumi.Input<string>,
): pulumi.Input<string>[] {
    const nodes = settings.job?.production?.taskSize === "pipeline" ? [] : ["--nodes", task.nodes.join(",")];
    const volume = settings.dataVolume ? ["--params", `${DATA_VOLUME_PARAM}=${volumePath(settings.dataVolume)}`] : [];
    return ["--pipeline", job.pipeline, ...nodes, "--conf-source", confPath, ...volume];
}

/** The Jobs API's limit on a task's description. */
const TASK_DESCRIPTION_MAX = 1000;

/**
 * Why a task holds more than the size asked for, as a person reading the job
 * (and the plan) sees it: the datasets held in memory between its nodes, and
 * the groups joined to keep the job acyclic.
 */
function taskDescription(job: ProductionPipelineJob, task: ProductionTask): string {
    const inTask = new Set(task.nodes);
    const reasons = job.joins.flatMap((join) => {
        if (join.kind === "memory")
            return inTask.has(join.producer) && inTask.has(join.consumer)
                ? [`${join.consumer} reads ${join.dataset} from ${join.producer} in memory (no catalog entry)`]
                : [];
        // A group is a node, a namespace (its nodes' names start with it) or the pipeline (the task's name).
        const holds = (group: string) => task.name === group || task.nodes.some((node) => node === group || node.startsWith(`${group}.`));
        return join.groups.some(holds) ? [`${join.groups.join(", ")} joined: apart they would depend on each other`] : [];
    });
    const text = `Kedro nodes ${task.nodes.join(", ")}${reasons.length > 0 ? `. Joined: ${reasons.join("; ")}` : ""}.`;
    return text.length <= TASK_DESCRIPTION_MAX ? text : `${text.slice(0, TASK_DESCRIPTION_MAX - 1)}…`;
}

/** The longest chain of tasks, which a run goes through one after another: the run's timeout must cover it. */
function longestChain(tasks: readonly ProductionTask[]): number {
    const depth = new Map<string, number>();
    const byKey = new Map(tasks.map((task) => [task.key, task]));
    const depthOf = (key: string): number => {
        if (!depth.has(key)) depth.set(key, 1 + Math.max(0, ...byKey.get(key)!.dependsOn.map(depthOf)));
        return depth.get(key)!;
    };
    return Math.max(1, ...tasks.map((task) => depthOf(task.key)));
}

/** A person reading the job sees what it runs: the commit, the package's version and the wheel's digest. */
function productionTags(settings: KedroStackSettings, production: ProductionJob, pipeline: string): Record<string, string> {
    return {
        ...stackTags(settings.project, settings.stack),
        "kedro-package": production.packageName,
        "kedro-pipeline": pipeline,
        "package-version": production.version,
        "wheel-sha256": production.wheel.sha256,
        ...(settings.git.commit ? { "git-commit": settings.git.commit } : {}),
    };
}

/** One pipeline's Job. */
export function productionJobArgs(
    settings: KedroStackSettings,
    job: ProductionPipelineJob,
    cloudAttributes: ClusterCloudAttributes,
    refs: ProductionReferences,
): JobArgs {
    const { job: jobSettings } = settings;
    const production = jobSettings?.production;
    if (!jobSettings || !production) throw new Error("productionJobArgs needs settings with jobSource: wheel.");
    const classic = settings.compute === "classic";
    const names = stackNames(settings.git.repoName, settings.stack);
    return {
        name: `${names.jobName}-${job.pipeline}`,
        description:
            `Runs the Kedro pipeline ${job.pipeline} of ${production.packageName} ${production.version} (wheel sha256 ` +
            `${production.wheel.sha256}${settings.git.commit ? `, commit ${settings.git.commit}` : ""}) for stack ${settings.stack}.`,
        tags: productionTags(settings, production, job.pipeline),
        maxConcurrentRuns: JOB_RUN_POLICY.maxConcurrentRuns,
        // A run started while one is going waits its turn instead of being skipped.
        queue: { enabled: true },
        timeoutSeconds: longestChain(job.tasks) * runTimeoutSeconds(jobSettings.timeoutMinutes),
        jobClusters: classic
            ? [{ jobClusterKey: JOB_CLUSTER_KEY, newCluster: jobCluster(settings, cloudAttributes, refs.runAs) }]
            : undefined,
        environments: classic
            ? undefined
            : [
                  {
                      environmentKey: WHEEL_ENVIRONMENT_KEY,
                      spec: { environmentVersion: DEFAULT_SERVERLESS_ENVIRONMENT.version, dependencies: [refs.wheelPath] },
                  },
              ],
        tasks: job.tasks.map((task) => ({
            taskKey: task.key,
            dependsOns: task.dependsOn.length > 0 ? task.dependsOn.map((taskKey) => ({ taskKey })) : undefined,
            description: taskDescription(job, task),
            runIf: "ALL_SUCCESS",
            jobClusterKey: classic ? JOB_CLUSTER_KEY : undefined,
            environmentKey: classic ? undefined : WHEEL_ENVIRONMENT_KEY,
            pythonWheelTask: {
                packageName: production.packageName,
                entryPoint: production.entryPoint,
                parameters: taskParameters(settings, job, task, refs.confPath),
            },
            libraries: classic ? [{ whl: refs.wheelPath }] : undefined,
            timeoutSeconds: jobSettings.timeoutMinutes * 60,
            ...taskRetries(),
        })),
        ...jobTriggers(jobSettings),
    };
}
