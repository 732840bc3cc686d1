import { problemsOf as problemsFor } from "./problems";
import { type ConfigContext, type RawConfig, isTimeZoneId, validateStackConfig } from "../../config";

const SHA = "c0ffee0000000000000000000000000000000001";
const ctx = (overrides: Partial<ConfigContext> = {}): ConfigContext => ({
    project: "databricks-kedro-stack",
    stack: "dev",
    hasGitToken: true,
    today: new Date("2026-11-24T00:00:00Z"),
    ...overrides,
});
const withJob = (overrides: RawConfig = {}): RawConfig => ({
    cloud: "aws",
    gitUrl: "https://github.com/acme/iris-databricks.git",
    gitUsername: "alice",
    job: "true",
    gitCommit: SHA,
    ...overrides,
});

const problemsOf = (raw: RawConfig, context: ConfigContext = ctx()) => problemsFor(raw, context);
const problemOf = (key: string, raw: RawConfig, context?: ConfigContext) => problemsOf(raw, context).find((problem) => problem.key === `databricks-kedro-stack:${key}`);

describe("job: false", () => {
    test("is the default: nothing about a job in the settings", () => {
        const { settings } = validateStackConfig(withJob({ job: undefined, gitCommit: undefined }), ctx());
        expect(settings.job).toBeUndefined();
    });

    test("job keys set without job: true are named as ignored, not applied", () => {
        const { settings, warnings } = validateStackConfig(withJob({ job: "false", jobSchedule: "0 0 6 * * ?", jobPipelines: '["ds"]' }), ctx());
        expect(settings.job).toBeUndefined();
        expect(warnings).toContain("databricks-kedro-stack:jobSchedule, databricks-kedro-stack:jobPipelines are ignored: job is not true.");
    });

    test("Pulumi.yaml's defaults, which the CLI passes as values, are not taken for job keys set in vain", () => {
        const cliDefaults = { job: "false", jobTimezone: "UTC", jobPipelines: "[]", jobSource: "notebook", jobTasks: "node", jobTimeoutMinutes: "120", jobNotifications: "[]", jobSchedule: "", jobSchedulePaused: "" };
        const { warnings } = validateStackConfig(withJob({ ...cliDefaults, gitCommit: undefined }), ctx());
        expect(warnings.filter((warning) => warning.includes("job is not true"))).toEqual([]);
    });

    test("a bad value under job: false is not judged: nothing reads it", () => {
        expect(problemsOf(withJob({ job: "false", jobSchedule: "every day" }))).toEqual([]);
    });

    test("job itself must be a boolean", () => {
        expect(problemOf("job", withJob({ job: "yes" }))).toMatchObject({ value: "yes", allowed: "true or false" });
    });
});

