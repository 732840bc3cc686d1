/**
 * The scheduled Kedro job, as plain data: what the Job resource is given,
 * from the validated settings. The component only declares it.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { JobArgs } from "@pulumi/databricks/job";
import type { ClusterAvailability } from "../config/clouds";
import { clusterSpec } from "./clusterSpec";
import type { KedroStackSettings } from "../config/settings";
import { JOB_NOTEBOOK_PARAMETERS, isKedroViz } from "./notebook";
import { stackNames, stackTags } from "./naming";

/** One run at a time; a failed run is retried once after ten minutes (spot capacity often returns), a timed-out one is not. */
export const JOB_RUN_POLICY = { maxConcurrentRuns: 1, maxRetries: 1, minRetryIntervalMillis: 10 * 60 * 1000, retryOnTimeout: false } as const;

/**
 * A run's own timeout: every attempt (the task's timeout each) and the pause
 * before each retry. The Jobs API stops a whole run at the job's timeout, so
 * a run timeout equal to the task's would end the retry of a late failure
 * TIMEDOUT before it started.
 */
export function runTimeoutSeconds(attemptMinutes: number): number {
    const attempts = JOB_RUN_POLICY.maxRetries + 1;
    return attempts * attemptMinutes * 60 + (JOB_RUN_POLICY.maxRetries * JOB_RUN_POLICY.minRetryIntervalMillis) / 1000;
}

export const JOB_TASK_KEY = "kedro_run";
export const JOB_CLUSTER_KEY = "kedro_job_cluster";

/** The job notebook reads its Repo's commit with the Databricks SDK, which runtimes before 13 do not ship. */
export const JOB_GUARD_PACKAGE = "databricks-sdk>=0.20";

/** The packages a job run needs: the Kedro packages without kedro-viz (a UI no run opens), and the SDK for the commit check. */
export function jobPackages(packages: readonly string[]): string[] {
    const kept = packages.filter((spec) => !isKedroViz(spec));
    return kept.some((spec) => /^databricks[-_]sdk\b/i.test(spec)) ? kept : [...kept, JOB_GUARD_PACKAGE];
}

/** The resource-dependent parts of the job, known only once the notebook, the Repo and the deploying identity are. */
export interface JobReferences {
    notebookPath: pulumi.Input<string>;
    repoId: pulumi.Input<string>;
    /** The identity the job runs as, its creator: it owns the job's single-user cluster. */
    runAs: pulumi.Input<string>;
}

/** The job's cluster, made for each run: the interactive cluster's spec, owned by the identity the job runs as. */
export function jobCluster(settings: KedroStackSettings, clusterAttributes: ClusterAvailability, runAs: pulumi.Input<string>) {
    return clusterSpec(settings, clusterAttributes, settings.cluster.accessMode === "SINGLE_USER" ? runAs : undefined);
}

/** The Job's arguments. Throws when the settings have no job: the caller declares one only with job: true. */
export function kedroJobArgs(settings: KedroStackSettings, clusterAttributes: ClusterAvailability, refs: JobReferences): JobArgs {
    const { job } = settings;
    if (!job) throw new Error("kedroJobArgs needs settings with job: true.");
    if (settings.git.commit === undefined) throw new Error("kedroJobArgs needs the commit to deploy (gitCommit).");
    const names = stackNames(settings.git.repoName, settings.stack);
    return {
        name: names.jobName,
        description: `Runs the Kedro pipeline of ${settings.git.repoName} for stack ${settings.stack}, from its own Repo at the deployed commit.`,
        tags: stackTags(settings.project, settings.stack),
        maxConcurrentRuns: JOB_RUN_POLICY.maxConcurrentRuns,
        timeoutSeconds: runTimeoutSeconds(job.timeoutMinutes),
        jobClusters: [{ jobClusterKey: JOB_CLUSTER_KEY, newCluster: jobCluster(settings, clusterAttributes, refs.runAs) }],
        tasks: [
            {
                taskKey: JOB_TASK_KEY,
                jobClusterKey: JOB_CLUSTER_KEY,
                notebookTask: {
                    notebookPath: refs.notebookPath,
                    source: "WORKSPACE",
                    baseParameters: {
                        [JOB_NOTEBOOK_PARAMETERS.pipeline]: job.pipeline,
                        [JOB_NOTEBOOK_PARAMETERS.deployedCommit]: settings.git.commit,
                        [JOB_NOTEBOOK_PARAMETERS.repoId]: refs.repoId,
                    },
                },
                libraries: jobPackages(settings.kedro.packages).map((spec) => ({ pypi: { package: spec } })),
                timeoutSeconds: job.timeoutMinutes * 60,
                maxRetries: JOB_RUN_POLICY.maxRetries,
                minRetryIntervalMillis: JOB_RUN_POLICY.minRetryIntervalMillis,
                retryOnTimeout: JOB_RUN_POLICY.retryOnTimeout,
            },
        ],
        schedule: job.schedule
            ? { quartzCronExpression: job.schedule.quartzCron, timezoneId: job.schedule.timezone, pauseStatus: job.schedule.paused ? "PAUSED" : "UNPAUSED" }
            : undefined,
        emailNotifications: job.notifications.length > 0 ? { onFailures: [...job.notifications] } : undefined,
    };
}
