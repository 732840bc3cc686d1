/**
 * The scheduled Kedro job's arguments, as plain data from the validated
 * settings (lib/job holds its fixed facts). The KedroJob component only declares it.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { JobArgs } from "@pulumi/databricks/job";
import type { JobTask } from "@pulumi/databricks/types/input";
import type { ClusterCloudAttributes } from "../lib/clouds";
import { JOB_CLUSTER_KEY, JOB_RUN_POLICY, JOB_TASK_KEY, jobPackages, runTimeoutSeconds } from "../lib/job";
import { stackNames, stackTags } from "../lib/naming";
import { JOB_NOTEBOOK_PARAMETERS } from "../lib/notebook";
import type { KedroStackSettings } from "../config";
import { clusterSpec } from "./clusterSpec";

/** The resource-dependent parts of the job, known only once the notebook, the Repo and the deploying identity are. */
export interface JobReferences {
    notebookPath: pulumi.Input<string>;
    repoId: pulumi.Input<string>;
    /** The identity the job runs as, its creator: it owns the job's single-user cluster. */
    runAs: pulumi.Input<string>;
}

/** The job's cluster, made for each run: the interactive cluster's spec, owned by the identity the job runs as. */
export function jobCluster(settings: KedroStackSettings, cloudAttributes: ClusterCloudAttributes, runAs: pulumi.Input<string>) {
    return clusterSpec(settings, cloudAttributes, settings.cluster.accessMode === "SINGLE_USER" ? runAs : undefined);
}

/** The Job's arguments. Throws when the settings have no job: the caller declares one only with job: true. */
export function kedroJobArgs(settings: KedroStackSettings, cloudAttributes: ClusterCloudAttributes, refs: JobReferences): JobArgs {
    const { job } = settings;
    if (!job) throw new Error("kedroJobArgs needs settings with job: true.");
    if (settings.git.commit === undefined) throw new Error("kedroJobArgs needs the commit to deploy (gitCommit).");
    const names = stackNames(settings.git.repoName, settings.stack);
    // Serverless: a notebook task with no cluster runs on serverless job compute, which takes no libraries (the notebook
    // installs them) and, for a notebook task, no environment (the Jobs API wants one for script, wheel and dbt tasks).
    const classic = settings.compute === "classic";
    return {
        name: names.jobName,
        description:
            `Runs the Kedro pipeline of ${settings.git.repoName} for stack ${settings.stack}, ` +
            "from its own Repo at the deployed commit.",
        tags: stackTags(settings.project, settings.stack),
        maxConcurrentRuns: JOB_RUN_POLICY.maxConcurrentRuns,
        timeoutSeconds: runTimeoutSeconds(job.timeoutMinutes),
        jobClusters: classic
            ? [{ jobClusterKey: JOB_CLUSTER_KEY, newCluster: jobCluster(settings, cloudAttributes, refs.runAs) }]
            : undefined,
        tasks: [
            {
                taskKey: JOB_TASK_KEY,
                jobClusterKey: classic ? JOB_CLUSTER_KEY : undefined,
                notebookTask: {
                    notebookPath: refs.notebookPath,
                    source: "WORKSPACE",
                    baseParameters: {
                        [JOB_NOTEBOOK_PARAMETERS.pipeline]: job.pipeline,
                        [JOB_NOTEBOOK_PARAMETERS.deployedCommit]: settings.git.commit,
                        [JOB_NOTEBOOK_PARAMETERS.repoId]: refs.repoId,
                    },
                },
                libraries: classic ? jobPackages(settings.kedro.packages).map((spec) => ({ pypi: { package: spec } })) : undefined,
                timeoutSeconds: job.timeoutMinutes * 60,
                ...taskRetries(),
            },
        ],
        ...jobTriggers(job),
    };
}

/** A task's retries: the stack's run policy, the same for the notebook's task and every wheel task. */
export function taskRetries(): Pick<JobTask, "maxRetries" | "minRetryIntervalMillis" | "retryOnTimeout"> {
    const { maxRetries, minRetryIntervalMillis, retryOnTimeout } = JOB_RUN_POLICY;
    return { maxRetries, minRetryIntervalMillis, retryOnTimeout };
}

/** When a job runs and whom it tells of a failure: the same for the notebook's job and every pipeline's. */
export function jobTriggers(job: NonNullable<KedroStackSettings["job"]>): Pick<JobArgs, "schedule" | "emailNotifications"> {
    return {
        schedule: job.schedule
            ? {
                  quartzCronExpression: job.schedule.quartzCron,
                  timezoneId: job.schedule.timezone,
                  pauseStatus: job.schedule.paused ? "PAUSED" : "UNPAUSED",
              }
            : undefined,
        emailNotifications: job.notifications.length > 0 ? { onFailures: [...job.notifications] } : undefined,
    };
}
