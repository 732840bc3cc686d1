/**
 * The component's inputs and the stack's config are the same keys: a program
 * that uses the component passes as inputs what a stack sets as config, and
 * both are checked by the one validation. This module turns inputs into the
 * config's text form and a config problem's fix into the input's.
 */
import { InputPropertiesError } from "@pulumi/pulumi/errors";
import { CLASSIC_ONLY_KEYS } from "../lib/serverless";
import { volumeFullName } from "../lib/volume";
import { ConfigError, type ConfigProblem, PROJECT, describeProblem } from "./errors";
import { KEYS, PROJECT_KEYS, type ProjectKey } from "./keyTable";
import type { RawConfig } from "./reporter";
import type { KedroStackSettings } from "./types";

/** Keys of the stack alone: the GitHub repository is a component of its own, and protect is a resource option. */
export const STACK_ONLY_KEYS: readonly ProjectKey[] = ["githubRepository", "githubOwner", "githubRepositoryName", "protect"];

/** The keys the Kedro environment takes as inputs, by the same names. */
export const INPUT_KEYS: readonly ProjectKey[] = PROJECT_KEYS.filter((key) => !STACK_ONLY_KEYS.includes(key));

/** Inputs read as secrets, never validated by value. */
export const SECRET_INPUTS: readonly ProjectKey[] = INPUT_KEYS.filter((key) => "secret" in KEYS[key]);

export type InputValue = string | number | boolean | readonly string[];

/** An input that cannot be read as config: a value not yet known (an Output) where the validation needs it now. */
export interface UnreadableInput {
    key: ProjectKey;
    kind: string;
}

/** The inputs as a stack's config holds them (text; a list as JSON), and the ones that are not plain values. */
export function rawFromInputs(
    inputs: Readonly<Record<string, unknown>>,
    protect: boolean,
): { raw: RawConfig; unreadable: UnreadableInput[] } {
    const raw: RawConfig = { protect: String(protect) };
    const unreadable: UnreadableInput[] = [];
    for (const key of INPUT_KEYS) {
        const value = inputs[key];
        if (value === undefined || value === null || SECRET_INPUTS.includes(key)) continue;
        if (typeof value === "string") raw[key] = value;
        else if (typeof value === "number" || typeof value === "boolean") raw[key] = String(value);
        else if (Array.isArray(value) && value.every((item) => typeof item === "string")) raw[key] = JSON.stringify(value);
        else unreadable.push({ key, kind: Array.isArray(value) ? "a list with a value that is not text" : typeof value });
    }
    return { raw, unreadable };
}

/** The inputs that reproduce a stack's settings: what a program passes to get the environment a stack config describes. */
export function inputsFromSettings(settings: KedroStackSettings): Record<string, InputValue> {
    const { git, cluster, kedro, people, job, workspace } = settings;
    const created = workspace.mode === "create" ? workspace : undefined;
    const inputs: Record<string, InputValue | undefined> = {
        cloud: settings.cloud,
        compute: settings.compute,
        dataVolume: settings.dataVolume && volumeFullName(settings.dataVolume),
        gitUrl: git.url,
        gitUsername: git.username || undefined,
        gitCredential: git.credential,
        gitProvider: git.provider,
        gitBranch: git.branch,
        gitCommit: git.commit,
        sparkVersion: cluster.sparkVersion,
        nodeType: cluster.nodeType,
        driverNodeType: cluster.driverNodeType,
        numWorkers: cluster.numWorkers,
        autoterminationMinutes: cluster.autoterminationMinutes,
        spot: cluster.spot,
        accessMode: cluster.accessMode,
        clusterNoWait: cluster.noWait,
        singleUserName: cluster.singleUserName,
        environmentUser: people.user,
        environmentGroup: people.group,
        kedroInstall: kedro.install,
        kedroPackages: kedro.packages,
        repoPath: settings.repoPath,
        notebookPath: settings.notebookPath,
        job: job !== undefined,
        jobSchedule: job?.schedule?.quartzCron,
        jobTimezone: job?.schedule?.timezone,
        jobSchedulePaused: job?.schedule?.paused,
        jobSource: job?.source,
        jobPipelines: job ? [...job.pipelines] : undefined,
        jobTasks: job?.production?.taskSize,
        kedroSnapshot: job?.production?.snapshot.path,
        kedroWheel: job?.production?.wheel.path,
        kedroConf: job?.production?.conf.path,
        jobNotifications: job?.notifications,
        jobTimeoutMinutes: job?.timeoutMinutes,
        workspace: workspace.mode,
        workspaceName: created?.name,
        databricksAccountId: created && "accountId" in created ? created.accountId : undefined,
        databricksClientId: created && "clientId" in created ? created.clientId : undefined,
        databricksGoogleServiceAccount: created && "googleServiceAccount" in created ? created.googleServiceAccount : undefined,
    };
    // Serverless: the cluster keys do not apply, and a derived value (the cloud's node type) would be refused as set.
    const applies = (key: string) => settings.compute === "classic" || !(key in CLASSIC_ONLY_KEYS);
    return Object.fromEntries(
        Object.entries(inputs).filter((entry): entry is [string, InputValue] => entry[1] !== undefined && applies(entry[0])),
    );
}

