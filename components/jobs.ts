/**
 * The scheduled job, as jobSource asks: the tutorial's notebook (KedroJob)
 * or the packaged project's wheel, a job per pipeline (KedroProductionJobs).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KedroStackSettings } from "../config";
import { KedroJob, type KedroJobArgs } from "./job";
import { KedroProductionJobs } from "./productionJob";

export type ScheduledJob = KedroJob | KedroProductionJobs;

/** What either job needs besides the settings: the notebook job's own arguments. */
export type ScheduledJobArgs = Omit<KedroJobArgs, "settings">;

/** The job the settings ask for, a child of `parent`. */
export function declareScheduledJob(
    name: string,
    settings: KedroStackSettings,
    args: ScheduledJobArgs,
    parent: pulumi.Resource,
): ScheduledJob {
    const { cloudAttributes, deployer, workspaceUrl, provider } = args;
    if (settings.job?.source === "wheel")
        return new KedroProductionJobs(`${name}-jobs`, { settings, cloudAttributes, deployer, workspaceUrl, provider }, { parent });
    return new KedroJob(`${name}-job`, { settings, ...args }, { parent });
}

/** Each job's id, by the name its permissions are declared under: `job` for the notebook's, `job-<pipeline>` for the wheel's. */
export function jobIdsOf(job: ScheduledJob, settings: KedroStackSettings): Array<{ object: string; jobId: pulumi.Input<string> }> {
    if (job instanceof KedroJob) return [{ object: "job", jobId: job.jobId }];
    const pipelines = settings.job?.production?.jobs.map((pipelineJob) => pipelineJob.pipeline) ?? [];
    return job.jobs.map((declared, index) => ({ object: `job-${pipelines[index]}`, jobId: declared.id }));
}
