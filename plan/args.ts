/** The plan's command line, checked as the Pulumi CLI would check its own flags. */
import { join, resolve } from "node:path";

export type PlanFormat = "text" | "markdown" | "json";

export interface PlanOptions {
    /** The stack's own name, as its file (Pulumi.<stack>.yaml) and the program see it. */
    stack: string;
    /** The project an org-qualified name (org/project/stack) names, to check against Pulumi.yaml. */
    project?: string;
    format: PlanFormat;
    base?: string;
    root: string;
    /** A --policy-pack-config file, as pulumi preview takes it. */
    policyPackConfig?: string;
}

export const USAGE =
    "Usage: npm run plan -- --stack <[org/[project/]]name> [--format text|markdown|json] [--base <git-ref>] " +
    "[--policy-pack-config <file>]";
const FLAGS = ["--stack", "--format", "--base", "--root", "--policy-pack-config"] as const;
const FORMATS: readonly PlanFormat[] = ["text", "markdown", "json"];
/** Pulumi's stack, project and organisation names: letters, digits, `-`, `_` and `.`. */
const NAME = /^[A-Za-z0-9_.-]+$/;

/** A usage error: one line, exit 2. */
export class UsageError extends Error {}

/**
 * `dev`, `acme/dev` or `acme/iris/dev`, as `pulumi --stack` takes it: the
 * CLI keeps a stack's config in Pulumi.<name>.yaml whatever the organisation.
 */
export function parseStackName(text: string): { stack: string; project?: string } {
    const parts = text.split("/");
    if (parts.length > 3 || !parts.every((part) => NAME.test(part))) {
        throw new UsageError(
            `--stack ${text} is not a stack name: ` +
                "<name>, <org>/<name> or <org>/<project>/<name>, each of letters, digits, '-', '_' and '.'.",
        );
    }
    return { stack: parts[parts.length - 1], project: parts.length === 3 ? parts[1] : undefined };
}

export function parseArgs(argv: string[]): PlanOptions {
    const values: Partial<Record<(typeof FLAGS)[number], string>> = {};
    for (let index = 0; index < argv.length; index++) {
        const flag = argv[index] as (typeof FLAGS)[number];
        if (!FLAGS.includes(flag)) throw new UsageError(`${argv[index]} is not a flag of the plan. ${USAGE}`);
        const value = argv[index + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value. ${USAGE}`);
        values[flag] = value;
        index++;
    }
    if (!values["--stack"]) throw new UsageError(USAGE);
    const format = (values["--format"] ?? "text") as PlanFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format is ${format}; allowed: text, markdown or json.`);
    return {
        ...parseStackName(values["--stack"]),
        format,
        base: values["--base"],
        root: resolve(values["--root"] ?? join(__dirname, "..")),
        policyPackConfig: values["--policy-pack-config"],
    };
}