const INPUTS: ReadonlySet<string> = new Set(INPUT_KEYS);
const CONFIG_SET = /^pulumi config set (?:--secret )?([A-Za-z]+) (.+) --stack \S+$/;
const CONFIG_RM = /^pulumi config rm ([A-Za-z]+) --stack \S+$/;
const CONFIG_SET_ITEM = /^pulumi config set --path '([A-Za-z]+)\[\d+\]' (.+) --stack \S+$/;

const unquote = (value: string) => value.replace(/^'(.*)'$/, "$1");

/** A fix as the component's caller applies it: `set nodeType to m4.large`, `leave gitProvider unset`; others (databricks:host, …) stay. */
export function inputFix(fix: string): string {
    const commands = fix.split(" && ");
    // A list is removed, then set item by item: its items become one list.
    const items = new Map<string, string[]>();
    for (const command of commands) {
        const item = CONFIG_SET_ITEM.exec(command);
        if (item && INPUTS.has(item[1])) items.set(item[1], [...(items.get(item[1]) ?? []), unquote(item[2])]);
    }
    const phrased = commands.flatMap((command) => {
        const item = CONFIG_SET_ITEM.exec(command);
        if (item && INPUTS.has(item[1])) return [];
        const rm = CONFIG_RM.exec(command);
        if (rm && INPUTS.has(rm[1])) return items.has(rm[1]) ? [] : [`leave ${rm[1]} unset`];
        const set = CONFIG_SET.exec(command);
        if (set && INPUTS.has(set[1])) return [`set ${set[1]} to ${set[2]}`];
        return [command];
    });
    return [...phrased, ...[...items].map(([key, values]) => `set ${key} to ${JSON.stringify(values)}`)].join(" and ");
}

/** A config problem as the input's: `nodeType` for `databricks-kedro-stack:nodeType`, and the fix as an input change. */
export function inputProblem(problem: ConfigProblem): ConfigProblem {
    const name = problem.key.startsWith(`${PROJECT}:`) ? problem.key.slice(PROJECT.length + 1) : problem.key;
    return { ...problem, key: INPUTS.has(name) ? name : problem.key, fix: inputFix(problem.fix) };
}

/** A warning's `pulumi config set <input> …` advice as the input's. */
export function inputWarning(warning: string): string {
    return warning.replace(
        /pulumi config (?:set|rm) (?:--secret )?([A-Za-z]+)(?: (?:'[^']*'|"[^"]*"|\S+))? --stack [^\s).,]+/g,
        (command, key) => (INPUTS.has(key) ? inputFix(command) : command),
    );
}

/**
 * Every bad input at once, as the engine prints a component's input errors
 * (one per property); the values masked as in a ConfigError.
 */
export function inputsError(component: string, name: string, given: readonly ConfigProblem[]): InputPropertiesError {
    const problems = new ConfigError(name, given.map(inputProblem)).problems;
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    return new InputPropertiesError({
        message:
            `Invalid inputs for ${component} "${name}" (${count}):\n` +
            problems.map((problem) => `  - ${describeProblem(problem)}`).join("\n"),
        errors: problems.map((problem) => ({
            propertyPath: problem.key,
            reason: describeProblem(problem)
                .slice(problem.key.length + 1)
                .replace("\n    Fix:", " Fix:"),
        })),
    });
}
