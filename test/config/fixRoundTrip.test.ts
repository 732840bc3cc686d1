/**
 * Every Fix: line is a command a user can paste: for each row of bad input
 * the fix is exactly the one that keeps what the user meant, and applied to
 * the stack file as bash and the CLI would apply it, it clears the problem
 * without raising another. Rows are generated from the key table where the
 * intent is mechanical (a typo of a value or a key, a bound, a boolean word).
 */
import { KEYS, type ProjectKey } from "../../config";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { ProjectFiles } from "../../config/types";
import { buildWheel, snapshotPath } from "../kedroFixtures";
import { type StackFile, type YamlValue, FAKE_SHA, applyFix, commandsOf, judge } from "./stackFileModel";

const P = "databricks-kedro-stack";
const COMMIT = FAKE_SHA.replace(/0/g, "a");
const LS_REMOTE = '"$(git ls-remote https://github.com/acme/iris-databricks.git refs/heads/main | cut -f1)"';

interface Row {
    label: string;
    /** Keys over the base dev stack (short for project keys); undefined removes one. */
    set: Record<string, YamlValue | undefined>;
    secure?: string[];
    stack?: string;
    /** The key the problem names (short for a project key). */
    key: string;
    fix: string;
    /** Values for placeholders and prompts, as the user would give them. */
    answers?: Record<string, string>;
}

const fullKey = (key: string) => (key.includes(":") ? key : `${P}:${key}`);

function stackFile(row: Row): StackFile {
    const config: Record<string, YamlValue> = {
        "databricks:host": "https://dbc-1234abcd-5678.cloud.databricks.com",
        [`${P}:cloud`]: "aws",
        [`${P}:gitUrl`]: "https://github.com/acme/iris-databricks.git",
        [`${P}:gitUsername`]: "acme-bot",
        [`${P}:gitToken`]: "ghp_FAKE0123456789abcdefTOKEN",
    };
    for (const [key, value] of Object.entries(row.set)) {
        if (value === undefined) delete config[fullKey(key)];
        else config[fullKey(key)] = value;
    }
    return { config, secure: new Set((row.secure ?? ["gitToken"]).map(fullKey)) };
}

/** A value with one letter dropped from its middle: a typo whose nearest spelling is the value itself. */
const typo = (value: string) => value.slice(0, Math.floor(value.length / 2)) + value.slice(Math.floor(value.length / 2) + 1);

const JOB = { job: "true", gitCommit: COMMIT };

/** The production job's artifacts in the project's folder: spaceflights' snapshot, its wheel and its conf archive. */
const PROJECT_FILES: ProjectFiles = (() => {
    const files = new Map<string, Uint8Array>([
        ["/project/kedro-dist/snapshot.json", readFileSync(snapshotPath("spaceflights"))],
        ["/project/kedro-dist/spaceflights-0.1-py3-none-any.whl", buildWheel()],
        ["/project/kedro-dist/conf-spaceflights.tar.gz", new Uint8Array([31, 139])],
    ]);
    return { root: "/project", read: (path) => files.get(path) };
})();
const WHEEL = {
    ...JOB,
    sparkVersion: "15.4.x-scala2.12",
    jobSource: "wheel",
    kedroSnapshot: "kedro-dist/snapshot.json",
    kedroWheel: "kedro-dist/spaceflights-0.1-py3-none-any.whl",
    jobPipelines: ["data_science"],
};
/** The context a key's rows need: the job's keys mean something only with a job, the wheel's only with a wheel job. */
const contextOf = (key: string) => (key === "jobSource" || key === "jobTasks" ? WHEEL : key.startsWith("job") ? JOB : {});

/** Each enumerated key's values, misspelt: fixed to the value meant. */
const choiceRows: Row[] = (Object.keys(KEYS) as ProjectKey[]).flatMap((key) => {
    const values = (KEYS[key] as { values?: readonly string[] }).values ?? [];
    return values
        .filter((value) => value.length > 4 && !(key === "workspace" && value === "create"))
        .map((value) => ({ label: `${key}: ${typo(value)}`, set: { ...contextOf(key), [key]: typo(value) }, key, fix: `pulumi config set ${key} ${value} --stack dev` }));
});

