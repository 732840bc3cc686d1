import { RunError } from "@pulumi/pulumi/errors";
import { redact } from "../lib/redact";

export const PROJECT = "databricks-kedro-stack";

/** A project key's full name, as Pulumi stores it: `databricks-kedro-stack:<name>`. */
export const projectKey = (name: string) => `${PROJECT}:${name}`;

/** One bad config value, described well enough to fix it without reading code. */
export interface ConfigProblem {
    /** Full key, e.g. `databricks-kedro-stack:cloud` or `databricks:host`. */
    key: string;
    /** The value as given, or undefined when missing. Never a secret's value. */
    value: string | undefined;
    /** What is allowed: a list, a range or a form. */
    allowed: string;
    /** The command that fixes it. */
    fix: string;
}

/** A value in single quotes, as the shell passes it unchanged. */
export function shellQuote(value: string): string {
    return `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * A value as a shell word: quoted when the shell would split, glob, expand or
 * redirect it (a cron's `0 0 6 * * ?`, a placeholder's `<you@example.com>`,
 * which bash would read as a redirection). A command substitution that reads
 * a value (`"$(pulumi config get gitUsername --stack dev)"`) stays in double
 * quotes, to be run.
 */
export function shellWord(value: string): string {
    if (/^"\$\([^()"]*\)"$/.test(value)) return value;
    return /[\s*?[\]'"\\;&|!#`$(){}<>~]/.test(value) || value === "" ? shellQuote(value) : value;
}

/** A key as users type it on the command line: a project key short, any other key whole. */
export function shortKey(key: string): string {
    return key.startsWith(`${PROJECT}:`) && key.length > PROJECT.length + 1 ? key.slice(PROJECT.length + 1) : key;
}

/**
 * Stores a key's value as the secret `to`: `pulumi config get` pipes it into
 * `pulumi config set --secret`, which reads a value from standard input when
 * none is given, so the value is never printed nor on a command line.
 */
export function moveToSecretCommand(from: string, to: string, stack: string): string {
    const [source, target] = [shellWord(shortKey(from)), shellWord(shortKey(to))];
    return `pulumi config get ${source} --stack ${stack} | pulumi config set --secret ${target} --stack ${stack}`;
}

export function configRmCommand(key: string, stack: string): string {
    return `pulumi config rm ${shellWord(shortKey(key))} --stack ${stack}`;
}

/** The `pulumi config set` command for a key; a secret without a value is asked for at the prompt, never typed into history. */
export function configSetCommand(key: string, value: string, stack: string, opts: { secret?: boolean } = {}): string {
    const secret = opts.secret ? "--secret " : "";
    const word = opts.secret && value === "" ? "" : ` ${shellWord(value)}`;
    return `pulumi config set ${secret}${shellWord(shortKey(key))}${word} --stack ${stack}`;
}

/**
 * The commands that store a list under a key: the CLI takes a list only item
 * by item through --path (a JSON string would be stored as a string, which it
 * refuses for an array key), so the old value goes first.
 */
export function configSetListCommand(key: string, values: readonly string[], stack: string): string {
    return [configRmCommand(key, stack), configSetListItems(key, values, stack)].join(" && ");
}

/** The item-by-item commands alone, for a key known to be unset. */
export function configSetListItems(key: string, values: readonly string[], stack: string): string {
    const name = shortKey(key);
    return values.map((value, index) => `pulumi config set --path '${name}[${index}]' ${shellQuote(value)} --stack ${stack}`).join(" && ");
}

export function describeProblem(problem: ConfigProblem): string {
    const given = problem.value === undefined ? "is not set" : `is ${JSON.stringify(problem.value)}`;
    return `${problem.key} ${given}; allowed: ${problem.allowed}.\n    Fix: ${problem.fix}`;
}

/** A RunError, so Pulumi prints the message without a stack trace. */
export class ConfigError extends RunError {
    /** The problems, every credential in them masked: they reach terminals, CI logs and PR comments. */
    readonly problems: readonly ConfigProblem[];
    /** What the validation warned of before it stopped, masked too: said with the problems, not lost with them. */
    readonly warnings: readonly string[];

    constructor(
        readonly stack: string,
        given: readonly ConfigProblem[],
        warnings: readonly string[] = [],
    ) {
        const problems = given.map((problem) => ({
            key: problem.key,
            value: problem.value === undefined ? undefined : redact(problem.value),
            allowed: redact(problem.allowed),
            fix: redact(problem.fix),
        }));
        super(
            `Invalid configuration for stack "${stack}" (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((problem) => `  - ${describeProblem(problem)}`).join("\n"),
        );
        this.name = "ConfigError";
        this.problems = problems;
        this.warnings = warnings.map(redact);
    }
}
