/**
 * The scheduled Kedro job's keys: read, checked and given their defaults
 * here, as part of the stack's one validation pass (settings.ts).
 */
import { POLICY_DEFAULT_LIMITS } from "../lib/clouds";
import { configSetListCommand, projectKey } from "./errors";
import { checkQuartzCron } from "../lib/cron";
import { droppedDaysOfMonth, numericWeekdayWarning, quartzFixOf } from "../lib/cronFix";
import { describeWallClock, forecastSchedule, wallClockIn } from "../lib/cronSchedule";
import { checkTimeZone } from "../lib/timeZone";
import { KEYS, cliDefault } from "./keyTable";
import type { Reporter } from "./reporter";
import { DEFAULT_PIPELINES, readJobSource } from "./rules/jobSource";
import type { ProductionJob } from "./rules/production";
import type { ProjectFiles } from "./types";
import { parseStringList } from "./values";

/** What jobSchedule allows, before the reason a value is not it. */
const QUARTZ_ALLOWED = "a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): ";

/** The job keys' defaults, as typed values: the key table's. */
export const JOB_DEFAULTS = {
    job: KEYS.job.default,
    jobTimezone: KEYS.jobTimezone.default,
    /** Empty in the key table: the default pipeline. */
    jobPipelines: DEFAULT_PIPELINES,
    jobTimeoutMinutes: KEYS.jobTimeoutMinutes.default,
    jobNotifications: KEYS.jobNotifications.default as readonly string[],
} as const;

/** The keys that only mean something with job: true. */
export const JOB_ONLY_KEYS = [
    "jobSchedule",
    "jobTimezone",
    "jobSchedulePaused",
    "jobPipelines",
    "jobSource",
    "jobTasks",
    "kedroSnapshot",
    "kedroWheel",
    "kedroConf",
    "jobNotifications",
    "jobTimeoutMinutes",
] as const;

export const JOB_TIMEOUT_RANGE = KEYS.jobTimeoutMinutes.range;

/** An e-mail address for the Jobs API's notifications: no spaces, quotes, commas or markup. */
export const EMAIL_ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** A time zone ID the Jobs API's scheduler reads as the zone it names (lib/timeZone). */
export function isTimeZoneId(value: string): boolean {
    return checkTimeZone(value).valid;
}

export interface JobSchedule {
    quartzCron: string;
    timezone: string;
    paused: boolean;
}

export interface JobSettings {
    /** notebook: the tutorial's notebook from its own Repo; wheel: the packaged project, one job per pipeline. */
    source: "notebook" | "wheel";
    /** The Kedro pipeline the notebook job runs by default (a run-now may pass another): the first of `pipelines`. */
    pipeline: string;
    /** The pipelines asked for; with wheel, one job each. */
    pipelines: readonly string[];
    /** With wheel: the artifacts and each pipeline's tasks. */
    production?: ProductionJob;
    schedule?: JobSchedule;
    /** Addresses told of a failed run. */
    notifications: readonly string[];
    timeoutMinutes: number;
}

/** What the job's validation reads from the rest of the stack's config. */
export interface JobContext {
    stack: string;
    numWorkers: number;
    gitCommit?: string;
    /** The command that reads the commit to deploy from the Kedro project's repository (rules/git). */
    commitCommand: string;
    /** A created repository without a commit yet: the job waits, as the Repo does. */
    awaitingFirstPush: boolean;
    /** A protected stack is production: its schedule runs unless paused. */
    protect: boolean;
    /** Now, for the schedule's next fire times. */
    today: Date;
    /** What the production job's wheel must install on, and where its files are. */
    compute: "classic" | "serverless";
    sparkVersion: string;
    files?: ProjectFiles;
}

/** Stack names that say production (prod, prod-eu, production): a silently paused schedule there is a missed run. */
export const PRODUCTION_STACK = /^prod(?:uction)?(?:$|[-_.])/i;

/** The example schedule, daily at 06:00, where nothing in a refused one tells what was meant. */
const EXAMPLE_SCHEDULE = "0 0 6 * * ?";