/** Each bounded integer key, past its bounds or fractional: fixed to the nearest whole number allowed. */
const integerRows: Row[] = (Object.keys(KEYS) as ProjectKey[]).flatMap((key) => {
    const range = (KEYS[key] as { range?: { min: number; max?: number } }).range;
    if (!range) return [];
    const extra = key.startsWith("job") ? JOB : {};
    const rows: Row[] = [
        { label: `${key} below its minimum`, set: { ...extra, [key]: String(range.min - 1) }, key, fix: `pulumi config set ${key} ${range.min} --stack dev` },
        { label: `${key} fractional`, set: { ...extra, [key]: `${range.min + 2}.6` }, key, fix: `pulumi config set ${key} ${range.min + 3} --stack dev` },
    ];
    if (range.max !== undefined) rows.push({ label: `${key} above its maximum`, set: { ...extra, [key]: String(range.max + 5) }, key, fix: `pulumi config set ${key} ${range.max} --stack dev` });
    return rows;
});

/** Each boolean key given a word: the CLI refuses anything but true or false, and the fix is the boolean the word means. */
const booleanRows: Row[] = (Object.keys(KEYS) as ProjectKey[])
    .filter((key) => KEYS[key].type === "boolean" && key !== "job")
    .flatMap((key) =>
        [["yes", "true"], ["off", "false"], ["True", "true"]].map(([word, meant]) => ({ label: `${key}: ${word}`, set: { [key]: word }, key, fix: `pulumi config set ${key} ${meant} --stack dev` })),
    );

/** Keys misspelt in the stack file, each with a value: the fix moves the value to the key meant. */
const MISSPELT: Array<[typo: string, meant: string, value: string]> = [
    ["numWorker", "numWorkers", "2"],
    ["autoTerminationMinute", "autoterminationMinutes", "45"],
    ["protected", "protect", "true"],
    ["gitBranc", "gitBranch", "develop"],
    ["sparkVersio", "sparkVersion", "15.4.x-scala2.12"],
    ["nodeTyp", "nodeType", "m5d.large"],
    ["environmentUsr", "environmentUser", "alice@example.com"],
    ["kedroInstal", "kedroInstall", "cluster"],
    ["accesMode", "accessMode", "NONE"],
    ["jobTimezon", "jobTimezone", "Europe/Paris"],
    ["gitCommt", "gitCommit", COMMIT],
    ["singleUserNam", "singleUserName", "alice@example.com"],
    ["computee", "compute", "serverless"],
];
const misspeltRows: Row[] = MISSPELT.map(([wrong, meant, value]) => ({
    label: `${wrong} (meant ${meant})`,
    set: { [wrong]: value },
    key: wrong,
    fix: `pulumi config rm ${wrong} --stack dev && pulumi config set ${meant} ${value} --stack dev`,
}));

const scheduleRow = (label: string, schedule: string, fixed: string): Row => ({
    label,
    set: { ...JOB, jobSchedule: schedule },
    key: "jobSchedule",
    fix: `pulumi config set jobSchedule '${fixed}' --stack dev`,
});

