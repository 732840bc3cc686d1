/** The scheduled Kedro job. */
import type { KeyDeclaration } from "../keyTable";

export const JOB_KEYS = {
    job: {
        type: "boolean",
        default: false,
        description:
            "true: also declare a Databricks Job that runs the Kedro pipeline on a job cluster (the same runtime, " +
            "node types, workers and spot settings, the packages as job libraries) from its own Repo at " +
            "gitCommit, which it then needs. false: the tutorial's notebook only.",
    },
    jobSchedule: {
        type: "string",
        default: "",
        description:
            "Quartz cron expression of the job's schedule (seconds minutes hours day-of-month month day-of-week " +
            "[year]), e.g. '0 0 6 * * ?' for 06:00 daily. Empty: no schedule; the job runs when started " +
            "(databricks jobs run-now <jobId>).",
    },
    jobTimezone: {
        type: "string",
        default: "UTC",
        description:
            "IANA time zone ID the schedule is read in, spelled exactly (Europe/Paris, not europe/paris): the " +
            "scheduler reads any other spelling as GMT.",
    },
    jobSchedulePaused: {
        type: "string",
        default: "",
        description:
            "true or false: create the schedule paused. Empty: paused unless protect is true, so only production " +
            "runs on its schedule until asked.",
    },
    jobNotifications: {
        type: "array",
        default: [],
        description:
            "E-mail addresses told of a failed run. Set them item by item: pulumi config set --path " +
            "'jobNotifications[0]' data-team@example.com.",
    },
    jobTimeoutMinutes: {
        type: "integer",
        default: 120,
        range: { min: 10, max: 2880 },
        allowed: "a whole number of minutes from 10 to 2880: an attempt of the pipeline is stopped after it",
        description:
            "Minutes after which an attempt of the pipeline is stopped, 10 to 2880. A failed attempt is retried " +
            "once, no sooner than 10 minutes after it started; a timed-out one is not. The run as a whole is " +
            "stopped after twice this plus 10 minutes, so the retry has its full time.",
    },
} as const satisfies Record<string, KeyDeclaration>;