describe("job: true", () => {
    test("defaults: the notebook, the default pipeline, no schedule, UTC, two hours, nobody notified", () => {
        const { settings } = validateStackConfig(withJob(), ctx());
        expect(settings.job).toEqual({ source: "notebook", pipeline: "__default__", pipelines: ["__default__"], production: undefined, schedule: undefined, notifications: [], timeoutMinutes: 120 });
    });

    test("a schedule is read in its time zone, spaces normalised", () => {
        const { settings } = validateStackConfig(withJob({ jobSchedule: " 0 30  6 ? * MON-FRI ", jobTimezone: "Europe/Paris" }), ctx());
        expect(settings.job?.schedule).toEqual({ quartzCron: "0 30 6 ? * MON-FRI", timezone: "Europe/Paris", paused: true });
    });

    test.each([
        ["an unprotected stack", {}, true],
        ["a protected stack", { protect: "true" }, false],
        ["an unprotected stack that asks", { jobSchedulePaused: "false" }, false],
        ["a protected stack that pauses", { protect: "true", jobSchedulePaused: "true" }, true],
    ])("%s: the schedule is created paused = %s", (_name, overrides: RawConfig, paused) => {
        const { settings } = validateStackConfig(withJob({ jobSchedule: "0 0 6 * * ?", ...overrides }), ctx());
        expect(settings.job?.schedule?.paused).toBe(paused);
    });

    test("a schedule that starts the job every hour or more often warns with its next three fire times, in its zone", () => {
        const hourly = validateStackConfig(withJob({ jobSchedule: "0 6 * * * ?", jobTimezone: "Europe/Paris" }), ctx());
        expect(hourly.warnings).toContain(
            'databricks-kedro-stack:jobSchedule "0 6 * * * ?" starts the job 24 times a day: next at Tue 2026-11-24 01:06:00, Tue 2026-11-24 02:06:00, Tue 2026-11-24 03:06:00 (Europe/Paris). ' +
                "Quartz reads seconds first: once a day at 06:00 is \"0 0 6 * * ?\" (pulumi config set jobSchedule '0 0 6 * * ?').",
        );
        expect(hourly.settings.job?.schedule?.quartzCron).toBe("0 6 * * * ?");
        const everySecond = validateStackConfig(withJob({ jobSchedule: "* * 6 * * ?" }), ctx());
        expect(everySecond.warnings.join("\n")).toContain('"* * 6 * * ?" starts the job 3600 times a day: next at Tue 2026-11-24 06:00:00, Tue 2026-11-24 06:00:01, Tue 2026-11-24 06:00:02 (UTC)');
        for (const daily of ["0 0 6 * * ?", "0 30 6 ? * MON-FRI", "0 0 6,18 * * ?"]) expect(validateStackConfig(withJob({ jobSchedule: daily }), ctx()).warnings.join("\n")).not.toContain("times a day");
    });

    test.each(["0 0 6 31 2 ?", "0 0 6 30 2 ?", "0 0 6 * * ? 2020"])("a schedule that never fires (%s) is refused", (cron) => {
        const problem = problemOf("jobSchedule", withJob({ jobSchedule: cron }));
        expect(problem).toMatchObject({ value: cron, fix: "pulumi config set jobSchedule '0 0 6 * * ?' --stack dev" });
        expect(problem?.allowed).toContain("a schedule that fires");
    });

    test("a production stack's schedule, paused because the stack is not protected, warns with both fixes", () => {
        for (const stack of ["prod", "prod-eu", "production"]) {
            const { settings, warnings } = validateStackConfig(withJob({ jobSchedule: "0 0 6 * * ?" }), ctx({ stack }));
            expect(settings.job?.schedule?.paused).toBe(true);
            expect(warnings).toContain(
                `databricks-kedro-stack:jobSchedule is set, but stack ${stack} is not protected (protect: false), so its schedule is created paused and the job never runs on it. ` +
                    `Protect the stack (pulumi config set protect true --stack ${stack}) or unpause it (pulumi config set jobSchedulePaused false --stack ${stack}).`,
            );
        }
        // dev pauses by design; a protected prod, or a prod paused on purpose, is what was asked for.
        for (const [stack, extra] of [["dev", {}], ["prod", { protect: "true" }], ["prod", { jobSchedulePaused: "true" }], ["product-demo", {}]] as const) {
            expect(validateStackConfig(withJob({ jobSchedule: "0 0 6 * * ?", ...extra }), ctx({ stack })).warnings.join("\n")).not.toContain("is created paused");
        }
    });

    test("jobSchedulePaused without a schedule is named as ignored", () => {
        const { warnings } = validateStackConfig(withJob({ jobSchedulePaused: "false" }), ctx());
        expect(warnings).toContain("databricks-kedro-stack:jobSchedulePaused is ignored: jobSchedule is not set, so the job only runs when started.");
    });

    test("a malformed cron names the key, the value, the field at fault and a fix", () => {
        const problem = problemOf("jobSchedule", withJob({ jobSchedule: "0 6 * * *" }));
        expect(problem?.value).toBe("0 6 * * *");
        expect(problem?.allowed).toMatch(/^a Quartz cron expression .*: 5 fields; Quartz takes 6 or 7/);
        expect(problem?.fix).toBe("pulumi config set jobSchedule '0 0 6 * * ?' --stack dev");
        expect(problemOf("jobSchedule", withJob({ jobSchedule: "0 0 25 * * ?" }))?.allowed).toMatch(/hours "25" is not a value for hours \(0-23\)/);
    });

    test("numWorkers over the policy cap is an error with a job, where it is only a warning without", () => {
        const problem = problemOf("numWorkers", withJob({ numWorkers: "5" }));
        expect(problem).toMatchObject({ value: "5", fix: "pulumi config set numWorkers 4 --stack dev" });
        expect(problem?.allowed).toMatch(/at most 4 with job: true/);
        const { warnings } = validateStackConfig(withJob({ job: "false", numWorkers: "5" }), ctx());
        expect(warnings.some((warning) => warning.includes("numWorkers is 5, above the policy pack's default limit of 4"))).toBe(true);
        expect(problemsOf(withJob({ numWorkers: "4" }))).toEqual([]);
    });

    test("the job needs the commit it runs", () => {
        // Read from the Kedro project's repository at the deployed branch, never the repository pulumi runs in.
        expect(problemOf("gitCommit", withJob({ gitCommit: undefined }))).toMatchObject({
            value: undefined,
            fix: `pulumi config set gitCommit "$(git ls-remote https://github.com/acme/iris-databricks.git refs/heads/main | cut -f1)" --stack dev`,
        });
    });

    test("a repository this stack creates has no commit yet: the job waits with the Repo, no error", () => {
        const raw = withJob({ gitUrl: undefined, gitCommit: undefined, githubRepository: "create", githubOwner: "acme", githubRepositoryName: "iris-databricks" });
        const { settings } = validateStackConfig(raw, ctx());
        expect(settings.git.awaitingFirstPush).toBe(true);
        expect(settings.job?.pipeline).toBe("__default__");
    });

    test.each(["my pipeline", "--all", "a;b", "pipe$line", "-x", "é"])("pipeline name %j is refused", (name) => {
        expect(problemOf("jobPipelines", withJob({ jobPipelines: JSON.stringify([name]) }))).toMatchObject({
            value: JSON.stringify([name]),
            fix: "pulumi config rm jobPipelines --stack dev && pulumi config set --path 'jobPipelines[0]' '__default__' --stack dev",
        });
    });

    test.each(["__default__", "data_science", "ds.training", "feature-eng", "v2"])("pipeline name %j is accepted", (name) => {
        expect(validateStackConfig(withJob({ jobPipelines: JSON.stringify([name]) }), ctx()).settings.job?.pipeline).toBe(name);
    });

    test.each(["Mars/Olympus", "+01:00", "CET-1", "PST", "utc+2", "Europe/Paris; rm"])("time zone %j is refused", (zone) => {
        expect(problemOf("jobTimezone", withJob({ jobTimezone: zone }))?.value).toBe(zone);
    });

    test("time zones are IANA IDs or UTC", () => {
        for (const zone of ["UTC", "GMT", "Etc/UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv"]) {
            expect([zone, isTimeZoneId(zone)]).toEqual([zone, true]);
        }
    });

    test.each([
        ["EUROPE/PARIS", "Europe/Paris"],
        ["Europe/paris", "Europe/Paris"],
        ["europe/paris", "Europe/Paris"],
        ["asia/kolkata", "Asia/Kolkata"],
        ["utc", "UTC"],
        ["us/eastern", "US/Eastern"],
    ])("%j, which the scheduler would read as GMT, is refused with its exact spelling %j as the fix", (zone, exact) => {
        const problem = problemOf("jobTimezone", withJob({ jobTimezone: zone }));
        expect(problem).toMatchObject({ value: zone, fix: `pulumi config set jobTimezone ${exact} --stack dev` });
        expect(problem?.allowed).toContain("a name in another case than IANA's, which Java reads as GMT");
    });

    test("jobTimeoutMinutes is 10 to 2880", () => {
        expect(validateStackConfig(withJob({ jobTimeoutMinutes: "45" }), ctx()).settings.job?.timeoutMinutes).toBe(45);
        for (const value of ["0", "9", "2881", "1.5", "soon"]) expect([value, problemOf("jobTimeoutMinutes", withJob({ jobTimeoutMinutes: value }))?.value]).toEqual([value, value]);
    });

    test("notifications are a list of addresses, each once whatever its case; a bad one is named", () => {
        const { settings } = validateStackConfig(withJob({ jobNotifications: '["data@example.com","ops@example.org"]' }), ctx());
        expect(settings.job?.notifications).toEqual(["data@example.com", "ops@example.org"]);
        expect(problemOf("jobNotifications", withJob({ jobNotifications: '["data@example.com","ops@example.org","DATA@example.com"]' }))?.fix).toBe(
            "pulumi config rm jobNotifications --stack dev && pulumi config set --path 'jobNotifications[0]' 'data@example.com' --stack dev && " +
                "pulumi config set --path 'jobNotifications[1]' 'ops@example.org' --stack dev",
        );
        const problem = problemOf("jobNotifications", withJob({ jobNotifications: '["data@example.com","not an address"]' }));
        expect(problem?.value).toBe('["not an address"]');
        expect(problem?.fix).toBe("pulumi config rm jobNotifications --stack dev && pulumi config set --path 'jobNotifications[0]' 'data-team@example.com' --stack dev");
        expect(problemOf("jobNotifications", withJob({ jobNotifications: "data@example.com" }))?.allowed).toBe("a list of e-mail addresses");
    });

    test("every bad job key is reported in one run", () => {
        const keys = problemsOf(withJob({ jobSchedule: "daily", jobPipelines: '["a b"]', jobTimezone: "Nowhere", numWorkers: "9", gitCommit: undefined })).map((problem) => problem.key);
        expect(keys).toEqual(expect.arrayContaining(["jobSchedule", "jobPipelines", "jobTimezone", "numWorkers", "gitCommit"].map((key) => `databricks-kedro-stack:${key}`)));
    });

    test("a repoPath too long for the job's Repo beside it is refused", () => {
        const long = `/Repos/team/${"a".repeat(122)}-dev`;
        expect(problemOf("repoPath", withJob({ repoPath: long }))?.allowed).toMatch(/short enough for the job's Repo/);
        expect(problemsOf(withJob({ repoPath: long, job: undefined, gitCommit: undefined }))).toEqual([]);
    });
});