const handRows: Row[] = [
    { label: "compute: severless", set: { compute: "severless" }, key: "compute", fix: "pulumi config set compute serverless --stack dev" },
    scheduleRow("both day fields set, weekdays kept", "0 0 6 * * MON-FRI", "0 0 6 ? * MON-FRI"),
    scheduleRow("day of week 0, Unix's Sunday", "0 0 6 ? * 0", "0 0 6 ? * SUN"),
    scheduleRow("@daily, which is midnight", "@daily", "0 0 0 * * ?"),
    scheduleRow("@hourly", "@hourly", "0 0 * * * ?"),
    scheduleRow("a Unix cron of weekdays", "30 6 * * 1-5", "0 30 6 ? * MON-FRI"),
    scheduleRow("both day fields ?", "0 0 6 ? * ?", "0 0 6 * * ?"),
    scheduleRow("a day of month and a weekday: the weekday kept, the problem naming the other choice", "0 0 6 1 * MON", "0 0 6 ? * MON"),
    scheduleRow("weekends in Unix numbers", "0 0 7 * * 0,6", "0 0 7 ? * SUN,SAT"),
    { label: "jobSchedulePaused: no", set: { ...JOB, jobSchedule: "0 0 6 * * ?", jobSchedulePaused: "no" }, key: "jobSchedulePaused", fix: "pulumi config set jobSchedulePaused false --stack dev" },
    { label: "jobSchedulePaused: on", set: { ...JOB, jobSchedule: "0 0 6 * * ?", jobSchedulePaused: "on" }, key: "jobSchedulePaused", fix: "pulumi config set jobSchedulePaused true --stack dev" },
    { label: "Europe/Pariss", set: { ...JOB, jobTimezone: "Europe/Pariss" }, key: "jobTimezone", fix: "pulumi config set jobTimezone Europe/Paris --stack dev" },
    { label: "+01:00", set: { ...JOB, jobTimezone: "+01:00" }, key: "jobTimezone", fix: "pulumi config set jobTimezone Etc/GMT-1 --stack dev" },
    { label: "europe/london", set: { ...JOB, jobTimezone: "europe/london" }, key: "jobTimezone", fix: "pulumi config set jobTimezone Europe/London --stack dev" },
    { label: "PST", set: { ...JOB, jobTimezone: "PST" }, key: "jobTimezone", fix: "pulumi config set jobTimezone America/Los_Angeles --stack dev" },
    { label: "accessMode: USER_ISOLATION keeps isolation", set: { accessMode: "USER_ISOLATION" }, key: "accessMode", fix: "pulumi config set accessMode SINGLE_USER --stack dev" },
    { label: "accessMode: no isolation", set: { accessMode: "NO_ISOLATION" }, key: "accessMode", fix: "pulumi config set accessMode NONE --stack dev" },
    { label: "a key with an empty name", set: { [`${P}:`]: "2" }, key: `${P}:`, fix: `pulumi config rm ${P}: --stack dev` },
    { label: "a misspelt key holding a secret", set: { gitTokn: "ghp_FAKEotherTOKEN0123456789", gitToken: undefined }, secure: ["gitTokn"], key: "gitTokn", fix: "pulumi config get gitTokn --stack dev | pulumi config set --secret gitToken --stack dev && pulumi config rm gitTokn --stack dev" },
    { label: "a misspelt list key", set: { kedroPackage: ["kedro~=1.0", "kedro-viz"], sparkVersion: "15.4.x-scala2.12" }, key: "kedroPackage", fix: "pulumi config rm kedroPackage --stack dev && pulumi config set --path 'kedroPackages[0]' 'kedro~=1.0' --stack dev && pulumi config set --path 'kedroPackages[1]' 'kedro-viz' --stack dev" },
    { label: "a misspelt key beside the key it meant: the stray copy goes", set: { numWorker: "3", numWorkers: "2" }, key: "numWorker", fix: "pulumi config rm numWorker --stack dev" },
    { label: "gitCommit short, read from the Kedro repository", set: { gitCommit: "abc1234" }, key: "gitCommit", fix: `pulumi config set gitCommit ${LS_REMOTE} --stack dev` },
    { label: "job without gitCommit", set: { job: "true" }, key: "gitCommit", fix: `pulumi config set gitCommit ${LS_REMOTE} --stack dev` },
    { label: "host copied from the browser", set: { "databricks:host": "https://dbc-1234abcd-5678.cloud.databricks.com/?o=123#job/1" }, key: "databricks:host", fix: "pulumi config set databricks:host https://dbc-1234abcd-5678.cloud.databricks.com --stack dev" },
    { label: "host over http", set: { "databricks:host": "http://dbc-1234abcd-5678.cloud.databricks.com" }, key: "databricks:host", fix: "pulumi config set databricks:host https://dbc-1234abcd-5678.cloud.databricks.com --stack dev" },
    { label: "an Azure host with cloud aws", set: { "databricks:host": "https://adb-1.2.azuredatabricks.net" }, key: "databricks:host", fix: "pulumi config set cloud azure --stack dev" },
    { label: "a GitHub token as gitUsername", set: { gitUsername: "ghp_FAKE0123456789abcdefOTHER", gitToken: undefined }, key: "gitUsername", fix: "pulumi config get gitUsername --stack dev | pulumi config set --secret gitToken --stack dev && pulumi config set gitUsername '<git-username>' --stack dev", answers: { "<git-username>": "acme-bot" } },
    { label: "a Databricks token as environmentUser", set: { environmentUser: "dapi0123456789abcdef0123456789abcdef" }, key: "environmentUser", fix: "pulumi config get environmentUser --stack dev | pulumi config set --secret databricks:token --stack dev && pulumi config rm environmentUser --stack dev" },
    { label: "databricks:token in plaintext", set: { "databricks:token": "dapi0123456789abcdef0123456789abcdef" }, key: "databricks:token", fix: "pulumi config get databricks:token --stack dev | pulumi config set --secret databricks:token --stack dev" },
    { label: "the same address twice", set: { ...JOB, jobNotifications: ["data@example.com", "Data@Example.com"] }, key: "jobNotifications", fix: "pulumi config rm jobNotifications --stack dev && pulumi config set --path 'jobNotifications[0]' 'data@example.com' --stack dev" },
    { label: "aws:region as a map", set: { "aws:region": { name: "eu-west-1" } }, key: "aws:region", fix: "pulumi config set aws:region eu-west-1 --stack dev" },
    { label: "m4.Large", set: { nodeType: "m4.Large" }, key: "nodeType", fix: "pulumi config set nodeType m4.large --stack dev" },
    { label: "standard_ds3_v2 on Azure", set: { cloud: "azure", "databricks:host": "https://adb-1.2.azuredatabricks.net", nodeType: "standard_ds3_v2" }, key: "nodeType", fix: "pulumi config set nodeType Standard_DS3_v2 --stack dev" },
    { label: "N1-STANDARD-4 on GCP", set: { cloud: "gcp", "databricks:host": "https://1.2.gcp.databricks.com", nodeType: "N1-STANDARD-4" }, key: "nodeType", fix: "pulumi config set nodeType n1-standard-4 --stack dev" },
    { label: "cloud: amazon", set: { cloud: "amazon" }, key: "cloud", fix: "pulumi config set cloud aws --stack dev" },
    { label: "cloud: azrue", set: { cloud: "azrue", "databricks:host": "https://adb-1.2.azuredatabricks.net" }, key: "cloud", fix: "pulumi config set cloud azure --stack dev" },
    { label: "gitProvider: github", set: { gitProvider: "githb" }, key: "gitProvider", fix: "pulumi config set gitProvider gitHub --stack dev" },
    { label: "githubRepository: exsting", set: { githubRepository: "exsting" }, key: "githubRepository", fix: "pulumi config set githubRepository existing --stack dev" },
    { label: "gitToken missing: asked for at the prompt", set: { gitToken: undefined }, key: "gitToken", fix: "pulumi config set --secret gitToken --stack dev", answers: { prompt: "ghp_FAKEtypedAtThePrompt0123" } },
    { label: "gitToken in plaintext", set: { gitToken: "ghp_FAKE0123456789abcdefTOKEN" }, secure: [], key: "gitToken", fix: "pulumi config get gitToken --stack dev | pulumi config set --secret gitToken --stack dev" },
    { label: "environmentUser as a list points to environmentGroup", set: { environmentUser: ["alice@example.com", "bob@example.com"] }, key: "environmentUser", fix: "pulumi config rm environmentUser --stack dev" },
    { label: "a one-item list for a string key", set: { gitBranch: ["develop"] }, key: "gitBranch", fix: "pulumi config set gitBranch develop --stack dev" },
    { label: "a number for a string key", set: { gitBranch: 1.1 }, key: "gitBranch", fix: "pulumi config set gitBranch 1.1 --stack dev" },
    {
        label: "creating an AWS workspace without the account id: only the user knows it, so a quoted placeholder",
        set: { "databricks:host": undefined, workspace: "create", "aws:region": "eu-west-1", databricksClientId: "sp-client", databricksClientSecret: "dose_FAKEsecret42", environmentUser: "alice@example.com" },
        secure: ["gitToken", "databricksClientSecret"],
        key: "databricksAccountId",
        fix: "pulumi config set databricksAccountId '<account-id>' --stack dev",
        answers: { "<account-id>": "0d9c1b2a-1234-4cde-8f00-123456789abc" },
    },
    {
        label: "creating a GCP workspace without gcp:project: the service account's project",
        set: { "databricks:host": undefined, cloud: "gcp", workspace: "create", "gcp:region": "europe-west1", databricksAccountId: "0d9c1b2a-1234-4cde-8f00-123456789abc", databricksGoogleServiceAccount: "deployer@acme-data.iam.gserviceaccount.com" },
        key: "gcp:project",
        fix: "pulumi config set gcp:project acme-data --stack dev",
    },
    { label: "the retired jobPipeline moves to jobPipelines", set: { ...JOB, jobPipeline: "data_science" }, key: "jobPipeline", fix: "pulumi config rm jobPipeline --stack dev && pulumi config set --path 'jobPipelines[0]' 'data_science' --stack dev" },
    { label: "two pipelines for the notebook job: the first kept", set: { ...JOB, jobPipelines: ["data_processing", "data_science"] }, key: "jobPipelines", fix: "pulumi config rm jobPipelines --stack dev && pulumi config set --path 'jobPipelines[0]' 'data_processing' --stack dev" },
    { label: "a pipeline misspelt: the registered one meant", set: { ...WHEEL, jobPipelines: ["data_processing", "data_sciense"] }, key: "jobPipelines", fix: "pulumi config rm jobPipelines --stack dev && pulumi config set --path 'jobPipelines[0]' 'data_processing' --stack dev && pulumi config set --path 'jobPipelines[1]' 'data_science' --stack dev" },
    { label: "an empty pipeline: the one with nodes", set: { ...WHEEL, jobPipelines: ["empty"] }, key: "jobPipelines", fix: "pulumi config rm jobPipelines --stack dev && pulumi config set --path 'jobPipelines[0]' '__default__' --stack dev" },
    { label: "a wheel job without its wheel: only the user knows the path", set: { ...WHEEL, kedroWheel: undefined }, key: "kedroWheel", fix: "pulumi config set kedroWheel '<kedro-dist/package-0.1-py3-none-any.whl>' --stack dev", answers: { "<kedro-dist/package-0.1-py3-none-any.whl>": "kedro-dist/spaceflights-0.1-py3-none-any.whl" } },
    { label: "sparkVersion as the UI names it", set: { sparkVersion: "15.4 LTS" }, key: "sparkVersion", fix: "pulumi config set sparkVersion 15.4.x-scala2.12 --stack dev" },
    { label: "gitBranch as a ref", set: { gitBranch: "refs/heads/main" }, key: "gitBranch", fix: "pulumi config set gitBranch main --stack dev" },
];

