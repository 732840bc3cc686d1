/** The scheduled Kedro job's fixed facts: how runs are retried and timed out, and the packages a run installs. */
import { isKedroViz } from "./notebook";

/**
 * One run at a time; a failed attempt is retried once, a timed-out one is
 * not. The Jobs API measures min_retry_interval_millis from the start of the
 * failed attempt, not from its failure: the retry starts ten minutes after
 * the attempt began, or at once when it ran longer (spot capacity often
 * returns within that time). The run's timeout counts the full interval, so
 * its bound stays safe either way.
 */
export const JOB_RUN_POLICY = {
    maxConcurrentRuns: 1,
    maxRetries: 1,
    minRetryIntervalMillis: 10 * 60 * 1000,
    retryOnTimeout: false,
} as const;

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