/** Schedules that start the job at least this often a day are almost surely a misplaced field. */
const OFTEN_PER_DAY = 24;

/** Refuses a schedule that never fires, and warns, with its next fire times, of one that fires many times a day. */
function checkScheduleTiming(report: Reporter, cron: string, timezone: string, today: Date): void {
    const forecast = forecastSchedule(cron, wallClockIn(today, timezone), 3);
    if (forecast.next.length === 0) {
        report.problem(
            "jobSchedule",
            cron,
            "a schedule that fires: this one names no date from now to 2099 (such as the 31st of February)",
            EXAMPLE_SCHEDULE,
        );
    } else if (forecast.perDay >= OFTEN_PER_DAY) {
        const times = forecast.next.map(describeWallClock).join(", ");
        report.warn(
            `${projectKey("jobSchedule")} "${cron}" starts the job ${forecast.perDay} times a day: next at ${times} (${timezone}). ` +
                `Quartz reads seconds first: once a day at 06:00 is "0 0 6 * * ?" (pulumi config set jobSchedule '0 0 6 * * ?').`,
        );
    }
}

/** Reads the job's keys; undefined when job is not true (and a warning for each job key set in vain). */
export function validateJobConfig(report: Reporter, ctx: JobContext): JobSettings | undefined {
    const enabled = report.boolean("job");
    if (!enabled) {
        // The CLI passes Pulumi.yaml's defaults as values: only a key set to something else was meant for a job.
        const ignored = JOB_ONLY_KEYS.filter((name) => report.get(name) !== undefined && report.get(name) !== cliDefault(name));
        if (ignored.length > 0)
            report.warn(`${ignored.map(projectKey).join(", ")} ${ignored.length === 1 ? "is" : "are"} ignored: job is not ` + `true.`);
        return undefined;
    }

    // The job cluster starts unattended, on every run: the pack's default cap is a hard limit for it, not a warning.
    if (ctx.numWorkers > POLICY_DEFAULT_LIMITS.maxWorkers) {
        report.problem(
            "numWorkers",
            String(ctx.numWorkers),
            `at most ${POLICY_DEFAULT_LIMITS.maxWorkers} with job: true ` +
                "(the policy pack's max-workers cap, which the job cluster is held to)",
            String(POLICY_DEFAULT_LIMITS.maxWorkers),
        );
    }
    // The job must run the code that was deployed, and only a commit says which that is.
    if (ctx.gitCommit === undefined && !ctx.awaitingFirstPush) {
        report.problem(
            "gitCommit",
            undefined,
            "the full SHA of the commit the job runs: with job: true every run checks that its Repo holds the deployed commit",
            ctx.commitCommand,
        );
    }

    const { source, pipelines, production } = readJobSource(report, ctx);

    const { timezone, valid: timezoneValid } = readTimezone(report);
    const schedule = readSchedule(report, ctx, timezone, timezoneValid);
    const timeoutMinutes = report.integer("jobTimeoutMinutes");
    const notifications = readNotifications(report, ctx.stack);

    return { source, pipeline: pipelines[0], pipelines, production, schedule, notifications, timeoutMinutes };
}

/** jobTimezone, checked as the scheduler reads it; an invalid one is reported with the name it meant, a link or a recent name warns. */
function readTimezone(report: Reporter): { timezone: string; valid: boolean } {
    const timezone = report.get("jobTimezone") ?? JOB_DEFAULTS.jobTimezone;
    const zone = checkTimeZone(timezone);
    if (!zone.valid) {
        const allowed =
            "a time zone ID of the IANA database, spelled exactly, such as UTC, Europe/Paris, CET or US/Pacific (the scheduler reads " +
            `any other as GMT); this is ${zone.reason}`;
        report.problem("jobTimezone", timezone, allowed, zone.suggestion ?? JOB_DEFAULTS.jobTimezone);
    } else if (zone.warning) report.warn(`${projectKey("jobTimezone")}: ${zone.warning}.`);
    return { timezone, valid: zone.valid };
}