const ROWS: Row[] = [...choiceRows, ...integerRows, ...booleanRows, ...misspeltRows, ...handRows];

test("the table covers every kind of key, with at least 80 rows", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ROWS.map((row) => row.label)).size).toBe(ROWS.length);
});

test.each(ROWS.map((row) => [row.label, row] as const))("%s: the fix keeps what was meant, and applied it clears the problem", (_label, row) => {
    const stack = row.stack ?? "dev";
    const file = stackFile(row);
    const before = judge(file, stack, PROJECT_FILES);
    const problem = before.find((candidate) => candidate.key === fullKey(row.key));
    expect(problem?.fix).toBe(row.fix);
    applyFix(file, row.fix, row.answers);
    const after = judge(file, stack, PROJECT_FILES);
    expect(after.map((candidate) => candidate.key)).not.toContain(fullKey(row.key));
    // No new problem: whatever is left was there before.
    expect(after.filter((candidate) => !before.some((old) => old.key === candidate.key))).toEqual([]);
});

test("bash itself splits every fix into the words the model ran", () => {
    // One bash for all rows: pulumi is a function that records its arguments; git answers FAKE_SHA; cut passes it on.
    const script = [
        "exec 3>&1",
        // One write a call, so the two sides of a pipe never interleave their records.
        "pulumi() { local IFS=$'\\037'; printf '%s\\036' \"$*\" >&3; }",
        `git() { echo ${FAKE_SHA}; }`,
        "cut() { cat; }",
        ...ROWS.map((row) => `printf '\\035' >&3; ${row.fix}`),
    ].join("\n");
    const output = execFileSync("bash", ["-c", script], { encoding: "utf8" });
    // The two sides of a pipe run at once, so a row's calls are compared as a set.
    const sorted = (calls: string[][]) => calls.map((words) => JSON.stringify(words)).sort();
    const perRow = output.split("\x1d").slice(1).map((calls) => sorted(calls.split("\x1e").filter((call) => call !== "").map((call) => call.split("\x1f"))));
    expect(perRow).toEqual(ROWS.map((row) => sorted(commandsOf(row.fix).map((words) => words.slice(1)))));
});

test("the model refuses what bash would not run as written", () => {
    const file = stackFile({ label: "", set: {}, key: "", fix: "" });
    expect(() => applyFix(file, "pulumi config set environmentUser <you@example.com> --stack dev")).toThrow(/redirection|"<"/);
    expect(() => applyFix(file, "pulumi config set jobSchedule 0 0 6 * * ? --stack dev")).toThrow(/"\*"/);
    expect(() => applyFix(file, "pulumi config set gitUsername '<git-username>' --stack dev")).toThrow(/placeholder no row answers/);
});
