/**
 * A stack's config as the Pulumi CLI would hand it to the program, read from
 * Pulumi.yaml (project defaults) and Pulumi.<stack>.yaml, without the CLI.
 * Encrypted values cannot be decrypted here: they become marked placeholders.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, parse, parseDocument } from "yaml";
import { configSetCommand } from "../config/errors";
import { type Declaration, cliRefusal } from "./cliRefusals";

export interface StackConfigFiles {
    project: string;
    /** Full keys (`project:key`, `databricks:host`) to the string values programs see. */
    config: Record<string, string>;
    /** Keys whose values are secrets (placeholders here). */
    secretKeys: string[];
    /** Declared secret keys the stack file does not set; planned with a placeholder, but pulumi up needs them. */
    missingSecrets: string[];
}

export const secretPlaceholder = (key: string) => `[secret ${key}]`;

/** A config file the CLI would refuse to read: reported in one line, never as a stack trace. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/**
 * A YAML file as the CLI reads it, or a StackFileError naming the file and
 * the line. Aliases are few in a config file, so a handful is the limit: an
 * alias bomb fails fast instead of exhausting memory.
 */
function readYaml(file: string, name: string): Record<string, unknown> {
    let document: unknown;
    try {
        document = parse(readFileSync(file, "utf8"), { maxAliasCount: 20, uniqueKeys: true });
    } catch (error) {
        const reason = (error as Error).message.split("\n")[0].replace(/:\s*$/, "");
        throw new StackFileError(`${name} is not valid YAML: ${reason}. Fix the file (the Pulumi CLI refuses it too).`);
    }
    if (document === null || document === undefined) return {};
    if (typeof document !== "object" || Array.isArray(document))
        throw new StackFileError(
            `${name} must be a YAML mapping (config: …), not ${Array.isArray(document) ? "a list" : typeof document}.`,
        );
    return document as Record<string, unknown>;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

interface ProjectFile {
    name: string;
    config?: Record<string, Record<string, unknown>>;
}

/** The stack file's config mapping, or a StackFileError for a file the CLI would not read as one. */
function readStackDocument(root: string, stack: string): Record<string, unknown> {
    const stackFile = join(root, `Pulumi.${stack}.yaml`);
    if (!existsSync(stackFile)) {
        throw new StackFileError(
            `No Pulumi.${stack}.yaml in ${root}: create the stack with pulumi stack select --create ${stack}, or name an existing one.`,
        );
    }
    const document = readYaml(stackFile, `Pulumi.${stack}.yaml`);
    // Config keys at the top level are no config at all to the CLI: say so, not that every key is unset.
    const stray = Object.keys(document).filter((key) => key.includes(":"));
    if (stray.length > 0) {
        const [them, each] = stray.length === 1 ? ["it", "it"] : ["them", "each"];
        throw new StackFileError(
            `Pulumi.${stack}.yaml has ${stray.join(", ")} at the top level, where the CLI reads no config: put ${them} under a config: ` +
                `mapping (config:, then each key indented), or set ${each} with pulumi config set <key> <value> --stack ${stack}.`,
        );
    }
    const stackConfig = (document.config ?? {}) as Record<string, unknown>;
    if (typeof stackConfig !== "object" || Array.isArray(stackConfig)) {
        throw new StackFileError(`Pulumi.${stack}.yaml: config must be a mapping of keys to values.`);
    }
    return stackConfig;
}

/** Why the CLI would refuse one key of a stack file, with the command that fixes it; undefined when it would not. */
function refusalOf(key: string, value: unknown, project: ProjectFile, stack: string, source?: string): string | undefined {
    if (!key.includes(":")) {
        const fix = `write ${project.name}:${key} in the file, or: ${configSetCommand(key, asConfigString(value), stack)}`;
        return `${key} has no namespace, which the CLI refuses in a stack file: ${fix}`;
    }
    const [namespace, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    const declaration = namespace === project.name ? (project.config?.[name] as Declaration | undefined) : undefined;
    // A plaintext provider secret (databricks:token) is the program's problem, as under the CLI: said once, with its namespace.
    const refusal = cliRefusal(name, value, declaration, stack, source);
    // A secret's value is never shown, not even the plaintext one being refused.
    const given = declaration?.secret ? "is in plaintext" : `is ${JSON.stringify(value)}`;
    return refusal && `${key} ${given} (${refusal.reason}). Fix: ${refusal.fix}`;
}

/** Each plain scalar of the stack file's config as the file spells it (1.10, where YAML reads the number 1.1). */
function scalarSources(root: string, stack: string): Record<string, string> {
    const document = parseDocument(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8"));
    const config = document.get("config", true);
    if (!isMap(config)) return {};
    return Object.fromEntries(
        config.items.flatMap((pair) =>
            isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.source === "string"
                ? [[String(pair.key.value), pair.value.source]]
                : [],
        ),
    );
}

export function readStackConfig(root: string, stack: string): StackConfigFiles {
    const project = readYaml(join(root, "Pulumi.yaml"), "Pulumi.yaml") as unknown as ProjectFile;
    const stackConfig = readStackDocument(root, stack);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, declaration] of Object.entries<Record<string, unknown>>(project.config ?? {})) {
        if (declaration && typeof declaration === "object" && "default" in declaration)
            config[`${project.name}:${key}`] = asConfigString(declaration.default);
        if (declaration?.secret) secretKeys.push(`${project.name}:${key}`);
    }
    // What the CLI refuses before any program runs, the plan refuses too, with the command that fixes it.
    const refusals: string[] = [];
    const sources = scalarSources(root, stack);
    for (const [key, value] of Object.entries(stackConfig)) {
        if (value !== null && typeof value === "object" && "secure" in (value as object) && key.includes(":")) {
            config[key] = secretPlaceholder(key);
            secretKeys.push(key);
            continue;
        }
        const refusal = refusalOf(key, value, project, stack, sources[key]);
        if (refusal) refusals.push(refusal);
        else config[key] = asConfigString(value);
    }
    if (refusals.length > 0) {
        const problems = `${refusals.length} problem${refusals.length === 1 ? "" : "s"}`;
        throw new StackFileError(`Pulumi.${stack}.yaml has ${problems} the Pulumi CLI refuses too: ${refusals.join("; ")}.`);
    }
    // Secrets are encrypted for one backend and often kept out of the repository: plan without them, and say so.
    const missingSecrets = secretKeys.filter((key) => config[key] === undefined);
    for (const key of missingSecrets) config[key] = secretPlaceholder(key);
    return { project: project.name, config, secretKeys: [...new Set(secretKeys)], missingSecrets };
}