/** jobSchedule and jobSchedulePaused: the schedule, paused unless the stack is protected or it is asked otherwise. */
function readSchedule(report: Reporter, ctx: JobContext, timezone: string, timezoneValid: boolean): JobSchedule | undefined {
    const cron = report.get("jobSchedule");
    const pausedRaw = report.get("jobSchedulePaused");
    // Only production runs on its schedule by default: a dev or review stack's schedule waits to be asked.
    const paused = report.booleanKey("jobSchedulePaused", !ctx.protect);
    if (cron === undefined) {
        // The CLI passes Pulumi.yaml's defaults as values: only a changed time zone was set for a schedule.
        const timezoneSet = report.get("jobTimezone") !== undefined && report.get("jobTimezone") !== JOB_DEFAULTS.jobTimezone;
        const ignored = [pausedRaw !== undefined ? "jobSchedulePaused" : undefined, timezoneSet ? "jobTimezone" : undefined].flatMap(
            (name) => (name ? [projectKey(name)] : []),
        );
        if (ignored.length > 0)
            report.warn(
                `${ignored.join(" and ")} ${ignored.length === 1 ? "is" : "are"} ignored: ` +
                    "jobSchedule is not set, so the job only runs when started.",
            );
        return undefined;
    }
    const check = checkQuartzCron(cron);
    if (!check.valid) {
        report.problem(
            "jobSchedule",
            cron,
            [QUARTZ_ALLOWED + check.reason, droppedDaysOfMonth(cron)].filter(Boolean).join(". "),
            quartzFixOf(cron) ?? EXAMPLE_SCHEDULE,
        );
        return undefined;
    }
    const weekdays = numericWeekdayWarning(cron);
    if (weekdays) report.warn(`${projectKey("jobSchedule")} "${cron}": ${weekdays}.`);
    const schedule = { quartzCron: cron.replace(/\s+/g, " "), timezone, paused };
    checkScheduleTiming(report, schedule.quartzCron, timezoneValid ? timezone : JOB_DEFAULTS.jobTimezone, ctx.today);
    if (paused && pausedRaw === undefined && PRODUCTION_STACK.test(ctx.stack)) {
        report.warn(
            `${projectKey("jobSchedule")} is set, but stack ${ctx.stack} is not protected (protect: false), ` +
                "so its schedule is created paused and the job never runs on it. " +
                `Protect the stack (pulumi config set protect true --stack ${ctx.stack}) ` +
                `or unpause it (pulumi config set jobSchedulePaused false --stack ${ctx.stack}).`,
        );
    }
    return schedule;
}

/** jobNotifications: a list of e-mail addresses, without repeats. */
function readNotifications(report: Reporter, stack: string): readonly string[] {
    const raw = report.get("jobNotifications");
    if (raw === undefined || raw === "[]") return JOB_DEFAULTS.jobNotifications;
    const fix = configSetListCommand(projectKey("jobNotifications"), ["data-team@example.com"], stack);
    const parsed = parseStringList(raw);
    if (parsed === undefined) {
        report.problem("jobNotifications", raw, "a list of e-mail addresses", "", { fix });
        return JOB_DEFAULTS.jobNotifications;
    }
    const bad = parsed.filter((address) => !EMAIL_ADDRESS.test(address.trim()));
    if (bad.length > 0) {
        report.problem("jobNotifications", JSON.stringify(bad), "e-mail addresses such as data-team@example.com", "", { fix });
        return JOB_DEFAULTS.jobNotifications;
    }
    // Addresses are matched case-insensitively by mail systems: the same one twice would be told twice.
    const unique = parsed
        .map((address) => address.trim())
        .filter((address, index, all) => all.findIndex((other) => other.toLowerCase() === address.toLowerCase()) === index);
    if (unique.length < parsed.length) {
        const fixList = configSetListCommand(projectKey("jobNotifications"), unique, stack);
        report.problem("jobNotifications", raw, "each address once (addresses match whatever their case)", "", { fix: fixList });
    }
    return unique;
}
